// THE string conversions at the UNO edge, used by the component, the office client, the CLI and
// the tests alike: OUString is UTF-16 (sal_Unicode is sal_uInt16 in the published 7.4 headers,
// not char16_t), the engine uses std::u16string and UTF-8.
#pragma once

#include <rtl/ustring.hxx>
#include <string>
#include <string_view>

namespace attrib::uno {

inline std::u16string ToU16(const rtl::OUString& s) {
  return std::u16string(reinterpret_cast<const char16_t*>(s.getStr()),
                        static_cast<size_t>(s.getLength()));
}
inline rtl::OUString FromU16(std::u16string_view s) {
  return rtl::OUString(reinterpret_cast<const sal_Unicode*>(s.data()),
                       static_cast<sal_Int32>(s.size()));
}
inline std::string ToUtf8(const rtl::OUString& s) {
  rtl::OString o = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
  return std::string(o.getStr(), static_cast<size_t>(o.getLength()));
}
inline rtl::OUString FromUtf8(std::string_view s) {
  return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

}  // namespace attrib::uno
