// Writer benchmark: the extension's commands in a private headless soffice, against LibreOffice's
// own regex find-all + set-attribute over the same document in the same run (bench/run-writer.sh).
//
//   writer_bench [--pages N] [--scales 1,2,4] [--reps R] [--only METHODS] [--timeout S]
//                [--keep DIR] [--office-per-run]
//
// For each scale it writes a deterministic news-like document of about N x scale pages
// (500 words a page, ~58 words a paragraph; one paragraph in three quotes somebody, mostly with
// "said"; one in ten of the others is reported speech), then, each on a freshly loaded copy:
//   highlight   dispatch org.attrib:HighlightQuotes through the frame (queryDispatch checked)
//   footnotes   dispatch org.attrib:InsertFootnotes through the frame
//   native-sel  XSearchable.findAll(“[^”]*”, regex) + select the found ranges + dispatch
//               .uno:BackColor (CharBackColor on all of them): Find All + Highlighting, as a user
//               would do it, all inside soffice; checked by reading the colour back
//   native-set  findAll as above + XPropertySet.setPropertyValue(CharBackColor) on each range
//               from this process (two bridge calls per range)
//   bare-fn     Insert Footnotes with the hidden argument AttribBareFootnotes: empty footnotes at
//               the same points, no text, no bookmark — Writer's own cost of the footnotes, the
//               floor for the footnotes' growth (inserting them over the bridge instead takes
//               minutes: Writer re-lays out per edit from a non-main thread)
// The native floor is the faster of the two. Times are the command alone (load and close
// excluded), medians of R runs: wall clock, and soffice.bin's user+system CPU time in the same
// span (the honest number on a shared machine). Memory: soffice.bin's VmRSS before the command and
// its VmHWM during it (the peak is reset through /proc/<pid>/clear_refs before each command).
#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XSearchDescriptor.hpp>
#include <com/sun/star/util/XSearchable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <condition_variable>
#include <cppuhelper/implbase1.hxx>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <rtl/ref.hxx>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "client/office.h"

namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using Clock = std::chrono::steady_clock;

OUString U(const std::string& s) {
  return attrib::office::ToOUString(s);
}
std::string S(const OUString& s) {
  return attrib::office::ToUtf8(s);
}
double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// --- the document ------------------------------------------------------------------------------

// A small deterministic generator (splitmix64): the same text on every machine and library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Next() % N];
  }
  bool Chance(int percent) { return static_cast<int>(Next() % 100) < percent; }

 private:
  uint64_t state_;
};

struct Person {
  const char* name;
  const char* surname;
  const char* role;
};
constexpr Person kPeople[] = {
    {"Emily Horne", "Horne", "a spokeswoman for the National Security Council"},
    {"Mark Rutte", "Rutte", "the Dutch prime minister"},
    {"Angela Duarte", "Duarte", "the city's housing commissioner"},
    {"Tom Baxter", "Baxter", "a senior analyst at Harbor Capital"},
    {"Priya Nair", "Nair", "the director of the state health department"},
    {"James O'Connell", "O'Connell", "the union's chief negotiator"},
    {"Sofia Lindqvist", "Lindqvist", "a climate researcher at Uppsala University"},
    {"Daniel Okafor", "Okafor", "the team's head coach"},
    {"Rachel Weiss", "Weiss", "a lawyer for the families"},
    {"Henry Calder", "Calder", "the county sheriff"},
    {"Laura Mendes", "Mendes", "the company's chief executive"},
    {"Victor Hale", "Hale", "a Republican senator from Ohio"},
    {"Grace Liu", "Liu", "the school board president"},
    {"Omar Haddad", "Haddad", "an economist at the central bank"},
    {"Nina Petrova", "Petrova", "the festival's artistic director"},
    {"Carlos Ruiz", "Ruiz", "a farmer in the valley"},
    {"Helen Brooks", "Brooks", "the airport's operations manager"},
    {"Samuel Adeyemi", "Adeyemi", "the mayor"},
    {"Irene Novak", "Novak", "a professor of law at Columbia"},
    {"Peter Lang", "Lang", "the fire chief"},
};
constexpr const char* kCues[] = {"said",
                                 "said",
                                 "said",
                                 "said",
                                 "told reporters",
                                 "added",
                                 "said on Tuesday",
                                 "wrote in a statement",
                                 "warned",
                                 "argued"};
