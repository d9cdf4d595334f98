#include "attrib/text.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace attrib {

// One pass each way with ICU's well-formedness-checking macros (utf8.h, utf16.h): no
// preflight, no intermediate buffers. The UTF-16 text is never longer than the UTF-8 bytes.
Status Utf8ToUtf16(std::string_view utf8, std::u16string* out) {
  out->clear();
  if (utf8.empty()) return Status();
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return Status::Error("input larger than 2 GB");
  out->resize(utf8.size());
  const auto* in = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  char16_t* o = out->data();
  int32_t i = 0;
  while (i < length) {
    if (in[i] < 0x80) {  // ASCII fast path
      *o++ = in[i++];
      continue;
    }
    UChar32 c;
    U8_NEXT(in, i, length, c);  // c < 0 for ill-formed input: bad bytes, overlongs, surrogates
    if (c < 0) {
      out->clear();
      return Status::Error("input is not valid UTF-8");
    }
    size_t k = 0;
    U16_APPEND_UNSAFE(o, k, c);
    o += k;
  }
  out->resize(static_cast<size_t>(o - out->data()));
  return Status();
}

std::string Utf16ToUtf8(std::u16string_view utf16) {
  std::string out(utf16.size() * 3, '\0');  // at most 3 bytes per UTF-16 unit
  auto* o = reinterpret_cast<uint8_t*>(out.data());
  const auto length = static_cast<int32_t>(utf16.size());
  int32_t i = 0;
  size_t k = 0;
  while (i < length) {
    UChar32 c;
    U16_NEXT(utf16.data(), i, length, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;  // unpaired
    U8_APPEND_UNSAFE(o, k, c);
  }
  out.resize(k);
  return out;
}

std::vector<int32_t> Utf16ToCodePointOffsets(std::u16string_view text) {
  std::vector<int32_t> map(text.size() + 1);
  int32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    map[i] = cp;
    // The trail of a surrogate pair belongs to the same code point as its lead.
    bool pair_lead = U16_IS_LEAD(text[i]) && i + 1 < text.size() && U16_IS_TRAIL(text[i + 1]);
    if (pair_lead) {
      map[i + 1] = cp;
      ++i;
    }
    ++cp;
  }
  map[text.size()] = cp;
  return map;
}

}  // namespace attrib
