// The extension's menu, toolbar, icons and shortcuts as the running office merged them
// (extension/Addons.xcu, WriterWindowState.xcu, Accelerators.xcu), against Writer's own: menu
// order, titles in en-US/de/es/fr, mnemonics that no Writer top-level menu uses in any of those
// languages, the toolbar's name, one image per command, shortcuts Writer does not bind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyModifier.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/ui/GlobalAcceleratorConfiguration.hpp>
#include <com/sun/star/ui/XAcceleratorConfiguration.hpp>
#include <com/sun/star/ui/XUIConfigurationManager.hpp>
#include <com/sun/star/ui/theModuleUIConfigurationManagerSupplier.hpp>
#include <com/sun/star/ui/theWindowStateConfiguration.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <rtl/uri.hxx>
#include <set>
#include <sstream>
#include <vector>

#include "component/commands.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

const char* const kLocales[] = {"en-US", "de", "es", "fr"};
const char kModule[] = "com.sun.star.text.TextDocument";
const char kToolbar[] = "private:resource/toolbar/addon_org.attrib.toolbar";

// The menu as an editor uses it, with its titles (mnemonic after "~") per kLocales.
struct MenuEntry {
  const char* url;
  const char* titles[4];
};
const MenuEntry kMenu[] = {
    {"org.attrib:HighlightQuotes",
     {"~Highlight Quotes", "~Zitate hervorheben", "~Resaltar citas", "~Surligner les citations"}},
    {"org.attrib:MarkClaims",
     {"~Mark Claims", "~Behauptungen markieren", "~Marcar afirmaciones",
      "~Marquer les affirmations"}},
    {"org.attrib:InsertFootnotes",
     {"Insert Attribution ~Footnotes", "Zuschreibungs-~Fußnoten einfügen",
      "Insertar ~notas al pie de atribución", "Insérer des ~notes d’attribution"}},
    {"org.attrib:ClearMarks",
     {"~Clear Attribution Marks", "Zuschreibungs~markierungen entfernen",
      "~Quitar marcas de atribución", "~Effacer les marques d’attribution"}},
    {"org.attrib:SourcesReport",
     {"~Sources Report", "~Quellenbericht", "Informe de ~fuentes", "~Rapport des sources"}},
    {"private:separator", {}},
    {"org.attrib:Help",
     {"Attribution Hel~p", "Zuschreibungs-~Hilfe", "A~yuda de atribución", "~Aide d’Attribution"}},
    {"org.attrib:About",
     {"~About Attrib", "~Info zu Attrib", "~Acerca de Attrib", "À ~propos d’Attrib"}},
};
const char* const kMenuTitles[] = {"Attrib~ution", "~Zuschreibung", "Atri~bución", "Attrib~ution"};
const char* const kToolbarNames[] = {"Attribution", "Zuschreibung", "Atribución", "Attribution"};

// A read-only view of `path` in the merged configuration, localized values in `locale`.
Reference<css::container::XNameAccess> Config(const std::string& path,
                                              const std::string& locale = "en-US") {
  Reference<css::lang::XMultiServiceFactory> provider =
      css::configuration::theDefaultProvider::get(TheOffice().context());
  css::uno::Sequence<css::uno::Any> args(2);
  args.getArray()[0] <<= css::beans::NamedValue("nodepath", css::uno::Any(FromUtf8(path)));
  args.getArray()[1] <<= css::beans::NamedValue("Locale", css::uno::Any(FromUtf8(locale)));
  return Reference<css::container::XNameAccess>(
      provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
      UNO_QUERY_THROW);
}

std::string StringProperty(const css::uno::Any& node, const char* name) {
  Reference<css::beans::XPropertySet> props(node, UNO_QUERY_THROW);
  rtl::OUString value;
  props->getPropertyValue(FromUtf8(name)) >>= value;
  return ToUtf8(value);
}

// Element names in the order LibreOffice reads a set: sorted by name.
std::vector<std::string> SortedNames(const Reference<css::container::XNameAccess>& set) {
  std::vector<std::string> names;
  for (const rtl::OUString& n : set->getElementNames()) names.push_back(ToUtf8(n));
  std::sort(names.begin(), names.end());
  return names;
}

