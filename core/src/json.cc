#include "attrib/json.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/detail/conversions/to_chars.hpp>

#include "attrib/text.h"

namespace attrib {
namespace {

using json = nlohmann::ordered_json;

// Builds the JSON value of each result element, for ToJson() (pretty printing, UNO).
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

// The escape nlohmann::json::dump() writes for a code point below 0x80 (empty = none).
std::string_view EscapeOf(char c) {
  static constexpr const char* kControl[32] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
  const auto u = static_cast<unsigned char>(c);
  if (u < 0x20) return kControl[u];
  if (c == '"') return "\\\"";
  if (c == '\\') return "\\\\";
  return {};
}

void AppendInt(std::string* out, int64_t v) {
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out->append(buf, end);
}

// Writes the result element by element into a string: the same bytes as ToJson().dump().
class StreamWriter {
 public:
  // With a `sink`, the text written so far goes there every 64 KB (memory stays flat).
  StreamWriter(std::string* out, const Document& doc, OffsetUnit unit, bool include_text,
               std::ostream* sink = nullptr)
      : out_(*out), doc_(doc), include_text_(include_text), sink_(sink) {
    // Without surrogates (text in the BMP, most news) code points are UTF-16 units: no map.
    const std::u16string& text = doc.text();
    const bool surrogates =
        std::any_of(text.begin(), text.end(), [](char16_t c) { return U16_IS_SURROGATE(c); });
    if (unit == OffsetUnit::kCodePoint && surrogates) to_cp_ = Utf16ToCodePointOffsets(text);
  }

  void Write(const Speaker& s) {
    Key("{\"id\":");
    AppendInt(&out_, s.id);
    Key(",\"name\":");
    AppendJsonString(&out_, s.name);
    Key(",\"role\":");
    AppendJsonString(&out_, s.role);
    Key(s.anonymous ? ",\"anonymous\":true,\"mentions\":[" : ",\"anonymous\":false,\"mentions\":[");
    for (size_t i = 0; i < s.mentions.size(); ++i) {
      if (i) out_ += ',';
      SpanOf(s.mentions[i]);
    }
    out_ += "]}";
  }

  void Write(const Quote& q) {
    Key("{\"id\":");
    AppendInt(&out_, q.id);
    Key(",\"type\":\"");
    Key(QuoteKindName(q.kind));  // a fixed ASCII name
    Key("\",\"start\":");
    AppendInt(&out_, Offset(q.content.begin));
    Key(",\"end\":");
    AppendInt(&out_, Offset(q.content.end));
    Key(",\"marked\":");
    SpanOf(q.marked);
    Key(",\"speaker\":");
    IdOf(q.speaker);
    Key(",\"speaker_mention\":");
    SpanOf(q.speaker_mention);
    Key(",\"cue\":");
    SpanOf(q.cue);
    Key(q.agentless ? ",\"agentless\":true,\"confidence\":"
                    : ",\"agentless\":false,\"confidence\":");
    AppendJsonNumber(&out_, q.confidence);
    Key(",\"rule\":");
    AppendJsonString(&out_, q.rule);
    if (!q.fragments.empty()) {
      Key(",\"fragments\":[");
      for (size_t i = 0; i < q.fragments.size(); ++i) {
        if (i) out_ += ',';
        SpanOf(q.fragments[i]);
      }
      out_ += ']';
    }
    if (include_text_) {
      Key(",\"text\":");
      TextOf(q.content);
    }
    out_ += '}';
  }

  void Write(const Claim& c) {
    Key("{\"id\":");
    AppendInt(&out_, c.id);
    Key(",\"start\":");
    AppendInt(&out_, Offset(c.span.begin));
    Key(",\"end\":");
    AppendInt(&out_, Offset(c.span.end));
    Key(",\"score\":");
    AppendJsonNumber(&out_, c.score);
    Key(",\"kinds\":[");
    for (size_t i = 0; i < c.kinds.size(); ++i) {
      Key(i ? ",\"" : "\"");
      Key(ClaimKindName(c.kinds[i]));  // a fixed ASCII name
      out_ += '"';
    }
    Key("],\"attributed_to\":");
    IdOf(c.attributed_to);
    Key(",\"unattributed_reason\":");
    if (c.unattributed_reason.empty()) {
      out_ += "null";
    } else {
      AppendJsonString(&out_, c.unattributed_reason);
    }
    Key(",\"rule\":");
    AppendJsonString(&out_, c.rule);
    out_ += '}';
  }

