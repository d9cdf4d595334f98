#include "component/commands.h"

#include <algorithm>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/TableColumnSeparator.hpp>
#include <com/sun/star/text/XPageCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/strings.h"
#include "component/main_thread.h"
#include "component/progress.h"
#include "component/report.h"
#include "component/selection.h"
#include "component/settings_store.h"
#include "component/summary.h"
#include "component/ui_language.h"
#include "component/writer_doc.h"
#include "logic/sources.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

Reference<css::text::XTextDocument> TextDocument(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc(c.model, UNO_QUERY);
  if (!doc.is() || !IsWriterTextDocument(c.model)) {
    throw css::uno::RuntimeException("this command needs a Writer text document");
  }
  return doc;
}

// The stored settings with the dispatch's "AttribSettings" over them; throws on invalid JSON.
Settings SettingsOf(const CommandContext& c) {
  Settings s = ReadSettings(c.context);
  if (!c.settings_json.empty()) {
    if (std::string error = SettingsFromJson(c.settings_json, &s); !error.empty()) {
      throw css::uno::RuntimeException(FromUtf8("settings: " + error));
    }
  }
  return s;
}

// `looks`: also read the original looks, which highlighting/underlining needs. Each story is
// analysed by itself (logic/stories.h) with the editor's settings; what would be marked where
// the text is protected is dropped from the plan and said in *skipped.
void Analyse(const Reference<css::text::XTextDocument>& doc, const Settings& settings, Analysed* a,
             bool looks, std::vector<SkippedStory>* skipped, int32_t first = 0, int32_t last = -1) {
  a->paragraphs = ReadParagraphs(doc, looks);
  const std::vector<WriterParagraph>& all = a->paragraphs.paragraphs;
  if (last < 0 || last >= static_cast<int32_t>(all.size()))
    last = static_cast<int32_t>(all.size()) - 1;
  first = std::clamp<int32_t>(first, 0, std::max<int32_t>(last, 0));
  std::vector<WriterParagraph> scope;
  if (!all.empty()) scope.assign(all.begin() + first, all.begin() + last + 1);
  a->first = first;
  Options options = settings.EngineOptions();
  if (settings.language_mode == "document") options.language = DocumentLanguage(all);
  if (Status s = AnalyseStories(scope, options, &a->parts, &a->plan, &a->paragraphs.story_names,
                                settings.Style());
      !s.ok()) {
    throw css::uno::RuntimeException(FromUtf8("the engine failed: " + s.message()));
  }
  if (first > 0) ShiftParagraphs(&a->plan, first);
  std::vector<SkippedStory> locked = DropLocked(&a->plan, all, a->paragraphs.story_names);
  skipped->insert(skipped->end(), locked.begin(), locked.end());
}

// One message for everything skipped (none when nothing was): first the parts left as they
// were and why, then single items; the log gets it too.
void TellSkipped(const CommandContext& c, const std::string& title, const Analysed* a,
                 const ApplyCounts& counts) {
  std::vector<std::string> all;
  for (const SkippedStory& s : counts.skipped_stories) all.push_back(s.story + " — " + s.reason);
  if (a != nullptr) all.insert(all.end(), a->plan.skipped.begin(), a->plan.skipped.end());
  all.insert(all.end(), counts.skipped.begin(), counts.skipped.end());
  if (all.empty()) return;
  const Catalog& words = UiWords(c.context);
  const std::string n = std::to_string(all.size());
  std::string text = words.Format(all.size() == 1 ? "ui.skipped.one" : "ui.skipped.many",
                                  {{"command", title}, {"n", n}});
  const size_t shown = std::min<size_t>(all.size(), 12);
  for (size_t i = 0; i < shown; ++i) text += "\n• " + all[i];
  if (shown < all.size()) {
    text += "\n" + words.Format("ui.skipped.more", {{"n", std::to_string(all.size() - shown)}});
  }
  LogInfo("skipped", FromUtf8(text));
  ShowInfo(c.context, c.frame, FromUtf8(words.Text("ui.title")), FromUtf8(text));
}

// When the whole document may not be changed (DocumentLock): the command changes nothing,
// says why in one message and returns its summary; else nullopt.
std::optional<OUString> RefuseLocked(const CommandContext& c,
                                     const Reference<css::text::XTextDocument>& doc,
                                     const char* command, const std::string& title) {
  const std::string lock = DocumentLock(doc);
  if (lock.empty()) return std::nullopt;
  ApplyCounts counts;
  counts.skipped_stories.push_back({"document", lock});
  TellSkipped(c, title, nullptr, counts);
  return Summary(command, nullptr, counts, {{"edits", 0}});
}

