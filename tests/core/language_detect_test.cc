// Language detection from each language's frequent function words (core/data/<lang>/detect.txt).
#include "language_detect.h"

#include <gtest/gtest.h>

#include "analysed.h"

namespace attrib {
namespace {

std::string Detect(std::string_view utf8) {
  std::u16string text;
  EXPECT_TRUE(Utf8ToUtf16(utf8, &text).ok());
  return DetectLanguage(Tokenize(text));
}

TEST(LanguageDetectTest, OneSentenceDecides) {
  EXPECT_EQ(Detect("The minister said that the talks had failed."), "en");
  EXPECT_EQ(Detect("Der Minister sagte, dass die Gespräche gescheitert seien."), "de");
  EXPECT_EQ(Detect("Die Regierung hat sich mit der Opposition auf einen Kompromiss geeinigt."),
            "de");
}

TEST(LanguageDetectTest, TooFewFunctionWordsIsUndecided) {
  EXPECT_EQ(Detect(""), "");
  EXPECT_EQ(Detect("Frankfurter Börse. Amsterdam 100 Augsburg 119"), "");
}

TEST(LanguageDetectTest, ThePublicEntryPointDecidesAParagraph) {
  EXPECT_EQ(DetectTextLanguage(u"Der Minister sagte, dass die Gespräche gescheitert seien."), "de");
  EXPECT_EQ(DetectTextLanguage(u"Le ministre a déclaré que les négociations avaient échoué."),
            "fr");
  EXPECT_EQ(DetectTextLanguage(u"Geneva, 12 June"), "");
  EXPECT_EQ(DetectTextLanguage(u""), "");
}

TEST(LanguageDetectTest, AnalyzeUsesTheDetectedLanguageWhenNoneIsGiven) {
  Analysed de = Analyse(
      "„Wir sind bereit“, sagte die Ministerin am Montag in Berlin. Sie erklärte, dass die "
      "Gespräche weitergehen würden.");
  EXPECT_EQ(de.a.language, "de");
  ASSERT_FALSE(de.a.quotes.empty());
  EXPECT_EQ(de.SpeakerOf(de.a.quotes[0]), "Ministerin");
  Analysed en = Analyse("“We are ready,” the minister said on Monday.");
  EXPECT_EQ(en.a.language, "en");
  Analysed undecided = Analyse("Geneva, 12 June");
  EXPECT_EQ(undecided.a.language, "en");  // the documented fallback
  Options given;
  given.language = "de";
  EXPECT_EQ(Analyse("“We are ready,” the minister said.", given).a.language, "de");
}

}  // namespace
}  // namespace attrib
