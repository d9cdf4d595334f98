// `attrib annotate`: a private headless LibreOffice with the built extension, the extension's
// commands dispatched on the document, the result saved by the output's extension.
#include "annotate.h"

#include <unistd.h>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <condition_variable>
#include <cppuhelper/implbase1.hxx>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <rtl/ref.hxx>
#include <thread>

#include "analyze.h"  // exit codes
#include "client/office.h"
#include "logic/marks.h"

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

// Output extension -> export filter.
const std::map<std::string, std::string>& ExportFilters() {
  static const std::map<std::string, std::string> filters = {
      {".odt", "writer8"}, {".docx", "MS Word 2007 XML"}, {".pdf", "writer_pdf_Export"}};
  return filters;
}

// One line for people from a command's JSON result, e.g.
// "HighlightQuotes: 27 quotes, 6 speakers; 27 marks, 27 comments, 0 footnotes; 0 skipped".
std::string Summary(const nlohmann::json& r) {
  auto n = [&](const char* key) { return std::to_string(r.value(key, 0)); };
  std::string line = r.value("command", std::string("command")) + ": " + n("quotes") + " quotes, " +
                     n("speakers") + " speakers, " + n("claims") + " claims; " + n("marks") +
                     " marks, " + n("comments") + " comments, " + n("footnotes") + " footnotes, " +
                     n("removed") + " removed";
  if (r.contains("skipped") && r["skipped"].is_array() && !r["skipped"].empty()) {
    line += "; skipped " + std::to_string(r["skipped"].size()) + ": " + r["skipped"].dump();
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
class Watchdog {
 public:
  Watchdog(int seconds, pid_t pgid)
      : thread_([this, seconds, pgid] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!cv_.wait_for(lock, std::chrono::seconds(seconds), [this] { return stop_; })) {
            fired_ = true;
            if (pgid > 0) ::kill(-pgid, SIGKILL);
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  bool fired() {
    std::lock_guard<std::mutex> lock(mutex_);
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool fired_ = false;
  std::thread thread_;
};

// The document's record of Attrib's marks (uno/logic/marks.h), if any.
std::optional<uno::MarkRecord> RecordOf(const Reference<css::lang::XComponent>& doc) {
  Reference<css::beans::XPropertySet> props(
      Reference<css::document::XDocumentPropertiesSupplier>(doc, UNO_QUERY_THROW)
          ->getDocumentProperties()
          ->getUserDefinedProperties(),
      UNO_QUERY_THROW);
  const OUString name = OUString::createFromAscii(uno::kRecordProperty);
  OUString value;
  if (!props->getPropertySetInfo()->hasPropertyByName(name) ||
      !(props->getPropertyValue(name) >>= value)) {
    return std::nullopt;
  }
  return uno::ParseRecord(ToUtf8(value));
}

// What the extension marked, read back from the document: its quote comments ("marks"), its
// claim comments ("claims") and its footnotes — recognised as the extension does (marks.h).
nlohmann::json MarkedContent(const Reference<css::lang::XComponent>& doc) {
  const std::optional<uno::MarkRecord> record = RecordOf(doc);
  const std::string key = record ? record->key : "";
  nlohmann::json marks = nlohmann::json::array();
  nlohmann::json claims = nlohmann::json::array();
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  while (fields->hasMoreElements()) {
    Reference<css::lang::XServiceInfo> info(fields->nextElement(), UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.textfield.Annotation")) continue;
    Reference<css::beans::XPropertySet> props(info, UNO_QUERY_THROW);
    OUString author, name, content;
    css::util::DateTime date;
    props->getPropertyValue("Author") >>= author;
    props->getPropertyValue("Name") >>= name;
    props->getPropertyValue("Content") >>= content;
    props->getPropertyValue("DateTimeValue") >>= date;
    uno::ParsedName parsed;
    const uno::CommentFacts facts{
        ToUtf8(author), ToUtf8(name), ToUtf8(content),
        uno::Stamp(date.Year, date.Month, date.Day, date.Hours, date.Minutes)};
    if (!uno::IsOurComment(facts, record ? &*record : nullptr, &parsed)) continue;
    std::string text =
        ToUtf8(Reference<css::text::XTextContent>(info, UNO_QUERY_THROW)->getAnchor()->getString());
    const std::string& comment = facts.content;
    if (parsed.tag == uno::kClaimCommentTag) {
      claims.push_back({{"name", facts.name}, {"text", text}, {"check", comment}});
      continue;
    }
    size_t nl = comment.find('\n');
    marks.push_back({{"name", facts.name},
                     {"text", text},
                     {"speaker", comment.substr(0, nl)},
                     {"details", nl == std::string::npos ? "" : comment.substr(nl + 1)}});
  }
  nlohmann::json footnotes = nlohmann::json::array();
  Reference<css::container::XNameAccess> bookmarks =
      Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks();
  // Our footnote bookmarks sit right before their footnote's anchor (marks.h).
  std::vector<std::pair<std::string, Reference<css::text::XTextRange>>> points;
  for (const OUString& name : bookmarks->getElementNames()) {
    std::optional<uno::ParsedName> parsed = uno::ParseName(ToUtf8(name), key);
    if (!parsed || parsed->tag != uno::kFootnoteTag) continue;
    points.emplace_back(ToUtf8(name), Reference<css::text::XTextContent>(bookmarks->getByName(name),
                                                                         UNO_QUERY_THROW)
                                          ->getAnchor());
  }
  Reference<css::container::XIndexAccess> notes =
      Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
  for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
    Reference<css::text::XFootnote> note(notes->getByIndex(i), UNO_QUERY_THROW);
    Reference<css::text::XTextRange> at = note->getAnchor();
    Reference<css::text::XTextRangeCompare> compare(at->getText(), UNO_QUERY);
    for (const auto& [name, point] : points) {
      if (!compare.is() || point->getText() != at->getText() ||
          compare->compareRegionStarts(point, at) != 0) {
        continue;
      }
      footnotes.push_back(
          {{"name", name},
           {"label", ToUtf8(at->getString())},
           {"text", ToUtf8(Reference<css::text::XText>(note, UNO_QUERY_THROW)->getString())}});
      break;
    }
  }
  return {{"marks", marks}, {"claims", claims}, {"footnotes", footnotes}};
}

// Whether the document holds at least one comment and one footnote (anyone's).
bool HasCommentsAndFootnotes(const Reference<css::lang::XComponent>& doc) {
  if (Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes()->getCount() ==
      0) {
    return false;
  }
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  while (fields->hasMoreElements()) {
    Reference<css::lang::XServiceInfo> info(fields->nextElement(), UNO_QUERY);
    if (info.is() && info->supportsService("com.sun.star.text.textfield.Annotation")) return true;
  }
  return false;
}

}  // namespace

int RunAnnotate(const AnnotateArgs& args) {
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
  if (args.timeout_seconds <= 0) {
    return fail(kExitUsage, "--timeout must be a positive number of seconds");
  }
  if (fs::is_directory(args.input, ec)) {
    return fail(kExitBadInput, args.input + " is a directory, not a document");
  }
  if (!fs::is_regular_file(args.input, ec)) {
    return fail(kExitBadInput, "cannot read " + args.input);
  }
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
  if (in_ext != ".odt" && in_ext != ".docx" && in_ext != ".txt") {
    return fail(kExitUsage, args.input + ": input must be .odt, .docx or .txt");
  }
  const std::string out_ext = Lower(std::filesystem::path(args.output).extension().string());
  auto filter = ExportFilters().find(out_ext);
  if (filter == ExportFilters().end()) {
    return fail(kExitUsage, args.output + ": output must be .odt, .docx or .pdf");
  }
  std::vector<std::string> urls;
  for (const std::string& c : args.commands) {
    auto it = CommandUrls().find(c);
    if (it == CommandUrls().end()) {
      return fail(kExitUsage,
                  "unknown command '" + c + "' (known: highlight, claims, footnotes, clear)");
    }
    urls.push_back(it->second);
  }

  // The output is written next to itself under a temporary name, then renamed over it.
  const fs::path out_path = fs::absolute(args.output, ec);
  if (!fs::is_directory(out_path.parent_path(), ec) ||
      ::access(out_path.parent_path().c_str(), W_OK) != 0) {
    return fail(kExitUsage, "cannot write " + args.output + ": its folder " +
                                out_path.parent_path().string() +
                                " does not exist or is not writable");
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

  office::OfficeOptions options;
  options.oxt = args.oxt;
  options.tag = "attrib-annotate";
  if (const char* dir = std::getenv("ATTRIB_LO_PROGRAM_DIR")) options.program_dir = dir;
  options.start_timeout_seconds = std::min(args.timeout_seconds, 120);
  options.progress = say;
  std::string error;
  std::unique_ptr<office::Office> office = office::Office::Start(options, &error);
  if (!office) return fail(kExitOffice, error);
  Watchdog watchdog(args.timeout_seconds, office->process_group());
  auto office_failed = [&](const std::string& what) {
    std::string message =
        watchdog.fired()
            ? "timed out after " + std::to_string(args.timeout_seconds) + " s (" + what + ")"
            : what;
    office->Stop();
    return fail(kExitOffice, message);
  };

  Reference<css::lang::XComponent> doc;
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
    if (in_ext == ".txt") {
      doc = office->Load(copy.string(), &error, "Text (encoded)", "UTF8,LF,,,");
    } else {
      doc = office->Load(copy.string(), &error, in_ext == ".odt" ? "writer8" : "MS Word 2007 XML");
    }
    if (!doc.is()) {
      // The message names the user's file, not the private copy.
      for (size_t at = error.find(copy.string()); at != std::string::npos;
           at = error.find(copy.string(), at + args.input.size())) {
        error.replace(at, copy.string().size(), args.input);
      }
    }
    if (!doc.is()) {
      office->Stop();
      return fail(watchdog.fired() ? kExitOffice : kExitBadInput, error);
    }
    Reference<css::lang::XServiceInfo> info(doc, UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.TextDocument")) {
      office->Stop();
      return fail(kExitBadInput, args.input + " did not open as a Writer text document");
    }
    Reference<css::frame::XFrame> frame =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    nlohmann::json results = nlohmann::json::array();
    for (const std::string& url : urls) {
      say("running " + url);
      css::uno::Sequence<css::beans::PropertyValue> dispatch_args(1);
      dispatch_args.getArray()[0].Name = "StatusIndicator";
      dispatch_args.getArray()[0].Value <<=
          Reference<css::task::XStatusIndicator>(new PrintedProgress(say));
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
      say(r.is_discarded() ? outcome.result : Summary(r));
      results.push_back(r.is_discarded() ? nlohmann::json(outcome.result) : r);
    }
    // LibreOffice 7.4's .docx import swaps or empties footnote texts when a file holds comments
    // and footnotes (README "Marks and file formats"): said before saving, not found out later.
    std::vector<std::string> warnings;
    if (out_ext == ".docx" && HasCommentsAndFootnotes(doc)) {
      warnings.push_back(
          args.output +
          ": the document has comments and footnotes; LibreOffice 7.4 may lose or swap footnote "
          "texts when it reopens this .docx (Word opens it as written) - save as .odt to keep "
          "working in LibreOffice");
      std::cerr << "attrib annotate: warning: " << warnings.back() << "\n";
    }
    say("saving " + args.output);
    css::uno::Sequence<css::beans::PropertyValue> store(2);
    store.getArray()[0].Name = "FilterName";
    store.getArray()[0].Value <<= FromUtf8(filter->second);
    store.getArray()[1].Name = "Overwrite";
    store.getArray()[1].Value <<= true;
    try {
      Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
          ->storeToURL(FromUtf8(office::FileUrl(temp_output.string())), store);
    } catch (const css::uno::Exception& e) {
      office->Stop();
      return fail(kExitOffice,
                  "LibreOffice could not write " + args.output + ": " + ToUtf8(e.Message));
    }
    fs::rename(temp_output, out_path, ec);
    if (ec) {
      office->Stop();
      return fail(kExitFailure, "cannot write " + args.output + ": " + ec.message());
    }
    if (!args.json_report.empty()) {
      nlohmann::json report = {{"input", args.input},
                               {"output", args.output},
                               {"commands", results},
                               {"warnings", warnings}};
      report.update(MarkedContent(doc));
      std::ofstream out(args.json_report);
      out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      if (!out) {
        office->Stop();
        return fail(kExitFailure, "cannot write " + args.json_report);
      }
      say("wrote " + args.json_report);
    }
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
  } catch (const css::uno::Exception& e) {
    return office_failed("LibreOffice: " + ToUtf8(e.Message));
  } catch (const std::exception& e) {
    return office_failed(e.what());
  }
  office->Stop();
  say("done: " + args.output);
  return kExitOk;
}

}  // namespace attrib::cli