// The mnemonic of a title ("F~ormat" -> "o"), lower case; "" when there is none. ASCII letters
// are folded; any other character after "~" is returned as its UTF-8 bytes.
std::string Mnemonic(const std::string& title) {
  const size_t tilde = title.find('~');
  if (tilde == std::string::npos || tilde + 1 >= title.size()) return "";
  const unsigned char c = static_cast<unsigned char>(title[tilde + 1]);
  if (c < 0x80) return std::string(1, static_cast<char>(std::tolower(c)));
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  return title.substr(tilde + 1, len);
}

// Writer's top-level menus (its menubar's commands) and their labels in `locale`.
std::map<std::string, std::string> WriterTopLevelMenus(const std::string& locale) {
  Reference<css::ui::XModuleUIConfigurationManagerSupplier> modules =
      css::ui::theModuleUIConfigurationManagerSupplier::get(TheOffice().context());
  Reference<css::container::XIndexAccess> bar(
      modules->getUIConfigurationManager(kModule)->getSettings("private:resource/menubar/menubar",
                                                               false),
      UNO_QUERY_THROW);
  // Writer's own labels first, then the generic ones; menus are under Popups, most commands
  // under Commands (how LibreOffice's command description looks them up).
  std::vector<Reference<css::container::XNameAccess>> sets;
  for (const char* module : {"WriterCommands", "GenericCommands"}) {
    for (const char* set : {"Popups", "Commands"}) {
      sets.push_back(Config(
          std::string("/org.openoffice.Office.UI.") + module + "/UserInterface/" + set, locale));
    }
  }
  std::map<std::string, std::string> menus;
  for (sal_Int32 i = 0; i < bar->getCount(); ++i) {
    css::uno::Sequence<css::beans::PropertyValue> item;
    bar->getByIndex(i) >>= item;
    rtl::OUString command;
    for (const css::beans::PropertyValue& p : item) {
      if (p.Name == "CommandURL") p.Value >>= command;
    }
    if (command.isEmpty()) continue;
    std::string label;
    for (const auto& commands : sets) {
      if (label.empty() && commands->hasByName(command)) {
        label = StringProperty(commands->getByName(command), "Label");
      }
    }
    menus[ToUtf8(command)] = label;
  }
  return menus;
}

TEST(ExtensionUi, MenuInTheOrderAnEditorUsesIt) {
  Reference<css::container::XNameAccess> submenu =
      Config("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.attrib.menu/Submenu");
  std::vector<std::string> urls;
  for (const std::string& name : SortedNames(submenu)) {
    urls.push_back(StringProperty(submenu->getByName(FromUtf8(name)), "URL"));
  }
  std::vector<std::string> expected;
  for (const MenuEntry& e : kMenu) expected.push_back(e.url);
  EXPECT_EQ(urls, expected);
  // The same order as the command table's menu commands.
  std::vector<std::string> table, menu_commands;
  for (const uno::Command& c : uno::Commands()) {
    if (c.in_menu) table.push_back(c.url);
  }
  for (const std::string& u : urls) {
    if (u != "private:separator") menu_commands.push_back(u);
  }
  EXPECT_EQ(menu_commands, table);
}

