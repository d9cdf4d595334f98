#include "component/summary.h"

#include <algorithm>

#include "attrib/text.h"
#include "common/strings.h"

namespace attrib::uno {
namespace {

std::string SliceUtf8(const Document& doc, const Span& s) {
  return Utf16ToUtf8(std::u16string_view(doc.text()).substr(s.begin, s.size()));
}

}  // namespace

rtl::OUString Summary(const char* command, const Analysed* a, const ApplyCounts& counts,
                      nlohmann::json extra) {
  nlohmann::json j = {{"command", command},
                      {"marks", counts.marks},
                      {"comments", counts.comments},
                      {"footnotes", counts.footnotes},
                      {"removed", counts.removed}};
  std::vector<std::string> skipped = counts.skipped;
  if (a != nullptr) {
    size_t quotes = 0, speakers = 0, claims = 0;
    for (const StoryAnalysis& part : a->parts) {
      quotes += part.analysis.quotes.size();
      speakers += part.analysis.speakers.size();
      claims += part.analysis.claims.size();
    }
    j["paragraphs"] = a->paragraphs.paragraphs.size();
    j["quotes"] = quotes;
    j["speakers"] = speakers;
    j["claims"] = claims;
    skipped.insert(skipped.begin(), a->plan.skipped.begin(), a->plan.skipped.end());
  }
  j["skipped"] = skipped;
  nlohmann::json stories = nlohmann::json::array();
  for (const SkippedStory& s : counts.skipped_stories) {
    stories.push_back({{"story", s.story}, {"reason", s.reason}});
  }
  j["skipped_stories"] = stories;
  j.update(extra);
  return FromUtf8(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

nlohmann::json ClaimList(const Analysed& a, const MarkRecord& record, int claim_base) {
  nlohmann::json list = nlohmann::json::array();
  for (const PlannedClaim& pc : a.plan.claims) {
    // The story whose ids hold it: the last part whose base is at or below it.
    const int id = pc.claim - claim_base;
    const StoryAnalysis* part = nullptr;
    for (const StoryAnalysis& p : a.parts) {
      if (p.claim_base <= id) part = &p;
    }
    if (part == nullptr) continue;
    const std::vector<Claim>& claims = part->analysis.claims;
    auto cl = std::find_if(claims.begin(), claims.end(),
                           [&](const Claim& x) { return x.id == id - part->claim_base; });
    if (cl == claims.end()) continue;
    nlohmann::json kinds = nlohmann::json::array();
    for (ClaimKind k : cl->kinds) kinds.push_back(ClaimKindName(k));
    nlohmann::json who = nullptr;
    const std::vector<Speaker>& speakers = part->analysis.speakers;
    if (cl->attributed_to && *cl->attributed_to >= 0 &&
        *cl->attributed_to < static_cast<int>(speakers.size())) {
      who = speakers[*cl->attributed_to].name;
    }
    list.push_back({{"name", CommentName(record.key, kClaimCommentTag, pc.claim)},
                    {"text", SliceUtf8(part->input, cl->span)},
                    {"score", cl->score},
                    {"kinds", kinds},
                    {"attributed_to", who},
                    {"unattributed_reason", cl->unattributed_reason},
                    {"comment", pc.comment}});
  }
  return list;
}

}  // namespace attrib::uno
