// Three of the component's implementations (the third, the sidebar panel factory, is in
// deck_panel.h); component.cc exports their constructors.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

namespace attrib::uno {

inline constexpr char kProtocolHandlerImpl[] = "org.attrib.comp.ProtocolHandler";
inline constexpr char kEngineImpl[] = "org.attrib.comp.AttributionEngine";
inline constexpr char kEngineService[] = "org.attrib.AttributionEngine";
inline constexpr char kOptionsPageImpl[] = "org.attrib.comp.OptionsPage";
inline constexpr char kOptionsPageService[] = "org.attrib.OptionsPage";

// ProtocolHandler for "org.attrib:*" driven by the command table (commands.h).
css::uno::Reference<css::uno::XInterface> NewProtocolHandler(
    const css::uno::Reference<css::uno::XComponentContext>& context);
// org.attrib.AttributionEngine: the engine for macros and other programs.
css::uno::Reference<css::uno::XInterface> NewEngineService(
    const css::uno::Reference<css::uno::XComponentContext>& context);

// org.attrib.OptionsPage: Tools › Options › LibreOffice Writer › Attribution (options_page.cc).
css::uno::Reference<css::uno::XInterface> NewOptionsPage(
    const css::uno::Reference<css::uno::XComponentContext>& context);

}  // namespace attrib::uno
