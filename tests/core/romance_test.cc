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

TEST(FrenchTest, AVerbThatCarriesItsSubject) {
  Analysed r = AnalyseIn("fr",
                         "Rachida Dati a annoncé un plan pour les théâtres.\n"
                         "« La culture doit être accessible partout », a-t-elle souligné.\n"
                         "« Il ne faut pas crier victoire », dit-elle.");
  ASSERT_EQ(r.a.quotes.size(), 3u);
  EXPECT_EQ(r.a.quotes[1].rule, "cue-after-quote");
  EXPECT_EQ(MentionOf(r, r.a.quotes[1]), "a-t-elle");
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[1]), "Rachida Dati");
  EXPECT_EQ(MentionOf(r, r.a.quotes[2]), "dit-elle");
  EXPECT_EQ(r.Text(*r.a.quotes[1].cue), "a-t-elle souligné");  // the auxiliary belongs to it
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[2]), "Rachida Dati");
}

TEST(FrenchTest, AQuotationEndingItsSentenceLeavesTheNextReportAlone) {
  Analysed r = AnalyseIn("fr",
                         "Le président a déclaré : « Nous ne céderons pas. » Le ministre a "
                         "ajouté que la France proposerait un mécanisme.");
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.a.quotes[0].rule, "cue-before-quote");
  EXPECT_EQ(MentionOf(r, r.a.quotes[0]), "Le président");
  EXPECT_EQ(r.Text(r.a.quotes[1].content), "la France proposerait un mécanisme");
  EXPECT_EQ(MentionOf(r, r.a.quotes[1]), "Le ministre");
}

TEST(FrenchTest, ANameComplementingARoleIsNotThePerson) {
  Analysed r = AnalyseIn("fr", "La ministre de la Culture, Rachida Dati, a annoncé un plan.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[0]), "Rachida Dati");
}

TEST(RomanceTest, ADayAfterTheSpeakerIsNotPartOfTheName) {
  // "mardi" after an inverted subject is when, not who (words.txt category `time`).
  Analysed fr = AnalyseIn("fr",
                          "« Nous irons jusqu'au bout », a déclaré la Première ministre "
                          "Élisabeth Borne mardi à Paris.");
  ASSERT_EQ(fr.a.quotes.size(), 1u);
  EXPECT_EQ(fr.SpeakerOf(fr.a.quotes[0]), "Élisabeth Borne");
  Analysed before = AnalyseIn("fr",
                              "« Nous irons jusqu'au bout », a déclaré mardi la Première "
                              "ministre, Élisabeth Borne.");
  ASSERT_EQ(before.a.quotes.size(), 1u);
  EXPECT_EQ(before.SpeakerOf(before.a.quotes[0]), "Élisabeth Borne");
  Analysed es = AnalyseIn("es", "«Estamos listos», dijo Pedro Sánchez ayer en Madrid.");
  ASSERT_EQ(es.a.quotes.size(), 1u);
  EXPECT_EQ(es.SpeakerOf(es.a.quotes[0]), "Pedro Sánchez");
  Analysed en = AnalyseIn("en", "“We are ready,” said John Smith Tuesday.");
  ASSERT_EQ(en.a.quotes.size(), 1u);
  EXPECT_EQ(en.SpeakerOf(en.a.quotes[0]), "John Smith");
}

TEST(RomanceTest, ALinkThatHoldsItsArticleJoinsTheSourceNounPhrase) {
  // "des" = de + les, "del" = de + el: the noun after them needs no article of its own.
  Analysed fr = AnalyseIn("fr", "Selon la régie des transports, le réseau coûtera plus cher.");
  ASSERT_EQ(fr.a.quotes.size(), 1u);
  EXPECT_EQ(MentionOf(fr, fr.a.quotes[0]), "la régie des transports");
  EXPECT_EQ(fr.Text(fr.a.quotes[0].content), "le réseau coûtera plus cher");
  Analysed es = AnalyseIn("es", "Según el portavoz del ministerio, la red costará más.");
  ASSERT_EQ(es.a.quotes.size(), 1u);
  EXPECT_EQ(MentionOf(es, es.a.quotes[0]), "el portavoz del ministerio");
  // A single capitalised word after the link complements the noun: no person "Santé".
  Analysed health = AnalyseIn("fr", "Selon le ministère de la Santé, le réseau coûtera plus.");
  ASSERT_EQ(health.a.quotes.size(), 1u);
  EXPECT_EQ(health.SpeakerOf(health.a.quotes[0]), "le ministère de la Santé");
}

TEST(SpanishTest, ADroppedSubjectIsTheSpeakerBefore) {
  Analysed r =
      AnalyseIn("es",
                "Su abogado, Javier Gómez, ha dicho que recurrirán la sentencia. «Mi cliente es "
                "inocente», ha insistido.\nExplicó que el juicio durará meses.");
  ASSERT_EQ(r.a.quotes.size(), 3u);
  for (const Quote& q : r.a.quotes) EXPECT_EQ(r.SpeakerOf(q), "Javier Gómez") << q.rule;
  EXPECT_EQ(r.Text(*r.a.quotes[1].cue), "ha insistido");
}

TEST(SpanishTest, TheObjectOfAColonFrameIsNotItsSpeaker) {
  Analysed r = AnalyseIn("es",
                         "Yolanda Díaz celebró los datos en redes sociales: «Hoy hay más "
                         "gente trabajando que nunca».");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].rule, "cue-before-quote");
  EXPECT_EQ(MentionOf(r, r.a.quotes[0]), "Yolanda Díaz");
}

TEST(RomanceTest, DialogueDashesOpenTurns) {
  Analysed es = AnalyseIn("es",
                          "— ¿Habrá acuerdo antes del viernes? —preguntó un periodista.\n"
                          "— Estamos muy cerca, contestó el negociador europeo.");
  ASSERT_EQ(es.a.quotes.size(), 2u);
  EXPECT_EQ(es.Text(es.a.quotes[0].content), "¿Habrá acuerdo antes del viernes?");
  EXPECT_EQ(MentionOf(es, es.a.quotes[0]), "un periodista");
  EXPECT_EQ(es.Text(es.a.quotes[1].content), "Estamos muy cerca");
  EXPECT_EQ(MentionOf(es, es.a.quotes[1]), "el negociador europeo");
  Analysed fr = AnalyseIn("fr", "— Vous avez menti ! s'est exclamé un député.");
  ASSERT_EQ(fr.a.quotes.size(), 1u);
  EXPECT_EQ(fr.a.quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(fr.Text(fr.a.quotes[0].content), "Vous avez menti !");
  EXPECT_EQ(MentionOf(fr, fr.a.quotes[0]), "un député");
  // English has no dialogue dashes: an opening dash opens no quotation.
  for (const Quote& q : AnalyseIn("en", "— We are close, said the negotiator.").a.quotes)
    EXPECT_NE(q.kind, QuoteKind::kDirect);
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
