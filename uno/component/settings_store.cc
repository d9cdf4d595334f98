#include "component/settings_store.h"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include "common/strings.h"
#include "component/report.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

constexpr char kRoot[] = "/org.attrib.Settings";

Reference<css::container::XNameAccess> Node(const Reference<css::uno::XComponentContext>& context,
                                            bool update) {
  Reference<css::lang::XMultiServiceFactory> provider =
      css::configuration::theDefaultProvider::get(context);
  css::beans::PropertyValue path;
  path.Name = "nodepath";
  path.Value <<= OUString::createFromAscii(kRoot);
  css::uno::Sequence<Any> args(1);
  args.getArray()[0] <<= path;
  return Reference<css::container::XNameAccess>(
      provider->createInstanceWithArguments(
          update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                 : OUString("com.sun.star.configuration.ConfigurationAccess"),
          args),
      UNO_QUERY_THROW);
}

Reference<css::container::XNameAccess> Group(const Reference<css::container::XNameAccess>& root,
                                             const char* name) {
  return Reference<css::container::XNameAccess>(root->getByName(OUString::createFromAscii(name)),
                                                UNO_QUERY_THROW);
}

template <typename T>
void Get(const Reference<css::container::XNameAccess>& group, const char* name, T* out) {
  group->getByName(OUString::createFromAscii(name)) >>= *out;
}
void Get(const Reference<css::container::XNameAccess>& group, const char* name, std::string* out) {
  OUString value;
  if (group->getByName(OUString::createFromAscii(name)) >>= value) *out = ToUtf8(value);
}

void Put(const Reference<css::container::XNameAccess>& group, const char* name, const Any& value) {
  Reference<css::container::XNameReplace>(group, UNO_QUERY_THROW)
      ->replaceByName(OUString::createFromAscii(name), value);
}

// The configuration's footnote wording properties, by language.
constexpr std::pair<const char*, const char*> kWordings[] = {
    {"en", "WordingEn"}, {"de", "WordingDe"}, {"es", "WordingEs"}, {"fr", "WordingFr"}};

}  // namespace

Settings ReadSettings(const Reference<css::uno::XComponentContext>& context) noexcept {
  Settings s;
  try {
    Reference<css::container::XNameAccess> root = Node(context, false);
    Reference<css::container::XNameAccess> analysis = Group(root, "Analysis");
    Reference<css::container::XNameAccess> marks = Group(root, "Marks");
    Reference<css::container::XNameAccess> footnotes = Group(root, "Footnotes");
    Settings read;
    Get(analysis, "LanguageMode", &read.language_mode);
    Get(analysis, "FixedLanguage", &read.fixed_language);
    Get(analysis, "MinQuoteConfidence", &read.min_quote_confidence);
    Get(analysis, "ClaimThreshold", &read.claim_threshold);
    Get(marks, "MarkDirect", &read.mark_direct);
    Get(marks, "MarkPartial", &read.mark_partial);
    Get(marks, "MarkReported", &read.mark_reported);
    Get(marks, "CommentDetails", &read.comment_details);
    Get(marks, "Palette", &read.palette);
    for (const auto& [language, name] : kWordings) {
      std::string text;
      Get(footnotes, name, &text);
      if (!text.empty()) read.footnote_wording[language] = text;
    }
    if (std::string error = ValidateSettings(read); !error.empty()) {
      LogInfo("settings",
              FromUtf8("the stored settings are invalid, using the defaults: " + error));
      return s;
    }
    return read;
  } catch (const css::uno::Exception& e) {
    LogInfo("settings", e.Message);
  } catch (const std::exception&) {
    LogInfo("settings", CurrentExceptionMessage());
  }
  return s;
}

void WriteSettings(const Reference<css::uno::XComponentContext>& context, const Settings& s) {
  Reference<css::container::XNameAccess> root = Node(context, true);
  Reference<css::container::XNameAccess> analysis = Group(root, "Analysis");
  Reference<css::container::XNameAccess> marks = Group(root, "Marks");
  Reference<css::container::XNameAccess> footnotes = Group(root, "Footnotes");
  Put(analysis, "LanguageMode", Any(FromUtf8(s.language_mode)));
  Put(analysis, "FixedLanguage", Any(FromUtf8(s.fixed_language)));
  Put(analysis, "MinQuoteConfidence", Any(s.min_quote_confidence));
  Put(analysis, "ClaimThreshold", Any(s.claim_threshold));
  Put(marks, "MarkDirect", Any(s.mark_direct));
  Put(marks, "MarkPartial", Any(s.mark_partial));
  Put(marks, "MarkReported", Any(s.mark_reported));
  Put(marks, "CommentDetails", Any(s.comment_details));
  Put(marks, "Palette", Any(FromUtf8(s.palette)));
  for (const auto& [language, name] : kWordings) {
    auto it = s.footnote_wording.find(language);
    Put(footnotes, name, Any(FromUtf8(it == s.footnote_wording.end() ? "" : it->second)));
  }
  Reference<css::util::XChangesBatch>(root, UNO_QUERY_THROW)->commitChanges();
}

}  // namespace attrib::uno