// Highlight Quotes (claims = false) and Mark Claims (claims = true); see SELECTION in commands.h.
OUString MarkCommand(const CommandContext& c, bool claims) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  const Catalog& words = UiWords(c.context);
  const Settings settings = SettingsOf(c);
  const std::string title = words.Text(claims ? "ui.command.claims" : "ui.command.highlight");
  const char* command = claims ? "MarkClaims" : "HighlightQuotes";
  if (std::optional<OUString> refused = RefuseLocked(c, doc, command, title)) return *refused;
  Progress progress(c, words.Text(claims ? "ui.progress.claims" : "ui.progress.highlight"));
  Edits edits;
  edits.fail_after = c.fail_after_edits;
  const Any selection = SelectionOf(c);
  Analysed a;
  ApplyCounts counts;
  bool selected = false;
  int claim_base = 0;
  bool marked_selection = false;
  MarkRecord record;
  // The selection's bookmarks are in no undo step: removed here when the command fails.
  auto unmark = [&] {
    if (!marked_selection) return;
    marked_selection = false;
    UnmarkSelection(doc, record);
  };
  try {
    UndoStep(doc, FromUtf8(title), [&] {
      MarkKinds kinds;
      (claims ? kinds.claims : kinds.quotes) = true;
      const char tag = claims ? kClaimTag : kQuoteTag;
      const char comment_tag = claims ? kClaimCommentTag : kQuoteCommentTag;
      record = OwnRecord(doc);
      SelectedMarks in;
      marked_selection = MarkSelection(doc, selection, record) > 0;
      if (marked_selection) in = MarksInSelection(ReadParagraphs(doc, false), tag, comment_tag);
      selected = in.selected;
      edits.NewPhase(progress.Between(0, 20));
      counts.removed = ClearMarks(doc, kinds, edits, selected ? &in.overlapping : nullptr,
                                  &counts.skipped_stories);
      progress.Set(20);
      if (selected) {
        Position begin, end;
        DocParagraphs now = ReadParagraphs(doc, false);  // the removal moved the steps
        FindSelection(now, &begin, &end);
        Analyse(doc, settings, &a, true, &counts.skipped_stories, begin.paragraph, end.paragraph);
        RestrictTo(&a.plan, begin, end);
        claim_base = claims ? in.max_id + 1 : 0;
        OffsetIds(&a.plan, claims ? 0 : in.max_id + 1, claim_base);
      } else {
        Analyse(doc, settings, &a, true, &counts.skipped_stories);
      }
      progress.Set(40);
      edits.NewPhase(progress.Between(40, 100));
      ApplyCounts applied = claims ? ApplyClaims(doc, a.paragraphs, a.plan, record, edits)
                                   : ApplyMarks(doc, a.paragraphs, a.plan, record, edits);
      unmark();
      counts.marks = applied.marks;
      counts.comments = applied.comments;
      counts.skipped = applied.skipped;
    });
  } catch (...) {
    try {
      unmark();
    } catch (const css::uno::Exception& e) {
      LogInfo("selection marks", e.Message);
    }
    throw;
  }
  nlohmann::json extra = {{"selection", selected}, {"edits", edits.done}};
  if (claims) extra["claim_list"] = ClaimList(a, record, claim_base);
  TellSkipped(c, title, &a, counts);
  return Summary(command, &a, counts, extra);
}

OUString HighlightQuotes(const CommandContext& c) {
  return MarkCommand(c, false);
}
OUString MarkClaims(const CommandContext& c) {
  return MarkCommand(c, true);
}

