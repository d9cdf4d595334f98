// `attrib annotate`: a private headless LibreOffice with the built extension, the extension's
// commands dispatched on the document, the result saved by the output's extension.
#include "annotate.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <condition_variable>
#include <cppuhelper/implbase1.hxx>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <rtl/ref.hxx>
#include <thread>

#include "analyze.h"  // exit codes
#include "attrib/text.h"
#include "client/office.h"
#include "logic/settings.h"
#include "logic/sources.h"

namespace attrib::cli {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

using uno::FromUtf8;
using uno::ToUtf8;
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// --commands names -> the extension's command URLs (its command table, uno/component/commands.cc).
const std::map<std::string, std::string>& CommandUrls() {
  static const std::map<std::string, std::string> urls = {
      {"highlight", "org.attrib:HighlightQuotes"},
      {"claims", "org.attrib:MarkClaims"},
      {"footnotes", "org.attrib:InsertFootnotes"},
      {"clear", "org.attrib:ClearMarks"},
  };
  return urls;
}

// Input extension -> import filter: every text document format LibreOffice's Writer opens and
// saves (README "Formats"). The filter follows the extension: a file that is not what its name
// says fails instead of being shown as plain text.
const std::map<std::string, std::string>& ImportFilters() {
  static const std::map<std::string, std::string> filters = {
      {".odt", "writer8"},
      {".ott", "writer8_template"},
      {".fodt", "OpenDocument Text Flat XML"},
      {".docx", "MS Word 2007 XML"},
      {".doc", "MS Word 97"},
      {".rtf", "Rich Text Format"},
      {".txt", "Text (encoded)"}};
  return filters;
}

// Output extension -> export filter.
const std::map<std::string, std::string>& ExportFilters() {
  static const std::map<std::string, std::string> filters = {{".odt", "writer8"},
                                                             {".docx", "MS Word 2007 XML"},
                                                             {".doc", "MS Word 97"},
                                                             {".rtf", "Rich Text Format"},
                                                             {".pdf", "writer_pdf_Export"}};
  return filters;
}

std::string Extensions(const std::map<std::string, std::string>& formats) {
  std::string out;
  for (const auto& [ext, filter] : formats) out += (out.empty() ? "" : ", ") + ext;
  return out;
}

// What is wrong with the input's bytes before LibreOffice sees them, or "": an empty file, one
// of NUL bytes only (a damaged or unfinished copy), a .txt that is binary or not UTF-8
// (LibreOffice would show U+FFFD for each bad byte and save that).
std::string BadBytes(const std::string& path, const std::string& ext) {
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.eof() && in.fail()) return "cannot read " + path;
  if (data.empty()) return ext == ".txt" ? "" : path + " is empty (0 bytes): not a document";
  if (data.find_first_not_of('\0') == std::string::npos) {
    return path + " holds only NUL bytes, no document (a damaged or unfinished copy?)";
  }
  if (ext != ".txt") return "";
  if (const size_t nul = data.find('\0'); nul != std::string::npos) {
    return path + " is binary data (a NUL byte at byte " + std::to_string(nul + 1) + "), not text";
  }
  std::u16string ignored;
  if (Status st = Utf8ToUtf16(data, &ignored); !st.ok()) {
    return path + " is not valid UTF-8 text: " + st.message() + " (convert it to UTF-8 first)";
  }
  return "";
}

// One line for people from a command's JSON result, e.g.
// "HighlightQuotes: 27 quotes, 6 speakers; 27 marks, 27 comments, 0 footnotes; 0 skipped".
std::string Summary(const nlohmann::json& r) {
  if (r.contains("result") && r["result"].is_string()) return r["result"].get<std::string>();
  auto n = [&](const char* key) { return std::to_string(r.value(key, 0)); };
  std::string line = r.value("command", std::string("command")) + ": " + n("quotes") + " quotes, " +
                     n("speakers") + " speakers, " + n("claims") + " claims; " + n("marks") +
                     " marks, " + n("comments") + " comments, " + n("footnotes") + " footnotes, " +
                     n("removed") + " removed";
  if (r.contains("skipped") && r["skipped"].is_array() && !r["skipped"].empty()) {
    line += "; skipped " + std::to_string(r["skipped"].size()) + ": " + r["skipped"].dump();
  }
  if (r.contains("skipped_stories") && r["skipped_stories"].is_array() &&
      !r["skipped_stories"].empty()) {
    line += "; left as they were: " + std::to_string(r["skipped_stories"].size());
  }
  if (r.contains("seconds") && r["seconds"].is_number()) {
    char took[32];
    std::snprintf(took, sizeof took, " (%.1f s)", r["seconds"].get<double>());
    line += took;
  }
  return line;
}