constexpr const char* kSubjects[] = {
    "The council",     "Officials",   "The committee",  "Investors",         "The ministry",
    "Local residents", "The agency",  "Analysts",       "The company",       "Lawmakers",
    "The report",      "Researchers", "The department", "Several witnesses", "The board",
    "Negotiators",     "The court",   "Voters"};
// Narrative verbs and tails only: speech cues ("announced", "rejected", "according to") here would
// make every third sentence reported speech, far denser than news copy.
constexpr const char* kVerbs[] = {"approved", "renewed",   "delayed", "examined", "expanded",
                                  "reviewed", "postponed", "funded",  "revised",  "extended",
                                  "financed", "blocked",   "adopted", "cancelled"};
constexpr const char* kObjects[] = {"a plan to rebuild the harbor bridge",
                                    "the new budget for the coming fiscal year",
                                    "the proposal on water rights",
                                    "an inquiry into the contract",
                                    "the revised forecast",
                                    "a measure to expand bus service",
                                    "the agreement with the neighboring county",
                                    "the results of the inspection",
                                    "the decision to close two clinics",
                                    "a program for first-time buyers",
                                    "the draft of the regional energy strategy",
                                    "the terms of the settlement",
                                    "the schedule for the autumn elections"};
constexpr const char* kTails[] = {"after weeks of debate",
                                  "on Monday evening",
                                  "despite strong objections from the opposition",
                                  "in documents published on Friday",
                                  "in a closed session",
                                  "earlier this month",
                                  "for the second time this year",
                                  "without a public hearing",
                                  "by a narrow margin",
                                  "following a lengthy review",
                                  "amid growing pressure from business groups"};
constexpr const char* kQuotes[] = {
    "We are not going to accept a deal that leaves working families behind",
    "This is the most serious challenge the region has faced in a generation",
    "Nobody expected the numbers to move this quickly",
    "We will keep talking, but our patience is not unlimited",
    "The evidence simply does not support that conclusion",
    "It was a difficult decision, and I understand why people are angry",
    "Our priority is to make sure every child is safe at school",
    "There is no quick fix for a problem that took decades to build",
    "We have been clear from the start about what we need",
    "I have never seen anything like it in thirty years",
    "The system worked the way it was supposed to work",
    "If we wait another year, the cost will double",
};
constexpr const char* kSecondQuotes[] = {"That is what the people of this city deserve.",
                                         "We owe them an answer.",
                                         "Everything else is noise.",
                                         "And we will not stop until it is done.",
                                         "The next few weeks will tell.",
                                         "I think most people understand that."};

std::string Sentence(Rng& r) {
  std::string s = std::string(r.Pick(kSubjects)) + " " + r.Pick(kVerbs) + " " + r.Pick(kObjects);
  if (r.Chance(70)) s += std::string(" ") + r.Pick(kTails);
  if (r.Chance(40))
    s += std::string(", and ") + r.Pick(kSubjects) + " " + r.Pick(kVerbs) + " " + r.Pick(kObjects);
  size_t pos;  // "..., and The board" -> "..., and the board"
  while ((pos = s.find(", and The ")) != std::string::npos) s[pos + 6] = 't';
  return s + ".";
}

// One paragraph in three quotes somebody (direct, split, or colon-introduced), one in ten of the
// rest is reported speech; the rest is narrative.
std::string Paragraph(Rng& r, int index) {
  std::string p;
  const Person& who = r.Pick(kPeople);
  if (index % 3 == 1) {
    const char* cue = r.Pick(kCues);
    switch (r.Next() % 4) {
      case 0:  // “...,” said Name, role.
        p = std::string("“") + r.Pick(kQuotes) + ",” " + cue + " " + who.name + ", " + who.role +
            ". ";
        break;
      case 1:  // Name, role, said: “...”
        p = std::string(who.name) + ", " + who.role + ", " + cue + ": “" + r.Pick(kQuotes) + ".” ";
        break;
      case 2:  // “...,” Surname said. “...”
        p = std::string("“") + r.Pick(kQuotes) + ",” " + who.surname + " " + cue + ". “" +
            r.Pick(kSecondQuotes) + "” ";
        break;
      default:  // narrative, then the quote
        p = Sentence(r) + " " + who.name + ", " + who.role + ", " + cue + " the plan was “" +
            r.Pick(kQuotes) + ".” ";
        break;
    }
    p += Sentence(r) + " " + Sentence(r);
  } else if (r.Chance(10)) {
    p = std::string(who.name) + ", " + who.role + ", said that " + r.Pick(kSubjects) + " " +
        r.Pick(kVerbs) + " " + r.Pick(kObjects) + ". " + Sentence(r) + " " + Sentence(r);
    p[p.find(" said that ") + 11] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(p[p.find(" said that ") + 11])));
  } else {
    p = Sentence(r) + " " + Sentence(r) + " " + Sentence(r) + " " + Sentence(r);
  }
  return p;
}