TEST(ExtensionUi, TitlesAndMnemonicsInEveryLanguage) {
  for (size_t l = 0; l < std::size(kLocales); ++l) {
    const std::string locale = kLocales[l];
    SCOPED_TRACE(locale);
    // Writer's top-level mnemonics in this language (its language pack must be installed, or
    // the labels fall back to English and the check says nothing).
    std::map<std::string, std::string> writer = WriterTopLevelMenus(locale);
    ASSERT_GE(writer.size(), 10u);
    if (locale == "de") {
      ASSERT_EQ(writer[".uno:PickList"], "~Datei")
          << "no German Writer menus: install libreoffice-l10n-de (scripts/setup-debian.sh)";
    }
    std::set<std::string> taken;
    for (const auto& [command, label] : writer) {
      ASSERT_FALSE(Mnemonic(label).empty()) << command << " " << label;
      taken.insert(Mnemonic(label));
    }
    Reference<css::container::XNameAccess> menus =
        Config("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar", locale);
    const std::string title = StringProperty(menus->getByName("org.attrib.menu"), "Title");
    EXPECT_EQ(title, kMenuTitles[l]);
    EXPECT_EQ(taken.count(Mnemonic(title)), 0u)
        << "Alt+" << Mnemonic(title) << " of \"" << title << "\" opens a Writer menu";

    Reference<css::container::XNameAccess> submenu = Config(
        "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.attrib.menu/Submenu", locale);
    std::set<std::string> inside;
    size_t i = 0;
    for (const std::string& name : SortedNames(submenu)) {
      ASSERT_LT(i, std::size(kMenu));
      const MenuEntry& e = kMenu[i++];
      if (e.titles[0] == nullptr) continue;  // the separator
      const std::string t = StringProperty(submenu->getByName(FromUtf8(name)), "Title");
      EXPECT_EQ(t, e.titles[l]) << e.url;
      EXPECT_TRUE(inside.insert(Mnemonic(t)).second) << "mnemonic of \"" << t << "\" used twice";
    }
    // The toolbar's tooltips: the same titles without mnemonics.
    Reference<css::container::XNameAccess> toolbar =
        Config("/org.openoffice.Office.Addons/AddonUI/OfficeToolBar/org.attrib.toolbar", locale);
    for (const std::string& name : SortedNames(toolbar)) {
      const css::uno::Any item = toolbar->getByName(FromUtf8(name));
      const std::string url = StringProperty(item, "URL");
      for (const MenuEntry& e : kMenu) {
        if (url != e.url) continue;
        std::string plain = e.titles[l];
        plain.erase(std::remove(plain.begin(), plain.end(), '~'), plain.end());
        EXPECT_EQ(StringProperty(item, "Title"), plain) << url;
      }
    }
  }
}

TEST(ExtensionUi, ToolbarIsNamedAttribution) {
  // What Writer's layout manager reads for the toolbar's title and View > Toolbars.
  Reference<css::container::XNameAccess> states(
      css::ui::theWindowStateConfiguration::get(TheOffice().context())->getByName(kModule),
      UNO_QUERY_THROW);
  ASSERT_TRUE(states->hasByName(kToolbar));
  css::uno::Sequence<css::beans::PropertyValue> state;
  states->getByName(kToolbar) >>= state;
  std::string ui_name;
  for (const css::beans::PropertyValue& p : state) {
    rtl::OUString s;
    if (p.Name == "UIName" && (p.Value >>= s)) ui_name = ToUtf8(s);
  }
  EXPECT_EQ(ui_name, "Attribution");
  for (size_t l = 0; l < std::size(kLocales); ++l) {
    Reference<css::container::XNameAccess> all =
        Config("/org.openoffice.Office.UI.WriterWindowState/UIElements/States", kLocales[l]);
    EXPECT_EQ(StringProperty(all->getByName(kToolbar), "UIName"), kToolbarNames[l]) << kLocales[l];
  }
  // The window state belongs to the toolbar Addons.xcu defines.
  Reference<css::container::XNameAccess> toolbars =
      Config("/org.openoffice.Office.Addons/AddonUI/OfficeToolBar");
  EXPECT_TRUE(toolbars->hasByName("org.attrib.toolbar"));
}

// The bytes of a file named by a configuration URL (%origin% became a vnd.sun.star.expand: URL).
std::string ReadConfiguredFile(const std::string& url) {
  rtl::OUString u = FromUtf8(url);
  const rtl::OUString expand = "vnd.sun.star.expand:";
  if (u.startsWith(expand)) {
    u = css::util::theMacroExpander::get(TheOffice().context())
            ->expandMacros(rtl::Uri::decode(u.copy(expand.getLength()), rtl_UriDecodeWithCharset,
                                            RTL_TEXTENCODING_UTF8));
  }
  Reference<css::ucb::XSimpleFileAccess3> files =
      css::ucb::SimpleFileAccess::create(TheOffice().context());
  if (!files->exists(u)) return "";
  Reference<css::io::XInputStream> in = files->openFileRead(u);
  std::string bytes;
  css::uno::Sequence<sal_Int8> chunk;
  while (in->readBytes(chunk, 65536) > 0) {
    bytes.append(reinterpret_cast<const char*>(chunk.getConstArray()), chunk.getLength());
  }
  in->closeInput();
  return bytes;
}

