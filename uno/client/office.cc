#include "client/office.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/BridgeFactory.hpp>
#include <com/sun/star/bridge/XBridge.hpp>
#include <com/sun/star/connection/Connector.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/task/PasswordRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <condition_variable>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <rtl/bootstrap.hxx>
#include <rtl/ref.hxx>
#include <sstream>
#include <thread>
#include <vector>

namespace attrib::office {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using Clock = std::chrono::steady_clock;

using uno::FromUtf8;
using uno::ToUtf8;

// Holds its own outcome (it is ref-counted: a late notification never writes into a dead frame).
class ResultListener : public cppu::WeakImplHelper1<css::frame::XDispatchResultListener> {
 public:
  void SAL_CALL dispatchFinished(const css::frame::DispatchResultEvent& e) override {
    OUString s;
    e.Result >>= s;
    std::lock_guard<std::mutex> lock(mutex_);
    outcome_.finished = true;
    outcome_.success = e.State == css::frame::DispatchResultState::SUCCESS;
    outcome_.result = ToUtf8(s);
  }
  void SAL_CALL disposing(const css::lang::EventObject&) override {}
  DispatchOutcome outcome() {
    std::lock_guard<std::mutex> lock(mutex_);
    return outcome_;
  }

 private:
  std::mutex mutex_;
  DispatchOutcome outcome_;
};

// Answers every question a load asks (there is no one to ask in a headless office) with
// "abort", and remembers whether it was for a password.
class AbortingHandler : public cppu::WeakImplHelper1<css::task::XInteractionHandler> {
 public:
  void SAL_CALL handle(const Reference<css::task::XInteractionRequest>& request) override {
    css::task::PasswordRequest password;
    if (request->getRequest() >>= password) password_asked = true;
    for (const Reference<css::task::XInteractionContinuation>& c : request->getContinuations()) {
      if (Reference<css::task::XInteractionAbort> abort{c, UNO_QUERY}; abort.is()) {
        abort->select();
        return;
      }
    }
  }
  std::atomic<bool> password_asked{false};
};

// "file:///x", "private:factory/swriter", "vnd.sun.star.pkg://…": a URL; "dir:1/in.odt" and
// "notes:draft.odt" (relative paths holding a ':') are not.
bool IsUrl(const std::string& s) {
  if (s.rfind("private:", 0) == 0 || s.rfind(".uno:", 0) == 0) return true;
  const size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0])))
    return false;
  for (size_t i = 1; i < colon; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return s.compare(colon, 3, "://") == 0;
}

// --- process groups that must die with us ------------------------------------------------------
constexpr int kMaxGroups = 64;
std::atomic<pid_t> g_groups[kMaxGroups];

void KillAllGroups() {
  for (auto& g : g_groups) {
    pid_t pgid = g.exchange(0);
    if (pgid > 0) ::kill(-pgid, SIGKILL);
  }
}

void OnFatalSignal(int sig) {
  KillAllGroups();  // kill() is async-signal-safe
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void InstallCleanupHooks() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::atexit(KillAllGroups);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE}) {
      struct sigaction old {};
      sigaction(sig, nullptr, &old);
      if (old.sa_handler == SIG_DFL) std::signal(sig, OnFatalSignal);
    }
  });
}

void RegisterGroup(pid_t pgid) {
  for (auto& g : g_groups) {
    pid_t expected = 0;
    if (g.compare_exchange_strong(expected, pgid)) return;
  }
}
void UnregisterGroup(pid_t pgid) {
  for (auto& g : g_groups) {
    pid_t expected = pgid;
    g.compare_exchange_strong(expected, 0);
  }
}

// True while a process of group `pgid` runs. A killed soffice.bin whose parent (oosplash) died
// too is a zombie until init reaps it — which some container inits do late — so zombies
// (state Z in /proc/PID/stat) do not count.
bool GroupAlive(pid_t pgid) {
  if (!(::kill(-pgid, 0) == 0 || errno == EPERM)) return false;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so parse after the
    // last ')'.
    const size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 1));
    char state = 0;
    long ppid = 0, pgrp = 0;
    if (!(rest >> state >> ppid >> pgrp)) continue;
    if (pgrp == pgid && state != 'Z' && state != 'X') return true;
  }
  return ec ? true : false;  // no /proc: trust kill(2)
}

