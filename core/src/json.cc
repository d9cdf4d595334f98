#include "attrib/json.h"

#include "attrib/text.h"

namespace attrib {

nlohmann::ordered_json ToJson(const Document& doc, const Analysis& analysis, OffsetUnit unit,
                              const std::string& id, bool include_text) {
  using json = nlohmann::ordered_json;
  std::vector<int32_t> to_cp;
  if (unit == OffsetUnit::kCodePoint) to_cp = Utf16ToCodePointOffsets(doc.text());
  auto off = [&](int32_t o) -> int32_t { return to_cp.empty() ? o : to_cp[o]; };
  auto span = [&](const Span& s) { return json::array({off(s.begin), off(s.end)}); };
  auto opt_span = [&](const std::optional<Span>& s) -> json { return s ? span(*s) : json(); };
  auto opt_id = [](const std::optional<int>& v) -> json { return v ? json(*v) : json(); };

  json out = json::object();
  if (!id.empty()) out["id"] = id;
  out["lang"] = analysis.language;
  out["offsets"] = unit == OffsetUnit::kCodePoint ? "codepoint" : "utf16";

  json speakers = json::array();
  for (const Speaker& s : analysis.speakers) {
    json mentions = json::array();
    for (const Span& m : s.mentions) mentions.push_back(span(m));
    speakers.push_back({{"id", s.id}, {"name", s.name}, {"role", s.role},
                        {"anonymous", s.anonymous}, {"mentions", std::move(mentions)}});
  }
  out["speakers"] = std::move(speakers);

  json quotes = json::array();
  for (const Quote& q : analysis.quotes) {
    json j = {{"id", q.id},
              {"type", QuoteKindName(q.kind)},
              {"start", off(q.content.begin)},
              {"end", off(q.content.end)},
              {"marked", span(q.marked)},
              {"speaker", opt_id(q.speaker)},
              {"speaker_mention", opt_span(q.speaker_mention)},
              {"cue", opt_span(q.cue)},
              {"agentless", q.agentless},
              {"confidence", q.confidence},
              {"rule", q.rule}};
    if (!q.fragments.empty()) {
      json fragments = json::array();
      for (const Span& f : q.fragments) fragments.push_back(span(f));
      j["fragments"] = std::move(fragments);
    }
    if (include_text) {
      j["text"] = Utf16ToUtf8(std::u16string_view(doc.text()).substr(q.content.begin, q.content.size()));
    }
    quotes.push_back(std::move(j));
  }
  out["quotes"] = std::move(quotes);

  json claims = json::array();
  for (const Claim& c : analysis.claims) {
    json kinds = json::array();
    for (ClaimKind k : c.kinds) kinds.push_back(ClaimKindName(k));
    claims.push_back({{"id", c.id},
                      {"start", off(c.span.begin)},
                      {"end", off(c.span.end)},
                      {"score", c.score},
                      {"kinds", std::move(kinds)},
                      {"attributed_to", opt_id(c.attributed_to)},
                      {"unattributed_reason",
                       c.unattributed_reason.empty() ? json() : json(c.unattributed_reason)},
                      {"rule", c.rule}});
  }
  out["claims"] = std::move(claims);
  return out;
}

}  // namespace attrib
