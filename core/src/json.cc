#include "attrib/json.h"

#include "attrib/text.h"

namespace attrib {
namespace {

using json = nlohmann::ordered_json;

// Builds the JSON of each result element; ToJson() and WriteJson() share it.
class JsonBuilder {
 public:
  JsonBuilder(const Document& doc, OffsetUnit unit, bool include_text)
      : doc_(doc), unit_(unit), include_text_(include_text) {
    if (unit == OffsetUnit::kCodePoint) to_cp_ = Utf16ToCodePointOffsets(doc.text());
  }

  json Header(const Analysis& analysis) const {
    return {{"lang", analysis.language},
            {"offsets", unit_ == OffsetUnit::kCodePoint ? "codepoint" : "utf16"}};
  }

  json Of(const Speaker& s) const {
    json mentions = json::array();
    for (const Span& m : s.mentions) mentions.push_back(SpanOf(m));
    return {{"id", s.id},
            {"name", s.name},
            {"role", s.role},
            {"anonymous", s.anonymous},
            {"mentions", std::move(mentions)}};
  }

  json Of(const Quote& q) const {
    json j = {{"id", q.id},
              {"type", QuoteKindName(q.kind)},
              {"start", Offset(q.content.begin)},
              {"end", Offset(q.content.end)},
              {"marked", SpanOf(q.marked)},
              {"speaker", IdOf(q.speaker)},
              {"speaker_mention", SpanOf(q.speaker_mention)},
              {"cue", SpanOf(q.cue)},
              {"agentless", q.agentless},
              {"confidence", q.confidence},
              {"rule", q.rule}};
    if (!q.fragments.empty()) {
      json fragments = json::array();
      for (const Span& f : q.fragments) fragments.push_back(SpanOf(f));
      j["fragments"] = std::move(fragments);
    }
    if (include_text_) j["text"] = TextOf(q.content);
    return j;
  }

  json Of(const Claim& c) const {
    json kinds = json::array();
    for (ClaimKind k : c.kinds) kinds.push_back(ClaimKindName(k));
    return {{"id", c.id},
            {"start", Offset(c.span.begin)},
            {"end", Offset(c.span.end)},
            {"score", c.score},
            {"kinds", std::move(kinds)},
            {"attributed_to", IdOf(c.attributed_to)},
            {"unattributed_reason",
             c.unattributed_reason.empty() ? json() : json(c.unattributed_reason)},
            {"rule", c.rule}};
  }

 private:
  int32_t Offset(int32_t o) const { return to_cp_.empty() ? o : to_cp_[o]; }
  json SpanOf(const Span& s) const { return json::array({Offset(s.begin), Offset(s.end)}); }
  json SpanOf(const std::optional<Span>& s) const { return s ? SpanOf(*s) : json(); }
  static json IdOf(const std::optional<int>& v) { return v ? json(*v) : json(); }
  std::string TextOf(const Span& s) const {
    return Utf16ToUtf8(std::u16string_view(doc_.text()).substr(s.begin, s.size()));
  }

  const Document& doc_;
  const OffsetUnit unit_;
  const bool include_text_;
  std::vector<int32_t> to_cp_;
};

template <typename T>
json ArrayOf(const JsonBuilder& b, const std::vector<T>& items) {
  json out = json::array();
  for (const T& item : items) out.push_back(b.Of(item));
  return out;
}

template <typename T>
void WriteArray(std::ostream& os, const char* key, const JsonBuilder& b,
                const std::vector<T>& items) {
  os << ",\"" << key << "\":[";
  for (size_t i = 0; i < items.size(); ++i) os << (i ? "," : "") << b.Of(items[i]).dump();
  os << "]";
}

}  // namespace

nlohmann::ordered_json ToJson(const Document& doc, const Analysis& analysis, OffsetUnit unit,
                              const std::string& id, bool include_text) {
  JsonBuilder b(doc, unit, include_text);
  json out = json::object();
  if (!id.empty()) out["id"] = id;
  out.update(b.Header(analysis));
  out["speakers"] = ArrayOf(b, analysis.speakers);
  out["quotes"] = ArrayOf(b, analysis.quotes);
  out["claims"] = ArrayOf(b, analysis.claims);
  return out;
}

void WriteJson(std::ostream& os, const Document& doc, const Analysis& analysis, OffsetUnit unit,
               const nlohmann::ordered_json& id, bool include_text) {
  JsonBuilder b(doc, unit, include_text);
  json header = json::object();
  if (!id.is_null()) header["id"] = id;
  header.update(b.Header(analysis));
  std::string head = header.dump();
  head.pop_back();  // the closing brace: the arrays follow
  os << head;
  WriteArray(os, "speakers", b, analysis.speakers);
  WriteArray(os, "quotes", b, analysis.quotes);
  WriteArray(os, "claims", b, analysis.claims);
  os << "}";
}

}  // namespace attrib
