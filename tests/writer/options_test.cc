// Tools › Options › LibreOffice Writer › Attribution (issue 12 item 5), in the real office with
// the built .oxt: the options dialog's entry, the page made from the installed dialog file with
// Attrib's handler as the options dialog makes it, its values stored in the extension's own
// configuration schema, and the next Highlight following them. Also the settings a caller (the
// CLI) passes with the dispatch.
#include <gtest/gtest.h>

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "component/settings_store.h"
#include "doc_dump.h"
#include "logic/marks.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// The stored settings as they were, written back when the test ends.
class KeepSettings {
 public:
  KeepSettings() : before_(uno::ReadSettings(TheOffice().context())) {}
  ~KeepSettings() {
    try {
      uno::WriteSettings(TheOffice().context(), before_);
    } catch (const css::uno::Exception& e) {
      ADD_FAILURE() << "settings not restored: " << ToUtf8(e.Message);
    }
  }

 private:
  uno::Settings before_;
};

Any Config(const std::string& path, const std::string& name) {
  Reference<css::lang::XMultiServiceFactory> provider =
      css::configuration::theDefaultProvider::get(TheOffice().context());
  css::beans::PropertyValue node;
  node.Name = "nodepath";
  node.Value <<= FromUtf8(path);
  css::uno::Sequence<Any> args(1);
  args.getArray()[0] <<= node;
  Reference<css::container::XHierarchicalNameAccess> access(
      provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
      UNO_QUERY_THROW);
  return access->getByHierarchicalName(FromUtf8(name));
}

std::string String(const Any& a) {
  OUString s;
  a >>= s;
  return ToUtf8(s);
}

// The page as the options dialog makes it: the dialog file of the installed extension, the
// handler named in OptionsDialog.xcu.
class OptionsPage {
 public:
  explicit OptionsPage(const ScopedDoc& doc) {
    const Reference<css::uno::XComponentContext>& context = TheOffice().context();
    const std::string page = String(
        Config("/org.openoffice.Office.OptionsDialog/Nodes/Writer/Leaves/org.attrib.writer.options",
               "OptionsPage"));
    const std::string handler_name = String(
        Config("/org.openoffice.Office.OptionsDialog/Nodes/Writer/Leaves/org.attrib.writer.options",
               "EventHandlerService"));
    EXPECT_EQ(page.substr(page.size() - std::string("/dialogs/AttribOptions.xdl").size()),
              "/dialogs/AttribOptions.xdl");
    handler_.set(
        context->getServiceManager()->createInstanceWithContext(FromUtf8(handler_name), context),
        UNO_QUERY_THROW);
    Reference<css::awt::XWindowPeer> parent(doc.frame()->getContainerWindow(), UNO_QUERY_THROW);
    window_ = css::awt::ContainerWindowProvider::create(context)->createContainerWindow(
        FromUtf8(page), "", parent, handler_);
    controls_.set(window_, UNO_QUERY_THROW);
  }
  ~OptionsPage() {
    Reference<css::lang::XComponent> c(window_, UNO_QUERY);
    if (c.is()) c->dispose();
  }
  // What the options dialog sends: "initialize", "ok", "back".
  bool Event(const char* what) {
    return handler_->callHandlerMethod(window_, Any(OUString::createFromAscii(what)),
                                       "external_event");
  }
  Reference<css::beans::XPropertySet> Model(const char* name) const {
    Reference<css::awt::XControl> c(controls_->getControl(OUString::createFromAscii(name)),
                                    UNO_QUERY_THROW);
    return Reference<css::beans::XPropertySet>(c->getModel(), UNO_QUERY_THROW);
  }
  std::string Label(const char* name) const {
    return String(Model(name)->getPropertyValue("Label"));
  }
  sal_Int16 State(const char* name) const {
    sal_Int16 state = -1;
    Model(name)->getPropertyValue("State") >>= state;
    return state;
  }
  void Check(const char* name, bool on) {
    Model(name)->setPropertyValue("State", Any(static_cast<sal_Int16>(on ? 1 : 0)));
  }
  void SetText(const char* name, const std::string& text) {
    Model(name)->setPropertyValue("Text", Any(FromUtf8(text)));
  }
  std::vector<std::string> Items(const char* name) const {
    css::uno::Sequence<OUString> items;
    Model(name)->getPropertyValue("StringItemList") >>= items;
    std::vector<std::string> out;
    for (const OUString& i : items) out.push_back(ToUtf8(i));
    return out;
  }

