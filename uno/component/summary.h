// The JSON a command returns as its dispatch result (read by `attrib annotate`, the tests and
// the benchmark): counts, what was skipped, and for Mark Claims the claims it marked.
#pragma once

#include <nlohmann/json.hpp>
#include <rtl/ustring.hxx>
#include <string>

#include "attrib/attrib.h"
#include "component/writer_doc.h"

namespace attrib::uno {

// The document read and the engine run on paragraphs [first, last] of it.
struct Analysed {
  DocParagraphs paragraphs;
  Document input;
  Analysis analysis;
  EditPlan plan;
  int32_t first = 0;
};

// {"command", "marks", "comments", "footnotes", "removed", "skipped", and with `a`
// "paragraphs", "quotes", "speakers", "claims"} updated with `extra`.
rtl::OUString Summary(const char* command, const Analysed* a, const ApplyCounts& counts,
                      nlohmann::json extra = nlohmann::json::object());
// The claims of a.plan as marked: name (of its comment), text, score, kinds, attributed_to,
// unattributed_reason, comment. `claim_base`: what OffsetIds added to the engine's claim ids.
nlohmann::json ClaimList(const Analysed& a, const MarkRecord& record, int claim_base);

}  // namespace attrib::uno