OUString InsertFootnotes(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  const Catalog& words = UiWords(c.context);
  const std::string title = words.Text("ui.command.footnotes");
  const Settings settings = SettingsOf(c);
  if (std::optional<OUString> refused = RefuseLocked(c, doc, "InsertFootnotes", title)) {
    return *refused;
  }
  Progress progress(c, words.Text("ui.progress.footnotes"));
  Edits edits;
  edits.fail_after = c.fail_after_edits;
  Analysed a;
  ApplyCounts counts;
  UndoStep(doc, FromUtf8(title), [&] {
    MarkKinds kinds;
    kinds.footnotes = true;
    edits.NewPhase(progress.Between(0, 20));
    std::vector<SkippedStory> skipped;
    int removed = ClearMarks(doc, kinds, edits, nullptr, &skipped);
    progress.Set(20);
    // Read after the removal: our footnote anchors are not in the text.
    Analyse(doc, settings, &a, false, &skipped);
    progress.Set(40);
    edits.NewPhase(progress.Between(40, 100));
    const MarkRecord record = a.plan.footnotes.empty() ? MarkRecord() : OwnRecord(doc);
    counts = ApplyFootnotes(doc, a.paragraphs, a.plan, record, edits, c.bare_footnotes);
    counts.removed = removed;
    counts.skipped_stories = std::move(skipped);
  });
  TellSkipped(c, title, &a, counts);
  return Summary("InsertFootnotes", &a, counts, {{"edits", edits.done}});
}

OUString ClearAttributionMarks(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  const Catalog& words = UiWords(c.context);
  const std::string title = words.Text("ui.command.clear");
  if (std::optional<OUString> refused = RefuseLocked(c, doc, "ClearMarks", title)) {
    return *refused;
  }
  ApplyCounts counts;
  Progress progress(c, words.Text("ui.progress.clear"));
  Edits edits;
  edits.fail_after = c.fail_after_edits;
  edits.NewPhase(progress.Between(0, 100));
  UndoStep(doc, FromUtf8(title), [&] {
    counts.removed =
        ClearMarks(doc, MarkKinds{true, true, true}, edits, nullptr, &counts.skipped_stories);
  });
  TellSkipped(c, title, nullptr, counts);
  return Summary("ClearMarks", nullptr, counts, {{"edits", edits.done}});
}

