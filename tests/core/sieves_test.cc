// One test per attribution sieve (core/src/sieves/), each run alone on a minimal text, and the
// registry's contract: Options::sieves runs exactly the named sieves, in order within a stage.
#include "attrib/sieves.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analysed.h"

namespace attrib {
namespace {

// The text analysed with only `sieves`; the first quote of `kind`, or nullptr.
struct OneQuote {
  Analysed r;
  const Quote* q = nullptr;
};
OneQuote RunSieves(std::string_view text, std::vector<std::string> sieves, QuoteKind kind) {
  Options o;
  o.sieves = std::move(sieves);
  o.span_model = false;  // the sieves' own boundaries
  OneQuote out{Analyse(text, o)};
  for (const Quote& q : out.r.a.quotes)
    if (q.kind == kind) {
      out.q = &q;
      break;
    }
  return out;
}

#define EXPECT_ATTRIBUTED(run, rule_name, speaker_text, content_text) \
  do {                                                                \
    ASSERT_NE((run).q, nullptr);                                      \
    EXPECT_EQ((run).q->rule, rule_name);                              \
    ASSERT_TRUE((run).q->speaker_mention.has_value());                \
    EXPECT_EQ((run).r.Text(*(run).q->speaker_mention), speaker_text); \
    EXPECT_EQ((run).r.Text((run).q->content), content_text);          \
  } while (0)

TEST(SieveRegistryTest, EveryDefaultSieveIsKnownAndUnknownNamesAreRefused) {
  EXPECT_EQ(DefaultSieves().size(), 14u);
  for (const std::string& s : DefaultSieves()) EXPECT_TRUE(IsKnownSieve(s)) << s;
  EXPECT_FALSE(IsKnownSieve("cue-after-quotes"));
  Options o;
  o.sieves = {"cue-after-quote", "cue-after-quotes"};
  Document doc;
  Analysis a;
  Status s = Analyze(doc, o, &a);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cue-after-quotes"), std::string::npos);
  EXPECT_NE(s.message().find("turn-continuation"), std::string::npos);  // lists the known ones
}

TEST(SieveRegistryTest, UnsupportedLanguageIsAnError) {
  Options o;
  o.language = "xx";
  Document doc;
  Analysis a;
  Status s = Analyze(doc, o, &a);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("en"), std::string::npos);
  o.language = "en-GB";
  EXPECT_TRUE(Analyze(doc, o, &a).ok());
  EXPECT_FALSE(SupportedLanguages().empty());
}

TEST(SieveRegistryTest, OnlyTheNamedSievesRun) {
  const char* text = "“We are ready,” Horne said.";
  OneQuote none = RunSieves(text, {"paragraph-lead"}, QuoteKind::kDirect);
  ASSERT_NE(none.q, nullptr);
  EXPECT_EQ(none.q->rule, "none");
  EXPECT_FALSE(none.q->speaker.has_value());
  OneQuote report =
      RunSieves("Horne said that the talks failed.", {"cue-after-quote"}, QuoteKind::kIndirect);
  EXPECT_EQ(report.q, nullptr);
}

TEST(SieveRegistryTest, OrderDecidesWithinAStage) {
  const char* text = "“We are ready,” Horne said.";
  OneQuote after_first =
      RunSieves(text, {"cue-after-quote", "cue-in-sentence"}, QuoteKind::kDirect);
  OneQuote in_first = RunSieves(text, {"cue-in-sentence", "cue-after-quote"}, QuoteKind::kDirect);
  ASSERT_NE(after_first.q, nullptr);
  ASSERT_NE(in_first.q, nullptr);
  EXPECT_EQ(after_first.q->rule, "cue-after-quote");
  EXPECT_EQ(in_first.q->rule, "cue-in-sentence");
  EXPECT_EQ(after_first.r.SpeakerOf(*after_first.q), "Horne");
  EXPECT_EQ(in_first.r.SpeakerOf(*in_first.q), "Horne");
}

TEST(SieveRegistryTest, ReportSieveOrderMatters) {
  // Two sieves read "X, in Ohio, said Mike Pence." differently: indirect-trailing as a report
  // of "X, in Ohio" by Mike Pence, indirect-that as "said [Mike Pence]" by X. The first in
  // Options::sieves decides; the default order puts the trailing speaker first.
  const char* text = "The governor, in Ohio, said Mike Pence.";
  OneQuote trailing_first =
      RunSieves(text, {"indirect-trailing", "indirect-that"}, QuoteKind::kIndirect);
  EXPECT_ATTRIBUTED(trailing_first, "indirect-trailing", "Mike Pence", "The governor, in Ohio");
  OneQuote that_first =
      RunSieves(text, {"indirect-that", "indirect-trailing"}, QuoteKind::kIndirect);
  EXPECT_ATTRIBUTED(that_first, "indirect-that", "The governor", "Mike Pence");
  OneQuote defaults = RunSieves(text, DefaultSieves(), QuoteKind::kIndirect);
  ASSERT_NE(defaults.q, nullptr);
  EXPECT_EQ(defaults.q->rule, "indirect-trailing");
}

// Direct quotations.

TEST(SieveTest, CueAfterQuote) {
  OneQuote r =
      RunSieves("“We are ready,” said Ned Price.", {"cue-after-quote"}, QuoteKind::kDirect);
  EXPECT_ATTRIBUTED(r, "cue-after-quote", "Ned Price", "We are ready,");
}

TEST(SieveTest, CueBeforeQuote) {
  OneQuote r = RunSieves("Horne added: “We are ready for the talks.”", {"cue-before-quote"},
                         QuoteKind::kDirect);
  EXPECT_ATTRIBUTED(r, "cue-before-quote", "Horne", "We are ready for the talks.");
}

TEST(SieveTest, CueInSentence) {
  OneQuote r = RunSieves("“We are ready for the talks,” was all that Horne said.",
                         {"cue-in-sentence"}, QuoteKind::kDirect);
  EXPECT_ATTRIBUTED(r, "cue-in-sentence", "Horne", "We are ready for the talks,");
}

TEST(SieveTest, TurnContinuation) {
  OneQuote r = RunSieves("“We are ready,” Horne said. “We have been ready for weeks.”",
                         {"cue-after-quote", "turn-continuation"}, QuoteKind::kDirect);
  ASSERT_EQ(r.r.a.quotes.size(), 2u);
  const Quote& second = r.r.a.quotes[1];
  EXPECT_EQ(second.rule, "turn-continuation");
  EXPECT_EQ(r.r.SpeakerOf(second), "Horne");
}

TEST(SieveTest, SubjectAfterQuote) {
  OneQuote r = RunSieves("“I will always love you,” Blige sings to the crowd.",
                         {"subject-after-quote"}, QuoteKind::kDirect);
  EXPECT_ATTRIBUTED(r, "subject-after-quote", "Blige", "I will always love you,");
}

TEST(SieveTest, ParagraphLead) {
  OneQuote r = RunSieves("Horne told reporters on Tuesday. “We are ready for the talks.”",
                         {"paragraph-lead"}, QuoteKind::kDirect);
  EXPECT_ATTRIBUTED(r, "paragraph-lead", "Horne", "We are ready for the talks.");
}

// Reported speech.

TEST(SieveTest, IndirectThat) {
  OneQuote r = RunSieves("The minister said that the talks had failed.", {"indirect-that"},
                         QuoteKind::kIndirect);
  EXPECT_ATTRIBUTED(r, "indirect-that", "The minister", "the talks had failed");
}

TEST(SieveTest, IndirectTrailing) {
  OneQuote r = RunSieves("The talks have failed, the minister said.", {"indirect-trailing"},
                         QuoteKind::kIndirect);
  EXPECT_ATTRIBUTED(r, "indirect-trailing", "the minister", "The talks have failed");
}

TEST(SieveTest, AccordingTo) {
  OneQuote r = RunSieves("According to the ministry, the talks have failed.", {"according-to"},
                         QuoteKind::kIndirect);
  EXPECT_ATTRIBUTED(r, "according-to", "the ministry", "the talks have failed");
}

TEST(SieveTest, Agentless) {
  OneQuote r =
      RunSieves("It was added that the talks had failed.", {"agentless"}, QuoteKind::kIndirect);
  ASSERT_NE(r.q, nullptr);
  EXPECT_EQ(r.q->rule, "agentless");
  EXPECT_TRUE(r.q->agentless);
  EXPECT_FALSE(r.q->speaker.has_value());
  EXPECT_EQ(r.r.Text(r.q->content), "the talks had failed");
}

TEST(SieveTest, ColonFrame) {
  Options o;
  o.language = "de";
  o.sieves = {"colon-frame"};
  Analysed r = Analyse("Bundeskanzler Olaf Scholz lobte die Einigung mit den Worten: „Das ist ein "
                       "guter Tag für Europa.“",
                       o);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].rule, "colon-frame");
  ASSERT_TRUE(r.a.quotes[0].speaker_mention.has_value());
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "Bundeskanzler Olaf Scholz");
  // No colon right before the quotation: not this sieve's.
  Analysed other = Analyse("Bundeskanzler Olaf Scholz lobte die Einigung. „Das ist gut.“", o);
  ASSERT_EQ(other.a.quotes.size(), 1u);
  EXPECT_EQ(other.a.quotes[0].rule, "none");
}

