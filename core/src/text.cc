#include "attrib/text.h"

#include <unicode/ustring.h>
#include <unicode/utf16.h>

namespace attrib {

Status Utf8ToUtf16(std::string_view utf8, std::u16string* out) {
  out->clear();
  if (utf8.empty()) return Status();
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return Status::Error("input larger than 2 GB");
  // One pass, no ICU: the UTF-16 text is never longer than the UTF-8 bytes.
  out->resize(utf8.size());
  char16_t* o = out->data();
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const unsigned char* const end = p + utf8.size();
  auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  while (p < end) {
    const unsigned char b = *p;
    if (b < 0x80) {
      *o++ = b;
      ++p;
      continue;
    }
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) {
      if (end - p < 2 || !cont(p[1])) break;
      cp = ((b & 0x1Fu) << 6) | (p[1] & 0x3Fu);
      p += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      if (end - p < 3 || !cont(p[1]) || !cont(p[2])) break;
      if (b == 0xE0 && p[1] < 0xA0) break;   // overlong
      if (b == 0xED && p[1] >= 0xA0) break;  // a surrogate
      cp = ((b & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      p += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (end - p < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) break;
      if (b == 0xF0 && p[1] < 0x90) break;   // overlong
      if (b == 0xF4 && p[1] >= 0x90) break;  // beyond U+10FFFF
      cp = ((b & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      p += 4;
    } else {
      break;  // a stray continuation byte, C0/C1, F5..FF
    }
    if (cp < 0x10000) {
      *o++ = static_cast<char16_t>(cp);
    } else {
      *o++ = static_cast<char16_t>(U16_LEAD(cp));
      *o++ = static_cast<char16_t>(U16_TRAIL(cp));
    }
  }
  if (p < end) {
    out->clear();
    return Status::Error("input is not valid UTF-8");
  }
  out->resize(static_cast<size_t>(o - out->data()));
  return Status();
}

std::string Utf16ToUtf8(std::u16string_view utf16) {
  std::string out;
  out.reserve(utf16.size());
  const size_t n = utf16.size();
  for (size_t i = 0; i < n; ++i) {
    uint32_t c = utf16[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(utf16[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, utf16[i + 1]);
      ++i;
    } else if (U16_IS_SURROGATE(c)) {
      c = 0xFFFD;  // unpaired
    }
    if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
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
