// org.attrib.OptionsPage: the event handler of Tools › Options › LibreOffice Writer ›
// Attribution (extension/OptionsDialog.xcu, extension/dialogs/AttribOptions.xdl). The options
// dialog calls "external_event" with "initialize" (the page is shown), "ok" (store) and "back"
// (reset to what is stored). Labels are set in the UI language from the catalogue; values come
// from and go to the configuration (settings_store.h). Invalid input is not stored: the page's
// status line says why. Nothing escapes into soffice.
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include "common/strings.h"
#include "component/report.h"
#include "component/services.h"
#include "component/settings_store.h"
#include "component/ui_language.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// Static texts of the page and their catalogue keys.
constexpr std::pair<const char*, const char*> kLabels[] = {
    {"lineLanguage", "options.language"},
    {"lblLanguageMode", "options.language_mode"},
    {"lineMarks", "options.marks"},
    {"chkDirect", "options.direct"},
    {"chkPartial", "options.partial"},
    {"chkReported", "options.reported"},
    {"chkDetails", "options.details"},
    {"lblPalette", "options.palette"},
    {"lineThresholds", "options.thresholds"},
    {"lblMinConfidence", "options.min_confidence"},
    {"lblClaimThreshold", "options.claim_threshold"},
    {"lineFootnotes", "options.footnotes"},
};
// List entries, in the order of their values.
constexpr const char* kModes[] = {"paragraph", "document", "fixed"};
constexpr const char* kPalettes[] = {"speakers", "single"};
// Languages by their own names (the same in every UI language).
constexpr std::pair<const char*, const char*> kLanguageNames[] = {
    {"en", "English"}, {"de", "Deutsch"}, {"es", "Español"}, {"fr", "Français"}};
constexpr std::pair<const char*, const char*> kWordingFields[] = {
    {"en", "txtWordingEn"}, {"de", "txtWordingDe"}, {"es", "txtWordingEs"}, {"fr", "txtWordingFr"}};

class Page {
 public:
  explicit Page(const Reference<css::awt::XWindow>& window) : controls_(window, UNO_QUERY_THROW) {}

  Reference<css::beans::XPropertySet> Model(const char* name) const {
    Reference<css::awt::XControl> control(controls_->getControl(OUString::createFromAscii(name)),
                                          UNO_QUERY_THROW);
    return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
  }
  void SetLabel(const char* name, const std::string& text) const {
    Model(name)->setPropertyValue("Label", Any(FromUtf8(text)));
  }
  void SetItems(const char* name, const std::vector<std::string>& items, int selected) const {
    Sequence<OUString> list(static_cast<sal_Int32>(items.size()));
    for (size_t i = 0; i < items.size(); ++i) list.getArray()[i] = FromUtf8(items[i]);
    Reference<css::beans::XPropertySet> m = Model(name);
    m->setPropertyValue("StringItemList", Any(list));
    Sequence<sal_Int16> chosen(1);
    chosen.getArray()[0] = static_cast<sal_Int16>(selected);
    m->setPropertyValue("SelectedItems", Any(chosen));
  }
  int Selected(const char* name) const {
    Sequence<sal_Int16> chosen;
    Model(name)->getPropertyValue("SelectedItems") >>= chosen;
    return chosen.getLength() > 0 ? chosen[0] : -1;
  }
  void SetChecked(const char* name, bool on) const {
    Model(name)->setPropertyValue("State", Any(static_cast<sal_Int16>(on ? 1 : 0)));
  }
  bool Checked(const char* name) const {
    sal_Int16 state = 0;
    Model(name)->getPropertyValue("State") >>= state;
    return state == 1;
  }
  void SetNumber(const char* name, double value) const {
    Model(name)->setPropertyValue("Value", Any(value));
  }
  double Number(const char* name, double fallback) const {
    double value = fallback;
    Model(name)->getPropertyValue("Value") >>= value;
    return value;
  }
  void SetText(const char* name, const std::string& text) const {
    Model(name)->setPropertyValue("Text", Any(FromUtf8(text)));
  }
  std::string Text(const char* name) const {
    OUString text;
    Model(name)->getPropertyValue("Text") >>= text;
    return ToUtf8(text.trim());
  }

 private:
  Reference<css::awt::XControlContainer> controls_;
};

template <size_t N>
int IndexOf(const char* const (&values)[N], const std::string& value) {
  for (size_t i = 0; i < N; ++i) {
    if (value == values[i]) return static_cast<int>(i);
  }
  return 0;
}