TEST(SieveTest, VerbObject) {
  EXPECT_ATTRIBUTED(RunSieves("Sanders supports raising the minimum wage, his aides say.",
                              {"verb-object"}, QuoteKind::kIndirect),
                    "verb-object", "Sanders", "raising the minimum wage");
  // The preposition after the cue is not content; "but" ends the phrase.
  EXPECT_ATTRIBUTED(RunSieves("The governor complained about the delays but praised the staff.",
                              {"verb-object"}, QuoteKind::kIndirect),
                    "verb-object", "The governor", "the delays");
  // No subject right before the cue (a cue word inside a noun phrase): no attribution.
  EXPECT_EQ(RunSieves("The endorsement of the sheriff, a hard man, supports nothing.",
                      {"verb-object"}, QuoteKind::kIndirect)
                .q,
            nullptr);
  // What a "that" clause is, indirect-that takes first.
  EXPECT_ATTRIBUTED(RunSieves("Officials said that the plan failed.",
                              {"indirect-that", "verb-object"}, QuoteKind::kIndirect),
                    "indirect-that", "Officials", "the plan failed");
}

// Sentences without a cue.

TEST(SieveTest, ReportedContinuationInTheSubjunctive) {
  Options o;
  o.language = "de";
  o.sieves = {"indirect-that", "reported-continuation"};
  Analysed r = Analyse(
      "Ein Sprecher der Polizei sagte, dass der Mann festgenommen worden sei. Er habe keinen "
      "Widerstand geleistet. Die Straße wurde am Abend wieder freigegeben.",
      o);
  ASSERT_EQ(r.a.quotes.size(), 2u);  // the third sentence is the reporter's: indicative
  const Quote& continued = r.a.quotes[1];
  EXPECT_EQ(continued.rule, "reported-continuation");
  EXPECT_EQ(r.Text(continued.content), "Er habe keinen Widerstand geleistet");
  EXPECT_EQ(continued.speaker, r.a.quotes[0].speaker);
  ASSERT_TRUE(continued.speaker.has_value());
  o.sieves = {"indirect-that"};
  EXPECT_EQ(Analyse("Ein Sprecher sagte, dass der Mann festgenommen worden sei. Er habe nichts "
                    "gesagt.",
                    o)
                .a.quotes.size(),
            1u);
  o.language = "en";  // English has no subjunctive list: the sieve never fires
  o.sieves = {"indirect-that", "reported-continuation"};
  EXPECT_EQ(Analyse("The spokesman said that the man was arrested. He offered no resistance.", o)
                .a.quotes.size(),
            1u);
}

