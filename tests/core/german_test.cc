// German (core/data/de/): cue lexicon, „…“ »…« ‚…‘ quotation marks, speakers, through the API.
#include <gtest/gtest.h>

#include "analysed.h"
#include "attrib/attrib.h"
#include "attrib/text.h"
#include "cues.h"
#include "lexicon.h"
#include "quote_marks.h"
#include "tokens.h"

namespace attrib {
namespace {

Analysed AnalyseDe(std::string_view text) {
  Options o;
  o.language = "de";
  return Analyse(text, o);
}

TEST(GermanTest, LanguageDataIsEmbedded) {
  const LanguageData* de = GetLanguageData("de-DE");
  ASSERT_NE(de, nullptr);
  EXPECT_EQ(de->language, "de");
  EXPECT_NE(de->speech, 0u);
  EXPECT_NE(de->source, 0u);
  EXPECT_NE(de->pron_m, 0u);
  EXPECT_NE(de->title, 0u);
}

TEST(GermanTest, GermanQuotationMarks) {
  std::u16string text =
      u"\u201EWir sind bereit\u201C, sagte er. \u00BBNie\u00AB, rief sie. \u201AGut\u2018, meinte "
      u"er.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(text.substr(q[0].content.begin, q[0].content.size()), u"Wir sind bereit");
  EXPECT_EQ(text.substr(q[1].content.begin, q[1].content.size()), u"Nie");
  EXPECT_EQ(text.substr(q[2].content.begin, q[2].content.size()), u"Gut");
}

TEST(GermanTest, CueLexicon) {
  Document doc;
  ASSERT_TRUE(
      Document::FromUtf8(
          "Er sagte, daß es regne. Sie fügte hinzu, es sei kalt. Laut Müller ist es warm.", &doc)
          .ok());
  Tokens t = Tokenize(doc.text());
  SplitTokenSentences(doc.text(), {}, &t);
  const LanguageData* de = GetLanguageData("de");
  ASSERT_NE(de, nullptr);
  std::vector<Cue> cues = FindCues(t, *de, nullptr);
  std::vector<std::string> found;
  for (const Cue& c : cues) {
    found.push_back(
        Utf16ToUtf8(std::u16string_view(doc.text()).substr(c.span.begin, c.span.size())));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"sagte", "fügte hinzu", "Laut"}));
}

TEST(GermanTest, DirectQuotesAndSpeakers) {
  Analysed r =
      AnalyseDe("„Wir sind bereit“, sagte der Minister. »Das ist falsch«, meinte Herr Müller.");
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.Text(r.a.quotes[0].content), "Wir sind bereit");
  EXPECT_EQ(r.a.quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[0]), "der Minister");
  EXPECT_EQ(r.Text(r.a.quotes[1].content), "Das ist falsch");
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[1]), "Müller");
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

TEST(GermanIndirectTest, CommaBeforeDassAndZufolge) {
  Options o;
  o.language = "de";
  Analysed r = Analyse(
      "Der Minister erklärte, daß die Lage ernst sei. "
      "Dem Bericht der Polizei zufolge wurden drei Personen verletzt.",
      o);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.Text(r.a.quotes[0].content), "die Lage ernst sei");
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "Der Minister");
  EXPECT_EQ(r.Text(r.a.quotes[1].content), "wurden drei Personen verletzt");
  EXPECT_EQ(r.Text(*r.a.quotes[1].cue), "zufolge");
  EXPECT_EQ(r.a.quotes[1].rule, "according-to");
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

// The first quote whose content is `content`, or nullptr.
const Quote* QuoteWithContent(const Analysed& r, std::string_view content) {
  for (const Quote& q : r.a.quotes)
    if (r.Text(q.content) == content) return &q;
  return nullptr;
}

TEST(GermanSourcesTest, LautInsideTheSentenceReportsTheWholeSentence) {
  Analysed r = AnalyseDe("Ein Tatverdacht bestehe laut der Bundesanwaltschaft nicht mehr.");
  const Quote* q =
      QuoteWithContent(r, "Ein Tatverdacht bestehe laut der Bundesanwaltschaft nicht mehr");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->rule, "according-to");
  ASSERT_TRUE(q->speaker_mention.has_value());
  EXPECT_EQ(r.Text(*q->speaker_mention), "der Bundesanwaltschaft");
}

TEST(GermanSourcesTest, NachCitesOnlyWithASourceNoun) {
  Analysed r = AnalyseDe("Nach Angaben der Polizei wurden drei Menschen verletzt.");
  const Quote* q = QuoteWithContent(r, "wurden drei Menschen verletzt");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(r.Text(*q->cue), "Nach");
  EXPECT_EQ(r.Text(*q->speaker_mention), "Angaben der Polizei");
  Analysed postposition = AnalyseDe("Seiner Meinung nach hätte die Aufsicht abraten müssen.");
  const Quote* p = QuoteWithContent(postposition, "hätte die Aufsicht abraten müssen");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(postposition.Text(*p->speaker_mention), "Seiner Meinung");
  // "nach Berlin" is a place, not a source.
  EXPECT_TRUE(AnalyseDe("Nach dem Spiel fuhr die Mannschaft nach Berlin zurück.").a.quotes.empty());
}

