#include "component/ui_language.h"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

#include "common/strings.h"
#include "component/report.h"

namespace attrib::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;

// The string property `name` of the configuration node `path`, or "".
std::string ConfigString(const Reference<css::uno::XComponentContext>& context, const char* path,
                         const char* name) {
  Reference<css::lang::XMultiServiceFactory> provider =
      css::configuration::theDefaultProvider::get(context);
  css::beans::PropertyValue node;
  node.Name = "nodepath";
  node.Value <<= rtl::OUString::createFromAscii(path);
  css::uno::Sequence<css::uno::Any> args(1);
  args.getArray()[0] <<= node;
  Reference<css::container::XNameAccess> access(
      provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
      UNO_QUERY);
  rtl::OUString value;
  if (access.is() && access->hasByName(rtl::OUString::createFromAscii(name))) {
    access->getByName(rtl::OUString::createFromAscii(name)) >>= value;
  }
  return ToUtf8(value);
}

}  // namespace

std::string UiLanguage(const Reference<css::uno::XComponentContext>& context) noexcept {
  try {
    if (!context.is()) return "en-US";
    std::string locale = ConfigString(context, "/org.openoffice.Setup/L10N", "ooLocale");
    if (locale.empty()) locale = ConfigString(context, "/org.openoffice.System/L10N", "UILocale");
    return locale.empty() ? "en-US" : locale;
  } catch (const css::uno::Exception& e) {
    LogInfo("ui language", e.Message);
  } catch (const std::exception&) {
    LogInfo("ui language", CurrentExceptionMessage());
  }
  return "en-US";
}

const Catalog& UiWords(const Reference<css::uno::XComponentContext>& context) noexcept {
  return Catalog::For(UiLanguage(context));
}

}  // namespace attrib::uno
