// `attrib annotate` (cli/annotate.cc) end to end: its own soffice per run, real files out,
// clear failures without hangs.
#include "annotate.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

namespace attrib::cli {
namespace {

namespace fs = std::filesystem;

class AnnotateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::path(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") /
          ("annotate-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string Head(const fs::path& p, size_t n) {
    std::ifstream in(p, std::ios::binary);
    std::string s(n, '\0');
    in.read(s.data(), static_cast<std::streamsize>(n));
    return s;
  }
  // Files in the test's folder whose name starts with `prefix` (".~lock." = LibreOffice's locks).
  std::vector<std::string> Named(const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string n = e.path().filename().string();
      if (n.rfind(prefix, 0) == 0) out.push_back(n);
    }
    return out;
  }
  fs::path dir;
};

TEST_F(AnnotateTest, SeedArticleToOdtWithReport) {
  AnnotateArgs args;
  args.input = ATTRIB_SEED_TXT;
  args.output = (dir / "seed.odt").string();
  args.json_report = (dir / "seed.json").string();
  args.commands = {"highlight", "claims", "footnotes"};
  args.quiet = true;
  ASSERT_EQ(RunAnnotate(args), 0);
  EXPECT_EQ(Head(args.output, 2), "PK");
  std::ifstream in(args.json_report);
  nlohmann::json report = nlohmann::json::parse(in);
  ASSERT_EQ(report["commands"].size(), 3u);
  EXPECT_EQ(report["commands"][0]["command"], "HighlightQuotes");
  EXPECT_EQ(report["commands"][1]["command"], "MarkClaims");
  EXPECT_EQ(report["commands"][2]["command"], "InsertFootnotes");
  // The claims: listed by the command and read back from the saved document's comments.
  const nlohmann::json& claims = report["commands"][1]["claim_list"];
  EXPECT_GE(claims.size(), 5u);
  EXPECT_LE(claims.size(), 15u);
  ASSERT_EQ(report["claims"].size(), claims.size());
  for (const auto& c : report["claims"]) {
    EXPECT_EQ(c["check"].get<std::string>().rfind("Check: ", 0), 0u) << c;
    EXPECT_FALSE(c["text"].get<std::string>().empty());
  }
  report["commands"].erase(1);
  // The report lists what is in the saved document: one comment per mark, one footnote each.
  EXPECT_EQ(report["marks"].size(), report["commands"][0]["comments"].get<size_t>());
  EXPECT_EQ(report["footnotes"].size(), report["commands"][1]["footnotes"].get<size_t>());
  for (const auto& m : report["marks"]) EXPECT_FALSE(m["text"].get<std::string>().empty());
  // No --timeout: sized from the input.
  EXPECT_EQ(report["timeout_seconds"].get<int>(),
            DefaultTimeoutSeconds(std::filesystem::file_size(ATTRIB_SEED_TXT)));
}

TEST(DefaultTimeoutTest, GrowsWithTheInput) {
  EXPECT_EQ(DefaultTimeoutSeconds(0), 300);
  EXPECT_EQ(DefaultTimeoutSeconds(1), 420);
  EXPECT_EQ(DefaultTimeoutSeconds(1u << 20), 420);
  EXPECT_EQ(DefaultTimeoutSeconds((10u << 20) + 1), 300 + 11 * 120);
  EXPECT_EQ(DefaultTimeoutSeconds(uintmax_t{1} << 40), 24 * 3600);
}

// LibreOffice 7.4 loses footnote texts on reopening a .docx with comments and footnotes: the
// report and stderr say so before the user finds out.
TEST_F(AnnotateTest, DocxWithCommentsAndFootnotesIsWarnedAbout) {
  AnnotateArgs args;
  args.input = ATTRIB_SEED_TXT;
  args.output = (dir / "seed.docx").string();
  args.json_report = (dir / "seed.json").string();
  args.commands = {"highlight", "footnotes"};
  args.quiet = true;
  ASSERT_EQ(RunAnnotate(args), 0);
  nlohmann::json report = nlohmann::json::parse(std::ifstream(args.json_report));
  ASSERT_EQ(report["warnings"].size(), 1u) << report["warnings"];
  EXPECT_NE(report["warnings"][0].get<std::string>().find("footnote"), std::string::npos);
  // Comments alone: nothing to warn about.
  args.commands = {"highlight"};
  ASSERT_EQ(RunAnnotate(args), 0);
  report = nlohmann::json::parse(std::ifstream(args.json_report));
  EXPECT_TRUE(report["warnings"].empty()) << report["warnings"];
}

// kill -9 of `attrib annotate` (no handler can run): its soffice does not stay behind, nor does
// its throwaway directory; the user's folder holds no lock file.
TEST_F(AnnotateTest, KilledAnnotateLeavesNoOfficeNoLockNoDirectory) {
  const fs::path work = dir / "work";
  fs::create_directories(work);
  fs::copy_file(ATTRIB_SEED_TXT, dir / "seed.txt");
  const std::string input = (dir / "seed.txt").string(), output = (dir / "seed.odt").string();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setenv("TMPDIR", work.c_str(), 1);
    ::execl(ATTRIB_CLI, ATTRIB_CLI, "annotate", input.c_str(), "-o", output.c_str(), "-q",
            static_cast<char*>(nullptr));
    _exit(127);
  }
  // Until its soffice runs (a profile directory appears), then kill -9.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto office_dirs = [&] {
    int n = 0;
    for (const auto& e : fs::directory_iterator(work)) n += e.is_directory() ? 1 : 0;  // any
    return n;
  };
  while (office_dirs() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_GT(office_dirs(), 0) << "attrib annotate never started LibreOffice";
  std::this_thread::sleep_for(std::chrono::seconds(2));  // soffice starting or running
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  // The watcher removes the directory once soffice is killed.
  const auto gone = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (office_dirs() > 0 && std::chrono::steady_clock::now() < gone) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(office_dirs(), 0) << "the throwaway directory (profile, input copy) is left";
  EXPECT_TRUE(Named(".~lock.").empty());
  // No soffice.bin whose command line names our work folder.
  int stray = 0;
  for (const auto& e : fs::directory_iterator("/proc")) {
    std::ifstream cmd(e.path() / "cmdline");
    std::string line;
    std::getline(cmd, line, '\0');
    std::string all((std::istreambuf_iterator<char>(cmd)), std::istreambuf_iterator<char>());
    if ((line + all).find(work.string()) != std::string::npos) ++stray;
  }
  EXPECT_EQ(stray, 0) << "soffice outlived a killed attrib annotate";
}