TEST(GermanSourcesTest, SoAfterACommaNamesTheSpeaker) {
  Analysed r = AnalyseDe("„Wir sind bereit“, so der Minister am Montag.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].rule, "cue-after-quote");
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "der Minister");
  // "so" elsewhere is an adverb.
  EXPECT_TRUE(AnalyseDe("Das Wetter war so schlecht wie nie.").a.quotes.empty());
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

TEST(GermanWordOrderTest, AFrontedAdverbialPutsTheSubjectAfterTheVerb) {
  Analysed r = AnalyseDe("Am Montag sagte der Minister, dass die Lage ernst sei.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "der Minister");
  Analysed reflexive = AnalyseDe("Dabei äußerte sich Merkel zufrieden: „Wir haben viel erreicht.“");
  ASSERT_FALSE(reflexive.a.quotes.empty());
  EXPECT_EQ(reflexive.SpeakerOf(reflexive.a.quotes[0]), "Merkel");
}

TEST(GermanWordOrderTest, AnAuxiliaryIsTheFiniteVerb) {
  // Not "einem Interview": the subject stands before "hatte".
  Analysed r = AnalyseDe("Glos hatte in einem Interview gesagt, die Fraktionen müssten mitreden.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "Glos");
  EXPECT_EQ(r.Text(r.a.quotes[0].content), "die Fraktionen müssten mitreden");
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

TEST(GermanSeparableVerbTest, TheParticleMayEndTheClause) {
  Analysed r = AnalyseDe(
      "Der Minister trat zurück. „Es ist ausschließlich dieser private Grund“, teilte er am "
      "Abend mit.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].rule, "cue-after-quote");
  EXPECT_EQ(r.Text(*r.a.quotes[0].cue), "teilte er am Abend mit");
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[0]), "Der Minister");
  // "mit" opening a phrase is a preposition, not the particle.
  EXPECT_TRUE(AnalyseDe("Er teilte das Brot mit dem Hund.").a.quotes.empty());
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

TEST(GermanImpersonalTest, HeisstEsHasNoAgentButMayNameItsSource) {
  Analysed r = AnalyseDe("„Wir prüfen den Fall“, hieß es in einer Erklärung des Ministeriums.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(*r.a.quotes[0].cue), "hieß es");
  ASSERT_TRUE(r.a.quotes[0].speaker_mention.has_value());
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "einer Erklärung des Ministeriums");
  Analysed bare = AnalyseDe("Die Lage sei ernst, heißt es.");
  ASSERT_EQ(bare.a.quotes.size(), 1u);
  EXPECT_TRUE(bare.a.quotes[0].agentless);
  EXPECT_FALSE(bare.a.quotes[0].speaker.has_value());  // never the speaker "es"
  EXPECT_EQ(bare.Text(bare.a.quotes[0].content), "Die Lage sei ernst");
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

TEST(GermanSourcesTest, ASourceCueAfterAQuoteIsNotItsCue) {
  Analysed r = AnalyseDe(
      "Er sagte: „Der Bär ist außer Rand und Band.“ Der Abschuss soll laut Schnappauf aus "
      "Sicherheitsgründen erfolgen.");
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.a.quotes[0].rule, "cue-before-quote");
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[1]), "Schnappauf");
  EXPECT_EQ(r.a.quotes[1].rule, "according-to");
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

TEST(GermanSourcesTest, TheSpeakerOfASourceNounIsItsComplement) {
  Analysed r = AnalyseDe("Nach Angaben ihrer Partei gebe es im Bundestag eine Mehrheit.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "Angaben ihrer Partei");  // as annotated
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[0]), "Partei");  // what the editor reads
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

// A preposition opening the sentence is no part of a name ("Laut Verkehrsbetrieben"), and a
// single capitalised word after a genitive link complements the role ("ein Sprecher der
// Verkehrsbetriebe" is no person named "Verkehrsbetriebe").
TEST(GermanTest, SourcesAfterLautAndRoleComplements) {
  Analysed laut = AnalyseDe("Laut Verkehrsbetrieben kostet das neue Netz mehr.");
  ASSERT_EQ(laut.a.quotes.size(), 1u);
  EXPECT_EQ(laut.SpeakerOf(laut.a.quotes[0]), "Verkehrsbetrieben");
  Analysed spokesman =
      AnalyseDe("Ein Sprecher der Verkehrsbetriebe sagte, man habe dreißig Fahrer eingestellt.");
  ASSERT_EQ(spokesman.a.quotes.size(), 1u);
  ASSERT_TRUE(spokesman.a.quotes[0].speaker);
  const Speaker& s = spokesman.a.speakers[*spokesman.a.quotes[0].speaker];
  EXPECT_EQ(s.name, "Ein Sprecher der Verkehrsbetriebe");
  EXPECT_TRUE(s.role.empty()) << s.role;
}

}  // namespace
}  // namespace attrib