struct Generated {
  size_t words = 0;
  size_t paragraphs = 0;
  size_t quote_marks = 0;  // “ in the text
};

Generated WriteDocument(const std::string& path, int pages) {
  Rng r(20240601);
  const size_t target_words = static_cast<size_t>(pages) * 500;
  std::ofstream out(path, std::ios::binary);
  Generated g;
  for (int i = 0; g.words < target_words; ++i) {
    std::string p = Paragraph(r, i);
    g.words += static_cast<size_t>(std::count(p.begin(), p.end(), ' ')) + 1;
    for (size_t at = p.find("“"); at != std::string::npos; at = p.find("“", at + 1))
      ++g.quote_marks;
    out << p << "\n";
    ++g.paragraphs;
  }
  return g;
}

// --- soffice.bin's memory ----------------------------------------------------------------------

pid_t SofficeBin(pid_t pgid) {
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return -1;
  pid_t found = -1;
  while (dirent* e = ::readdir(proc)) {
    if (!std::isdigit(static_cast<unsigned char>(e->d_name[0]))) continue;
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string line;
    std::getline(stat, line);
    size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::string comm = line.substr(line.find('(') + 1, close - line.find('(') - 1);
    std::istringstream rest(line.substr(close + 2));
    std::string state;
    long ppid = 0, pgrp = 0;
    rest >> state >> ppid >> pgrp;
    if (pgrp == pgid && comm == "soffice.bin") found = std::atoi(e->d_name);
  }
  ::closedir(proc);
  return found;
}

// VmRSS / VmHWM in MB; 0 when unreadable.
double StatusMb(pid_t pid, const char* key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::atof(line.c_str() + std::strlen(key) + 1) / 1024.0;
  }
  return 0;
}
// User + system CPU seconds of the process (all its threads) so far.
double CpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(in, line);
  size_t close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: utime, stime
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}
void ResetPeak(pid_t pid) {
  std::ofstream("/proc/" + std::to_string(pid) + "/clear_refs") << "5";
}

// --- dispatching -------------------------------------------------------------------------------

Reference<css::frame::XFrame> FrameOf(const Reference<css::lang::XComponent>& doc) {
  return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
}

// Runs `url` through the frame and waits for its result (our handler reports synchronously).
// Writer's own slots may report FAILURE although they did their work: `require_success` is off for
// them and the caller checks the document instead.
std::string DispatchAndWait(const Reference<css::uno::XComponentContext>& ctx,
                            const Reference<css::frame::XFrame>& frame, const std::string& url,
                            const css::uno::Sequence<css::beans::PropertyValue>& args = {},
                            bool require_success = true) {
  attrib::office::DispatchOutcome outcome = attrib::office::DispatchAndWait(ctx, frame, url, args);
  if (!outcome.available) throw std::runtime_error("queryDispatch(" + url + ") returned null");
  if (!outcome.finished) throw std::runtime_error(url + ": no result");
  if (require_success && !outcome.success)
    throw std::runtime_error(url + " failed: " + outcome.result);
  return outcome.result;
}

constexpr sal_Int32 kYellow = 0xFFFF00;

Reference<css::container::XIndexAccess> FindQuotes(const Reference<css::lang::XComponent>& doc) {
  Reference<css::util::XSearchable> searchable(doc, UNO_QUERY_THROW);
  Reference<css::util::XSearchDescriptor> desc = searchable->createSearchDescriptor();
  desc->setSearchString(U("“[^”]*”"));
  Reference<css::beans::XPropertySet>(desc, UNO_QUERY_THROW)
      ->setPropertyValue("SearchRegularExpression", css::uno::Any(true));
  return searchable->findAll(desc);
}

bool Coloured(const Reference<css::container::XIndexAccess>& found, sal_Int32 i) {
  sal_Int32 color = -1;
  Reference<css::beans::XPropertySet>(found->getByIndex(i), UNO_QUERY_THROW)
      ->getPropertyValue("CharBackColor") >>= color;
  return color == kYellow;
}

