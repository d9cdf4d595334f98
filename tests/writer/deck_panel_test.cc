// The Attribution sidebar deck in a real headless soffice with the built .oxt: the sidebar
// configuration is merged, the factory makes the panel for a Writer frame, after Highlight Quotes
// on the seed article the panel's list shows the engine's speakers with their counts, and
// choosing a quote selects its text in the document.
#include "component/deck_panel.h"

#include <gtest/gtest.h>

#include <chrono>
#include <com/sun/star/awt/ActionEvent.hpp>
#include <com/sun/star/awt/ItemEvent.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/ui/theUIElementFactoryManager.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <org/attrib/AttributionEngine.hpp>
#include <thread>

#include "component/writer_doc.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

Reference<css::container::XHierarchicalNameAccess> Config(const std::string& path) {
  Reference<css::lang::XMultiServiceFactory> provider =
      css::configuration::theDefaultProvider::get(TheOffice().context());
  css::uno::Sequence<Any> args(1);
  args.getArray()[0] <<= css::beans::NamedValue("nodepath", Any(FromUtf8(path)));
  return Reference<css::container::XHierarchicalNameAccess>(
      provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
      UNO_QUERY_THROW);
}

std::string StringAt(const Reference<css::container::XHierarchicalNameAccess>& c,
                     const std::string& path) {
  OUString s;
  c->getByHierarchicalName(FromUtf8(path)) >>= s;
  return ToUtf8(s);
}

TEST(DeckPanel, SidebarConfigurationMerged) {
  auto sidebar = Config("/org.openoffice.Office.UI.Sidebar/Content");
  ASSERT_TRUE(sidebar->hasByHierarchicalName("DeckList/AttribDeck"));
  EXPECT_EQ(StringAt(sidebar, "DeckList/AttribDeck/Id"), "AttribDeck");
  EXPECT_EQ(StringAt(sidebar, "DeckList/AttribDeck/Title"), "Attribution");
  const std::string icon = StringAt(sidebar, "DeckList/AttribDeck/IconURL");
  EXPECT_NE(icon.find("icons/attrib_26.png"), std::string::npos) << icon;
  EXPECT_EQ(icon.find("%origin%"), std::string::npos) << "not expanded: " << icon;
  css::uno::Sequence<OUString> contexts;
  sidebar->getByHierarchicalName("DeckList/AttribDeck/ContextList") >>= contexts;
  ASSERT_GE(contexts.getLength(), 1);
  EXPECT_EQ(ToUtf8(contexts[0].trim()), "Writer, any, visible");
  for (sal_Int32 i = 1; i < contexts.getLength(); ++i) EXPECT_TRUE(contexts[i].trim().isEmpty());
  ASSERT_TRUE(sidebar->hasByHierarchicalName("PanelList/AttribPanel"));
  EXPECT_EQ(StringAt(sidebar, "PanelList/AttribPanel/DeckId"), "AttribDeck");
  EXPECT_EQ(StringAt(sidebar, "PanelList/AttribPanel/ImplementationURL"), uno::kPanelUrl);
  auto factories = Config("/org.openoffice.Office.UI.Factories/Registered/UIElementFactories");
  ASSERT_TRUE(factories->hasByHierarchicalName("org.attrib.comp.PanelFactory"));
  EXPECT_EQ(StringAt(factories, "org.attrib.comp.PanelFactory/Type"), "toolpanel");
  EXPECT_EQ(StringAt(factories, "org.attrib.comp.PanelFactory/Name"), "AttribPanelFactory");
}

