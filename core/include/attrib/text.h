// UTF conversions at the engine's edges (ICU underneath). The only place offsets change unit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "attrib/status.h"

namespace attrib {

// Strict UTF-8 -> UTF-16. Invalid input (bad bytes, surrogates, overlongs) is an error.
Status Utf8ToUtf16(std::string_view utf8, std::u16string* out);
// UTF-16 -> UTF-8; unpaired surrogates become U+FFFD.
std::string Utf16ToUtf8(std::u16string_view utf16);

// Maps UTF-16 offsets of `text` to code point offsets: result[i] is the code point offset of
// UTF-16 offset i, for i in [0, text.size()]. An offset inside a surrogate pair maps to the
// pair's code point.
std::vector<int32_t> Utf16ToCodePointOffsets(std::u16string_view text);

}  // namespace attrib
