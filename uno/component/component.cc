// The module's only exported symbols: constructor functions named in attrib.components
// (constructor-based registration, environment="gcc3").
#include <sal/types.h>

#include <com/sun/star/uno/Sequence.hxx>

#include "component/deck_panel.h"
#include "component/report.h"
#include "component/services.h"

namespace {

// Returns the new object acquired once, as the constructor protocol requires; null on failure.
css::uno::XInterface* Acquired(const char* what,
                               css::uno::Reference<css::uno::XInterface> (*make)(
                                   const css::uno::Reference<css::uno::XComponentContext>&),
                               css::uno::XComponentContext* context) noexcept {
  try {
    css::uno::Reference<css::uno::XInterface> object = make(context);
    object->acquire();
    return object.get();
  } catch (const css::uno::Exception& e) {
    attrib::uno::ReportError(context, nullptr, what, e.Message);
  } catch (const std::exception&) {
    attrib::uno::ReportError(context, nullptr, what, attrib::uno::CurrentExceptionMessage());
  }
  return nullptr;
}

}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_attrib_ProtocolHandler_get_implementation(
    css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&) {
  return Acquired(attrib::uno::kProtocolHandlerImpl, &attrib::uno::NewProtocolHandler, context);
}

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_attrib_AttributionEngine_get_implementation(css::uno::XComponentContext* context,
                                                const css::uno::Sequence<css::uno::Any>&) {
  return Acquired(attrib::uno::kEngineImpl, &attrib::uno::NewEngineService, context);
}

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_attrib_PanelFactory_get_implementation(
    css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&) {
  return Acquired(attrib::uno::kPanelFactoryImpl, &attrib::uno::NewPanelFactory, context);
}

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_attrib_OptionsPage_get_implementation(
    css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&) {
  return Acquired(attrib::uno::kOptionsPageImpl, &attrib::uno::NewOptionsPage, context);
}