// The report's "marks" (quotes: speaker line, then the details), "claims" and "footnotes".
OUString MarkedContentReport(const CommandContext& c) {
  const MarkedContent content = ReadMarkedContent(TextDocument(c));
  nlohmann::json marks = nlohmann::json::array(), claims = nlohmann::json::array(),
                 footnotes = nlohmann::json::array();
  for (const MarkedComment& m : content.comments) {
    if (m.claim) {
      claims.push_back(
          {{"name", m.name}, {"story", m.story}, {"text", m.text}, {"check", m.comment}});
      continue;
    }
    const size_t nl = m.comment.find('\n');
    marks.push_back({{"name", m.name},
                     {"story", m.story},
                     {"text", m.text},
                     {"speaker", m.comment.substr(0, nl)},
                     {"details", nl == std::string::npos ? "" : m.comment.substr(nl + 1)}});
  }
  for (const MarkedFootnote& f : content.footnotes) {
    footnotes.push_back({{"name", f.name}, {"label", f.label}, {"text", f.text}});
  }
  const nlohmann::json j = {
      {"command", "MarkedContent"}, {"marks", marks}, {"claims", claims}, {"footnotes", footnotes}};
  return FromUtf8(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The page each source's first quote is on, from the document's view (its controller's view
// cursor, put back where it was); 0 where there is no view or no page.
void FindPages(const Reference<css::text::XTextDocument>& doc, const DocParagraphs& paragraphs,
               std::vector<SourceRow>* rows) {
  Reference<css::frame::XModel> model(doc, UNO_QUERY);
  if (!model.is()) return;
  Reference<css::text::XTextViewCursorSupplier> views(model->getCurrentController(), UNO_QUERY);
  if (!views.is()) return;
  Reference<css::text::XTextViewCursor> view = views->getViewCursor();
  Reference<css::text::XPageCursor> pages(view, UNO_QUERY);
  if (!view.is() || !pages.is()) return;
  Reference<css::text::XTextCursor> was = view->getText()->createTextCursorByRange(view.get());
  model->lockControllers();
  for (SourceRow& r : *rows) {
    try {
      view->gotoRange(RangeOf(paragraphs, r.first_begin, r.first_begin), false);
      r.page = pages->getPage();
    } catch (const css::uno::Exception& e) {  // a story the view cannot enter (a shape's text)
      LogInfo("sources: page", e.Message);
    }
  }
  try {
    view->gotoRange(was.get(), false);
  } catch (const css::uno::Exception& e) {
    LogInfo("sources: view", e.Message);
  }
  model->unlockControllers();
}

// A new Writer document holding the title and the sources table (named "AttribSources"),
// hidden when the analysed document is (headless).
void OpenSourcesDocument(const CommandContext& c, const std::vector<SourceRow>& rows,
                         const Catalog& words, bool hidden) {
  Reference<css::frame::XDesktop2> desktop = css::frame::Desktop::create(c.context);
  css::uno::Sequence<css::beans::PropertyValue> args(1);
  args.getArray()[0].Name = "Hidden";
  args.getArray()[0].Value <<= hidden;
  Reference<css::text::XTextDocument> report(
      desktop->loadComponentFromURL("private:factory/swriter", "_blank", 0, args), UNO_QUERY_THROW);
  Reference<css::text::XText> text = report->getText();
  Reference<css::text::XTextCursor> at = text->createTextCursor();
  text->insertString(at.get(), FromUtf8(words.Text("sources.title")), false);
  Reference<css::beans::XPropertySet>(at, UNO_QUERY_THROW)
      ->setPropertyValue("ParaStyleName", css::uno::Any(OUString("Heading 1")));
  text->insertControlCharacter(at.get(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
  Reference<css::beans::XPropertySet>(at, UNO_QUERY_THROW)
      ->setPropertyValue("ParaStyleName", css::uno::Any(OUString("Default Paragraph Style")));
  const std::vector<std::string> columns = SourceColumns(words);
  Reference<css::text::XTextTable> table(
      Reference<css::lang::XMultiServiceFactory>(report, UNO_QUERY_THROW)
          ->createInstance("com.sun.star.text.TextTable"),
      UNO_QUERY_THROW);
  table->initialize(static_cast<sal_Int32>(rows.size() + 1),
                    static_cast<sal_Int32>(columns.size()));
  Reference<css::container::XNamed>(table, UNO_QUERY_THROW)->setName("AttribSources");
  text->insertTextContent(at.get(), Reference<css::text::XTextContent>(table, UNO_QUERY_THROW),
                          false);
  Reference<css::table::XCellRange> cells(table, UNO_QUERY_THROW);
  auto put = [&](size_t col, size_t row, const std::string& value) {
    Reference<css::text::XText>(
        cells->getCellByPosition(static_cast<sal_Int32>(col), static_cast<sal_Int32>(row)),
        UNO_QUERY_THROW)
        ->setString(FromUtf8(value));
  };
  // Columns as wide as what they hold: names and roles, the quote widest, numbers narrow.
  Reference<css::beans::XPropertySet> table_props(table, UNO_QUERY_THROW);
  sal_Int16 sum = 0;
  table_props->getPropertyValue("TableColumnRelativeSum") >>= sum;
  constexpr int kWidths[] = {16, 18, 10, 8, 8, 9, 25, 6};  // percent; SourceColumns' order
  css::uno::Sequence<css::text::TableColumnSeparator> separators(
      static_cast<sal_Int32>(std::size(kWidths) - 1));
  int at_percent = 0;
  for (size_t i = 0; i + 1 < std::size(kWidths); ++i) {
    at_percent += kWidths[i];
    separators.getArray()[i].Position = static_cast<sal_Int16>(sum * at_percent / 100);
    separators.getArray()[i].IsVisible = true;
  }
  if (sum > 0 && columns.size() == std::size(kWidths)) {
    table_props->setPropertyValue("TableColumnSeparators", css::uno::Any(separators));
  }
  for (size_t col = 0; col < columns.size(); ++col) put(col, 0, columns[col]);
  for (size_t row = 0; row < rows.size(); ++row) {
    const std::vector<std::string> values = SourceCells(rows[row], words);
    for (size_t col = 0; col < values.size(); ++col) put(col, row + 1, values[col]);
  }
  // A size that fits eight columns on a portrait page.
  const std::string last_cell =
      std::string(1, static_cast<char>('A' + columns.size() - 1)) + std::to_string(rows.size() + 1);
  Reference<css::beans::XPropertySet>(cells->getCellRangeByName(FromUtf8("A1:" + last_cell)),
                                      UNO_QUERY_THROW)
      ->setPropertyValue("CharHeight", css::uno::Any(9.0f));
  // The reader starts at the title.
  Reference<css::frame::XModel> model(report, UNO_QUERY_THROW);
  if (Reference<css::text::XTextViewCursorSupplier> views{model->getCurrentController(), UNO_QUERY};
      views.is()) {
    views->getViewCursor()->gotoRange(text->getStart(), false);
  }
}

// Sources Report: reads the document (changes nothing in it) and opens a new document with one
// table row per source; with the hidden argument "AttribNoDocument" (`attrib annotate
// --sources`) only the rows, in the result.
OUString SourcesReport(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  const Settings settings = SettingsOf(c);
  Analysed a;
  std::vector<SkippedStory> skipped;
  Analyse(doc, settings, &a, false, &skipped);
  std::vector<SourceRow> rows = BuildSources(a.parts, a.paragraphs.paragraphs);
  FindPages(doc, a.paragraphs, &rows);
  if (!c.no_document) {
    Reference<css::awt::XWindow2> window(
        c.frame.is() ? c.frame->getContainerWindow() : Reference<css::awt::XWindow>(), UNO_QUERY);
    OpenSourcesDocument(c, rows, UiWords(c.context), !window.is() || !window->isVisible());
  }
  nlohmann::json j = {
      {"command", "SourcesReport"}, {"sources", SourcesJson(rows)}, {"document", !c.no_document}};
  return FromUtf8(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The user guide in the UI language (extension/help/<lang>.html, English when there is none),
// opened in the system's browser; with the hidden argument "AttribNoOpen" only found (tests).
OUString Help(const CommandContext& c) {
  const std::string lang = PrimaryLanguage(UiLanguage(c.context));
  Reference<css::deployment::XPackageInformationProvider> packages =
      css::deployment::PackageInformationProvider::get(c.context);
  const OUString root = packages->getPackageLocation(OUString::createFromAscii(kExtensionId));
  if (root.isEmpty()) throw css::uno::RuntimeException("the extension's folder is not known");
  const Catalog& words = UiWords(c.context);
  const std::string page = ToUtf8(root) + "/help/" + words.language() + ".html";
  if (!c.no_open) {
    css::system::SystemShellExecute::create(c.context)->execute(
        FromUtf8(page), "", css::system::SystemShellExecuteFlags::URIS_ONLY);
  }
  nlohmann::json j = {{"command", "Help"}, {"language", lang}, {"url", page}};
  return FromUtf8(j.dump());
}

// The text is UTF-8 and goes through FromUtf8: an OUString built from a narrow literal reads
// its bytes as Latin-1, which turned the dash into "â€”". The result carries the text shown.
OUString About(const CommandContext& c) {
  const Catalog& words = UiWords(c.context);
  const OUString text = FromUtf8(words.Format("ui.about.line1", {{"version", Version()}}) + "\n" +
                                 words.Text("ui.about.line2"));
  ShowInfo(c.context, c.frame, FromUtf8(words.Text("ui.command.about")), text);
  nlohmann::json j = {{"command", "About"}, {"version", Version()}, {"text", ToUtf8(text)}};
  return FromUtf8(j.dump());
}

constexpr Command kCommands[] = {
    {"org.attrib:HighlightQuotes", "Highlight Quotes", true, true,
     &MainThreadCommand<&HighlightQuotes>},
    {"org.attrib:MarkClaims", "Mark Claims", true, true, &MainThreadCommand<&MarkClaims>},
    {"org.attrib:InsertFootnotes", "Insert Attribution Footnotes", true, true,
     &MainThreadCommand<&InsertFootnotes>},
    {"org.attrib:ClearMarks", "Clear Attribution Marks", true, true,
     &MainThreadCommand<&ClearAttributionMarks>},
    {"org.attrib:SourcesReport", "Sources Report", true, true, &MainThreadCommand<&SourcesReport>},
    {"org.attrib:Help", "Attribution Help", false, true, &Help},
    {"org.attrib:About", "About Attrib", false, true, &About},
    {"org.attrib:MarkedContent", "Marked Content", true, false,
     &MainThreadCommand<&MarkedContentReport>},
};

}  // namespace

std::span<const Command> Commands() {
  return kCommands;
}

const Command* FindCommand(const OUString& url) {
  for (const Command& c : kCommands) {
    if (url.equalsAscii(c.url)) return &c;
  }
  return nullptr;
}

bool IsWriterTextDocument(const Reference<css::frame::XModel>& model) {
  Reference<css::lang::XServiceInfo> info(model, UNO_QUERY);
  return info.is() && info->supportsService("com.sun.star.text.TextDocument");
}

Reference<css::frame::XModel> ModelOf(const Reference<css::frame::XFrame>& frame) {
  if (!frame.is()) return {};
  Reference<css::frame::XController> controller = frame->getController();
  return controller.is() ? controller->getModel() : Reference<css::frame::XModel>();
}

}  // namespace attrib::uno
