#include "component/deck_panel.h"

#include <algorithm>
#include <atomic>
#include <com/sun/star/awt/ActionEvent.hpp>
#include <com/sun/star/awt/ItemEvent.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase7.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <rtl/ref.hxx>
#include <string>
#include <vector>

#include "attrib/attrib.h"
#include "common/strings.h"
#include "component/commands.h"
#include "component/main_thread.h"
#include "component/report.h"
#include "component/settings_store.h"
#include "logic/stories.h"
#include "component/ui_language.h"
#include "component/writer_doc.h"
#include "logic/deck.h"
#include "logic/json.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// The buttons: control name, catalogue key of the label, the command dispatched ("" = refresh
// only).
struct Button {
  const char* name;
  const char* label;
  const char* url;
};
constexpr Button kButtons[] = {
    {"highlight", "deck.button.highlight", "org.attrib:HighlightQuotes"},
    {"claims", "deck.button.claims", "org.attrib:MarkClaims"},
    {"clear", "deck.button.clear", "org.attrib:ClearMarks"},
    {"refresh", "deck.button.refresh", ""},
};

constexpr sal_Int32 kGap = 6, kButtonHeight = 26, kStatusHeight = 18;

class DeckPanel
    : public cppu::WeakImplHelper7<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                   css::lang::XComponent, css::awt::XActionListener,
                                   css::awt::XItemListener, css::awt::XWindowListener> {
 public:
  DeckPanel(const Reference<css::uno::XComponentContext>& context,
            const Reference<css::frame::XFrame>& frame, const Reference<css::awt::XWindow>& parent,
            const OUString& url)
      : context_(context), frame_(frame), parent_(parent), url_(url) {}

  // Makes the controls (throws; the factory catches).
  void Create() {
    Reference<css::lang::XMultiComponentFactory> smgr = context_->getServiceManager();
    Reference<css::awt::XToolkit> toolkit(css::awt::Toolkit::create(context_), UNO_QUERY_THROW);
    Reference<css::awt::XWindowPeer> parent_peer(parent_, UNO_QUERY_THROW);
    container_ =
        Make("com.sun.star.awt.UnoControlContainer", "com.sun.star.awt.UnoControlContainerModel");
    container_->createPeer(toolkit, parent_peer);
    Reference<css::awt::XControlContainer> controls(container_, UNO_QUERY_THROW);
    const Catalog& words = UiWords(context_);
    for (const Button& b : kButtons) {
      Reference<css::awt::XControl> button =
          Make("com.sun.star.awt.UnoControlButton", "com.sun.star.awt.UnoControlButtonModel");
      Props(button)->setPropertyValue("Label", Any(FromUtf8(words.Text(b.label))));
      Reference<css::awt::XButton> xb(button, UNO_QUERY_THROW);
      xb->setActionCommand(OUString::createFromAscii(b.name));
      xb->addActionListener(this);
      controls->addControl(OUString::createFromAscii(b.name), button);
    }
    status_ =
        Make("com.sun.star.awt.UnoControlFixedText", "com.sun.star.awt.UnoControlFixedTextModel");
    controls->addControl("status", status_);
    list_ = Make("com.sun.star.awt.UnoControlListBox", "com.sun.star.awt.UnoControlListBoxModel");
    Props(list_)->setPropertyValue("MultiSelection", Any(false));
    Reference<css::awt::XListBox>(list_, UNO_QUERY_THROW)->addItemListener(this);
    controls->addControl("list", list_);
    parent_->addWindowListener(this);
    css::awt::Rectangle r = parent_->getPosSize();
    Layout(r.Width, r.Height);
    Reference<css::awt::XWindow>(container_, UNO_QUERY_THROW)->setVisible(true);
    Refresh();
  }

  // XUIElement
  Reference<css::frame::XFrame> SAL_CALL getFrame() override {
    return Reference<css::frame::XFrame>(frame_);
  }
  OUString SAL_CALL getResourceURL() override { return url_; }
  sal_Int16 SAL_CALL getType() override { return css::ui::UIElementType::TOOLPANEL; }
  Reference<css::uno::XInterface> SAL_CALL getRealInterface() override {
    return static_cast<css::ui::XToolPanel*>(this);
  }

  // XToolPanel
  Reference<css::awt::XWindow> SAL_CALL getWindow() override {
    return Reference<css::awt::XWindow>(container_, UNO_QUERY);
  }
  Reference<css::accessibility::XAccessible> SAL_CALL
  createAccessible(const Reference<css::accessibility::XAccessible>&) override {
    return Reference<css::accessibility::XAccessible>(container_, UNO_QUERY);
  }

  // XSidebarPanel
  css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override {
    return css::ui::LayoutSize(320, -1, 560);
  }
  sal_Int32 SAL_CALL getMinimalWidth() override { return 380; }  // the sidebar follows

  // XComponent
  void SAL_CALL dispose() override {
    try {
      if (disposed_.exchange(true)) return;
      std::vector<Reference<css::lang::XEventListener>> listeners;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        listeners.swap(listeners_);
      }
      const css::lang::EventObject event(static_cast<css::ui::XUIElement*>(this));
      for (const auto& l : listeners) {
        try {
          if (l.is()) l->disposing(event);
        } catch (const css::uno::Exception& e) {
          LogInfo("deck: dispose listener", e.Message);
        }
      }
      if (parent_.is()) parent_->removeWindowListener(this);
      if (list_.is()) {
        Reference<css::awt::XListBox>(list_, UNO_QUERY_THROW)->removeItemListener(this);
      }
      if (container_.is()) {
        Reference<css::awt::XControlContainer> controls(container_, UNO_QUERY_THROW);
        for (const Button& b : kButtons) {
          Reference<css::awt::XButton> xb(controls->getControl(OUString::createFromAscii(b.name)),
                                          UNO_QUERY);
          if (xb.is()) xb->removeActionListener(this);
        }
        container_->dispose();  // and the controls it holds
      }
      container_.clear();
      list_.clear();
      status_.clear();
      parent_.clear();
    } catch (const css::uno::Exception& e) {
      LogInfo("deck: dispose", e.Message);
    } catch (const std::exception&) {
      LogInfo("deck: dispose", CurrentExceptionMessage());
    }
  }
  void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>& l) override {
    try {
      std::lock_guard<std::mutex> lock(mutex_);
      if (l.is() && !disposed_) listeners_.push_back(l);
    } catch (const std::exception&) {
      LogInfo("deck: addEventListener", CurrentExceptionMessage());
    }
  }
  void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>& l) override {
    try {
      std::lock_guard<std::mutex> lock(mutex_);
      listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), l), listeners_.end());
    } catch (const std::exception&) {
      LogInfo("deck: removeEventListener", CurrentExceptionMessage());
    }
  }

  // XEventListener (the controls and the parent window going away)
  void SAL_CALL disposing(const css::lang::EventObject& e) override {
    try {
      if (parent_.is() && e.Source == parent_) parent_.clear();
    } catch (const css::uno::Exception& ex) {
      LogInfo("deck: disposing", ex.Message);
    }
  }

  // XActionListener: a button.
  void SAL_CALL actionPerformed(const css::awt::ActionEvent& e) override {
    try {
      for (const Button& b : kButtons) {
        if (!e.ActionCommand.equalsAscii(b.name)) continue;
        if (b.url[0] != '\0') Run(b.url);
        Refresh();
      }
    } catch (const css::uno::Exception& ex) {
      ReportError(context_, getFrame(), "deck: button", ex.Message);
    } catch (const std::exception&) {
      ReportError(context_, getFrame(), "deck: button", CurrentExceptionMessage());
    }
  }

  // XItemListener: an entry of the list chosen. Handled later on the main thread: the event can
  // come with the SolarMutex held by a bridge thread (a client's XListBox::selectItemPos), and
  // waiting there for the main thread would block both.
  void SAL_CALL itemStateChanged(const css::awt::ItemEvent& e) override {
    try {
      rtl::Reference<DeckPanel> self(this);
      const sal_Int32 index = e.Selected;
      PostToMainThread(context_, [self, index] { self->SelectRowReporting(index); });
    } catch (const css::uno::Exception& ex) {
      ReportError(context_, getFrame(), "deck: select", ex.Message);
    } catch (const std::exception&) {
      ReportError(context_, getFrame(), "deck: select", CurrentExceptionMessage());
    }
  }

  // XWindowListener (the parent: the sidebar sizes it, we follow).
  void SAL_CALL windowResized(const css::awt::WindowEvent& e) override {
    try {
      Layout(e.Width, e.Height);
    } catch (const css::uno::Exception& ex) {
      LogInfo("deck: resize", ex.Message);
    }
  }
  void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
  void SAL_CALL windowShown(const css::lang::EventObject&) override {
    try {
      Refresh();
    } catch (const css::uno::Exception& ex) {
      LogInfo("deck: shown", ex.Message);
    } catch (const std::exception&) {
      LogInfo("deck: shown", CurrentExceptionMessage());
    }
  }
  void SAL_CALL windowHidden(const css::lang::EventObject&) override {}

 private:
  Reference<css::awt::XControl> Make(const char* control, const char* model) {
    Reference<css::lang::XMultiComponentFactory> smgr = context_->getServiceManager();
    Reference<css::awt::XControl> c(
        smgr->createInstanceWithContext(OUString::createFromAscii(control), context_),
        UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> m(
        smgr->createInstanceWithContext(OUString::createFromAscii(model), context_),
        UNO_QUERY_THROW);
    c->setModel(m);
    return c;
  }
  static Reference<css::beans::XPropertySet> Props(const Reference<css::awt::XControl>& c) {
    return Reference<css::beans::XPropertySet>(c->getModel(), UNO_QUERY_THROW);
  }

  // Two rows of two buttons, the status line, the list filling the rest.
  void Layout(sal_Int32 width, sal_Int32 height) {
    if (!container_.is()) return;
    Reference<css::awt::XWindow>(container_, UNO_QUERY_THROW)
        ->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);
    Reference<css::awt::XControlContainer> controls(container_, UNO_QUERY_THROW);
    const sal_Int32 half = std::max<sal_Int32>((width - 3 * kGap) / 2, 40);
    for (size_t i = 0; i < std::size(kButtons); ++i) {
      Reference<css::awt::XWindow> w(
          controls->getControl(OUString::createFromAscii(kButtons[i].name)), UNO_QUERY_THROW);
      const sal_Int32 x = kGap + static_cast<sal_Int32>(i % 2) * (half + kGap);
      const sal_Int32 y = kGap + static_cast<sal_Int32>(i / 2) * (kButtonHeight + kGap);
      w->setPosSize(x, y, half, kButtonHeight, css::awt::PosSize::POSSIZE);
    }
    const sal_Int32 status_y = kGap + 2 * (kButtonHeight + kGap);
    Reference<css::awt::XWindow>(status_, UNO_QUERY_THROW)
        ->setPosSize(kGap, status_y, std::max<sal_Int32>(width - 2 * kGap, 40), kStatusHeight,
                     css::awt::PosSize::POSSIZE);
    const sal_Int32 list_y = status_y + kStatusHeight + kGap;
    Reference<css::awt::XWindow>(list_, UNO_QUERY_THROW)
        ->setPosSize(kGap, list_y, std::max<sal_Int32>(width - 2 * kGap, 40),
                     std::max<sal_Int32>(height - list_y - kGap, 60), css::awt::PosSize::POSSIZE);
  }

  Reference<css::text::XTextDocument> TextDocument() {
    Reference<css::frame::XModel> model = ModelOf(getFrame());
    if (!IsWriterTextDocument(model)) return {};
    return Reference<css::text::XTextDocument>(model, UNO_QUERY);
  }

  // Dispatches one of the extension's commands on the panel's frame (it reports its own errors).
  void Run(const char* url) {
    Reference<css::frame::XDispatchProvider> provider(getFrame(), UNO_QUERY);
    if (!provider.is()) return;
    css::util::URL u;
    u.Complete = OUString::createFromAscii(url);
    css::util::URLTransformer::create(context_)->parseStrict(u);
    Reference<css::frame::XDispatch> d = provider->queryDispatch(u, "_self", 0);
    if (d.is()) d->dispatch(u, Sequence<css::beans::PropertyValue>());
  }

  void SetStatus(const std::string& text) {
    if (status_.is()) Props(status_)->setPropertyValue("Label", Any(FromUtf8(text)));
  }

  // Reads the document (on the main thread), rebuilds the rows and the list.
  void Refresh() {
    if (disposed_ || !list_.is()) return;
    Reference<css::text::XTextDocument> doc = TextDocument();
    std::vector<DeckRow> rows;
    std::u16string text;
    const Catalog& words = UiWords(context_);
    std::string status = words.Text("deck.status.no_document");
    if (doc.is()) {
      std::string json;
      size_t marked_quotes = 0, marked_claims = 0;
      // A document the panel cannot read leaves an empty list and says why (and the log);
      // the panel itself stays.
      try {
        RunOnMainThread(context_, [&] {
          DocParagraphs paragraphs = ReadParagraphs(doc, false);
          attrib::Document input = DocumentOf(paragraphs.paragraphs);
          Analysis analysis;
          // The editor's settings, as the commands use them; the deck reads the document in one
          // language (its spans are the whole document's).
          const Settings settings = ReadSettings(context_);
          Options options = settings.EngineOptions();
          if (options.language.empty()) options.language = DocumentLanguage(paragraphs.paragraphs);
          if (Status s = Analyze(input, options, &analysis); !s.ok()) {
            throw css::uno::RuntimeException(FromUtf8("the engine failed: " + s.message()));
          }
          json = AnalysisToJson(input, analysis);
          text = input.text();
          for (const MarkedComment& m : ReadMarkedContent(doc).comments) {
            ++(m.claim ? marked_claims : marked_quotes);
          }
        });
        rows = BuildDeckRows(nlohmann::json::parse(json, nullptr, false), text, words);
        status = words.Format("deck.status.marked", {{"quotes", std::to_string(marked_quotes)},
                                                     {"claims", std::to_string(marked_claims)}});
      } catch (const css::uno::Exception& e) {
        LogInfo("deck: refresh", e.Message);
        text.clear();
        status = words.Format("deck.status.unreadable", {{"message", ToUtf8(e.Message)}});
      } catch (const std::exception&) {
        LogInfo("deck: refresh", CurrentExceptionMessage());
        text.clear();
        status = words.Format("deck.status.unreadable",
                              {{"message", ToUtf8(CurrentExceptionMessage())}});
      }
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      rows_ = rows;
      text_ = text;
    }
    Show(rows);
    SetStatus(status);
  }

  // One list entry per row, indented by its level: the list's positions are the rows'.
  void Show(const std::vector<DeckRow>& rows) {
    Sequence<OUString> items(static_cast<sal_Int32>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) {
      const std::string indent(static_cast<size_t>(std::max(rows[i].level, 0)) * 4, ' ');
      items.getArray()[i] = FromUtf8(indent + rows[i].label);
    }
    Props(list_)->setPropertyValue("StringItemList", Any(items));
  }

  void SelectRowReporting(sal_Int32 index) {
    try {
      SelectRow(index);
    } catch (const css::uno::Exception& ex) {
      ReportError(context_, getFrame(), "deck: select", ex.Message);
    } catch (const std::exception&) {
      ReportError(context_, getFrame(), "deck: select", CurrentExceptionMessage());
    }
  }

  // Selects row `index`'s span in the document, if it has one and the text is as analysed.
  void SelectRow(sal_Int32 index) {
    DeckRow row;
    std::u16string text;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (index < 0 || static_cast<size_t>(index) >= rows_.size()) return;
      row = rows_[static_cast<size_t>(index)];
      text = text_;
    }
    if (disposed_ || row.begin < 0 || row.end < row.begin) return;
    Reference<css::text::XTextDocument> doc = TextDocument();
    if (!doc.is()) return;
    bool changed = false;
    RunOnMainThread(context_, [&] {
      DocParagraphs paragraphs = ReadParagraphs(doc, false);
      attrib::Document input = DocumentOf(paragraphs.paragraphs);
      if (input.text() != text) {
        changed = true;
        return;
      }
      Position begin, end;
      MapSpan(input, paragraphs.paragraphs, Span{row.begin, row.end}, &begin, &end);
      Reference<css::text::XTextRange> range = RangeOf(paragraphs, begin, end);
      Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
      Reference<css::view::XSelectionSupplier> selection(model->getCurrentController(),
                                                         UNO_QUERY_THROW);
      selection->select(Any(range));
    });
    if (changed) {
      Refresh();
      SetStatus(UiWords(context_).Text("deck.status.changed"));
    }
  }

  Reference<css::uno::XComponentContext> context_;
  css::uno::WeakReference<css::frame::XFrame> frame_;
  Reference<css::awt::XWindow> parent_;
  OUString url_;
  Reference<css::awt::XControl> container_, status_, list_;
  std::mutex mutex_;  // rows_, text_, listeners_
  std::vector<DeckRow> rows_;
  std::u16string text_;  // the analysed text the rows' spans refer to
  std::vector<Reference<css::lang::XEventListener>> listeners_;  // XComponent's (under mutex_)
  std::atomic<bool> disposed_{false};
};

