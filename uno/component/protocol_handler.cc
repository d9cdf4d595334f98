// The ProtocolHandler: soffice calls initialize({frame}), then queryDispatch, then dispatch.
// Every entry point catches and reports (report.h); nothing escapes into soffice.
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <mutex>

#include "common/strings.h"
#include "component/commands.h"
#include "component/report.h"
#include "component/services.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using rtl::OUString;

class ProtocolHandler
    : public cppu::WeakImplHelper4<css::lang::XInitialization, css::frame::XDispatchProvider,
                                   css::frame::XNotifyingDispatch, css::lang::XServiceInfo> {
 public:
  explicit ProtocolHandler(const Reference<css::uno::XComponentContext>& context)
      : context_(context) {}

  // XInitialization
  void SAL_CALL initialize(const Sequence<Any>& args) override {
    try {
      Reference<css::frame::XFrame> frame;
      if (args.getLength() > 0) args[0] >>= frame;
      std::lock_guard<std::mutex> lock(mutex_);
      frame_ = frame;
    } catch (const css::uno::Exception& e) {
      ReportError(context_, nullptr, "initialize", e.Message);
    } catch (const std::exception&) {
      ReportError(context_, nullptr, "initialize", CurrentExceptionMessage());
    }
  }

  // XDispatchProvider
  Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                          const OUString&, sal_Int32) override {
    try {
      if (Enabled(url.Complete)) return this;
    } catch (const css::uno::Exception& e) {
      ReportError(context_, nullptr, "queryDispatch", e.Message);
    } catch (const std::exception&) {
      ReportError(context_, nullptr, "queryDispatch", CurrentExceptionMessage());
    }
    return nullptr;
  }

  Sequence<Reference<css::frame::XDispatch>> SAL_CALL
  queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
    Sequence<Reference<css::frame::XDispatch>> out(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i) {
      out.getArray()[i] =
          queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    }
    return out;
  }

  // XDispatch
  void SAL_CALL dispatch(const css::util::URL& url,
                         const Sequence<css::beans::PropertyValue>& args) override {
    dispatchWithNotification(url, args, nullptr);
  }

  void SAL_CALL dispatchWithNotification(
      const css::util::URL& url, const Sequence<css::beans::PropertyValue>& args,
      const Reference<css::frame::XDispatchResultListener>& listener) override {
    Reference<css::frame::XFrame> frame = Frame();
    sal_Int16 state = css::frame::DispatchResultState::FAILURE;
    OUString result;
    try {
      const Command* command = FindCommand(url.Complete);
      if (command == nullptr) throw css::uno::RuntimeException("unknown command " + url.Complete);
      CommandContext c;
      c.context = context_;
      c.frame = frame;
      c.model = ModelOf(frame);
      for (const css::beans::PropertyValue& arg : args) {  // hidden arguments: commands.h
        if (arg.Name == "StatusIndicator") arg.Value >>= c.indicator;
        if (arg.Name == "AttribFailAfterEdits") arg.Value >>= c.fail_after_edits;
        if (arg.Name == "AttribBareFootnotes") arg.Value >>= c.bare_footnotes;
        if (arg.Name == "AttribNoOpen") arg.Value >>= c.no_open;
        if (arg.Name == "AttribNoDocument") arg.Value >>= c.no_document;
        if (OUString json; arg.Name == "AttribSettings" && (arg.Value >>= json)) {
          c.settings_json = ToUtf8(json);
        }
      }
      if (command->needs_writer && !IsWriterTextDocument(c.model)) {
        throw css::uno::RuntimeException(OUString::createFromAscii(command->title) +
                                         " works on Writer text documents only");
      }
      result = command->handler(c);
      state = css::frame::DispatchResultState::SUCCESS;
      LogInfo(command->url, result);
    } catch (const css::uno::Exception& e) {
      result = e.Message;
      ReportError(context_, frame, "dispatch", result);
    } catch (const std::exception&) {
      result = CurrentExceptionMessage();
      ReportError(context_, frame, "dispatch", result);
    }
    Notify(listener, state, result);
  }

  void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>& listener,
                                  const css::util::URL& url) override {
    try {
      if (!listener.is()) return;
      css::frame::FeatureStateEvent event;
      event.Source = static_cast<cppu::OWeakObject*>(this);
      event.FeatureURL = url;
      event.IsEnabled = Enabled(url.Complete);
      event.Requery = false;
      listener->statusChanged(event);
    } catch (const css::uno::Exception& e) {
      ReportError(context_, nullptr, "addStatusListener", e.Message);
    } catch (const std::exception&) {
      ReportError(context_, nullptr, "addStatusListener", CurrentExceptionMessage());
    }
  }

  void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                     const css::util::URL&) override {}

  // XServiceInfo
  OUString SAL_CALL getImplementationName() override {
    return OUString::createFromAscii(kProtocolHandlerImpl);
  }
  sal_Bool SAL_CALL supportsService(const OUString& name) override {
    return cppu::supportsService(this, name);
  }
  Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
    return names;
  }

 private:
  Reference<css::frame::XFrame> Frame() {
    std::lock_guard<std::mutex> lock(mutex_);
    return Reference<css::frame::XFrame>(frame_);
  }

  // A command is enabled when it is in the table and, if it needs one, the frame shows a
  // Writer text document.
  bool Enabled(const OUString& url) {
    const Command* command = FindCommand(url);
    if (command == nullptr) return false;
    return !command->needs_writer || IsWriterTextDocument(ModelOf(Frame()));
  }

  void Notify(const Reference<css::frame::XDispatchResultListener>& listener, sal_Int16 state,
              const OUString& result) noexcept {
    if (!listener.is()) return;
    try {
      css::frame::DispatchResultEvent event;
      event.Source = static_cast<cppu::OWeakObject*>(this);
      event.State = state;
      event.Result <<= result;
      listener->dispatchFinished(event);
    } catch (const css::uno::Exception& e) {
      LogInfo("dispatch result", e.Message);
    }
  }

  Reference<css::uno::XComponentContext> context_;
  std::mutex mutex_;
  css::uno::WeakReference<css::frame::XFrame> frame_;  // weak: the frame owns us
};

}  // namespace

Reference<css::uno::XInterface> NewProtocolHandler(
    const Reference<css::uno::XComponentContext>& context) {
  return static_cast<cppu::OWeakObject*>(new ProtocolHandler(context));
}

}  // namespace attrib::uno
