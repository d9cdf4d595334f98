#include "logic/json.h"

#include <nlohmann/json.hpp>

#include "attrib/text.h"

namespace attrib::uno {
namespace {

nlohmann::json SpanJson(const Span& s) { return nlohmann::json::array({s.begin, s.end}); }

nlohmann::json OptionalSpan(const std::optional<Span>& s) {
  return s ? SpanJson(*s) : nlohmann::json(nullptr);
}

std::string Slice(const Document& doc, const Span& s) {
  const std::u16string& text = doc.text();
  if (s.begin < 0 || s.end > static_cast<int32_t>(text.size()) || s.empty()) return "";
  return Utf16ToUtf8(std::u16string_view(text).substr(s.begin, s.size()));
}

}  // namespace

std::string AnalysisToJson(const Document& doc, const Analysis& a) {
  using nlohmann::json;
  json speakers = json::array();
  for (const Speaker& s : a.speakers) {
    json mentions = json::array();
    for (const Span& m : s.mentions) mentions.push_back(SpanJson(m));
    speakers.push_back({{"id", s.id}, {"name", s.name}, {"role", s.role},
                        {"anonymous", s.anonymous}, {"mentions", mentions}});
  }
  json quotes = json::array();
  for (const Quote& q : a.quotes) {
    quotes.push_back({{"id", q.id},
                      {"kind", QuoteKindName(q.kind)},
                      {"content", SpanJson(q.content)},
                      {"marked", SpanJson(q.marked)},
                      {"text", Slice(doc, q.content)},
                      {"speaker", q.speaker ? json(*q.speaker) : json(nullptr)},
                      {"speaker_mention", OptionalSpan(q.speaker_mention)},
                      {"cue", OptionalSpan(q.cue)},
                      {"agentless", q.agentless},
                      {"confidence", q.confidence},
                      {"rule", q.rule}});
  }
  json claims = json::array();
  for (const Claim& c : a.claims) {
    json kinds = json::array();
    for (ClaimKind k : c.kinds) kinds.push_back(ClaimKindName(k));
    claims.push_back({{"id", c.id},
                      {"span", SpanJson(c.span)},
                      {"score", c.score},
                      {"kinds", kinds},
                      {"attributed_to", c.attributed_to ? json(*c.attributed_to) : json(nullptr)},
                      {"unattributed_reason", c.unattributed_reason},
                      {"rule", c.rule}});
  }
  json out = {{"version", Version()},
              {"units", "utf16"},
              {"language", a.language},
              {"text_length", doc.text().size()},
              {"paragraphs", doc.paragraphs().size()},
              {"speakers", speakers},
              {"quotes", quotes},
              {"claims", claims}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ErrorJson(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

}  // namespace attrib::uno