 private:
  Reference<css::awt::XContainerWindowEventHandler> handler_;
  Reference<css::awt::XWindow> window_;
  Reference<css::awt::XControlContainer> controls_;
};

// A direct quote and a reported statement by the same speaker.
void WriteDraft(const ScopedDoc& d) {
  d.doc()->getText()->setString(
      FromUtf8("\u201CWe are ready to talk,\u201D said Jane Doe, the mayor of Springfield. Doe "
               "said that the "
               "city would not raise taxes this year."));
}

std::vector<Comment> Ours(const ScopedDoc& d) {
  std::vector<Comment> out;
  for (const Comment& c : Comments(d.doc())) {
    if (c.author == uno::kCommentAuthor) out.push_back(c);
  }
  return out;
}

nlohmann::json Command(const ScopedDoc& d, const char* url) {
  bool ok = false;
  const std::string r = Dispatch(d.frame(), url, &ok);
  EXPECT_TRUE(ok) << url << ": " << r;
  return nlohmann::json::parse(r, nullptr, false);
}

TEST(Options, TheSchemaIsInstalledWithItsDefaults) {
  bool reported = false;
  Config("/org.attrib.Settings/Marks", "MarkReported") >>= reported;
  EXPECT_TRUE(reported);
  EXPECT_EQ(String(Config("/org.attrib.Settings/Analysis", "LanguageMode")), "paragraph");
  EXPECT_EQ(uno::ReadSettings(TheOffice().context()), uno::Settings());
}

TEST(Options, ThePageChangesTheNextHighlight) {
  KeepSettings keep;
  ScopedDoc d;
  WriteDraft(d);
  Command(d, "org.attrib:HighlightQuotes");
  const std::vector<Comment> before = Ours(d);
  ASSERT_EQ(before.size(), 2u);  // the quote and the report
  for (const Comment& c : before) EXPECT_EQ(c.content.find("rule "), std::string::npos);

  {
    OptionsPage page(d);
    ASSERT_TRUE(page.Event("initialize"));
    EXPECT_EQ(page.Label("chkReported"), "Reported speech");  // worded from the catalogue
    EXPECT_EQ(page.Items("lstLanguageMode").size(), 3u);
    EXPECT_EQ(page.State("chkReported"), 1);
    EXPECT_EQ(page.State("chkDetails"), 0);
    page.Check("chkReported", false);
    page.Check("chkDetails", true);
    page.SetText("txtWordingEn", "Said by {who}.");
    ASSERT_TRUE(page.Event("ok"));
  }
  const uno::Settings stored = uno::ReadSettings(TheOffice().context());
  EXPECT_FALSE(stored.mark_reported);
  EXPECT_TRUE(stored.comment_details);
  EXPECT_EQ(stored.footnote_wording.at("en"), "Said by {who}.");

  Command(d, "org.attrib:HighlightQuotes");
  const std::vector<Comment> after = Ours(d);
  ASSERT_EQ(after.size(), 1u);  // the report is no longer marked
  EXPECT_NE(after[0].content.find("\nrule "), std::string::npos) << after[0].content;
  Command(d, "org.attrib:InsertFootnotes");
  const std::vector<std::string> notes = FootnoteTexts(d.doc());
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].rfind("Said by Jane Doe", 0), 0u) << notes[0];

  // Invalid input is not stored, and "back" shows what is.
  OptionsPage page(d);
  ASSERT_TRUE(page.Event("initialize"));
  EXPECT_EQ(page.State("chkReported"), 0);
  page.SetText("txtWordingEn", "Quoted.");  // no {who}
  page.Check("chkReported", true);
  ASSERT_TRUE(page.Event("ok"));
  EXPECT_NE(page.Label("lblStatus").find("{who}"), std::string::npos) << page.Label("lblStatus");
  EXPECT_FALSE(uno::ReadSettings(TheOffice().context()).mark_reported);
  ASSERT_TRUE(page.Event("back"));
  EXPECT_EQ(page.State("chkReported"), 0);
}