// {width, height} of a PNG; {0, 0} when `bytes` is not one.
std::pair<int, int> PngSize(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto be32 = [&](size_t at) {
    int v = 0;
    for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

TEST(ExtensionUi, EveryCommandHasItsOwnImage) {
  Reference<css::container::XNameAccess> images =
      Config("/org.openoffice.Office.Addons/AddonUI/Images");
  std::map<std::string, Reference<css::container::XNameAccess>> by_url;
  for (const rtl::OUString& name : images->getElementNames()) {
    Reference<css::container::XNameAccess> node(images->getByName(name), UNO_QUERY_THROW);
    by_url[StringProperty(images->getByName(name), "URL")].set(node->getByName("UserDefinedImages"),
                                                               UNO_QUERY_THROW);
  }
  std::set<std::string> seen;  // every picture differs from every other
  for (const uno::Command& c : uno::Commands()) {
    if (!c.in_menu) continue;
    SCOPED_TRACE(c.url);
    ASSERT_EQ(by_url.count(c.url), 1u) << "no image";
    const struct {
      const char* property;
      int px;
    } kinds[] = {
        {"ImageSmallURL", 16}, {"ImageBigURL", 26}, {"ImageSmallHCURL", 16}, {"ImageBigHCURL", 26}};
    for (const auto& k : kinds) {
      rtl::OUString url;
      Reference<css::beans::XPropertySet>(by_url[c.url], UNO_QUERY_THROW)
          ->getPropertyValue(FromUtf8(k.property)) >>= url;
      const std::string png = ReadConfiguredFile(ToUtf8(url));
      EXPECT_EQ(PngSize(png), std::make_pair(k.px, k.px)) << k.property << " " << ToUtf8(url);
      EXPECT_TRUE(seen.insert(png).second) << k.property << " is another command's picture";
    }
  }
}

// The key names Writer's own configuration binds (PrimaryKeys and SecondaryKeys, global and in
// the text document module), read from LibreOffice's shipped registry files: the merged
// configuration cannot show them, because the extension's nodes replace Writer's.
std::set<std::string> WriterKeys(const std::filesystem::path& registry) {
  std::set<std::string> keys;
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {registry, registry / "res"}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      if (f.path().extension() == ".xcd") files.push_back(f.path());
    }
  }
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string s = ss.str();
    size_t at = 0;
    while ((at = s.find("<oor:component-data", at)) != std::string::npos) {
      const size_t head_end = s.find('>', at);
      const size_t end = s.find("</oor:component-data>", at);
      if (head_end == std::string::npos || end == std::string::npos) break;
      const bool accelerators =
          s.substr(at, head_end - at).find("oor:name=\"Accelerators\"") != std::string::npos;
      std::vector<std::string> stack;
      for (size_t p = head_end; accelerators && p < end;) {
        const size_t open = s.find("<node oor:name=\"", p), close = s.find("</node>", p);
        if (open >= end && close >= end) break;
        if (close < open) {
          if (!stack.empty()) stack.pop_back();
          p = close + 7;
          continue;
        }
        const size_t name_at = open + 16, name_end = s.find('"', name_at);
        const size_t tag_end = s.find('>', name_end);
        stack.push_back(s.substr(name_at, name_end - name_at));
        const bool writer = (stack.size() == 3 && stack[1] == "Global") ||
                            (stack.size() == 4 && stack[1] == "Modules" && stack[2] == kModule);
        if (writer) keys.insert(stack.back());
        if (s[tag_end - 1] == '/') stack.pop_back();
        p = tag_end + 1;
      }
      at = end;
    }
  }
  return keys;
}