// The panel as the sidebar makes it: the factory LibreOffice's factory manager finds for the
// panel's URL, with the frame and a parent window.
class Panel {
 public:
  explicit Panel(const Reference<css::frame::XFrame>& frame) {
    Reference<css::ui::XUIElementFactory> factory =
        css::ui::theUIElementFactoryManager::get(TheOffice().context())
            ->getFactory(FromUtf8(uno::kPanelUrl), "");
    if (!factory.is()) throw std::runtime_error("no factory for the panel URL");
    Reference<css::lang::XServiceInfo> info(factory, UNO_QUERY_THROW);
    impl = ToUtf8(info->getImplementationName());
    css::uno::Sequence<css::beans::PropertyValue> args(2);
    args.getArray()[0].Name = "Frame";
    args.getArray()[0].Value <<= frame;
    args.getArray()[1].Name = "ParentWindow";
    args.getArray()[1].Value <<= frame->getContainerWindow();
    element = factory->createUIElement(FromUtf8(uno::kPanelUrl), args);
    if (!element.is()) throw std::runtime_error("the factory made no panel");
    Reference<css::ui::XToolPanel> panel(element->getRealInterface(), UNO_QUERY_THROW);
    controls.set(panel->getWindow(), UNO_QUERY_THROW);
    list.set(controls->getControl("list"), UNO_QUERY_THROW);
  }
  ~Panel() {
    Reference<css::lang::XComponent> c(element, UNO_QUERY);
    if (c.is()) c->dispose();
  }
  // The list's entries, as shown.
  std::vector<std::string> Items() const {
    std::vector<std::string> items;
    for (const OUString& item : list->getItems()) items.push_back(ToUtf8(item));
    return items;
  }
  std::string Status() const {
    Reference<css::awt::XControl> c(controls->getControl("status"), UNO_QUERY_THROW);
    OUString label;
    Reference<css::beans::XPropertySet>(c->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue("Label") >>= label;
    return ToUtf8(label);
  }

  std::string impl;
  Reference<css::ui::XUIElement> element;
  Reference<css::awt::XControlContainer> controls;
  Reference<css::awt::XListBox> list;
};

// The entries of one level under entry `parent` (-1: the top level), as positions.
std::vector<size_t> Children(const std::vector<std::string>& items, int parent) {
  auto level = [](const std::string& s) { return s.find_first_not_of(' ') / 4; };
  std::vector<size_t> out;
  const size_t want = parent < 0 ? 0 : level(items[static_cast<size_t>(parent)]) + 1;
  for (size_t i = parent < 0 ? 0 : static_cast<size_t>(parent) + 1; i < items.size(); ++i) {
    if (level(items[i]) < want) break;
    if (level(items[i]) == want) out.push_back(i);
  }
  return out;
}
std::string Label(const std::vector<std::string>& items, size_t i) {
  return items[i].substr(items[i].find_first_not_of(' '));
}

TEST(DeckPanel, FactoryMakesThePanelForAWriterFrame) {
  ScopedDoc doc;
  Panel panel(doc.frame());
  EXPECT_EQ(panel.impl, "org.attrib.comp.PanelFactory");
  EXPECT_EQ(ToUtf8(panel.element->getResourceURL()), uno::kPanelUrl);
  Reference<css::ui::XSidebarPanel> sidebar(panel.element->getRealInterface(), UNO_QUERY_THROW);
  EXPECT_GT(sidebar->getMinimalWidth(), 0);
  EXPECT_GT(sidebar->getHeightForWidth(300).Minimum, 0);
  for (const char* name : {"highlight", "claims", "clear", "refresh", "status", "list"}) {
    EXPECT_TRUE(panel.controls->getControl(FromUtf8(name)).is()) << name;
  }
  // An empty document: the three sections, empty.
  EXPECT_EQ(panel.Items(), (std::vector<std::string>{"Speakers (0)", "Quotes with no speaker (0)",
                                                     "Claims to check (0)"}));
  EXPECT_EQ(panel.Status(), "Marked in the document: 0 quotes, 0 claims");
}

// Not a Writer text document (the deck is not offered there, but a panel made anyway must cope):
// an empty list and a line that says so; the buttons' commands are not available there.
TEST(DeckPanel, OutsideWriterAnEmptyList) {
  ScopedDoc doc("private:factory/swriter/web");  // Writer/Web: not a text document to us
  Panel panel(doc.frame());
  EXPECT_TRUE(panel.Items().empty());
  EXPECT_EQ(panel.Status(), "Open a Writer text document to see its quotes.");
  css::awt::ActionEvent e;
  e.ActionCommand = "highlight";
  Reference<css::awt::XActionListener>(panel.element, UNO_QUERY_THROW)->actionPerformed(e);
  EXPECT_TRUE(panel.Items().empty());
}

TEST(DeckPanel, ListsTheSeedSpeakersAndSelectsAQuote) {
  ScopedDoc doc(ATTRIB_SEED_ARTICLE, "Text (encoded)", "UTF8,LF,,,");
  bool ok = false;
  const std::string highlight = Dispatch(doc.frame(), "org.attrib:HighlightQuotes", &ok);
  ASSERT_TRUE(ok) << highlight;
  Panel panel(doc.frame());

  // The engine's own JSON for the text the document holds.
  const uno::DocParagraphs paragraphs = uno::ReadParagraphs(doc.doc(), false);
  const std::u16string text = uno::DocumentOf(paragraphs.paragraphs).text();
  Reference<org::attrib::XAttributionEngine> engine =
      org::attrib::AttributionEngine::create(TheOffice().context());
  const nlohmann::json j = nlohmann::json::parse(ToUtf8(engine->analyze(FromU16(text))));
  ASSERT_FALSE(j.contains("error")) << j.dump();
  ASSERT_FALSE(j["speakers"].empty()) << "the engine finds no speaker in the seed article";

  const std::vector<std::string> items = panel.Items();
  const std::vector<size_t> sections = Children(items, -1);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(Label(items, sections[0]), "Speakers (" + std::to_string(j["speakers"].size()) + ")");
  const std::vector<size_t> speakers = Children(items, static_cast<int>(sections[0]));
  ASSERT_EQ(speakers.size(), j["speakers"].size());
  size_t unattributed = 0;
  for (const auto& q : j["quotes"]) unattributed += q["speaker"].is_null() ? 1 : 0;
  EXPECT_EQ(Label(items, sections[1]),
            "Quotes with no speaker (" + std::to_string(unattributed) + ")");
  EXPECT_EQ(Label(items, sections[2]),
            "Claims to check (" + std::to_string(j["claims"].size()) + ")");

  for (size_t i = 0; i < j["speakers"].size(); ++i) {
    const auto& s = j["speakers"][i];
    std::map<std::string, int> kinds;
    int quotes = 0;
    for (const auto& q : j["quotes"]) {
      if (q["speaker"] == s["id"]) ++kinds[q["type"].get<std::string>()], ++quotes;
    }
    const std::string label = Label(items, speakers[i]);
    std::string name = s["name"].get<std::string>();
    if (s["anonymous"] == true) name = "Anonymous \u2014 " + name;
    EXPECT_EQ(label.rfind(name, 0), 0u) << label;
    if (!s["role"].get<std::string>().empty()) {
      EXPECT_NE(label.find(", " + s["role"].get<std::string>()), std::string::npos) << label;
    }
    const std::string counts = std::to_string(kinds["direct"]) + " direct, " +
                               std::to_string(kinds["mixed"]) + " partial, " +
                               std::to_string(kinds["indirect"]) + " reported";
    EXPECT_NE(label.find(counts), std::string::npos) << label << " / " << counts;
    EXPECT_EQ(Children(items, static_cast<int>(speakers[i])).size(), static_cast<size_t>(quotes))
        << label;
  }
  const nlohmann::json marked = nlohmann::json::parse(highlight);
  EXPECT_EQ(panel.Status(),
            "Marked in the document: " + std::to_string(marked["comments"].get<int>()) +
                " quotes, 0 claims");

  // Choose the first speaker's first quote: the document's selection becomes its text.
  const auto& first = j["speakers"][0];
  std::string expected;
  for (const auto& q : j["quotes"]) {
    if (q["speaker"] == first["id"]) {
      expected = q["text"];
      break;
    }
  }
  const size_t quote = Children(items, static_cast<int>(speakers[0])).at(0);
  // What a click does: the entry selected, and the list's item event (which a programmatic
  // selectItemPos does not send) to the panel, the list's item listener.
  panel.list->selectItemPos(static_cast<sal_Int16>(quote), true);
  css::awt::ItemEvent click;
  click.Selected = static_cast<sal_Int32>(quote);
  Reference<css::awt::XItemListener>(panel.element, UNO_QUERY_THROW)->itemStateChanged(click);
  Reference<css::view::XSelectionSupplier> selection(
      Reference<css::frame::XModel>(doc.doc(), UNO_QUERY_THROW)->getCurrentController(),
      UNO_QUERY_THROW);
  std::string selected;
  for (int tries = 0; tries < 100 && selected != expected; ++tries) {  // the panel selects later
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Reference<css::container::XIndexAccess> ranges(selection->getSelection(), UNO_QUERY);
    if (!ranges.is() || ranges->getCount() == 0) continue;
    Reference<css::text::XTextRange> r(ranges->getByIndex(0), UNO_QUERY);
    if (r.is()) selected = ToUtf8(r->getString());
  }
  EXPECT_EQ(selected, expected);
}

// The buttons, as a click sends them (the panel is the buttons' action listener): each runs its
// command on the panel's frame, then the panel refreshes.
TEST(DeckPanel, ButtonsRunTheCommandsAndRefresh) {
  ScopedDoc doc(ATTRIB_SEED_ARTICLE, "Text (encoded)", "UTF8,LF,,,");
  Panel panel(doc.frame());
  EXPECT_EQ(panel.Status(), "Marked in the document: 0 quotes, 0 claims");
  Reference<css::awt::XActionListener> buttons(panel.element, UNO_QUERY_THROW);
  auto click = [&](const char* name) {
    css::awt::ActionEvent e;
    e.ActionCommand = FromUtf8(name);
    buttons->actionPerformed(e);
  };
  click("claims");
  EXPECT_EQ(panel.Status().rfind("Marked in the document: 0 quotes, ", 0), 0u) << panel.Status();
  EXPECT_EQ(panel.Status().find(", 0 claims"), std::string::npos) << panel.Status();
  click("highlight");
  EXPECT_EQ(panel.Status().find("0 quotes"), std::string::npos) << panel.Status();
  click("clear");
  EXPECT_EQ(panel.Status(), "Marked in the document: 0 quotes, 0 claims");
  click("refresh");
  EXPECT_EQ(panel.Status(), "Marked in the document: 0 quotes, 0 claims");
  EXPECT_NE(panel.Items().at(0), "Speakers (0)");  // still the speakers
}

}  // namespace
}  // namespace attrib::test