// `--timeout N` is one deadline for the whole run, LibreOffice's start included: the run ends
// within N + 2 s (the bound; measured 0.1-0.2 s over), exit 5, and leaves no office,
// no throwaway directory, no output and no temporary file. N is hit once while LibreOffice
// starts and once while a command runs on a long document.
TEST_F(AnnotateTest, TimeoutEndsTheRunWithinTwoSecondsAndLeavesNothing) {
  const fs::path work = dir / "work";
  fs::create_directories(work);
  {
    std::ifstream seed(ATTRIB_SEED_TXT);
    const std::string text((std::istreambuf_iterator<char>(seed)),
                           std::istreambuf_iterator<char>());
    std::ofstream big(dir / "long.txt");
    for (int i = 0; i < 300; ++i) big << text << "\n";
  }
  const std::string input = (dir / "long.txt").string(), output = (dir / "long.odt").string();
  for (int seconds : {1, 12}) {
    const std::string t = std::to_string(seconds);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::setenv("TMPDIR", work.c_str(), 1);
      ::execl(ATTRIB_CLI, ATTRIB_CLI, "annotate", input.c_str(), "-o", output.c_str(), "-q",
              "--timeout", t.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 5) << "--timeout " << t;
    EXPECT_LE(took, seconds + 2.0) << "--timeout " << t;
    EXPECT_TRUE(fs::is_empty(work)) << "--timeout " << t << ": the throwaway directory is left";
    EXPECT_FALSE(fs::exists(output));
    EXPECT_TRUE(Named(".long.odt").empty());
    EXPECT_TRUE(Named(".~lock.").empty());
  }
}

