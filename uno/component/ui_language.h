// The language of LibreOffice's user interface, which undo labels, messages, the status bar and
// the Attribution deck are worded in (logic/catalog.h). Comments and footnotes follow the
// document's language instead.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>
#include <string>

#include "logic/catalog.h"

namespace attrib::uno {

// The UI locale as BCP-47 ("de-DE"): Tools › Options › Language Settings › User interface
// (org.openoffice.Setup/L10N/ooLocale), else the system's (org.openoffice.System/L10N/UILocale),
// else "en-US". Never throws.
std::string UiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;

// The catalogue of UiLanguage(context).
const Catalog& UiWords(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;

}  // namespace attrib::uno
