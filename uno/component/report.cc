#include "component/report.h"

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <cstdio>

#include "common/strings.h"
#include "component/ui_language.h"

namespace attrib::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;

void ShowBox(const Reference<css::uno::XComponentContext>& context,
             const Reference<css::frame::XFrame>& frame, css::awt::MessageBoxType type,
             const rtl::OUString& title, const rtl::OUString& message) noexcept {
  try {
    if (!context.is() || !frame.is()) return;
    Reference<css::awt::XWindowPeer> parent(frame->getContainerWindow(), UNO_QUERY);
    if (!parent.is()) return;
    Reference<css::awt::XMessageBoxFactory> factory(css::awt::Toolkit::create(context), UNO_QUERY);
    if (!factory.is()) return;
    Reference<css::awt::XMessageBox> box = factory->createMessageBox(
        parent, type, 1 /* MessageBoxButtons::BUTTONS_OK */, title, message);
    // Headless soffice cancels dialogs silently, so this never blocks a batch run.
    if (box.is()) box->execute();
  } catch (const css::uno::Exception& e) {
    LogInfo("message box", e.Message);
  } catch (const std::exception& e) {
    LogInfo("message box", FromUtf8(e.what()));
  }
}

}  // namespace

void LogInfo(const char* where, const rtl::OUString& message) noexcept {
  try {
    std::fprintf(stderr, "attrib: %s: %s\n", where, ToUtf8(message).c_str());
    std::fflush(stderr);
  } catch (const std::exception&) {  // only bad_alloc: there is nowhere left to report it
  }
}

void ReportError(const Reference<css::uno::XComponentContext>& context,
                 const Reference<css::frame::XFrame>& frame, const char* where,
                 const rtl::OUString& message) noexcept {
  LogInfo(where, "error: " + message);
  try {
    const Catalog& words = UiWords(context);
    ShowBox(context, frame, css::awt::MessageBoxType_ERRORBOX, FromUtf8(words.Text("ui.title")),
            FromUtf8(words.Format("ui.error", {{"message", ToUtf8(message)}})));
  } catch (const std::exception&) {  // only bad_alloc
  }
}

void ShowInfo(const Reference<css::uno::XComponentContext>& context,
              const Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& message) noexcept {
  ShowBox(context, frame, css::awt::MessageBoxType_INFOBOX, title, message);
}

rtl::OUString CurrentExceptionMessage() noexcept {
  try {
    throw;
  } catch (const css::uno::Exception& e) {
    return e.Message.isEmpty() ? rtl::OUString("UNO exception") : e.Message;
  } catch (const std::exception& e) {
    return FromUtf8(e.what());
  } catch (...) {
    return "unknown exception";
  }
}

}  // namespace attrib::uno
