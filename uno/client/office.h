// A private headless LibreOffice with the built extension installed, driven over UNO from C++.
// Used by the writer integration tests and by `attrib annotate`.
//
//   std::string error;
//   std::unique_ptr<attrib::office::Office> office = attrib::office::Office::Start({}, &error);
//   if (!office) { ... error ... }
//   auto doc = office->Load("/path/in.odt", &error);
//   ...
//   office.reset();  // terminate, kill the process group if needed, delete the profile
//
// What Start() does: makes <work_root>/<tag>-XXXXXX/, installs the .oxt there with
// `unopkg add -s --shared -env:UserInstallation=... -env:UNO_SHARED_PACKAGES_CACHE=...`, starts
// `soffice --headless ...` in its OWN process group with its own pipe name and its output in
// <dir>/soffice.log, and connects. Cleanup is unconditional: the destructor, an atexit hook and
// fatal-signal handlers all kill the group, and for a kill -9 (no handler runs) a small watcher
// process kills it and removes the directory when our end of its pipe closes; no soffice.bin
// survives its Office.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "common/strings.h"

namespace attrib::office {

struct OfficeOptions {
  std::string oxt;          // the extension to install; "" = BuiltOxtPath(); "-" = none
  std::string types_rdb;    // our types, for the client side; "" = BuiltRdbPath() when it exists
  std::string program_dir;  // LibreOffice's program/ directory; "" = the build's
  std::string work_root;    // parent of the throwaway directory; "" = $TMPDIR or /tmp
  std::string tag = "attrib-office";  // prefix of the throwaway directory's name
  int start_timeout_seconds = 60;     // install + start + connect
  // When set, the start ends by this time instead (a caller's deadline for the whole run).
  std::optional<std::chrono::steady_clock::time_point> start_deadline;
  int stop_timeout_seconds = 15;
  bool keep_dir = false;  // keep profile and log (debugging)
  // Install the .oxt once into ~/.cache/attrib/install-<key> (key: the .oxt's path, size and
  // time, and LibreOffice's) and copy it from there on later starts.
  bool install_cache = true;
  std::function<void(const std::string&)> progress;  // progress lines, e.g. to stderr
};

// Kills the process group `pgid` with SIGKILL at `deadline` unless dismissed (or destroyed)
// first: a UNO call that blocks on a hung or still-starting office cannot outlive a deadline.
class KillAtDeadline {
 public:
  KillAtDeadline(std::chrono::steady_clock::time_point deadline, pid_t pgid);
  ~KillAtDeadline();
  KillAtDeadline(const KillAtDeadline&) = delete;
  KillAtDeadline& operator=(const KillAtDeadline&) = delete;
  void Dismiss();
  bool fired();  // true once the group was killed

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool dismissed_ = false;
  bool fired_ = false;
  std::thread thread_;
};

class Office {
 public:
  // Returns null and sets *error (with the log's tail) on failure; nothing is left running.
  static std::unique_ptr<Office> Start(const OfficeOptions& options, std::string* error);
  ~Office();
  Office(const Office&) = delete;
  Office& operator=(const Office&) = delete;

  // Terminates soffice (Desktop.terminate, then SIGTERM/SIGKILL of the group on timeout),
  // disposes the bridge and removes the directory. Idempotent; never throws.
  void Stop() noexcept;

  const css::uno::Reference<css::uno::XComponentContext>& context() const { return context_; }
  css::uno::Reference<css::frame::XDesktop2> desktop() const;
  // Loads a document hidden (with an import filter, if given); null + *error when it cannot be
  // opened. Every question LibreOffice asks while loading is answered "abort"; a document that
  // asks for a password gets an *error saying so. A path holding ':' is a path ("notes:1.odt"),
  // a URL has "scheme://" (or is "private:…").
  css::uno::Reference<css::lang::XComponent> Load(const std::string& path_or_url,
                                                  std::string* error,
                                                  const std::string& filter_name = "",
                                                  const std::string& filter_options = "") const;
  css::uno::Reference<css::lang::XComponent> NewWriterDocument() const;

  const std::string& dir() const { return dir_; }
  std::string log_path() const { return dir_ + "/soffice.log"; }
  pid_t process_group() const { return pgid_; }
  std::string LogTail(size_t bytes = 2000) const;

 private:
  Office() = default;
  OfficeOptions options_;
  std::string dir_;
  pid_t pgid_ = -1;
  pid_t watch_pid_ = -1;  // kills the group if this process dies without Stop() (kill -9)
  int watch_fd_ = -1;     // the watcher's pipe: closed by the kernel when we die
  css::uno::Reference<css::lang::XComponent> bridge_;
  css::uno::Reference<css::uno::XComponentContext> context_;
};

// UTF-8 <-> UNO strings: the one pair in common/strings.h. (ToOUString: bench/ still calls it.)
using uno::FromUtf8;
using uno::ToUtf8;
inline rtl::OUString ToOUString(std::string_view utf8) {
  return uno::FromUtf8(utf8);
}

// What a dispatched command reported through its XDispatchResultListener.
struct DispatchOutcome {
  bool available = false;  // queryDispatch answered, and the dispatch can notify
  bool finished = false;   // the listener heard back
  bool success = false;    // DispatchResultState::SUCCESS
  std::string result;      // the command's result string (our commands: a JSON summary)
};

// Dispatches `url` on `frame` — queryDispatch first: a command with no handler would silently
// do nothing — and waits for its notification. Throws only css::uno::Exception from the bridge.
DispatchOutcome DispatchAndWait(const css::uno::Reference<css::uno::XComponentContext>& context,
                                const css::uno::Reference<css::frame::XFrame>& frame,
                                const std::string& url,
                                const css::uno::Sequence<css::beans::PropertyValue>& args = {});

// The attrib.oxt / attrib.rdb of this build tree.
std::string BuiltOxtPath();
std::string BuiltRdbPath();
std::string DefaultProgramDir();
// "/abs/path" -> "file:///abs/path" (percent-encoded); relative paths are made absolute.
std::string FileUrl(const std::string& path);
// The client's own UNO context (bootstrapped once, with our types); throws on failure.
css::uno::Reference<css::uno::XComponentContext> LocalContext(const std::string& types_rdb);

}  // namespace attrib::office
