// Sentence segmentation (ICU's sentence break iterator with the standard abbreviation
// suppressions: "Mr.", "U.S.", "Sept." do not end a sentence). Shared by the quote, speaker
// and claim stages.
#pragma once

#include <string_view>
#include <vector>

#include "attrib/document.h"

namespace attrib {

// Sentences of `text` as spans in UTF-16 units, trimmed of surrounding white space, never
// crossing a paragraph break (U+000A). Empty sentences are omitted. Linear in text size.
std::vector<Span> SplitSentences(std::u16string_view text, const std::string& language);

}  // namespace attrib
