// org.attrib.AttributionEngine: analyze(text) -> the engine's result as JSON (json.h).
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/attrib/XAttributionEngine.hpp>

#include "common/strings.h"
#include "component/report.h"
#include "component/services.h"
#include "logic/json.h"

namespace attrib::uno {
namespace {

using css::uno::Reference;
using css::uno::Sequence;
using rtl::OUString;

// Splits at U+000A only, so Document::text() is the caller's string unit for unit.
Document SplitParagraphs(std::u16string_view text) {
  std::vector<std::u16string> paragraphs;
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == u'\n') {
      paragraphs.emplace_back(text.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  return Document(std::move(paragraphs));
}

class EngineService
    : public cppu::WeakImplHelper2<org::attrib::XAttributionEngine, css::lang::XServiceInfo> {
 public:
  explicit EngineService(const Reference<css::uno::XComponentContext>& context)
      : context_(context) {}

  OUString SAL_CALL analyze(const OUString& text) override {
    try {
      Document doc = SplitParagraphs(ToU16(text));
      Analysis analysis;
      if (Status s = Analyze(doc, Options(), &analysis); !s.ok()) {
        ReportError(context_, nullptr, "analyze", FromUtf8(s.message()));
        return FromUtf8(ErrorJson(s.message()));
      }
      return FromUtf8(AnalysisToJson(doc, analysis));
    } catch (const css::uno::Exception& e) {
      ReportError(context_, nullptr, "analyze", e.Message);
      return FromUtf8(ErrorJson(ToUtf8(e.Message)));
    } catch (const std::exception& e) {
      ReportError(context_, nullptr, "analyze", FromUtf8(e.what()));
      return FromUtf8(ErrorJson(e.what()));
    }
  }

  OUString SAL_CALL version() override { return OUString::createFromAscii(Version()); }

  OUString SAL_CALL getImplementationName() override {
    return OUString::createFromAscii(kEngineImpl);
  }
  sal_Bool SAL_CALL supportsService(const OUString& name) override {
    return cppu::supportsService(this, name);
  }
  Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
    Sequence<OUString> names(1);
    names.getArray()[0] = OUString::createFromAscii(kEngineService);
    return names;
  }

 private:
  Reference<css::uno::XComponentContext> context_;
};

}  // namespace

Reference<css::uno::XInterface> NewEngineService(
    const Reference<css::uno::XComponentContext>& context) {
  return static_cast<cppu::OWeakObject*>(new EngineService(context));
}

}  // namespace attrib::uno