void Show(const Page& page, const Catalog& words, const Settings& s) {
  for (const auto& [name, key] : kLabels) page.SetLabel(name, words.Text(key));
  page.SetItems("lstLanguageMode",
                {words.Text("options.mode.paragraph"), words.Text("options.mode.document"),
                 words.Text("options.mode.fixed")},
                IndexOf(kModes, s.language_mode));
  std::vector<std::string> names;
  int fixed = 0;
  for (size_t i = 0; i < std::size(kLanguageNames); ++i) {
    names.push_back(kLanguageNames[i].second);
    if (s.fixed_language == kLanguageNames[i].first) fixed = static_cast<int>(i);
  }
  page.SetItems("lstFixedLanguage", names, fixed);
  page.SetChecked("chkDirect", s.mark_direct);
  page.SetChecked("chkPartial", s.mark_partial);
  page.SetChecked("chkReported", s.mark_reported);
  page.SetChecked("chkDetails", s.comment_details);
  page.SetItems("lstPalette",
                {words.Text("options.palette.speakers"), words.Text("options.palette.single")},
                IndexOf(kPalettes, s.palette));
  page.SetNumber("numMinConfidence", s.min_quote_confidence);
  page.SetNumber("numClaimThreshold", s.claim_threshold);
  for (const auto& [language, field] : kWordingFields) {
    auto it = s.footnote_wording.find(language);
    page.SetText(field, it == s.footnote_wording.end() ? "" : it->second);
  }
  page.SetLabel("lblStatus", "");
}

Settings Read(const Page& page, const Settings& before) {
  Settings s = before;
  const int mode = page.Selected("lstLanguageMode");
  if (mode >= 0 && mode < static_cast<int>(std::size(kModes))) s.language_mode = kModes[mode];
  const int fixed = page.Selected("lstFixedLanguage");
  if (fixed >= 0 && fixed < static_cast<int>(std::size(kLanguageNames))) {
    s.fixed_language = kLanguageNames[fixed].first;
  }
  s.mark_direct = page.Checked("chkDirect");
  s.mark_partial = page.Checked("chkPartial");
  s.mark_reported = page.Checked("chkReported");
  s.comment_details = page.Checked("chkDetails");
  const int palette = page.Selected("lstPalette");
  if (palette >= 0 && palette < static_cast<int>(std::size(kPalettes))) {
    s.palette = kPalettes[palette];
  }
  s.min_quote_confidence = page.Number("numMinConfidence", s.min_quote_confidence);
  s.claim_threshold = page.Number("numClaimThreshold", s.claim_threshold);
  s.footnote_wording.clear();
  for (const auto& [language, field] : kWordingFields) {
    if (std::string text = page.Text(field); !text.empty()) s.footnote_wording[language] = text;
  }
  return s;
}

class OptionsPage : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler,
                                                 css::lang::XServiceInfo> {
 public:
  explicit OptionsPage(const Reference<css::uno::XComponentContext>& context) : context_(context) {}

  sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XWindow>& window, const Any& event,
                                      const OUString& method) override {
    if (method != "external_event") return false;
    try {
      OUString what;
      event >>= what;
      const Page page(window);
      const Catalog& words = UiWords(context_);
      if (what == "initialize" || what == "back") {
        Show(page, words, ReadSettings(context_));
        return true;
      }
      if (what == "ok") {
        const Settings stored = ReadSettings(context_);
        const Settings chosen = Read(page, stored);
        if (std::string error = ValidateSettings(chosen); !error.empty()) {
          // The dialog closes on OK whatever the handler answers: the log keeps why, and the
          // page says it when it is shown again before the dialog closes (Apply).
          page.SetLabel("lblStatus", words.Format("options.invalid", {{"message", error}}));
          LogInfo("options", FromUtf8("not saved: " + error));
          return true;
        }
        WriteSettings(context_, chosen);
        return true;
      }
    } catch (const css::uno::Exception& e) {
      ReportError(context_, nullptr, "options page", e.Message);
    } catch (const std::exception&) {
      ReportError(context_, nullptr, "options page", CurrentExceptionMessage());
    }
    return false;
  }
  Sequence<OUString> SAL_CALL getSupportedMethodNames() override {
    Sequence<OUString> names(1);
    names.getArray()[0] = "external_event";
    return names;
  }

  OUString SAL_CALL getImplementationName() override {
    return OUString::createFromAscii(kOptionsPageImpl);
  }
  sal_Bool SAL_CALL supportsService(const OUString& name) override {
    return cppu::supportsService(this, name);
  }
  Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
    Sequence<OUString> names(1);
    names.getArray()[0] = OUString::createFromAscii(kOptionsPageService);
    return names;
  }

 private:
  Reference<css::uno::XComponentContext> context_;
};

}  // namespace

Reference<css::uno::XInterface> NewOptionsPage(
    const Reference<css::uno::XComponentContext>& context) {
  return static_cast<cppu::OWeakObject*>(new OptionsPage(context));
}

}  // namespace attrib::uno
