// Spanish and French (core/data/es/, core/data/fr/): a first cut of each language as data —
// cues, function words, titles, detection — through the public API.
#include <gtest/gtest.h>

#include "analysed.h"
#include "attrib/attrib.h"

namespace attrib {
namespace {

Analysed AnalyseIn(std::string_view lang, std::string_view text) {
  Options o;
  o.language = std::string(lang);
  return Analyse(text, o);
}

std::string MentionOf(const Analysed& r, const Quote& q) {
  return q.speaker_mention ? r.Text(*q.speaker_mention) : "<none>";
}

TEST(FrenchTest, GuillemetsWithSpacesAndAnInvertedCompoundCue) {
  Analysed r = AnalyseIn("fr", "« Nous sommes prêts », a déclaré le ministre.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(r.Text(*r.a.quotes[0].cue), "a déclaré");
  EXPECT_EQ(MentionOf(r, r.a.quotes[0]), "le ministre");
}

TEST(FrenchTest, ReportedSpeechAndSelon) {
  Analysed r = AnalyseIn("fr", "Le ministre a affirmé que les négociations avaient échoué.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(r.a.quotes[0].content), "les négociations avaient échoué");
  EXPECT_EQ(MentionOf(r, r.a.quotes[0]), "Le ministre");
  Analysed selon = AnalyseIn("fr", "Selon la police, trois personnes ont été blessées.");
  ASSERT_EQ(selon.a.quotes.size(), 1u);
  EXPECT_EQ(selon.a.quotes[0].rule, "according-to");
  EXPECT_EQ(MentionOf(selon, selon.a.quotes[0]), "la police");
}

TEST(SpanishTest, DirectQuoteAndReportedSpeech) {
  Analysed r = AnalyseIn("es", "«Estamos listos», dijo la ministra.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(r.a.quotes[0].content), "Estamos listos");
  EXPECT_EQ(MentionOf(r, r.a.quotes[0]), "la ministra");
  Analysed that = AnalyseIn("es", "El portavoz aseguró que las negociaciones habían fracasado.");
  ASSERT_EQ(that.a.quotes.size(), 1u);
  EXPECT_EQ(that.Text(that.a.quotes[0].content), "las negociaciones habían fracasado");
  Analysed segun = AnalyseIn("es", "Según la policía, tres personas resultaron heridas.");
  ASSERT_EQ(segun.a.quotes.size(), 1u);
  EXPECT_EQ(MentionOf(segun, segun.a.quotes[0]), "la policía");
}

TEST(RomanceTest, DetectedFromAParagraph) {
  EXPECT_EQ(Analyse("El ministro dijo el martes que el gobierno no cambiará su política y que "
                    "la reforma será aprobada por el parlamento.")
                .a.language,
            "es");
  EXPECT_EQ(Analyse("Le ministre a déclaré mardi que le gouvernement ne changera pas sa "
                    "politique et que la réforme sera votée par le parlement.")
                .a.language,
            "fr");
  const std::vector<std::string> languages = SupportedLanguages();
  EXPECT_NE(std::find(languages.begin(), languages.end(), "es"), languages.end());
  EXPECT_NE(std::find(languages.begin(), languages.end(), "fr"), languages.end());
}

}  // namespace
}  // namespace attrib
