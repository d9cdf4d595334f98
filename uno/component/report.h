// The one way the component reports a failure (STYLE.md 4): a log line on stderr and, when a
// frame with a window is at hand, a message box for the user. Every UNO entry point catches
// css::uno::Exception and std::exception and calls ReportError; nothing escapes into soffice.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <exception>
#include <rtl/ustring.hxx>

namespace attrib::uno {

// Logs "attrib: <where>: <message>" and tells the user. Never throws.
void ReportError(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, const char* where,
                 const rtl::OUString& message) noexcept;

// Logs an informational line (no dialog). Never throws.
void LogInfo(const char* where, const rtl::OUString& message) noexcept;

// Shows an information box on the frame's window (About). Never throws.
void ShowInfo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& message) noexcept;

// The message of the exception currently being handled (call inside a catch block).
rtl::OUString CurrentExceptionMessage() noexcept;

}  // namespace attrib::uno