TEST(SieveTest, ConsecutiveContinuationsAreOneReport) {
  Options o;
  o.language = "de";
  Analysed r = Analyse(
      "Der Sprecher sagte, dass der Mann festgenommen worden sei. Er habe keinen Widerstand "
      "geleistet. Die Ermittlungen seien nicht abgeschlossen. Am Abend regnete es.",
      o);
  ASSERT_EQ(r.a.quotes.size(), 2u);  // the indicative last sentence is the reporter's
  EXPECT_EQ(r.Text(r.a.quotes[1].content),
            "Er habe keinen Widerstand geleistet. Die Ermittlungen seien nicht abgeschlossen");
  EXPECT_EQ(r.a.quotes[1].rule, "reported-continuation");
}

TEST(SieveTest, GermanCommaClauseReport) {
  Options o;
  o.language = "de";
  o.sieves = {"indirect-that"};
  Analysed r = Analyse("Stoiber sagte heute in Berlin, die Union benötige die SPD.", o);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(r.a.quotes[0].content), "die Union benötige die SPD");
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[0]), "Stoiber");
}

// Quoted fragments.

TEST(SieveTest, MixedFragmentTakesTheReportsSpeaker) {
  OneQuote r = RunSieves("The minister said the talks were “a total failure” on Monday.",
                         {"indirect-that", "mixed-fragment"}, QuoteKind::kMixed);
  ASSERT_NE(r.q, nullptr);
  EXPECT_EQ(r.q->rule, "mixed-fragment");
  EXPECT_EQ(r.r.Text(r.q->content), "a total failure");
  EXPECT_EQ(r.r.SpeakerOf(*r.q), "The minister");
  OneQuote without = RunSieves("The minister said the talks were “a total failure” on Monday.",
                               {"indirect-that"}, QuoteKind::kMixed);
  EXPECT_EQ(without.q, nullptr);  // no fragment sieve: the fragment is not reported
}

