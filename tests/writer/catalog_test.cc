// The catalogues (uno/catalog/<lang>.txt, logic/catalog.h): every language has every key of the
// English one with the same placeholders, and nothing else; the texts Attrib recognises its
// marks by stay distinct in every language.
#include "logic/catalog.h"

#include <gtest/gtest.h>

#include <set>

#include "logic/marks.h"

namespace attrib::uno {
namespace {

std::set<std::string> Placeholders(const std::string& text) {
  std::set<std::string> out;
  for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
    const size_t close = text.find('}', at);
    if (close != std::string::npos) out.insert(text.substr(at + 1, close - at - 1));
  }
  return out;
}

TEST(Catalog, EveryLanguageHasEveryKeyWithTheSamePlaceholders) {
  const auto& english = Catalog::For("en").entries();
  ASSERT_GT(english.size(), 20u);
  for (std::string_view language : CatalogLanguages()) {
    std::vector<std::string> errors;
    const Catalog c = Catalog::Parse(std::string(language), CatalogFile(language), &errors);
    EXPECT_TRUE(errors.empty()) << language << ": " << (errors.empty() ? "" : errors[0]);
    for (const auto& [key, text] : english) {
      auto it = c.entries().find(key);
      ASSERT_NE(it, c.entries().end()) << language << " lacks " << key;
      EXPECT_FALSE(it->second.empty()) << language << " " << key;
      EXPECT_EQ(Placeholders(it->second), Placeholders(text)) << language << " " << key;
    }
    for (const auto& [key, text] : c.entries()) {
      EXPECT_TRUE(english.count(key) > 0) << language << " has " << key << ", English has not";
    }
  }
}

TEST(Catalog, ParseSaysWhatIsMalformed) {
  std::vector<std::string> errors;
  const Catalog c = Catalog::Parse("xx", "# comment\n\na = b\nno equals\na = c\n", &errors);
  EXPECT_EQ(c.entries().size(), 1u);
  EXPECT_EQ(errors, (std::vector<std::string>{"line 4: no ' = '", "line 5: 'a' twice"}));
}

TEST(Catalog, RegionalTagsAndUnknownLanguages) {
  EXPECT_EQ(Catalog::For("de-CH").language(), "de");
  EXPECT_EQ(Catalog::For("FR").language(), "fr");
  EXPECT_EQ(Catalog::For("es_MX").language(), "es");
  EXPECT_EQ(Catalog::For("it").language(), "en");
  EXPECT_EQ(Catalog::For("").language(), "en");
  EXPECT_EQ(Catalog::For("de").Text("no.such.key"), "no.such.key");
  EXPECT_EQ(Catalog::For("de").Format("footnote.quote", {{"who", "X"}, {"unused", "Y"}}),
            "Zitat zugeschrieben: X.");
  // A value holding braces is not searched again.
  EXPECT_EQ(Catalog::For("en").Format("claim.attributed", {{"who", "{who}"}}),
            "attributed to {who}");
}

// After a format lost a comment's name, its text tells a claim from a quote; after .rtf lost a
// footnote's bookmark, its text tells it is ours — in every language.
TEST(Catalog, MarksAreKnownByTheirTextInEveryLanguage) {
  for (std::string_view language : CatalogLanguages()) {
    const Catalog& words = Catalog::For(language);
    const std::string claim = words.Text("claim.check") + ": " + words.Text("claim.kind.none");
    EXPECT_EQ(CommentTagOf(claim), kClaimCommentTag) << language;
    EXPECT_EQ(CommentTagOf(words.Text("speaker.unattributed") + "\n" + words.Text("kind.direct")),
              kQuoteCommentTag)
        << language;
    EXPECT_TRUE(HasFootnoteShape(words.Format("footnote.quote", {{"who", "Jane Doe"}})))
        << language;
  }
  EXPECT_FALSE(HasFootnoteShape("Quote attributed to Jane Doe"));  // no full stop
  EXPECT_FALSE(HasFootnoteShape("Quote attributed to Jane.\nMore."));
  EXPECT_FALSE(HasFootnoteShape("See the budget report."));
  EXPECT_EQ(CommentTagOf("Checked: the dates"), kQuoteCommentTag);
  // The prefixes differ between languages and are long enough not to be chance.
  const std::vector<std::string> footnotes = PrefixesOf("footnote.quote");
  EXPECT_EQ(std::set<std::string>(footnotes.begin(), footnotes.end()).size(), footnotes.size());
  for (const std::string& p : footnotes) EXPECT_GE(p.size(), 10u) << p;
}

}  // namespace
}  // namespace attrib::uno
