#include "attrib/text.h"

#include <unicode/ustring.h>
#include <unicode/utf16.h>

namespace attrib {

Status Utf8ToUtf16(std::string_view utf8, std::u16string* out) {
  out->clear();
  if (utf8.empty()) return Status();
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return Status::Error("input larger than 2 GB");
  UErrorCode err = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strFromUTF8(nullptr, 0, &needed, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) {
    return Status::Error("input is not valid UTF-8");
  }
  out->resize(needed);
  err = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(out->data()), needed, nullptr, utf8.data(),
                static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) {
    out->clear();
    return Status::Error("input is not valid UTF-8");
  }
  return Status();
}

std::string Utf16ToUtf8(std::u16string_view utf16) {
  std::string out;
  if (utf16.empty()) return out;
  UErrorCode err = U_ZERO_ERROR;
  int32_t needed = 0;
  const auto* src = reinterpret_cast<const UChar*>(utf16.data());
  const auto len = static_cast<int32_t>(utf16.size());
  u_strToUTF8WithSub(nullptr, 0, &needed, src, len, 0xFFFD, nullptr, &err);
  out.resize(needed);
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), needed, nullptr, src, len, 0xFFFD, nullptr, &err);
  if (U_FAILURE(err)) out.clear();
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
