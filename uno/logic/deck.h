// The rows of the Attribution sidebar deck, made from the engine's JSON of a document (the
// schema of AnalysisToJson, logic/json.h: spans in UTF-16 units of Document::text()). Pure: no
// UNO, tested without soffice (tests/writer/deck_test.cc); uno/component/deck_panel.cc shows
// the rows in a tree control and selects a row's span in the document.
//
//   std::vector<DeckRow> rows = BuildDeckRows(nlohmann::json::parse(json), doc.text());
//   for (const DeckRow& r : rows) ...   // depth-first: a row's children follow it, level + 1
//
// The tree, in this order:
//   Speakers (n)                                        kSection, level 0
//     Emily Horne — spokeswoman … · 2 direct, 1 partial, 0 reported    kSpeaker, level 1
//       “We are ready to …” · direct · high confidence  kQuote, level 2, span = the content
//   Quotes with no speaker (n)                          kSection; its quotes at level 1
//   Claims to check (n)                                 kSection; unattributed claims first
//     Unattributed: Prices rose 5% in … · 0.87           kClaim, level 1, span = the claim
//                                                       (a sentence: no quote marks added)
// Speakers in the engine's order (first mention); quotes and claims in document order within
// their group. A section is there even when empty ("Speakers (0)"), so the editor sees that
// nothing was found rather than nothing shown.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "logic/catalog.h"

namespace attrib::uno {

struct DeckRow {
  enum class Kind { kSection, kSpeaker, kQuote, kClaim };
  Kind kind = Kind::kSection;
  int level = 0;
  std::string label;  // UTF-8, what the tree shows
  // The span to select, UTF-16 units of the analysed text, half-open; -1 when none (sections,
  // speakers).
  int32_t begin = -1, end = -1;
  int speaker = -1;  // speaker id for kSpeaker and a speaker's quotes, else -1
};

// At most `max_chars` code points of `text` (whitespace folded), "…" appended when cut.
std::string Excerpt(std::string_view utf8, size_t max_chars = 60);

// The rows for `analysis` (AnalysisToJson's object; `text` the analysed text, for the claims'
// excerpts), worded from `words` (the UI language's catalogue: deck.*, confidence.*). Never
// throws on odd JSON: what is missing or of the wrong type is skipped.
std::vector<DeckRow> BuildDeckRows(const nlohmann::json& analysis, std::u16string_view text,
                                   const Catalog& words = Catalog::For("en"));

}  // namespace attrib::uno
