// The editor's settings in LibreOffice's configuration (extension/AttribSettings.xcs,
// /org.attrib.Settings), which the options page writes and every command reads.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include "logic/settings.h"

namespace attrib::uno {

// The stored settings; the defaults where the configuration has none or an invalid value (said
// in the log). Never throws.
Settings ReadSettings(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;

// Stores `settings` (valid: ValidateSettings). Throws css::uno::Exception when the
// configuration cannot be written.
void WriteSettings(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const Settings& settings);

}  // namespace attrib::uno