struct Measurement {
  double seconds = 0;        // wall clock, as the user waits
  double cpu_seconds = 0;    // soffice.bin's CPU time in that span (the machine may be shared)
  double rss_idle_mb = 0;    // VmRSS before the document was loaded
  double rss_before_mb = 0;  // VmRSS with the document loaded, before the command
  double peak_mb = 0;        // VmHWM while the command ran
  std::string detail;        // what was done, for the table's notes
};

enum class Method { kNativeSelect, kNativeSet, kHighlight, kFootnotes, kBareFootnotes };
constexpr const char* kMethodNames[] = {"native-sel", "native-set", "highlight", "footnotes",
                                        "bare-fn"};
constexpr int kMethods = 5;

Measurement Measure(attrib::office::Office& office, const std::string& path, Method method) {
  Measurement m;
  const pid_t pid = SofficeBin(office.process_group());
  m.rss_idle_mb = StatusMb(pid, "VmRSS:");
  std::string error;
  Reference<css::lang::XComponent> doc = office.Load(path, &error, "Text (encoded)", "UTF8,LF,,,");
  if (!doc.is()) throw std::runtime_error(error);
  const Reference<css::uno::XComponentContext>& ctx = office.context();
  Reference<css::frame::XFrame> frame = FrameOf(doc);
  // The timed dispatch includes its queryDispatch (1–8 ms over the bridge), as a user's does.
  const char* url = method == Method::kHighlight ? "org.attrib:HighlightQuotes"
                    : (method == Method::kFootnotes || method == Method::kBareFootnotes)
                        ? "org.attrib:InsertFootnotes"
                        : ".uno:BackColor";
  m.rss_before_mb = StatusMb(pid, "VmRSS:");
  ResetPeak(pid);
  const double cpu_start = CpuSeconds(pid);
  const auto start = Clock::now();
  switch (method) {
    case Method::kNativeSelect: {
      Reference<css::container::XIndexAccess> found = FindQuotes(doc);
      Reference<css::view::XSelectionSupplier>(
          Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController(),
          UNO_QUERY_THROW)
          ->select(css::uno::Any(found));
      css::uno::Sequence<css::beans::PropertyValue> args(1);
      args.getArray()[0].Name = "BackColor";  // Writer's "Character Highlighting Color"
      args.getArray()[0].Value <<= kYellow;
      DispatchAndWait(ctx, frame, ".uno:BackColor", args, /*require_success=*/false);
      m.seconds = Seconds(Clock::now() - start);
      m.cpu_seconds = CpuSeconds(pid) - cpu_start;
      const sal_Int32 n = found->getCount();
      const bool ok =
          n > 0 && Coloured(found, 0) && Coloured(found, n / 2) && Coloured(found, n - 1);
      m.detail = std::to_string(n) + " ranges" + (ok ? "" : " NOT COLOURED");
      break;
    }
    case Method::kNativeSet: {
      Reference<css::container::XIndexAccess> found = FindQuotes(doc);
      const sal_Int32 n = found->getCount();
      for (sal_Int32 i = 0; i < n; ++i) {
        Reference<css::beans::XPropertySet>(found->getByIndex(i), UNO_QUERY_THROW)
            ->setPropertyValue("CharBackColor", css::uno::Any(kYellow));
      }
      m.seconds = Seconds(Clock::now() - start);
      m.cpu_seconds = CpuSeconds(pid) - cpu_start;
      m.detail = std::to_string(n) + " ranges";
      break;
    }
    case Method::kHighlight:
    case Method::kFootnotes:
    case Method::kBareFootnotes: {
      css::uno::Sequence<css::beans::PropertyValue> args;
      if (method == Method::kBareFootnotes) {
        args.realloc(1);
        args.getArray()[0].Name = "AttribBareFootnotes";
        args.getArray()[0].Value <<= true;
      }
      std::string result = DispatchAndWait(ctx, frame, url, args);
      m.seconds = Seconds(Clock::now() - start);
      m.cpu_seconds = CpuSeconds(pid) - cpu_start;
      nlohmann::json j = nlohmann::json::parse(result, nullptr, false);
      if (j.is_discarded()) {
        m.detail = result;
      } else if (method == Method::kHighlight) {
        m.detail = std::to_string(j.value("quotes", 0)) + " quotes, " +
                   std::to_string(j.value("marks", 0)) + " marks, " +
                   std::to_string(j.value("comments", 0)) + " comments";
      } else {
        m.detail = std::to_string(j.value("footnotes", 0)) + " footnotes";
      }
      break;
    }
  }
  m.peak_mb = StatusMb(pid, "VmHWM:");
  Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
  return m;
}

