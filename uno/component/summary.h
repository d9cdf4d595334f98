// The JSON a command returns as its dispatch result (read by `attrib annotate`, the tests and
// the benchmark): counts, what was skipped, and for Mark Claims the claims it marked.
#pragma once

#include <nlohmann/json.hpp>
#include <rtl/ustring.hxx>
#include <string>

#include "attrib/attrib.h"
#include "component/writer_doc.h"
#include "logic/stories.h"

namespace attrib::uno {

// The document read and the engine run on paragraphs [first, last] of it, story by story
// (logic/stories.h; parts' `first` count from `first`).
struct Analysed {
  DocParagraphs paragraphs;
  std::vector<StoryAnalysis> parts;
  EditPlan plan;
  int32_t first = 0;
};

// {"command", "marks", "comments", "footnotes", "removed", "skipped", "skipped_stories" (each
// {"story", "reason"}: what was left as it was, and why), and with `a` "paragraphs", "quotes",
// "speakers", "claims" (summed over the stories)} updated with `extra`.
rtl::OUString Summary(const char* command, const Analysed* a, const ApplyCounts& counts,
                      nlohmann::json extra = nlohmann::json::object());
// The claims of a.plan as marked: name (of its comment), text, score, kinds, attributed_to,
// unattributed_reason, comment. `claim_base`: what OffsetIds added to the engine's claim ids.
nlohmann::json ClaimList(const Analysed& a, const MarkRecord& record, int claim_base);

}  // namespace attrib::uno