// The extension is installed once per .oxt into the install cache ($XDG_CACHE_HOME/attrib) and
// copied from there afterwards: the second run says so and marks exactly what the first did.
TEST_F(AnnotateTest, SecondRunInstallsFromTheCacheAndMarksTheSame) {
  const fs::path cache = dir / "cache";
  auto run = [&](const std::string& name, std::string* said) {
    const std::string out = (dir / (name + ".odt")).string();
    const std::string json = (dir / (name + ".json")).string();
    const std::string log = (dir / (name + ".log")).string();
    const pid_t child = ::fork();
    if (child == 0) {
      ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
      if (!std::freopen(log.c_str(), "w", stderr)) _exit(126);
      ::execl(ATTRIB_CLI, ATTRIB_CLI, "annotate", ATTRIB_SEED_TXT, "-o", out.c_str(), "--json",
              json.c_str(), "--commands", "highlight", static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    std::ifstream in(log);
    *said = std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << *said;
    nlohmann::json marks = nlohmann::json::parse(std::ifstream(json))["marks"];
    for (auto& m : marks) m.erase("name");  // holds the run's random document key
    return marks;
  };
  std::string first_said, second_said;
  const nlohmann::json first = run("first", &first_said);
  EXPECT_EQ(first_said.find("(cached)"), std::string::npos) << first_said;
  int installs = 0;
  for (const auto& e : fs::directory_iterator(cache / "attrib")) {
    EXPECT_TRUE(fs::exists(e.path() / "complete")) << e.path();
    ++installs;
  }
  EXPECT_EQ(installs, 1);
  const nlohmann::json second = run("second", &second_said);
  EXPECT_NE(second_said.find("(cached)"), std::string::npos) << second_said;
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second);
}

TEST_F(AnnotateTest, PdfOutput) {
  fs::path txt = dir / "short.txt";
  std::ofstream(txt) << "\xE2\x80\x9CWe are ready,\xE2\x80\x9D Horne said.\n";
  AnnotateArgs args;
  args.input = txt.string();
  args.output = (dir / "short.pdf").string();
  args.commands = {"highlight"};
  args.quiet = true;
  ASSERT_EQ(RunAnnotate(args), 0);
  EXPECT_EQ(Head(args.output, 5), "%PDF-");
}

TEST_F(AnnotateTest, UnopenableInputFailsClearlyAndFast) {
  fs::path bad = dir / "broken.docx";
  std::ofstream(bad) << "this is not a zip file at all";
  AnnotateArgs args;
  args.input = bad.string();
  args.output = (dir / "out.odt").string();
  args.quiet = true;
  args.timeout_seconds = 60;
  auto start = std::chrono::steady_clock::now();
  EXPECT_NE(RunAnnotate(args), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(45));
  EXPECT_FALSE(fs::exists(args.output));
  // LibreOffice opened a private copy: no lock file beside the user's, no temporary output.
  EXPECT_TRUE(Named(".~lock.").empty());
  EXPECT_TRUE(Named(".out.odt").empty());
}

TEST_F(AnnotateTest, MissingInputAndBadArgumentsNeedNoOffice) {
  AnnotateArgs args;
  args.input = (dir / "nope.odt").string();
  args.output = (dir / "out.odt").string();
  args.quiet = true;
  EXPECT_EQ(RunAnnotate(args), 3);
  std::ofstream(dir / "in.txt") << "text\n";
  args.input = (dir / "in.txt").string();
  args.output = (dir / "out.rtf").string();
  EXPECT_EQ(RunAnnotate(args), 2);
  args.output = (dir / "out.odt").string();
  args.commands = {"frobnicate"};
  EXPECT_EQ(RunAnnotate(args), 2);
}

TEST_F(AnnotateTest, MissingLibreOfficeIsAClearError) {
  std::ofstream(dir / "in.txt") << "text\n";
  AnnotateArgs args;
  args.input = (dir / "in.txt").string();
  args.output = (dir / "out.odt").string();
  args.quiet = true;
  ::setenv("ATTRIB_LO_PROGRAM_DIR", "/nonexistent/libreoffice/program", 1);
  EXPECT_EQ(RunAnnotate(args), 5);
  ::unsetenv("ATTRIB_LO_PROGRAM_DIR");
}

TEST_F(AnnotateTest, BadOptionsAreUsageErrorsBeforeLibreOfficeStarts) {
  std::ofstream(dir / "in.txt") << "text\n";
  AnnotateArgs args;
  args.input = (dir / "in.txt").string();
  args.output = (dir / "out.odt").string();
  args.quiet = true;
  // No LibreOffice could start here: each answer below comes before it would.
  ::setenv("ATTRIB_LO_PROGRAM_DIR", "/nonexistent/libreoffice/program", 1);
  for (int t : {0, -5}) {
    args.timeout_seconds = t;
    EXPECT_EQ(RunAnnotate(args), 2) << t;
  }
  args.timeout_seconds = 60;
  args.output = "/nonexistent-folder/out.odt";
  EXPECT_EQ(RunAnnotate(args), 2);
  args.output = dir.string();  // a folder
  EXPECT_EQ(RunAnnotate(args), 2);
  args.output = (dir / "out.odt").string();
  args.input = dir.string();  // a folder as input
  EXPECT_EQ(RunAnnotate(args), 3);
  ::unsetenv("ATTRIB_LO_PROGRAM_DIR");
}

TEST_F(AnnotateTest, OutputEqualToTheInputOnlyWithInPlaceAndThenSafely) {
  fs::path txt = dir / "short.txt";
  std::ofstream(txt) << "\xE2\x80\x9CWe are ready,\xE2\x80\x9D Horne said.\n";
  AnnotateArgs args;
  args.input = txt.string();
  args.output = (dir / "draft.odt").string();
  args.commands = {"highlight"};
  args.quiet = true;
  ASSERT_EQ(RunAnnotate(args), 0);
  const uintmax_t size = fs::file_size(args.output);
  const auto written = fs::last_write_time(args.output);
  // The same file, also under another spelling of its path: refused, untouched.
  args.input = args.output;
  args.output = (dir / "." / "draft.odt").string();
  EXPECT_EQ(RunAnnotate(args), 2);
  EXPECT_EQ(fs::file_size(args.input), size);
  EXPECT_EQ(fs::last_write_time(args.input), written);
  // --in-place: replaced (through a temporary file, gone afterwards), still a document.
  args.in_place = true;
  args.commands = {"clear"};
  ASSERT_EQ(RunAnnotate(args), 0);
  EXPECT_NE(fs::last_write_time(args.input), written);
  EXPECT_EQ(Head(args.input, 2), "PK");
  EXPECT_TRUE(Named(".draft.odt").empty());
  EXPECT_TRUE(Named(".~lock.").empty());
}

// Every story: a Word draft's first-page header, default header, footer and text box get
// their quotes marked, and the report says in which story each mark is.
TEST_F(AnnotateTest, WordDraftIsMarkedInEveryStory) {
  AnnotateArgs args;
  args.input = std::string(ATTRIB_STORIES_DIR) + "/stories.docx";
  args.output = (dir / "stories.odt").string();
  args.json_report = (dir / "stories.json").string();
  args.commands = {"highlight"};
  args.quiet = true;
  ASSERT_EQ(RunAnnotate(args), 0);
  nlohmann::json report = nlohmann::json::parse(std::ifstream(args.json_report));
  std::map<std::string, std::string> by_story;
  for (const auto& m : report["marks"]) by_story[m["story"]] += m["text"].get<std::string>() + "|";
  EXPECT_EQ(by_story["header (First Page)"], "First pages are different,|") << report;
  EXPECT_EQ(by_story["text box"], "Boxes are read as well,|") << report;
  EXPECT_EQ(by_story["footer (Default Page Style)"], "Footers speak last,|") << report;
  EXPECT_NE(by_story["header (Default Page Style)"].find("Headers are text on page"),
            std::string::npos)
      << report;
  EXPECT_TRUE(report["skipped"].empty()) << report;
}

// Protected parts: marked what may be, the rest listed in the report and on stderr, exit 6,
// the output written all the same.
TEST_F(AnnotateTest, ProtectedPartsAreListedAndExitSix) {
  AnnotateArgs args;
  args.input = std::string(ATTRIB_STORIES_DIR) + "/locked.odt";
  args.output = (dir / "locked-out.odt").string();
  args.json_report = (dir / "locked.json").string();
  args.commands = {"highlight", "footnotes"};
  args.quiet = true;
  ASSERT_EQ(RunAnnotate(args), 6);
  EXPECT_EQ(Head(args.output, 2), "PK");
  nlohmann::json report = nlohmann::json::parse(std::ifstream(args.json_report));
  ASSERT_EQ(report["skipped"].size(), 2u) << report;  // Highlight's and Footnotes' own
  for (const auto& s : report["skipped"]) {
    EXPECT_EQ(s["story"], "body") << s;
    EXPECT_EQ(s["reason"].get<std::string>().rfind("protected section 'Legal': 1 ", 0), 0u) << s;
  }
  std::set<std::string> marked;
  for (const auto& m : report["marks"])
    marked.insert(m["story"].get<std::string>() + ": " + m["text"].get<std::string>());
  EXPECT_EQ(marked,
            (std::set<std::string>{"body: The plan is far too expensive,",
                                   "body: We are ready to rebuild the bridge,",
                                   "header (Default Page Style): Headers are text as well,"}));

  // Password-protected change recording (Word's "track changes" protection): nothing changed.
  args.input = std::string(ATTRIB_STORIES_DIR) + "/protected_record.docx";
  args.output = (dir / "protected-out.odt").string();
  args.json_report = (dir / "protected.json").string();
  args.commands = {"highlight"};
  ASSERT_EQ(RunAnnotate(args), 6);
  report = nlohmann::json::parse(std::ifstream(args.json_report));
  ASSERT_EQ(report["skipped"].size(), 1u) << report;
  EXPECT_EQ(report["skipped"][0]["story"], "document");
  EXPECT_NE(report["skipped"][0]["reason"].get<std::string>().find("protected by a password"),
            std::string::npos);
  EXPECT_TRUE(report["marks"].empty()) << report;
}

}  // namespace
}  // namespace attrib::cli