// German capitalises every noun: one quoted noun after a cue is a fragment, not a title; a
// fragment whose cue comes after it takes the subject after the verb.
TEST(SieveTest, MixedFragmentOfOneGermanNounAndWithTheCueAfter) {
  Options o;
  o.language = "de";
  o.span_model = false;
  Analysed r = Analyse(
      "Der SPD-Politiker Dieter Wiefelspütz nannte den Bericht eine „Zeitungsente“. Von "
      "„mutwilliger Täuschung“ sprechen die Medien.",
      o);
  std::vector<const Quote*> mixed;
  for (const Quote& q : r.a.quotes)
    if (q.kind == QuoteKind::kMixed) mixed.push_back(&q);
  ASSERT_EQ(mixed.size(), 2u);
  EXPECT_EQ(r.Text(mixed[0]->content), "Zeitungsente");
  // (The name keeps "SPD-Politiker": German compound role nouns are not split yet.)
  EXPECT_NE(r.SpeakerOf(*mixed[0]).find("Dieter Wiefelspütz"), std::string::npos);
  EXPECT_EQ(r.Text(mixed[1]->content), "mutwilliger Täuschung");
  ASSERT_TRUE(mixed[1]->speaker_mention.has_value());
  EXPECT_EQ(r.Text(*mixed[1]->speaker_mention), "die Medien");
  // In English a one-word capitalised quotation with no cue stays a title or name.
  Analysed en = Analyse("The film “Casablanca” was shown again.");
  for (const Quote& q : en.a.quotes) EXPECT_NE(q.kind, QuoteKind::kMixed);
}

TEST(SieveTest, MixedFragmentWithoutACueTakesTheClauseSubject) {
  // "konstatierte" is no cue of the German lexicon: the clause's subject is the speaker.
  Options o;
  o.language = "de";
  o.sieves = {"mixed-fragment"};
  o.span_model = false;
  Analysed r = Analyse(
      "Der Bundespräsident konstatierte eine wachsende „Kluft zwischen Arm und Reich“.", o);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].rule, "mixed-fragment");
  ASSERT_TRUE(r.a.quotes[0].speaker_mention.has_value());
  EXPECT_EQ(r.Text(*r.a.quotes[0].speaker_mention), "Der Bundespräsident");
}

}  // namespace
}  // namespace attrib