// Kills the office if one command runs longer than allowed: the pending call then fails.
class Watchdog {
 public:
  Watchdog(int seconds, pid_t pgid)
      : deadline_(Clock::now() + std::chrono::seconds(seconds)),
        pgid_(pgid),
        thread_([this] { Run(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!cv_.wait_until(lock, deadline_, [this] { return stop_; })) {
      std::cerr << "writer_bench: a command exceeded the time limit; killing soffice\n";
      ::kill(-pgid_, SIGKILL);
    }
  }
  Clock::time_point deadline_;
  pid_t pgid_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty()      ? 0
         : v.size() % 2 ? v[v.size() / 2]
                        : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::vector<int> ParseScales(const std::string& s) {
  std::vector<int> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(std::max(1, std::atoi(item.c_str())));
  return out;
}

int Usage() {
  std::cerr << "usage: writer_bench [--pages N (500)] [--scales 1,2,4] [--reps R (1)]\n"
               "                    [--only native-sel,native-set,highlight,footnotes,bare-fn]\n"
               "                    [--timeout SECONDS per command (900)] [--keep DIR]\n"
               "                    [--office-per-run: a new soffice for each measurement, for\n"
               "                     memory figures that do not depend on earlier documents]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int pages = 500, reps = 1, timeout = 900;
  bool office_per_run = false;
  std::string scales_arg = "1,2,4", only, keep;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--pages")
      pages = std::atoi(value().c_str());
    else if (a == "--scales")
      scales_arg = value();
    else if (a == "--reps")
      reps = std::max(1, std::atoi(value().c_str()));
    else if (a == "--only")
      only = value();
    else if (a == "--timeout")
      timeout = std::atoi(value().c_str());
    else if (a == "--keep")
      keep = value();
    else if (a == "--office-per-run")
      office_per_run = true;
    else
      return Usage();
  }
  if (pages <= 0) return Usage();
  const std::vector<int> scales = ParseScales(scales_arg);
  std::vector<Method> methods;
  for (int m = 0; m < kMethods; ++m) {
    if (only.empty() ||
        ("," + only + ",").find(std::string(",") + kMethodNames[m] + ",") != std::string::npos) {
      methods.push_back(static_cast<Method>(m));
    }
  }

  std::string dir = keep;
  if (dir.empty()) {
    std::string templ = (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                        std::string("/writer-bench-XXXXXX");
    if (::mkdtemp(templ.data()) == nullptr) {
      std::cerr << "writer_bench: cannot create a temporary directory\n";
      return 1;
    }
    dir = templ;
  }
  std::filesystem::create_directories(dir);

  attrib::office::OfficeOptions options;
  options.tag = "writer-bench";
  options.keep_dir = !keep.empty();  // soffice's profile and log too (its stderr: our LogInfo)
  options.progress = [](const std::string& s) { std::cerr << "writer_bench: " << s << "\n"; };
  std::string error;
  std::unique_ptr<attrib::office::Office> office;
  pid_t bin = -1;
  auto start_office = [&] {
    office = attrib::office::Office::Start(options, &error);
    if (!office) throw std::runtime_error(error);
    bin = SofficeBin(office->process_group());
    std::cerr << "writer_bench: soffice.bin pid " << bin << " (for perf record -p)\n";
  };
  try {
    start_office();
  } catch (const std::exception& e) {
    std::cerr << "writer_bench: " << e.what() << "\n";
    return 1;
  }
  const double rss_start = StatusMb(bin, "VmRSS:");

  struct Row {
    int scale = 0;
    Generated gen;
    std::map<Method, std::vector<Measurement>> runs;
  };
  std::vector<Row> rows;
  int status = 0;
  try {
    for (int scale : scales) {
      rows.emplace_back();  // kept with what was measured even if a later command fails
      Row& row = rows.back();
      row.scale = scale;
      const std::string path = dir + "/news-" + std::to_string(pages * scale) + "p.txt";
      row.gen = WriteDocument(path, pages * scale);
      std::cerr << "writer_bench: " << path << ": " << row.gen.words << " words, "
                << row.gen.paragraphs << " paragraphs, " << row.gen.quote_marks << " “\n";
      for (int rep = 0; rep < reps; ++rep) {
        for (Method method : methods) {
          if (!office) start_office();
          Watchdog watchdog(timeout, office->process_group());
          Measurement m = Measure(*office, path, method);
          if (office_per_run) office.reset();
          std::cerr << "writer_bench: " << scale << "x " << kMethodNames[static_cast<int>(method)]
                    << " " << m.seconds << " s, soffice CPU " << m.cpu_seconds << " s (" << m.detail
                    << "), RSS before " << static_cast<int>(m.rss_before_mb) << " MB, peak "
                    << static_cast<int>(m.peak_mb) << " MB\n";
          row.runs[method].push_back(m);
        }
      }
    }
  } catch (const css::uno::Exception& e) {
    std::cerr << "writer_bench: LibreOffice: " << S(e.Message) << "\n"
              << (office ? office->LogTail() : "");
    status = 1;
  } catch (const std::exception& e) {
    std::cerr << "writer_bench: " << e.what() << "\n" << (office ? office->LogTail() : "");
    status = 1;
  }
  const double rss_end = office ? StatusMb(bin, "VmRSS:") : 0;
  office.reset();
  if (keep.empty()) std::filesystem::remove_all(dir);

  // --- the table ---
  auto median = [](const std::vector<Measurement>& v, double Measurement::*field) {
    std::vector<double> x;
    for (const Measurement& m : v) x.push_back(m.*field);
    return Median(x);
  };
  if (office_per_run) {
    std::printf(
        "Writer benchmark: headless soffice, fresh load per measurement, a new soffice for each, "
        "median of %d; soffice.bin RSS %.0f MB after start\n",
        reps, rss_start);
  } else {
    std::printf(
        "Writer benchmark: headless soffice, fresh load per measurement, one soffice for all, "
        "median of %d; soffice.bin RSS %.0f MB at start, %.0f MB at the end\n",
        reps, rss_start, rss_end);
  }
  std::printf("%-5s %5s %8s %6s %-10s %8s %8s %8s %8s %7s %7s %7s %8s  %s\n", "scale", "pages",
              "words", "paras", "method", "wall s", "cpu s", "x native", "x natcpu", "growth",
              "gr.cpu", "+doc MB", "+peak MB", "what");
  std::map<Method, std::pair<double, double>> first;
  for (const Row& row : rows) {
    // The native floor: the faster native method at this scale (wall clock; CPU likewise).
    double native = 0, native_cpu = 0;
    for (Method m : {Method::kNativeSelect, Method::kNativeSet}) {
      if (!row.runs.count(m)) continue;
      double t = median(row.runs.at(m), &Measurement::seconds);
      double c = median(row.runs.at(m), &Measurement::cpu_seconds);
      native = native == 0 ? t : std::min(native, t);
      native_cpu = native_cpu == 0 ? c : std::min(native_cpu, c);
    }
    for (const auto& [method, runs] : row.runs) {
      const double t = median(runs, &Measurement::seconds);
      const double c = median(runs, &Measurement::cpu_seconds);
      if (!first.count(method)) first[method] = {t, c};
      const double idle = median(runs, &Measurement::rss_idle_mb);
      const double rss0 = median(runs, &Measurement::rss_before_mb);
      const double peak = median(runs, &Measurement::peak_mb);
      char ratio[32] = "-", ratio_cpu[32] = "-";
      if (native > 0) std::snprintf(ratio, sizeof ratio, "%.2f", t / native);
      if (native_cpu > 0) std::snprintf(ratio_cpu, sizeof ratio_cpu, "%.2f", c / native_cpu);
      std::printf("%-5s %5d %8zu %6zu %-10s %8.3f %8.3f %8s %8s %7.2f %7.2f %7.0f %8.0f  %s\n",
                  (std::to_string(row.scale) + "x").c_str(), pages * row.scale, row.gen.words,
                  row.gen.paragraphs, kMethodNames[static_cast<int>(method)], t, c, ratio,
                  ratio_cpu, first[method].first > 0 ? t / first[method].first : 0.0,
                  first[method].second > 0 ? c / first[method].second : 0.0, rss0 - idle,
                  std::max(0.0, peak - rss0), runs.front().detail.c_str());
    }
  }
  std::printf(
      "x native = time / the faster of native-sel and native-set at that scale (highlighting); "
      "bare-fn = Writer's own footnotes at the same points, the floor for the footnotes' growth;\n"
      "growth = time / time at "
      "the first scale (linear: %s); cpu = soffice.bin's user+system time in the span;\n"
      "+doc MB = soffice.bin's VmRSS growth from loading the document, +peak MB = its VmHWM while\n"
      "the command ran above its VmRSS before it (use --office-per-run for these)\n",
      scales_arg.c_str());
  return status;
}
