// Stage 1: quotation marks. Pairs opening and closing marks in one linear pass over the raw
// text (no normalisation, so spans need no offset map) and repairs what drafts get wrong.
//
// Pairs: "…" “…” ‘…’ '…' «…» »…« ‹…› ›…‹ „…“ „…” ‚…‘ ‚…’ 「…」 『…』 ``…'' ''…''; the Hebrew
// gershayim ״…״ is read as " is (a mark between two letters is an acronym's: צה״ל).
// Not quotation marks: apostrophes (Russia’s, don't, '90s, rock ’n’ roll), primes and inch
// marks (5'11", 12").
// Repairs (each recorded in QuotationSpan::repairs):
//   kWrongClose    “…“  closed with the opening mark
//   kGluedClose    “…? ”He asked  the closing mark glued to the next word
//   kSpacedClose   “… ”, he said  a space before the closing mark
//   kUnclosed      a quote still open at the end of its paragraph, closed there
//   kMultiParagraph a paragraph that ends inside a quote, followed by one that reopens it:
//                  one quotation over both paragraphs
// Nesting: a quote inside a quote gets depth 1 (depth is capped; deeper marks are ignored).
// Cost: O(text) time and O(quotes) memory for any input, balanced or not.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "attrib/document.h"

namespace attrib {

enum QuoteRepair : uint8_t {
  kWrongClose = 1,
  kGluedClose = 2,
  kSpacedClose = 4,
  kUnclosed = 8,
  kMultiParagraph = 16,
};

struct QuotationSpan {
  Span marked;          // opening mark to closing mark inclusive (to paragraph end when unclosed)
  Span content;         // between the marks
  Span open;            // the opening mark
  Span close;           // the closing mark; empty (at content.end) when unclosed
  int depth = 0;        // 0 = top level
  uint8_t repairs = 0;  // QuoteRepair bits
};

// All quotations of `text` (paragraphs separated by U+000A), ordered by marked.begin.
std::vector<QuotationSpan> FindQuotations(std::u16string_view text);

}  // namespace attrib