TEST(Options, SettingsGivenWithTheDispatchGoOverTheStoredOnes) {
  ScopedDoc d;
  WriteDraft(d);
  css::uno::Sequence<css::beans::PropertyValue> args(1);
  args.getArray()[0].Name = "AttribSettings";
  args.getArray()[0].Value <<= FromUtf8(R"({"mark_direct": false})");
  bool ok = false;
  const std::string r = Dispatch(d.frame(), "org.attrib:HighlightQuotes", args, &ok);
  ASSERT_TRUE(ok) << r;
  const std::vector<Comment> marked = Ours(d);
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_NE(marked[0].content.find("reported speech"), std::string::npos) << marked[0].content;
  // Bad settings: the command fails with the reason and changes nothing.
  const std::string before = Snapshot(d.doc());
  args.getArray()[0].Value <<= FromUtf8(R"({"mark_direct": "no"})");
  const std::string failed = Dispatch(d.frame(), "org.attrib:HighlightQuotes", args, &ok);
  EXPECT_FALSE(ok);
  EXPECT_NE(failed.find("mark_direct must be true or false"), std::string::npos) << failed;
  EXPECT_EQ(Snapshot(d.doc()), before);
}

}  // namespace
}  // namespace attrib::test

namespace attrib::test {
namespace {

// The document Sources Report opened: the one whose table is named "AttribSources".
Reference<css::text::XTextDocument> SourcesDocument() {
  Reference<css::frame::XDesktop2> desktop = css::frame::Desktop::create(TheOffice().context());
  Reference<css::container::XEnumeration> all = desktop->getComponents()->createEnumeration();
  while (all->hasMoreElements()) {
    Reference<css::text::XTextTablesSupplier> tables(all->nextElement(), UNO_QUERY);
    if (tables.is() && tables->getTextTables()->hasByName("AttribSources")) {
      return Reference<css::text::XTextDocument>(tables, UNO_QUERY);
    }
  }
  return {};
}

TEST(SourcesReport, ANewDocumentWithOneRowPerSourceAndTheSourceUntouched) {
  ScopedDoc d;
  d.doc()->getText()->setString(
      FromUtf8("\u201CWe are ready to talk,\u201D said Jane Doe, the mayor of Springfield. Doe "
               "said that the "
               "city would not raise taxes this year.\nAn official said that the budget was under "
               "control."));
  const std::string before = Snapshot(d.doc());
  const nlohmann::json r = Command(d, "org.attrib:SourcesReport");
  EXPECT_EQ(Snapshot(d.doc()), before);
  ASSERT_EQ(r["sources"].size(), 2u) << r;
  EXPECT_EQ(r["sources"][0]["name"], "Jane Doe");
  EXPECT_EQ(r["sources"][0]["direct"], 1);
  EXPECT_EQ(r["sources"][0]["reported"], 1);
  EXPECT_EQ(r["sources"][0]["page"], 1);
  EXPECT_EQ(r["sources"][1]["anonymous"], true);

  Reference<css::text::XTextDocument> report = SourcesDocument();
  ASSERT_TRUE(report.is());
  Reference<css::table::XCellRange> cells(
      Reference<css::text::XTextTablesSupplier>(report, UNO_QUERY_THROW)
          ->getTextTables()
          ->getByName("AttribSources"),
      UNO_QUERY_THROW);
  auto cell = [&](int col, int row) {
    return ToUtf8(Reference<css::text::XText>(cells->getCellByPosition(col, row), UNO_QUERY_THROW)
                      ->getString());
  };
  EXPECT_EQ(cell(0, 0), "Speaker");
  EXPECT_EQ(cell(7, 0), "Page");
  EXPECT_EQ(cell(0, 1), "Jane Doe");
  EXPECT_EQ(cell(1, 1), "mayor of Springfield");
  EXPECT_EQ(cell(2, 1), "no");
  EXPECT_EQ(cell(3, 1), "1");
  EXPECT_EQ(cell(5, 1), "1");
  EXPECT_EQ(cell(6, 1), "We are ready to talk,");
  EXPECT_EQ(cell(7, 1), "1");
  EXPECT_EQ(cell(2, 2), "yes");
  Reference<css::util::XCloseable>(report, UNO_QUERY_THROW)->close(true);
  EXPECT_FALSE(SourcesDocument().is());
}

}  // namespace
}  // namespace attrib::test
