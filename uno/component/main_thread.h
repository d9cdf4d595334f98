// Running a document command on soffice's main thread (see THREAD in commands.h).
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>
#include <functional>

#include "component/commands.h"

namespace attrib::uno {

// Runs `work` on the main thread and waits for it; its exception is rethrown here. Runs it right
// away when already there (or without a context). When the main thread does not take it up
// within a minute (blocked: it should never be), the caller runs it itself.
void RunOnMainThread(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const std::function<void()>& work);

// Runs `work` later on the main thread, without waiting (its exceptions are logged). For
// listeners whose event may arrive with the SolarMutex held by a bridge thread, where waiting
// for the main thread would block both.
void PostToMainThread(const css::uno::Reference<css::uno::XComponentContext>& context,
                      std::function<void()> work);

// A command handler run on the main thread.
template <CommandHandler handler>
rtl::OUString MainThreadCommand(const CommandContext& c) {
  rtl::OUString result;
  RunOnMainThread(c.context, [&] { result = handler(c); });
  return result;
}

}  // namespace attrib::uno
