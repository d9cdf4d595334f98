// The extension in a real headless soffice: installed and registered, menu and toolbar merged,
// every command of the table answered by the protocol handler, the UNO service reachable.
#include <gtest/gtest.h>

#include <algorithm>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <nlohmann/json.hpp>
#include <org/attrib/AttributionEngine.hpp>
#include <set>

#include "attrib/attrib.h"
#include "component/commands.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

std::set<std::string> TableUrls(bool writer_only) {
  std::set<std::string> urls;
  for (const uno::Command& c : uno::Commands()) {
    if (c.in_menu && (!writer_only || c.needs_writer)) urls.insert(c.url);
  }
  return urls;
}

TEST(Extension, InstalledAndRegistered) {
  Reference<css::deployment::XExtensionManager> manager =
      css::deployment::ExtensionManager::get(TheOffice().context());
  bool found = false;
  for (const auto& package : manager->getDeployedExtensions("shared", nullptr, nullptr)) {
    if (!package.is() || !package->getIdentifier().IsPresent) continue;
    if (ToUtf8(package->getIdentifier().Value) != "org.attrib.writer") continue;
    found = true;
    EXPECT_EQ(ToUtf8(package->getVersion()), Version());
    auto registered = package->isRegistered(nullptr, nullptr);
    ASSERT_TRUE(registered.IsPresent);
    EXPECT_FALSE(registered.Value.IsAmbiguous);
    EXPECT_TRUE(registered.Value.Value);
  }
  EXPECT_TRUE(found) << "org.attrib.writer is not among the deployed shared extensions";
}

Reference<css::container::XHierarchicalNameAccess> AddonUi() {
  Reference<css::lang::XMultiServiceFactory> provider =
      css::configuration::theDefaultProvider::get(TheOffice().context());
  css::uno::Sequence<css::uno::Any> args(1);
  args.getArray()[0] <<= css::beans::NamedValue(
      "nodepath", css::uno::Any(FromUtf8("/org.openoffice.Office.Addons/AddonUI")));
  return Reference<css::container::XHierarchicalNameAccess>(
      provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
      UNO_QUERY_THROW);
}

std::set<std::string> UrlsUnder(const Reference<css::container::XHierarchicalNameAccess>& ui,
                                const std::string& path, std::string* first_title = nullptr) {
  Reference<css::container::XNameAccess> node(ui->getByHierarchicalName(FromUtf8(path)),
                                              UNO_QUERY_THROW);
  std::set<std::string> urls;
  for (const auto& name : node->getElementNames()) {
    Reference<css::beans::XPropertySet> item(node->getByName(name), UNO_QUERY_THROW);
    rtl::OUString url;
    item->getPropertyValue("URL") >>= url;
    if (url != "private:separator") urls.insert(ToUtf8(url));
  }
  if (first_title != nullptr) *first_title = "";
  return urls;
}

TEST(Extension, MenuAndToolbarMergedFromTheCommandTable) {
  Reference<css::container::XHierarchicalNameAccess> ui = AddonUi();
  ASSERT_TRUE(ui->hasByHierarchicalName("OfficeMenuBar/org.attrib.menu"));
  Reference<css::beans::XPropertySet> menu(
      ui->getByHierarchicalName("OfficeMenuBar/org.attrib.menu"), UNO_QUERY_THROW);
  rtl::OUString title, context;
  menu->getPropertyValue("Title") >>= title;
  menu->getPropertyValue("Context") >>= context;
  std::string plain = ToUtf8(title);
  plain.erase(std::remove(plain.begin(), plain.end(), '~'), plain.end());
  EXPECT_EQ(plain, "Attribution") << ToUtf8(title);
  EXPECT_EQ(ToUtf8(context), "com.sun.star.text.TextDocument");
  EXPECT_EQ(UrlsUnder(ui, "OfficeMenuBar/org.attrib.menu/Submenu"), TableUrls(false));
  ASSERT_TRUE(ui->hasByHierarchicalName("OfficeToolBar/org.attrib.toolbar"));
  EXPECT_EQ(UrlsUnder(ui, "OfficeToolBar/org.attrib.toolbar"), TableUrls(true));
}

// The shortcuts, menu order, mnemonics, toolbar name and images: ui_test.cc.