// Passed to each command as its "StatusIndicator": prints its progress every 25 %.
class PrintedProgress : public cppu::WeakImplHelper1<css::task::XStatusIndicator> {
 public:
  explicit PrintedProgress(std::function<void(const std::string&)> say) : say_(std::move(say)) {}
  void SAL_CALL start(const OUString& text, sal_Int32 range) override {
    text_ = ToUtf8(text);
    range_ = range > 0 ? range : 100;
    next_ = 25;
  }
  void SAL_CALL end() override {}
  void SAL_CALL setText(const OUString& text) override { text_ = ToUtf8(text); }
  void SAL_CALL setValue(sal_Int32 value) override {
    const sal_Int32 percent = value * 100 / range_;
    if (percent < next_ || percent >= 100) return;
    say_(text_ + ": " + std::to_string(percent) + " %");
    next_ = (percent / 25 + 1) * 25;
  }
  void SAL_CALL reset() override { next_ = 25; }

 private:
  std::function<void(const std::string&)> say_;
  std::string text_;
  sal_Int32 range_ = 100;
  sal_Int32 next_ = 25;
};

// Kills the office's process group when the deadline passes: every pending UNO call then fails
// instead of hanging.
// LibreOffice's messages name its private copies; the user knows their own paths.
void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size()))
    text->replace(at, from.size(), to);
}

// Where the document's comments (anyone's) are, for the .docx warnings: read in one pass.
struct CommentPlaces {
  bool any = false;
  bool outside_body = false;  // in a header, footer, frame, text box or footnote
};

CommentPlaces FindComments(const Reference<css::lang::XComponent>& doc) {
  CommentPlaces out;
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  while (fields->hasMoreElements() && !out.outside_body) {
    Reference<css::lang::XServiceInfo> info(fields->nextElement(), UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.textfield.Annotation")) continue;
    out.any = true;
    Reference<css::lang::XServiceInfo> text(
        Reference<css::text::XTextContent>(info, UNO_QUERY_THROW)->getAnchor()->getText(),
        UNO_QUERY);
    const OUString where = text.is() ? text->getImplementationName() : OUString();
    out.outside_body = where != "SwXBodyText" && where != "SwXCell";
  }
  return out;
}

bool HasFootnotes(const Reference<css::lang::XComponent>& doc) {
  return Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)
             ->getFootnotes()
             ->getCount() > 0;
}

}  // namespace

int DefaultTimeoutSeconds(uintmax_t input_bytes) {
  const uintmax_t mb = (input_bytes + (1u << 20) - 1) >> 20;
  return static_cast<int>(std::min<uintmax_t>(300 + 120 * mb, 24 * 3600));
}