  template <typename T>
  void Array(const char* key, const std::vector<T>& items) {
    Key(",\"");
    Key(key);
    Key("\":[");
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += ',';
      Write(items[i]);
      if (sink_ && out_.size() > (1 << 16)) {
        *sink_ << out_;
        out_.clear();
      }
    }
    out_ += ']';
  }

 private:
  void Key(std::string_view s) { out_.append(s); }
  int32_t Offset(int32_t o) const { return to_cp_.empty() ? o : to_cp_[o]; }
  void SpanOf(const Span& s) {
    out_ += '[';
    AppendInt(&out_, Offset(s.begin));
    out_ += ',';
    AppendInt(&out_, Offset(s.end));
    out_ += ']';
  }
  void SpanOf(const std::optional<Span>& s) {
    if (s) {
      SpanOf(*s);
    } else {
      out_ += "null";
    }
  }
  void IdOf(const std::optional<int>& v) {
    if (v) {
      AppendInt(&out_, *v);
    } else {
      out_ += "null";
    }
  }
  // The quote's text straight from UTF-16 to escaped UTF-8 (as Utf16ToUtf8() would convert
  // it: an unpaired surrogate becomes U+FFFD), without an intermediate string.
  void TextOf(const Span& s) {
    const char16_t* text = doc_.text().data() + s.begin;
    const int32_t length = s.size();
    // At most 6 bytes (\u00xx) per unit, and the quotes: write through a pointer, then trim.
    const size_t start = out_.size();
    out_.resize(start + 6 * static_cast<size_t>(length) + 2);
    auto* o = reinterpret_cast<uint8_t*>(out_.data() + start);
    size_t k = 0;
    o[k++] = '"';
    int32_t i = 0;
    while (i < length) {
      UChar32 c;
      U16_NEXT(text, i, length, c);
      if (c < 0x80) {
        const char ascii = static_cast<char>(c);
        if (c >= 0x20 && c != '"' && c != '\\') {
          o[k++] = static_cast<uint8_t>(c);
        } else {
          std::string_view e = EscapeOf(ascii);
          std::memcpy(o + k, e.data(), e.size());
          k += e.size();
        }
        continue;
      }
      if (U_IS_SURROGATE(c)) c = 0xFFFD;
      U8_APPEND_UNSAFE(o, k, c);
    }
    o[k++] = '"';
    out_.resize(start + k);
  }

  std::string& out_;
  const Document& doc_;
  const bool include_text_;
  std::ostream* const sink_;
  std::vector<int32_t> to_cp_;
};

void WriteStreamed(std::string* out, const Document& doc, const Analysis& analysis, OffsetUnit unit,
                   std::string_view id_json, bool include_text, std::ostream* sink) {
  StreamWriter w(out, doc, unit, include_text, sink);
  out->push_back('{');
  if (!id_json.empty()) {
    out->append("\"id\":");
    out->append(id_json);
    out->push_back(',');
  }
  out->append("\"lang\":");
  AppendJsonString(out, analysis.language);
  out->append(unit == OffsetUnit::kCodePoint ? ",\"offsets\":\"codepoint\""
                                             : ",\"offsets\":\"utf16\"");
  w.Array("speakers", analysis.speakers);
  w.Array("quotes", analysis.quotes);
  w.Array("claims", analysis.claims);
  out->push_back('}');
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view utf8) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto u = static_cast<unsigned char>(utf8[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out->append(utf8.data() + run, i - run);
    out->append(EscapeOf(utf8[i]));
    run = i + 1;
  }
  out->append(utf8.data() + run, utf8.size() - run);
  out->push_back('"');
}

void AppendJsonNumber(std::string* out, double value) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  // nlohmann's own shortest round-trip formatter (Grisu2), so the digits are dump()'s.
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, end);
}

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

void AppendJson(std::string* out, const Document& doc, const Analysis& analysis, OffsetUnit unit,
                std::string_view id_json, bool include_text) {
  WriteStreamed(out, doc, analysis, unit, id_json, include_text, nullptr);
}

void WriteJson(std::ostream& os, const Document& doc, const Analysis& analysis, OffsetUnit unit,
               const nlohmann::ordered_json& id, bool include_text) {
  std::string out;
  WriteStreamed(&out, doc, analysis, unit, id.is_null() ? std::string() : id.dump(), include_text,
                &os);
  os << out;
}

}  // namespace attrib
