// Debian's static ICU archives are built -fPIE, not -fPIC: every object is position-independent
// except putil.ao, which reads glibc's `__timezone` and `tzname` PC-relative — impossible in a
// shared object. uno/CMakeLists.txt links a copy of libicuuc.a in which objcopy renames those two
// references to the hidden variables below; they hold glibc's values, copied when the module
// loads. (The engine does not use time zones; ICU only reads them for its default zone.)
#include <ctime>

extern "C" {
__attribute__((visibility("hidden"))) long attrib_icu_timezone = 0;
__attribute__((visibility("hidden"))) char* attrib_icu_tzname[2] = {nullptr, nullptr};
}

namespace {

__attribute__((constructor)) void CopyGlibcTimezone() {
  tzset();
  attrib_icu_timezone = timezone;
  attrib_icu_tzname[0] = tzname[0];
  attrib_icu_tzname[1] = tzname[1];
}

}  // namespace
