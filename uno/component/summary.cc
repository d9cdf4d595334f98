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
    j["paragraphs"] = a->paragraphs.paragraphs.size();
    j["quotes"] = a->analysis.quotes.size();
    j["speakers"] = a->analysis.speakers.size();
    j["claims"] = a->analysis.claims.size();
    skipped.insert(skipped.begin(), a->plan.skipped.begin(), a->plan.skipped.end());
  }
  j["skipped"] = skipped;
  j.update(extra);
  return FromUtf8(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

nlohmann::json ClaimList(const Analysed& a, const MarkRecord& record, int claim_base) {
  nlohmann::json list = nlohmann::json::array();
  for (const PlannedClaim& pc : a.plan.claims) {
    auto cl = std::find_if(a.analysis.claims.begin(), a.analysis.claims.end(),
                           [&](const Claim& x) { return x.id == pc.claim - claim_base; });
    if (cl == a.analysis.claims.end()) continue;
    nlohmann::json kinds = nlohmann::json::array();
    for (ClaimKind k : cl->kinds) kinds.push_back(ClaimKindName(k));
    nlohmann::json who = nullptr;
    if (cl->attributed_to && *cl->attributed_to >= 0 &&
        *cl->attributed_to < static_cast<int>(a.analysis.speakers.size())) {
      who = a.analysis.speakers[*cl->attributed_to].name;
    }
    list.push_back({{"name", CommentName(record.key, kClaimCommentTag, pc.claim)},
                    {"text", SliceUtf8(a.input, cl->span)},
                    {"score", cl->score},
                    {"kinds", kinds},
                    {"attributed_to", who},
                    {"unattributed_reason", cl->unattributed_reason},
                    {"comment", pc.comment}});
  }
  return list;
}

}  // namespace attrib::uno