// Starts argv[0] in a new process group, stdin from /dev/null, stdout+stderr appended to `log`,
// with TMPDIR set to `tmp` (LibreOffice's own lu*.tmp folders then go with our directory, also
// when soffice is killed).
pid_t Spawn(const std::vector<std::string>& args, const std::string& log, const std::string& tmp,
            std::string* error) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "TMPDIR=", 7) != 0) env_strings.emplace_back(*e);
  }
  env_strings.push_back("TMPDIR=" + tmp);
  std::vector<char*> envp;
  for (const std::string& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork failed: ") + std::strerror(errno);
    return -1;
  }
  if (pid == 0) {  // child: async-signal-safe calls only
    ::setpgid(0, 0);
    int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    int in = ::open("/dev/null", O_RDONLY);
    if (out >= 0) {
      ::dup2(out, 1);
      ::dup2(out, 2);
    }
    if (in >= 0) ::dup2(in, 0);
    ::execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  ::setpgid(pid, pid);  // also here: no race with the child's own call
  RegisterGroup(pid);
  return pid;
}

// A watcher process for when this process dies without cleaning up (kill -9: no handler runs):
// it blocks reading a pipe whose only write end this process holds; when the pipe closes
// without Stop() having dismissed it first, it kills soffice's process group and removes the
// throwaway directory (the private input copy and its lock file with it). Returns its pid and
// the write end in *write_end, or -1.
pid_t SpawnDeathWatch(pid_t pgid, const std::string& dir, bool keep_dir, int* write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  // Prepared before fork: the child may only make async-signal-safe calls.
  std::vector<std::string> rm = {"/bin/rm", "-rf", "--", dir};
  std::vector<char*> argv;
  for (const std::string& a : rm) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    ::setpgid(0, 0);  // not in our group: a kill of the caller's group spares it
    // Only the pipe's read end stays open: an inherited write end (another Office's watcher
    // pipe) would keep that pipe from ever closing.
    for (int fd = 3; fd < 4096; ++fd) {
      if (fd != fds[0]) ::close(fd);
    }
    char c;
    while (::read(fds[0], &c, 1) < 0 && errno == EINTR) {
    }
    ::kill(-pgid, SIGKILL);
    if (!keep_dir) ::execv(argv[0], argv.data());
    _exit(0);
  }
  ::close(fds[0]);
  *write_end = fds[1];
  return pid;
}