class PanelFactory
    : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
 public:
  explicit PanelFactory(const Reference<css::uno::XComponentContext>& context)
      : context_(context) {}

  Reference<css::ui::XUIElement> SAL_CALL
  createUIElement(const OUString& url, const Sequence<css::beans::PropertyValue>& args) override {
    Reference<css::frame::XFrame> frame;
    try {
      Reference<css::awt::XWindow> parent;
      for (const css::beans::PropertyValue& a : args) {
        if (a.Name == "Frame") a.Value >>= frame;
        if (a.Name == "ParentWindow") a.Value >>= parent;
      }
      if (!url.equalsAscii(kPanelUrl)) {
        LogInfo("deck: createUIElement", "unknown panel " + url);
        return nullptr;
      }
      if (!parent.is()) {
        LogInfo("deck: createUIElement", "no ParentWindow");
        return nullptr;
      }
      rtl::Reference<DeckPanel> panel(new DeckPanel(context_, frame, parent, url));
      try {
        panel->Create();
      } catch (...) {
        panel->dispose();
        throw;
      }
      return panel.get();
    } catch (const css::uno::Exception& e) {
      ReportError(context_, nullptr, "deck: createUIElement", e.Message);
    } catch (const std::exception&) {
      ReportError(context_, nullptr, "deck: createUIElement", CurrentExceptionMessage());
    }
    return nullptr;
  }

  OUString SAL_CALL getImplementationName() override {
    return OUString::createFromAscii(kPanelFactoryImpl);
  }
  sal_Bool SAL_CALL supportsService(const OUString& name) override {
    return cppu::supportsService(this, name);
  }
  Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.ui.UIElementFactory";
    return names;
  }

 private:
  Reference<css::uno::XComponentContext> context_;
};

}  // namespace

Reference<css::uno::XInterface> NewPanelFactory(
    const Reference<css::uno::XComponentContext>& context) {
  return static_cast<cppu::OWeakObject*>(new PanelFactory(context));
}

}  // namespace attrib::uno
