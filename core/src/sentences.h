// Sentence segmentation, one rule for the whole engine: the token stage's (tokens.h) split at
// . ! ? … followed by a capital, a digit, an opening mark or a paragraph break, except after
// abbreviations ("Mr.", "Sept.", "U.S.", single initials). The quote and speaker stages use it
// over their tokens with quotations protected; claims are scored on the unprotected split.
#pragma once

#include <string_view>
#include <vector>

#include "attrib/document.h"

namespace attrib {

// Sentences of `text` as spans in UTF-16 units from the first to the last token (so trimmed of
// surrounding white space), never crossing a paragraph break (U+000A). Linear in text size.
// SentenceRanges(text, Tokenize(text)) as spans; use SentenceRanges when the tokens are at hand.
std::vector<Span> SplitSentences(std::u16string_view text);

}  // namespace attrib