TEST(ProtocolHandler, AnswersEveryCommandOnAWriterDocument) {
  ScopedDoc doc;
  for (const uno::Command& c : uno::Commands()) {
    Reference<css::frame::XDispatch> dispatch = QueryDispatch(doc.frame(), c.url);
    ASSERT_TRUE(dispatch.is()) << c.url;
    Reference<css::lang::XServiceInfo> info(dispatch, UNO_QUERY);
    ASSERT_TRUE(info.is()) << c.url;
    EXPECT_EQ(ToUtf8(info->getImplementationName()), "org.attrib.comp.ProtocolHandler") << c.url;
  }
  EXPECT_FALSE(QueryDispatch(doc.frame(), "org.attrib:NoSuchCommand").is());
}

TEST(ProtocolHandler, WriterCommandsDisabledOutsideWriterTextDocuments) {
  for (const char* factory :
       {"private:factory/swriter/web", "private:factory/swriter/GlobalDocument"}) {
    ScopedDoc doc(factory);
    for (const uno::Command& c : uno::Commands()) {
      EXPECT_EQ(QueryDispatch(doc.frame(), c.url).is(), !c.needs_writer) << factory << " " << c.url;
    }
  }
}

TEST(ProtocolHandler, AboutReportsTheVersion) {
  ScopedDoc doc;
  bool ok = false;
  std::string result = Dispatch(doc.frame(), "org.attrib:About", &ok);
  ASSERT_TRUE(ok) << result;
  nlohmann::json j = nlohmann::json::parse(result);
  EXPECT_EQ(j["version"], Version());
  // The text of the About box, as the box got it: an em dash, not "â€”".
  EXPECT_EQ(j["text"], std::string("Attrib ") + Version() +
                           " \u2014 who said what.\nQuote and claim attribution for Writer.");
}

TEST(ProtocolHandler, HighlightReadsEveryParagraph) {
  ScopedDoc doc;
  Reference<css::text::XText> text = doc.doc()->getText();
  Reference<css::text::XTextCursor> end = text->createTextCursorByRange(text->getEnd());
  text->insertString(end.get(), FromUtf8("First paragraph."), false);
  for (const char* p : {"Second one.", "Third."}) {
    text->insertControlCharacter(end.get(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
    text->insertString(end.get(), FromUtf8(p), false);
  }
  bool ok = false;
  std::string result = Dispatch(doc.frame(), "org.attrib:HighlightQuotes", &ok);
  ASSERT_TRUE(ok) << result;
  nlohmann::json j = nlohmann::json::parse(result);
  EXPECT_EQ(j["command"], "HighlightQuotes");
  EXPECT_EQ(j["paragraphs"], 3);
}

TEST(EngineService, AnalyzeFromTheClient) {
  Reference<org::attrib::XAttributionEngine> engine =
      org::attrib::AttributionEngine::create(TheOffice().context());
  ASSERT_TRUE(engine.is());
  EXPECT_EQ(ToUtf8(engine->version()), Version());
  const std::u16string input =
      u"\u201CWe are ready,\u201D Horne said.\n\U0001D465 \u201CGo,\u201D an official said.";
  nlohmann::json j = nlohmann::json::parse(ToUtf8(engine->analyze(FromU16(input))));
  ASSERT_FALSE(j.contains("error")) << j.dump();
  EXPECT_EQ(j["offsets"], "utf16");
  EXPECT_EQ(j["text_length"], input.size());  // 𝑥 counts two units
  EXPECT_EQ(j["paragraphs"], 2);
  // Whatever the engine finds, the service returns exactly what Analyze() returns here.
  Analysis local;
  Document doc(
      {u"\u201CWe are ready,\u201D Horne said.", u"\U0001D465 \u201CGo,\u201D an official said."});
  ASSERT_TRUE(Analyze(doc, Options(), &local).ok());
  ASSERT_EQ(j["quotes"].size(), local.quotes.size());
  for (size_t i = 0; i < local.quotes.size(); ++i) {
    EXPECT_EQ(j["quotes"][i]["start"], local.quotes[i].content.begin);
    EXPECT_EQ(j["quotes"][i]["end"], local.quotes[i].content.end);
  }
}

}  // namespace
}  // namespace attrib::test