TEST(ExtensionUi, ShortcutsRunTheirCommandsAndClashWithNothingInWriter) {
  using css::awt::KeyModifier::MOD1;
  using css::awt::KeyModifier::MOD2;
  using css::awt::KeyModifier::SHIFT;
  const struct {
    const char* name;  // as in Accelerators.xcu
    sal_Int16 key, modifiers;
    const char* command;
  } kShortcuts[] = {
      {"Q_MOD1_MOD2", css::awt::Key::Q, MOD1 | MOD2, "org.attrib:HighlightQuotes"},
      {"M_SHIFT_MOD1_MOD2", css::awt::Key::M, SHIFT | MOD1 | MOD2, "org.attrib:MarkClaims"},
      {"F_SHIFT_MOD1_MOD2", css::awt::Key::F, SHIFT | MOD1 | MOD2, "org.attrib:InsertFootnotes"},
      {"C_SHIFT_MOD1_MOD2", css::awt::Key::C, SHIFT | MOD1 | MOD2, "org.attrib:ClearMarks"},
      {"S_SHIFT_MOD1_MOD2", css::awt::Key::S, SHIFT | MOD1 | MOD2, "org.attrib:SourcesReport"},
  };
  const std::set<std::string> writer_keys = WriterKeys(ATTRIB_LO_REGISTRY);
  ASSERT_GT(writer_keys.size(), 100u) << "no Writer shortcuts read from " << ATTRIB_LO_REGISTRY;
  ASSERT_EQ(writer_keys.count("K_MOD1_MOD2"), 1u);  // Writer's own Ctrl+Alt+K: the reader works
  Reference<css::ui::XModuleUIConfigurationManagerSupplier> modules =
      css::ui::theModuleUIConfigurationManagerSupplier::get(TheOffice().context());
  Reference<css::ui::XAcceleratorConfiguration> writer(
      modules->getUIConfigurationManager(kModule)->getShortCutManager(), UNO_QUERY_THROW);
  Reference<css::ui::XAcceleratorConfiguration> global =
      css::ui::GlobalAcceleratorConfiguration::create(TheOffice().context());
  std::set<std::string> with_key;
  for (const auto& s : kShortcuts) {
    SCOPED_TRACE(s.name);
    EXPECT_EQ(writer_keys.count(s.name), 0u) << "Writer binds it already";
    css::awt::KeyEvent key;
    key.KeyCode = s.key;
    key.Modifiers = s.modifiers;
    try {
      EXPECT_EQ(ToUtf8(writer->getCommandByKeyEvent(key)), s.command);
    } catch (const css::container::NoSuchElementException&) {
      ADD_FAILURE() << "not bound in Writer";
    }
    bool global_free = false;
    try {
      global->getCommandByKeyEvent(key);
    } catch (const css::container::NoSuchElementException&) {
      global_free = true;
    }
    EXPECT_TRUE(global_free) << "a global shortcut";
    with_key.insert(s.command);
  }
  // Every document command of the menu has a shortcut.
  for (const uno::Command& c : uno::Commands()) {
    if (c.in_menu && c.needs_writer) {
      EXPECT_EQ(with_key.count(c.url), 1u) << c.url;
    }
  }
}

TEST(ExtensionUi, DescriptionNamesAndLinksTheProject) {
  Reference<css::deployment::XExtensionManager> manager =
      css::deployment::ExtensionManager::get(TheOffice().context());
  Reference<css::deployment::XPackage> attrib;
  for (const auto& package : manager->getDeployedExtensions("shared", nullptr, nullptr)) {
    if (package.is() && package->getIdentifier().IsPresent &&
        package->getIdentifier().Value == "org.attrib.writer") {
      attrib = package;
    }
  }
  ASSERT_TRUE(attrib.is());
  EXPECT_EQ(ToUtf8(attrib->getDisplayName()), "Attrib — who said what");
  const css::beans::StringPair publisher = attrib->getPublisherInfo();
  EXPECT_EQ(ToUtf8(publisher.First), "The Attrib authors");
  EXPECT_EQ(ToUtf8(publisher.Second), "README.md");
  // The link's target is in the extension: the project's README.
  const std::string readme = ReadConfiguredFile(ToUtf8(attrib->getURL()) + "/README.md");
  EXPECT_EQ(readme.rfind("# Attrib", 0), 0u) << readme.substr(0, 80);
  EXPECT_NE(ToUtf8(attrib->getDescription()).find("who said what"), std::string::npos);
}

}  // namespace
}  // namespace attrib::test