int RunAnnotate(const AnnotateArgs& args) {
  const auto started = std::chrono::steady_clock::now();
  auto say = [&](const std::string& s) {
    if (!args.quiet) std::cerr << "attrib annotate: " << s << "\n";
  };
  auto fail = [](int code, const std::string& s) {
    std::cerr << "attrib annotate: error: " << s << "\n";
    return code;
  };

  // Everything that can be checked without LibreOffice first.
  namespace fs = std::filesystem;
  std::error_code ec;
  if (args.timeout_seconds && *args.timeout_seconds <= 0) {
    return fail(kExitUsage, "--timeout must be a positive number of seconds");
  }
  if (fs::is_directory(args.input, ec)) {
    return fail(kExitBadInput, args.input + " is a directory, not a document");
  }
  if (!fs::is_regular_file(args.input, ec)) {
    return fail(kExitBadInput, "cannot read " + args.input);
  }
  const uintmax_t input_bytes = fs::file_size(args.input, ec);
  const int timeout = args.timeout_seconds.value_or(DefaultTimeoutSeconds(ec ? 0 : input_bytes));
  // The output may name the input (also through another path): only with --in-place, and then
  // through a temporary file, so that a failure never leaves a half-written original.
  const bool same_file = fs::exists(args.output, ec) && fs::equivalent(args.input, args.output, ec);
  if (same_file && !args.in_place) {
    return fail(kExitUsage, args.output +
                                " is the input: refusing to overwrite it (pass --in-place to "
                                "replace the original)");
  }
  if (fs::is_directory(args.output, ec)) {
    return fail(kExitUsage, args.output + " is a directory: -o names the file to write");
  }
  const std::string in_ext = Lower(std::filesystem::path(args.input).extension().string());
  if (in_ext == ".odm") {
    return fail(kExitUsage, args.input +
                                " is a master document, which holds no text of its own: open it "
                                "in LibreOffice and export it as .odt (File > Export), then "
                                "annotate that");
  }
  auto import_filter = ImportFilters().find(in_ext);
  if (import_filter == ImportFilters().end()) {
    return fail(kExitUsage, args.input + ": input must be one of " + Extensions(ImportFilters()));
  }
  const std::string out_ext = Lower(std::filesystem::path(args.output).extension().string());
  auto filter = ExportFilters().find(out_ext);
  if (filter == ExportFilters().end()) {
    return fail(kExitUsage, args.output + ": output must be one of " + Extensions(ExportFilters()));
  }
  if (std::string bad = BadBytes(args.input, in_ext); !bad.empty()) {
    return fail(kExitBadInput, bad);
  }
  // The settings: defaults, the file, the flags; what the commands get with each dispatch.
  uno::Settings settings;
  if (!args.settings_file.empty()) {
    std::ifstream in(args.settings_file, std::ios::binary);
    if (!in) return fail(kExitUsage, "cannot read the settings file " + args.settings_file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::string error = uno::SettingsFromJson(text, &settings); !error.empty()) {
      return fail(kExitUsage, args.settings_file + ": " + error);
    }
  }
  if (!args.settings_json.empty()) {
    if (std::string error = uno::SettingsFromJson(args.settings_json, &settings); !error.empty()) {
      return fail(kExitUsage, error);
    }
  }
  const std::string settings_json = uno::SettingsToJson(settings).dump();
  std::vector<std::string> urls;
  for (const std::string& c : args.commands) {
    auto it = CommandUrls().find(c);
    if (it == CommandUrls().end()) {
      return fail(kExitUsage,
                  "unknown command '" + c + "' (known: highlight, claims, footnotes, clear)");
    }
    urls.push_back(it->second);
  }

  // LibreOffice writes the output in its throwaway directory (its lock file goes with it,
  // whatever happens to this process), which is then moved over the output: renamed, or on
  // another file system copied beside it under a temporary name and renamed.
  const fs::path out_path = fs::absolute(args.output, ec);
  if (!fs::is_directory(out_path.parent_path(), ec)) {
    return fail(kExitUsage, "cannot write " + args.output + ": its folder " +
                                out_path.parent_path().string() + " does not exist");
  }
  const fs::path temp_output =
      out_path.parent_path() /
      ("." + out_path.filename().string() + ".attrib-" + std::to_string(::getpid()) + ".tmp");
  struct TempGuard {
    fs::path path;
    ~TempGuard() {
      std::error_code e;
      fs::remove(path, e);
    }
  } temp_guard{temp_output};
  // Whether the output can be written is found out by making a file there (the temporary name
  // the output may be copied through; removed at once, so a kill -9 later leaves nothing), not
  // guessed from permission bits: root passes every access() check, and a read-only file
  // system or /proc refuses root too.
  if (const int fd = ::open(temp_output.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0666); fd >= 0) {
    ::close(fd);
    ::unlink(temp_output.c_str());
  } else {
    return fail(kExitUsage, "cannot write " + args.output + " (" + std::strerror(errno) +
                                "): choose another -o");
  }
  if (!args.json_report.empty()) {
    // Opened for appending: an existing report is only replaced when the run has one to write.
    const bool existed = fs::exists(args.json_report, ec);
    if (!std::ofstream(args.json_report, std::ios::app)) {
      return fail(kExitUsage, "cannot write the report " + args.json_report + " (" +
                                  std::strerror(errno) + "): choose another --json");
    }
    if (!existed) fs::remove(args.json_report, ec);
  }
  const std::string sources_ext = Lower(fs::path(args.sources_file).extension().string());
  if (!args.sources_file.empty()) {
    if (sources_ext != ".csv" && sources_ext != ".json") {
      return fail(kExitUsage, args.sources_file + ": --sources writes .csv or .json");
    }
    const bool existed = fs::exists(args.sources_file, ec);
    if (!std::ofstream(args.sources_file, std::ios::app)) {
      return fail(kExitUsage, "cannot write " + args.sources_file + " (" + std::strerror(errno) +
                                  "): choose another --sources");
    }
    if (!existed) fs::remove(args.sources_file, ec);
  }

  office::OfficeOptions options;
  options.oxt = args.oxt;
  options.tag = "attrib-annotate";
  if (const char* dir = std::getenv("ATTRIB_LO_PROGRAM_DIR")) options.program_dir = dir;
  // One deadline for the whole run, LibreOffice's start included: `--timeout N` ends within
  // N seconds and the clean-up after it.
  const auto deadline = started + std::chrono::seconds(timeout);
  options.start_deadline = std::min(deadline, started + std::chrono::seconds(120));
  options.progress = say;
  std::string error;
  // Wall seconds per phase, for the report's "seconds" (and each command's own "seconds").
  nlohmann::json seconds = nlohmann::json::object();
  auto lap_start = std::chrono::steady_clock::now();
  auto lap = [&lap_start]() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - lap_start).count();
    lap_start = now;
    return std::round(s * 1000) / 1000;
  };
  std::unique_ptr<office::Office> office = office::Office::Start(options, &error);
  seconds["start"] = lap();
  if (!office) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return fail(kExitOffice, "timed out after " + std::to_string(timeout) +
                                   " s (starting LibreOffice; give more with --timeout)");
    }
    return fail(kExitOffice, error);
  }
  office::KillAtDeadline watchdog(deadline, office->process_group());
  auto office_failed = [&](const std::string& what) {
    std::string message = watchdog.fired() ? "timed out after " + std::to_string(timeout) + " s (" +
                                                 what + "; give more with --timeout)"
                                           : what;
    office->Stop();
    return fail(kExitOffice, message);
  };

  Reference<css::lang::XComponent> doc;
  bool any_skipped = false;
  try {
    say("opening " + args.input);
    // LibreOffice opens a private copy in its throwaway directory: its lock file
    // (".~lock.NAME#") is made there, never beside the user's file, and goes with the directory
    // whatever happens to this process (a failure, the timeout, kill -9).
    const fs::path copy = fs::path(office->dir()) / "input" / fs::path(args.input).filename();
    fs::create_directories(copy.parent_path(), ec);
    if (!fs::copy_file(args.input, copy, fs::copy_options::overwrite_existing, ec)) {
      office->Stop();
      return fail(kExitBadInput, "cannot read " + args.input + ": " + ec.message());
    }
    // The import filter follows the extension: a file that is not what its name says fails
    // instead of being shown as plain text.
    doc = office->Load(copy.string(), &error, import_filter->second,
                       in_ext == ".txt" ? "UTF8,LF,,," : "");
    if (!doc.is()) {
      if (watchdog.fired()) return office_failed("opening " + args.input);
      ReplaceAll(&error, copy.string(), args.input);  // name the user's file, not the copy
      office->Stop();
      return fail(kExitBadInput, error);
    }
    Reference<css::lang::XServiceInfo> info(doc, UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.TextDocument")) {
      office->Stop();
      return fail(kExitBadInput, args.input + " did not open as a Writer text document");
    }
    Reference<css::frame::XFrame> frame =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    seconds["open"] = lap();
    nlohmann::json results = nlohmann::json::array();
    nlohmann::json skipped = nlohmann::json::array();
    for (const std::string& url : urls) {
      say("running " + url);
      css::uno::Sequence<css::beans::PropertyValue> dispatch_args(2);
      dispatch_args.getArray()[0].Name = "StatusIndicator";
      dispatch_args.getArray()[0].Value <<=
          Reference<css::task::XStatusIndicator>(new PrintedProgress(say));
      dispatch_args.getArray()[1].Name = "AttribSettings";
      dispatch_args.getArray()[1].Value <<= uno::FromUtf8(settings_json);
      office::DispatchOutcome outcome =
          office::DispatchAndWait(office->context(), frame, url, dispatch_args);
      if (!outcome.available) {
        return office_failed(url + " is not available: the extension did not load");
      }
      if (!outcome.finished || !outcome.success) {
        return office_failed(url +
                             " failed: " + (outcome.result.empty() ? "no result" : outcome.result));
      }
      nlohmann::json r = nlohmann::json::parse(outcome.result, nullptr, false);
      if (r.is_discarded()) r = {{"result", outcome.result}};
      r["seconds"] = lap();
      say(Summary(r));
      // What the command left as it was (protection), once per story and reason.
      for (const auto& story : r.value("skipped_stories", nlohmann::json::array())) {
        const nlohmann::json entry = {{"story", story.value("story", "")},
                                      {"reason", story.value("reason", "")},
                                      {"command", r.value("command", "")}};
        skipped.push_back(entry);
        std::cerr << "attrib annotate: skipped: " << entry["story"].get<std::string>() << ": "
                  << entry["reason"].get<std::string>() << " ("
                  << entry["command"].get<std::string>() << ")\n";
      }
      results.push_back(r);
    }
    // LibreOffice 7.4's .docx import swaps or empties footnote texts when a file holds comments
    // and footnotes (README "Marks and file formats"): said before saving, not found out later.
    std::vector<std::string> warnings;
    const bool word = out_ext == ".docx" || out_ext == ".doc" || out_ext == ".rtf";
    const CommentPlaces comments = word ? FindComments(doc) : CommentPlaces();
    if (out_ext == ".docx" && comments.any && HasFootnotes(doc)) {
      warnings.push_back(
          args.output +
          ": the document has comments and footnotes; LibreOffice 7.4 may lose or swap footnote "
          "texts when it reopens this .docx (Word opens it as written) - save as .odt to keep "
          "working in LibreOffice");
      std::cerr << "attrib annotate: warning: " << warnings.back() << "\n";
    }
    // LibreOffice 7.4's .docx, .doc and .rtf export drops comments outside the body (README
    // "Every part of the document"): the highlights there stay, and Clear still knows them by
    // their bookmarks.
    if (comments.outside_body) {
      warnings.push_back(args.output +
                         ": comments in headers, footers, frames or text boxes are not kept by "
                         "LibreOffice 7.4's " +
                         out_ext +
                         " export (their highlights are, and Clear still removes them) - save as "
                         ".odt to keep them");
      std::cerr << "attrib annotate: warning: " << warnings.back() << "\n";
    }
    say("saving " + args.output);
    css::uno::Sequence<css::beans::PropertyValue> store(2);
    store.getArray()[0].Name = "FilterName";
    store.getArray()[0].Value <<= FromUtf8(filter->second);
    store.getArray()[1].Name = "Overwrite";
    store.getArray()[1].Value <<= true;
    const fs::path stored = fs::path(office->dir()) / "output" / out_path.filename();
    fs::create_directories(stored.parent_path(), ec);
    try {
      Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
          ->storeToURL(FromUtf8(office::FileUrl(stored.string())), store);
    } catch (const css::uno::Exception& e) {
      office->Stop();
      std::string why = ToUtf8(e.Message);
      ReplaceAll(&why, stored.string(), args.output);
      return fail(kExitOffice, "LibreOffice could not write " + args.output + ": " + why);
    }
    fs::rename(stored, out_path, ec);
    if (ec) {
      ec.clear();
      if (fs::copy_file(stored, temp_output, fs::copy_options::overwrite_existing, ec)) {
        fs::rename(temp_output, out_path, ec);
      }
    }
    if (ec) {
      office->Stop();
      return fail(kExitFailure, "cannot write " + args.output + ": " + ec.message());
    }
    seconds["save"] = lap();
    if (!args.json_report.empty()) {
      nlohmann::json report = {{"input", args.input},
                               {"output", args.output},
                               {"commands", results},
                               {"skipped", skipped},
                               {"warnings", warnings}};
      // Read inside the office (the hidden command), not call by call over the bridge.
      office::DispatchOutcome marked =
          office::DispatchAndWait(office->context(), frame, "org.attrib:MarkedContent", {});
      nlohmann::json content = nlohmann::json::parse(marked.result, nullptr, false);
      if (!marked.finished || !marked.success || content.is_discarded()) {
        return office_failed("org.attrib:MarkedContent failed: " + marked.result);
      }
      content.erase("command");
      report.update(content);
      seconds["report"] = lap();
      report["seconds"] = seconds;
      report["timeout_seconds"] = timeout;
      std::ofstream out(args.json_report);
      out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      out.close();  // a full disk shows at the last write
      if (!out) {
        office->Stop();
        return fail(kExitFailure, "cannot write " + args.json_report);
      }
      say("wrote " + args.json_report);
    }
    if (!args.sources_file.empty()) {
      // The sources as Writer's Sources Report has them (pages from the document's layout).
      css::uno::Sequence<css::beans::PropertyValue> source_args(2);
      source_args.getArray()[0].Name = "AttribNoDocument";
      source_args.getArray()[0].Value <<= true;
      source_args.getArray()[1].Name = "AttribSettings";
      source_args.getArray()[1].Value <<= FromUtf8(settings_json);
      office::DispatchOutcome listed = office::DispatchAndWait(
          office->context(), frame, "org.attrib:SourcesReport", source_args);
      nlohmann::json got = nlohmann::json::parse(listed.result, nullptr, false);
      if (!listed.finished || !listed.success || got.is_discarded() || !got.contains("sources")) {
        return office_failed("org.attrib:SourcesReport failed: " + listed.result);
      }
      std::vector<uno::SourceRow> rows;
      for (const auto& j : got["sources"]) {
        uno::SourceRow r;
        r.name = j.value("name", "");
        r.role = j.value("role", "");
        r.anonymous = j.value("anonymous", false);
        r.direct = j.value("direct", 0);
        r.partial = j.value("partial", 0);
        r.reported = j.value("reported", 0);
        r.first_quote = j.value("first_quote", "");
        r.page = j.value("page", 0);
        rows.push_back(std::move(r));
      }
      std::ofstream out(args.sources_file, std::ios::binary);
      if (sources_ext == ".csv") {
        out << uno::SourcesCsv(rows, uno::Catalog::For("en"));
      } else {
        out << uno::SourcesJson(rows).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
      }
      out.close();
      if (!out) {
        office->Stop();
        return fail(kExitFailure, "cannot write " + args.sources_file);
      }
      say("wrote " + args.sources_file);
    }
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    any_skipped = !skipped.empty();
  } catch (const css::uno::Exception& e) {
    return office_failed("LibreOffice: " + ToUtf8(e.Message));
  } catch (const std::exception& e) {
    return office_failed(e.what());
  }
  office->Stop();
  say("done: " + args.output);
  if (any_skipped) {
    std::cerr << "attrib annotate: " << args.output
              << " written; protected parts were left as they were (listed above)\n";
    return kExitSkipped;
  }
  return kExitOk;
}

}  // namespace attrib::cli