// Waits for `pid` up to `timeout`; returns its wait status or -1 on timeout.
int WaitFor(pid_t pid, Clock::duration timeout) {
  auto deadline = Clock::now() + timeout;
  while (true) {
    int status = 0;
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0) return 0;  // already reaped
    if (Clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// Kills what is left of the group; waits until nothing of it remains.
void KillGroup(pid_t pgid, pid_t leader) {
  if (pgid <= 0) return;
  if (GroupAlive(pgid)) {
    ::kill(-pgid, SIGTERM);
    auto deadline = Clock::now() + std::chrono::seconds(3);
    while (GroupAlive(pgid) && Clock::now() < deadline) {
      ::waitpid(leader, nullptr, WNOHANG);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (GroupAlive(pgid)) ::kill(-pgid, SIGKILL);
  }
  WaitFor(leader, std::chrono::seconds(5));
  auto deadline = Clock::now() + std::chrono::seconds(5);
  while (GroupAlive(pgid) && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  UnregisterGroup(pgid);
}

std::string ReadTail(const std::string& path, size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  return s.size() > bytes ? s.substr(s.size() - bytes) : s;
}

std::string UniquePipeName() {
  std::random_device rd;
  std::ostringstream os;
  os << "attrib_" << ::getpid() << "_" << std::hex << rd() << rd();
  return os.str();
}

bool Executable(const std::string& path) {
  return ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string BuiltOxtPath() {
  return ATTRIB_BUILT_OXT;
}
std::string BuiltRdbPath() {
  return ATTRIB_BUILT_RDB;
}
std::string DefaultProgramDir() {
  return ATTRIB_LO_PROGRAM;
}

std::string FileUrl(const std::string& path) {
  std::string abs = std::filesystem::absolute(path).lexically_normal().string();
  std::string url = "file://";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : abs) {
    if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

Reference<css::uno::XComponentContext> LocalContext(const std::string& types_rdb) {
  static std::mutex mutex;
  static Reference<css::uno::XComponentContext> local;
  std::lock_guard<std::mutex> lock(mutex);
  if (local.is()) return local;
  // Without our types (and offapi) on the client side the first call that moves them crashes.
  std::string types = FileUrl(DefaultProgramDir() + "/types/offapi.rdb");
  if (!types_rdb.empty()) types += " " + FileUrl(types_rdb);
  rtl::Bootstrap::set("URE_MORE_TYPES", FromUtf8(types));
  local = cppu::defaultBootstrap_InitialComponentContext(
      FromUtf8(FileUrl(DefaultProgramDir() + "/unorc")));
  return local;
}

// Where the install of `oxt` into a shared packages cache is kept: $XDG_CACHE_HOME (or
// ~/.cache)/attrib/install-<key>, the key naming the .oxt (path, size, modification time) and
// the LibreOffice that installed it; "" when there is no cache folder.
std::string InstallCachePath(const std::string& oxt, const std::string& program_dir) {
  std::string root;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
    root = x;
  else if (const char* h = std::getenv("HOME"); h && *h)
    root = std::string(h) + "/.cache";
  else
    return "";
  std::error_code ec;
  const std::filesystem::path path = std::filesystem::absolute(oxt, ec);
  std::string key = path.string() + "\n";
  for (const std::string& f : {path.string(), program_dir + "/soffice.bin"}) {
    struct stat st {};
    if (::stat(f.c_str(), &st) != 0) return "";
    key += std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec) + "\n";
  }
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  char name[40];
  std::snprintf(name, sizeof name, "install-%016llx", static_cast<unsigned long long>(h));
  return root + "/attrib/" + name;
}

// Copies a fresh install (`from`, a shared packages cache) to the cache folder `to`: into a
// private folder first, then renamed, so that a reader sees a whole install or none. Failures
// only mean the next run installs again.
// Earlier installs of the same .oxt path (older builds of it) are removed.
void StoreInstall(const std::string& from, const std::string& to, const std::string& oxt) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string source = fs::absolute(oxt, ec).string();
  for (const auto& e : fs::directory_iterator(fs::path(to).parent_path(), ec)) {
    std::ifstream in(e.path() / "source");
    std::string line;
    if (e.path() != fs::path(to) && std::getline(in, line) && line == source)
      fs::remove_all(e.path(), ec);
  }
  const std::string staging = to + ".tmp-" + std::to_string(::getpid());
  fs::create_directories(staging, ec);
  fs::copy(from, staging + "/shared_cache", fs::copy_options::recursive, ec);
  if (!ec) {
    std::ofstream(staging + "/source") << source << "\n";
    std::ofstream(staging + "/complete") << "installed\n";
  }
  if (ec || (fs::rename(staging, to, ec), ec)) fs::remove_all(staging, ec);
}

KillAtDeadline::KillAtDeadline(std::chrono::steady_clock::time_point deadline, pid_t pgid)
    : thread_([this, deadline, pgid] {
        std::unique_lock<std::mutex> lock(mutex_);
        if (!cv_.wait_until(lock, deadline, [this] { return dismissed_; })) {
          fired_ = true;
          if (pgid > 0) ::kill(-pgid, SIGKILL);
        }
      }) {}

KillAtDeadline::~KillAtDeadline() {
  Dismiss();
}

void KillAtDeadline::Dismiss() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dismissed_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool KillAtDeadline::fired() {
  std::lock_guard<std::mutex> lock(mutex_);
  return fired_;
}

std::unique_ptr<Office> Office::Start(const OfficeOptions& opts, std::string* error) {
  InstallCleanupHooks();
  std::unique_ptr<Office> office(new Office());
  office->options_ = opts;
  OfficeOptions& o = office->options_;
  if (o.program_dir.empty()) o.program_dir = DefaultProgramDir();
  if (o.oxt.empty()) o.oxt = BuiltOxtPath();
  if (o.types_rdb.empty() && std::filesystem::exists(BuiltRdbPath())) o.types_rdb = BuiltRdbPath();
  auto say = [&](const std::string& s) {
    if (o.progress) o.progress(s);
  };
  const std::string soffice = o.program_dir + "/soffice";
  const std::string unopkg = o.program_dir + "/unopkg";
  if (!Executable(soffice)) {
    *error = "LibreOffice not found: " + soffice +
             " is missing (install libreoffice-writer, see scripts/setup-debian.sh)";
    return nullptr;
  }
  if (o.oxt != "-" && !std::filesystem::exists(o.oxt)) {
    *error = "extension not found: " + o.oxt + " (build the attrib_oxt target)";
    return nullptr;
  }
  std::string root = o.work_root;
  if (root.empty()) root = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  std::string templ = root + "/" + o.tag + "-XXXXXX";
  if (::mkdtemp(templ.data()) == nullptr) {
    *error = "cannot create a directory in " + root + ": " + std::strerror(errno);
    return nullptr;
  }
  office->dir_ = templ;
  const std::string& dir = office->dir_;
  const std::string log = office->log_path();
  const std::string tmp = dir + "/tmp";
  std::filesystem::create_directories(tmp);
  const std::string profile = "-env:UserInstallation=" + FileUrl(dir + "/profile");
  const std::string cache = "-env:UNO_SHARED_PACKAGES_CACHE=" + FileUrl(dir + "/shared_cache");
  const auto deadline = o.start_deadline
                            ? *o.start_deadline
                            : Clock::now() + std::chrono::seconds(o.start_timeout_seconds);
  auto fail = [&](const std::string& what) {
    *error = what + "\n--- " + log + " (tail) ---\n" + office->LogTail();
    office->Stop();
    return nullptr;
  };

  if (o.oxt != "-") {
    // The installed extension is a folder of files with no absolute path in them: installed
    // once per .oxt into the install cache and copied from there (milliseconds instead of
    // unopkg's seconds).
    const std::string cached = o.install_cache ? InstallCachePath(o.oxt, o.program_dir) : "";
    std::error_code ec;
    bool copied = false;
    if (!cached.empty() && std::filesystem::exists(cached + "/complete", ec)) {
      say("installing " + o.oxt + " (cached)");
      std::filesystem::copy(cached + "/shared_cache", dir + "/shared_cache",
                            std::filesystem::copy_options::recursive, ec);
      copied = !ec;
      if (!copied) std::filesystem::remove_all(dir + "/shared_cache", ec);  // install afresh
    }
    if (!copied) {
      say("installing " + o.oxt);
      pid_t pid = Spawn({unopkg, "add", "-s", "--shared", profile, cache, o.oxt}, log, tmp, error);
      if (pid < 0) return fail("cannot start unopkg");
      int status = WaitFor(pid, deadline - Clock::now());
      KillGroup(pid, pid);
      if (status == -1) return fail("unopkg timed out");
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return fail("unopkg add failed");
      if (!cached.empty()) StoreInstall(dir + "/shared_cache", cached, o.oxt);
    }
  }

  say("starting LibreOffice (headless)");
  const std::string pipe = UniquePipeName();
  pid_t pid = Spawn({soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                     "--nolockcheck", "--nofirststartwizard", profile, cache,
                     "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"},
                    log, tmp, error);
  if (pid < 0) return fail("cannot start soffice");
  office->pgid_ = pid;
  office->watch_pid_ = SpawnDeathWatch(pid, office->dir_, o.keep_dir, &office->watch_fd_);
  KillAtDeadline guard(deadline, pid);
  auto late = [&](const std::string& what) {
    return guard.fired() ? std::string("soffice did not start in time") : what;
  };

  try {
    Reference<css::uno::XComponentContext> local = LocalContext(o.types_rdb);
    Reference<css::connection::XConnector> connector = css::connection::Connector::create(local);
    Reference<css::connection::XConnection> connection;
    while (!connection.is()) {
      try {
        connection = connector->connect(FromUtf8("pipe,name=" + pipe));
      } catch (const css::connection::NoConnectException&) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
          office->pgid_ = -1;
          KillGroup(pid, pid);
          return fail("soffice exited (status " + std::to_string(status) + ") before accepting");
        }
        if (Clock::now() >= deadline) return fail("soffice did not accept a connection in time");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    Reference<css::bridge::XBridge> bridge =
        css::bridge::BridgeFactory::create(local)->createBridge("", "urp", connection, nullptr);
    office->bridge_.set(bridge, UNO_QUERY_THROW);
    office->context_.set(bridge->getInstance("StarOffice.ComponentContext"), UNO_QUERY_THROW);
  } catch (const css::uno::Exception& e) {
    guard.Dismiss();
    return fail(late("cannot connect to soffice: " + ToUtf8(e.Message)));
  } catch (const std::exception& e) {
    guard.Dismiss();
    return fail(late(std::string("cannot connect to soffice: ") + e.what()));
  }
  guard.Dismiss();
  if (guard.fired()) return fail("soffice did not start in time");
  say("LibreOffice is ready");
  return office;
}

Office::~Office() {
  Stop();
}

void Office::Stop() noexcept {
  // Dismiss the death watcher first: it must never act after a normal stop.
  if (watch_pid_ > 0) {
    ::kill(watch_pid_, SIGKILL);
    while (::waitpid(watch_pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    watch_pid_ = -1;
  }
  if (watch_fd_ >= 0) {
    ::close(watch_fd_);
    watch_fd_ = -1;
  }
  const bool asked_to_terminate = context_.is() && pgid_ > 0;
  if (asked_to_terminate) {
    // terminate() over the bridge, bounded: a hung office is killed instead.
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    Reference<css::uno::XComponentContext> context = context_;
    std::thread terminator([&] {
      try {
        css::frame::Desktop::create(context)->terminate();
      } catch (const css::uno::Exception&) {
        // the bridge closes while terminate returns: expected; the group is checked below
      }
      std::lock_guard<std::mutex> lock(m);
      done = true;
      cv.notify_all();
    });
    {
      std::unique_lock<std::mutex> lock(m);
      if (!cv.wait_for(lock, std::chrono::seconds(options_.stop_timeout_seconds),
                       [&] { return done; })) {
        ::kill(-pgid_, SIGKILL);  // unblocks the pending call
      }
    }
    terminator.join();
  }
  context_.clear();
  if (bridge_.is()) {
    try {
      bridge_->dispose();
    } catch (const css::uno::Exception&) {
      // already disposed by the remote end
    }
    bridge_.clear();
  }
  if (pgid_ > 0) {
    // Never connected (a start that failed or timed out): nothing asked the office to quit,
    // so waiting for it would only spend stop_timeout_seconds.
    if (!asked_to_terminate) ::kill(-pgid_, SIGKILL);
    if (WaitFor(pgid_, std::chrono::seconds(options_.stop_timeout_seconds)) == -1) {
      ::kill(-pgid_, SIGKILL);
    }
    KillGroup(pgid_, pgid_);
    pgid_ = -1;
  }
  if (!dir_.empty() && !options_.keep_dir) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    dir_.clear();
  }
}

Reference<css::frame::XDesktop2> Office::desktop() const {
  return css::frame::Desktop::create(context_);
}

Reference<css::lang::XComponent> Office::Load(const std::string& path_or_url, std::string* error,
                                              const std::string& filter_name,
                                              const std::string& filter_options) const {
  const std::string url = IsUrl(path_or_url) ? path_or_url : FileUrl(path_or_url);
  rtl::Reference<AbortingHandler> handler(new AbortingHandler);
  css::uno::Sequence<css::beans::PropertyValue> args(filter_name.empty() ? 2 : 4);
  args.getArray()[0].Name = "Hidden";
  args.getArray()[0].Value <<= true;
  args.getArray()[1].Name = "InteractionHandler";
  args.getArray()[1].Value <<= Reference<css::task::XInteractionHandler>(handler.get());
  if (!filter_name.empty()) {
    args.getArray()[2].Name = "FilterName";
    args.getArray()[2].Value <<= FromUtf8(filter_name);
    args.getArray()[3].Name = "FilterOptions";
    args.getArray()[3].Value <<= FromUtf8(filter_options);
  }
  std::string why;
  Reference<css::lang::XComponent> doc;
  try {
    doc = desktop()->loadComponentFromURL(FromUtf8(url), "_blank", 0, args);
  } catch (const css::uno::Exception& e) {
    why = ToUtf8(e.Message);
  }
  if (doc.is()) return doc;
  if (handler->password_asked) {
    *error = path_or_url +
             " is protected by a password, which attrib cannot give: open it in LibreOffice and "
             "save a copy without the password (File > Save As, \"Save with password\" off)";
  } else {
    *error = "LibreOffice could not open " + path_or_url + (why.empty() ? "" : ": " + why);
  }
  return nullptr;
}

Reference<css::lang::XComponent> Office::NewWriterDocument() const {
  std::string error;
  Reference<css::lang::XComponent> doc = Load("private:factory/swriter", &error);
  if (!doc.is()) throw css::uno::RuntimeException(FromUtf8(error));
  return doc;
}

std::string Office::LogTail(size_t bytes) const {
  return dir_.empty() ? "" : ReadTail(log_path(), bytes);
}

DispatchOutcome DispatchAndWait(const Reference<css::uno::XComponentContext>& context,
                                const Reference<css::frame::XFrame>& frame, const std::string& url,
                                const css::uno::Sequence<css::beans::PropertyValue>& args) {
  css::util::URL parsed;
  parsed.Complete = FromUtf8(url);
  css::util::URLTransformer::create(context)->parseStrict(parsed);
  Reference<css::frame::XNotifyingDispatch> dispatch(
      Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW)
          ->queryDispatch(parsed, "", 0),
      UNO_QUERY);
  if (!dispatch.is()) return DispatchOutcome();
  // Our commands notify before dispatchWithNotification returns (they run synchronously, see
  // uno/component/commands.h); a command that has not notified by then reads as unfinished.
  rtl::Reference<ResultListener> listener(new ResultListener);
  dispatch->dispatchWithNotification(parsed, args, listener.get());
  DispatchOutcome outcome = listener->outcome();
  outcome.available = true;
  return outcome;
}

}  // namespace attrib::office
