#include "claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "../../tools/claims_data.h"
#include "attrib/text.h"
#include "claim_features.h"
#include "claims_model.h"

namespace attrib {
namespace {

ClaimCues Cues(std::u16string_view s) {
  ClaimCues c;
  CountClaimCues(s, &c);
  return c;
}

std::vector<ClaimKind> Kinds(std::u16string_view s) {
  return ClaimKindsOf(Cues(s));
}

Document Doc(std::string_view utf8) {
  Document doc;
  EXPECT_TRUE(Document::FromUtf8(utf8, &doc).ok());
  return doc;
}

// Offset of `needle` in the document text, in UTF-16 units.
int32_t At(const Document& doc, std::u16string_view needle) {
  size_t i = doc.text().find(needle);
  EXPECT_NE(i, std::u16string::npos);
  return static_cast<int32_t>(i);
}

TEST(ClaimCuesTest, ComparisonWithAPastYear) {
  ClaimCues c = Cues(u"far beyond what was implemented in 2014");
  EXPECT_EQ(c.comparatives, 1);
  EXPECT_EQ(c.years, 1);
  EXPECT_EQ(c.numbers, 0);
  EXPECT_EQ(Kinds(u"far beyond what was implemented in 2014"),
            (std::vector<ClaimKind>{ClaimKind::kComparison, ClaimKind::kDatedEvent}));
}

TEST(ClaimCuesTest, Quantities) {
  ClaimCues c = Cues(u"We're consuming 50 percent of the world's cocaine.");
  EXPECT_EQ(c.numbers, 1);
  EXPECT_EQ(c.percents, 1);
  EXPECT_EQ(c.first_plural, 1);  // "We're": the apostrophe stays inside the word
  EXPECT_EQ(Cues(u"It costs $4.5 billion, 12% more.").money, 1);
  EXPECT_EQ(Cues(u"It costs $4.5 billion, 12% more.").percents, 1);
  EXPECT_EQ(Cues(u"It costs $4.5 billion, 12% more.").number_words, 1);
  EXPECT_EQ(Kinds(u"It costs $4.5 billion, 12% more."),
            (std::vector<ClaimKind>{ClaimKind::kQuantity, ClaimKind::kComparison}));
}

TEST(ClaimCuesTest, DatesAreNotQuantities) {
  ClaimCues c = Cues(u"At his annual conference on December 23, the president was upset.");
  EXPECT_EQ(c.numbers, 0);    // the day of a date
  EXPECT_EQ(c.dates, 2);      // "December" and "23"
  EXPECT_EQ(c.time_refs, 1);  // "annual"
  EXPECT_EQ(Kinds(u"He left in the 1990s."), (std::vector<ClaimKind>{ClaimKind::kDatedEvent}));
  EXPECT_EQ(Cues(u"He left last year.").time_refs, 1);
}

TEST(ClaimCuesTest, PredictionCausalAndPerfect) {
  EXPECT_EQ(Kinds(u"The Biden Administration will provide all the support Ukraine requires."),
            (std::vector<ClaimKind>{ClaimKind::kPrediction}));
  EXPECT_EQ(Cues(u"They are going to raise taxes.").future, 1);
  EXPECT_EQ(Kinds(u"He recalled the conflict that led to the annexation of California."),
            (std::vector<ClaimKind>{ClaimKind::kCausal}));
  ClaimCues c = Cues(u"President Biden has spoken with leaders and officials have engaged.");
  EXPECT_EQ(c.perfect, 2);
  EXPECT_EQ(c.capitalized, 1);  // "Biden"; the first word does not count
  EXPECT_EQ(Cues(u"I don't think so?").negations, 1);
  EXPECT_EQ(Cues(u"I don't think so?").questions, 1);
  EXPECT_EQ(Cues(u"I don't think so?").opinion, 1);
  EXPECT_EQ(Cues(u"This is the longest war.").superlatives, 1);
  EXPECT_EQ(Cues(u"It is taller than the tower.").comparatives, 1);
  EXPECT_TRUE(Kinds(u"Thank you very much.").empty());
}

TEST(ClaimFeaturesTest, LayoutAndDeterminism) {
  ClaimFeatures a, b;
  ExtractClaimFeatures(u"Unemployment rose 5% in 2019.", 16, &a, nullptr);
  ExtractClaimFeatures(u"Unemployment rose 5% in 2019.", 16, &b, nullptr);
  EXPECT_EQ(a.index, b.index);
  EXPECT_EQ(a.value, b.value);
  ASSERT_EQ(a.index.size(), a.value.size());
  // Dense features first, then 2 n-grams a token + the end bigram: 6 tokens
  // (unemployment rose #n1 % in #year) -> 13 hashed entries.
  size_t dense = 0;
  while (dense < a.index.size() && a.index[dense] < kClaimDenseFeatures) ++dense;
  EXPECT_EQ(a.index.size() - dense, 13u);
  for (size_t i = dense; i < a.index.size(); ++i) {
    EXPECT_GE(a.index[i], static_cast<uint32_t>(kClaimDenseFeatures));
    EXPECT_LT(a.index[i], static_cast<uint32_t>(kClaimDenseFeatures + (1 << 16)));
  }
  // Case does not matter to the n-grams.
  ExtractClaimFeatures(u"UNEMPLOYMENT rose 5% in 2019.", 16, &b, nullptr);
  EXPECT_EQ(std::vector<uint32_t>(a.index.begin() + dense, a.index.end()),
            std::vector<uint32_t>(b.index.end() - 13, b.index.end()));
}

TEST(AgentlessTest, ReportingFrames) {
  EXPECT_TRUE(IsAgentlessReport(
      u"It was added that the Biden Administration will provide all the support."));
  EXPECT_TRUE(IsAgentlessReport(u"It was anticipated that the US and its allies are ready."));
  EXPECT_TRUE(IsAgentlessReport(u"It was insisted that President Biden “will make it clear”."));
  EXPECT_TRUE(IsAgentlessReport(u"It has also been reported that the talks failed."));
  EXPECT_TRUE(IsAgentlessReport(u"It is understood that the deal is off."));
  EXPECT_TRUE(
      IsAgentlessReport(u"Plans to strengthen the position of NATO forces were also indicated."));
  EXPECT_TRUE(
      IsAgentlessReport(u"Talks will resume, but it was anticipated that no draft exists."));
  EXPECT_FALSE(IsAgentlessReport(u"Horne said the talks were useful."));
  EXPECT_FALSE(IsAgentlessReport(u"It was a cold day in Moscow."));
  EXPECT_FALSE(IsAgentlessReport(u"The plans were announced by the ministry."));
  EXPECT_FALSE(IsAgentlessReport(u"It is important that we act."));
  EXPECT_FALSE(IsAgentlessReport(u""));
}

// The engine scores without building a feature vector (ScoreClaimFeatures); its result must be
// bit-identical to the model applied to ExtractClaimFeatures, which the trainer uses.
TEST(ScoreSentenceTest, FusedScoreMatchesExtractedFeatures) {
  const ClaimModel& m = EnglishClaimModel();
  for (std::u16string_view s :
       {std::u16string_view(u"We spent $4 trillion on the war in Iraq between 2003 and 2008."),
        std::u16string_view(u"Thank you very much, it is good to be here with you tonight!"),
        std::u16string_view(
            u"UNEMPLOYMENT rose 5% in the 1990s, the Caf\u00E9 owner\u2019s data shows."),
        std::u16string_view(u"It was added that the talks won\u2019t resume until December 23."),
        std::u16string_view(u"He asked."), std::u16string_view(u"")}) {
    ClaimFeatures f;
    ClaimCues cues;
    ExtractClaimFeatures(s, m.hash_bits, &f, &cues);
    double expected = 0.0;
    if (!TooShortForClaim(cues)) {
      double z = m.bias;
      for (size_t i = 0; i < f.index.size(); ++i) {
        if (f.index[i] < static_cast<uint32_t>(m.num_weights)) {
          z += static_cast<double>(m.weights[f.index[i]]) * m.scale * f.value[i];
        }
      }
      expected = 1.0 / (1.0 + std::exp(-z));
    }
    ClaimCues fused_cues;
    EXPECT_EQ(
        ScoreClaimFeatures(s, m.hash_bits, m.weights, m.num_weights, m.bias, m.scale, &fused_cues),
        expected);
    EXPECT_EQ(ScoreSentence(s), expected);
    EXPECT_EQ(fused_cues.words, cues.words);
    EXPECT_EQ(fused_cues.agentless, cues.agentless);
  }
}

TEST(ScoreSentenceTest, RangeAndOrder) {
  const double fact =
      ScoreSentence(u"We spent $4 trillion on the war in Iraq between 2003 and 2008.");
  const double chat =
      ScoreSentence(u"Thank you very much, it is good to be here with you tonight.");
  const double opinion = ScoreSentence(u"I think that my opponent is a very nice person.");
  const double cut = Options().claim_threshold;
  EXPECT_GT(fact, cut);
  EXPECT_LT(chat, cut);
  EXPECT_LT(opinion, cut);
  EXPECT_GT(fact, chat);
  for (double s : {fact, chat, opinion}) {
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
  }
  // Adding a statistic to a sentence makes it more check-worthy, not less.
  EXPECT_GT(ScoreSentence(u"Crime in this city went up by 40 percent in the last four years."),
            ScoreSentence(u"Crime in this city is something people talk about."));
  EXPECT_EQ(ScoreSentence(u""), 0.0);
  EXPECT_EQ(ScoreSentence(u"He asked."), 0.0);  // too short for a claim
}

// The model file: raw weights and bias, the Platt calibration and the CV cut are separate
// constants; the scorer applies the calibration to the raw logit. The editor default is not the
// CV cut: it is fixed at even odds (0.5), whatever the training chose.
TEST(ScoreSentenceTest, CalibrationOfTheRawLogit) {
  const ClaimModel& m = EnglishClaimModel();
  EXPECT_GT(m.calibration_a, 0.0);
  EXPECT_EQ(Options().claim_threshold, 0.5);
  EXPECT_GT(m.cut, 0.0);
  EXPECT_LT(m.cut, 1.0);
  std::vector<std::pair<double, double>> raw_and_score;
  for (std::u16string_view s :
       {std::u16string_view(u"We spent $4 trillion on the war in Iraq between 2003 and 2008."),
        std::u16string_view(u"Thank you very much, it is good to be here with you tonight!"),
        std::u16string_view(u"I think that my opponent is a very nice person."),
        std::u16string_view(u"Crime in this city went up by 40 percent in the last four years."),
        std::u16string_view(u"Crime in this city is something people talk about."),
        std::u16string_view(u"The governor will cut taxes for the middle class next year.")}) {
    ClaimFeatures f;
    ClaimCues cues;
    ExtractClaimFeatures(s, m.hash_bits, &f, &cues);
    ASSERT_FALSE(TooShortForClaim(cues));
    double z = m.raw_bias;
    for (size_t i = 0; i < f.index.size(); ++i) {
      if (f.index[i] < static_cast<uint32_t>(m.num_weights)) {
        z += static_cast<double>(m.weights[f.index[i]]) * m.raw_scale * f.value[i];
      }
    }
    const double calibrated = 1.0 / (1.0 + std::exp(-(m.calibration_a * z + m.calibration_b)));
    EXPECT_NEAR(ScoreSentence(s), calibrated, 1e-12);
    raw_and_score.emplace_back(z, ScoreSentence(s));
  }
  // Monotone in the raw logit.
  std::sort(raw_and_score.begin(), raw_and_score.end());
  for (size_t i = 1; i < raw_and_score.size(); ++i) {
    EXPECT_LE(raw_and_score[i - 1].second, raw_and_score[i].second);
  }
}

TEST(FindClaimsTest, AttributedToTheCoveringQuote) {
  Document doc = Doc("“Unemployment has doubled since 2019, costing 3 million jobs,” Horne said.");
  Quote q;
  q.content = Span{1, At(doc, u",” Horne")};
  q.marked = Span{0, q.content.end + 2};
  q.speaker = 0;
  q.cue = Span{At(doc, u"said"), At(doc, u"said") + 4};
  Speaker horne;
  horne.name = "Emily Horne";
  std::vector<Claim> claims = FindClaims(doc, {q}, {horne}, Options());
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].id, 0);
  EXPECT_EQ(claims[0].span, (Span{0, static_cast<int32_t>(doc.text().size())}));
  EXPECT_EQ(claims[0].attributed_to, 0);
  EXPECT_EQ(claims[0].unattributed_reason, "");
  EXPECT_EQ(claims[0].rule, "logreg:v2");
  EXPECT_EQ(claims[0].kinds, (std::vector<ClaimKind>{ClaimKind::kQuantity, ClaimKind::kComparison,
                                                     ClaimKind::kDatedEvent}));
  // Without the quote nobody stands behind it.
  claims = FindClaims(doc, {}, {}, Options());
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].attributed_to.has_value());
  EXPECT_EQ(claims[0].unattributed_reason, "no-speaker");
  // A quote with a speaker id that is not in `speakers` attributes nothing.
  claims = FindClaims(doc, {q}, {}, Options());
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].unattributed_reason, "no-speaker");
}

TEST(FindClaimsTest, LongQuotesAndPresplitSentences) {
  Document doc =
      Doc("“Exports fell 20 percent in 2020. Imports rose 12 percent in 2021. "
          "Debt doubled since 2019,” Horne said. The fund lost $4 billion in 2022, Price said.");
  const auto end_of = [&](std::u16string_view s) {
    return At(doc, s) + static_cast<int32_t>(s.size());
  };
  Quote horne, price, inner;
  horne.content = Span{1, end_of(u"since 2019")};
  horne.speaker = 0;
  price.content = Span{At(doc, u"The fund"), end_of(u"in 2022")};
  price.speaker = 1;
  inner.content =
      Span{At(doc, u"rose 12"), end_of(u"rose 12")};  // a short quote inside the long one
  inner.speaker = 1;
  std::vector<Speaker> speakers(2);
  // Unordered on purpose: FindClaims does not rely on the order of `quotes`.
  std::vector<Claim> claims = FindClaims(doc, {price, inner, horne}, speakers, Options());
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].attributed_to, 0);
  EXPECT_EQ(claims[1].attributed_to, 0);  // the long quote covers more of it than the short one
  EXPECT_EQ(claims[2].attributed_to, 0);
  EXPECT_EQ(claims[3].attributed_to, 1);
  // Pre-split sentences: only those given are scored; spans outside the text are ignored.
  const Span second = claims[1].span;
  claims = FindClaims(doc, {second, Span{-5, 3}, Span{0, 100000}}, {horne}, speakers, Options());
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].span, second);
  EXPECT_EQ(claims[0].attributed_to, 0);
}

TEST(FindClaimsTest, AgentlessFrames) {
  Document doc =
      Doc("It was added that the government will spend $5 billion on new roads by 2025.\n"
          "The agency said crime rose 12 percent in 2021 compared with 2020.");
  Quote agentless;  // what the quote engine reports for the second sentence, minus a speaker
  agentless.kind = QuoteKind::kIndirect;
  agentless.content = Span{At(doc, u"crime rose"), static_cast<int32_t>(doc.text().size()) - 1};
  agentless.marked = agentless.content;
  agentless.agentless = true;
  std::vector<Claim> claims = FindClaims(doc, {agentless}, {}, Options());
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].unattributed_reason, "agentless");
  EXPECT_FALSE(claims[0].attributed_to.has_value());
  EXPECT_EQ(claims[1].unattributed_reason, "agentless");
  EXPECT_EQ(claims[1].id, 1);
  EXPECT_LT(claims[0].span.end, claims[1].span.begin);
}

TEST(FindClaimsTest, OptionsAndEmptyInput) {
  EXPECT_TRUE(FindClaims(Document(), {}, {}, Options()).empty());
  EXPECT_TRUE(FindClaims(Doc(""), {}, {}, Options()).empty());
  EXPECT_TRUE(FindClaims(Doc("\n\n  \n"), {}, {}, Options()).empty());
  Document doc =
      Doc("Unemployment rose 12 percent in 2021. Thank you all for coming tonight, friends.");
  Options options;
  EXPECT_EQ(FindClaims(doc, {}, {}, options).size(), 1u);
  options.claim_threshold = 0.0;
  EXPECT_EQ(FindClaims(doc, {}, {}, options).size(), 2u);
  options.claim_threshold = 1.01;
  EXPECT_TRUE(FindClaims(doc, {}, {}, options).empty());
  options = Options();
  options.find_claims = false;
  EXPECT_TRUE(FindClaims(doc, {}, {}, options).empty());
  options = Options();
  options.language = "de";  // the model is English
  EXPECT_TRUE(FindClaims(doc, {}, {}, options).empty());
  options.language = "en-GB";
  EXPECT_EQ(FindClaims(doc, {}, {}, options).size(), 1u);
}

TEST(FindClaimsTest, HugeInputStaysInBounds) {
  std::string big;
  for (int i = 0; i < 20000; ++i) {
    big += "In 2019 the deficit rose by 40 percent to $3 trillion, the highest ever. Thanks! ";
    if (i % 50 == 49) big += "\n";
  }
  big += "\n";
  big += std::string(300000, 'a');  // one 300k-unit "word", no sentence break
  big += " 12% " + std::string(1000, '?');
  Document doc = Doc(big);
  std::vector<Claim> claims = FindClaims(doc, {}, {}, Options());
  EXPECT_GE(claims.size(), 20000u);
  int32_t last = -1;
  for (const Claim& c : claims) {
    EXPECT_LT(last, c.span.begin);
    EXPECT_LE(c.span.end, static_cast<int32_t>(doc.text().size()));
    EXPECT_GE(c.score, Options().claim_threshold);
    EXPECT_LE(c.score, 1.0);
    last = c.span.begin;
  }
}

// The figures of ../shared/eval/score.py ("claims", check-worthy class) on a .jsonl file.
claims_data::ClaimTally Evaluate(const std::vector<claims_data::ClaimDoc>& docs) {
  claims_data::ClaimTally tally;
  for (const claims_data::ClaimDoc& d : docs) {
    Document doc;
    if (!Document::FromUtf8(d.text, &doc).ok()) continue;
    const std::vector<int32_t> cp = Utf16ToCodePointOffsets(doc.text());
    std::vector<std::pair<int64_t, int64_t>> pred;
    for (const Claim& c : FindClaims(doc, {}, {}, Options()))
      pred.emplace_back(cp[c.span.begin], cp[c.span.end]);
    tally.Add(d.claims, pred);
  }
  return tally;
}

TEST(ClaimsFloorTest, DevF1AtLeast75) {
  const std::string path = std::string(ATTRIB_SHARED_DIR) + "/data/claims/en_dev.jsonl";
  std::vector<claims_data::ClaimDoc> docs;
  if (!std::ifstream(path)) GTEST_SKIP() << path << " not found";
  ASSERT_TRUE(claims_data::ReadClaimDocs(path, &docs));
  ASSERT_GT(docs.size(), 1000u);
  claims_data::ClaimTally t = Evaluate(docs);
  EXPECT_GE(t.F1(), 75.0) << "P " << t.P() << " R " << t.R();
}

TEST(ClaimsFloorTest, SeedArticle) {
  const std::string dir = std::string(ATTRIB_SHARED_DIR) + "/seed/";
  std::ifstream text_in(dir + "000_d813c8b742cb7243.txt"),
      gold_in(dir + "000_d813c8b742cb7243.gold.json");
  if (!text_in || !gold_in) GTEST_SKIP() << "seed article not found in " << dir;
  std::stringstream text, gold;
  text << text_in.rdbuf();
  gold << gold_in.rdbuf();
  nlohmann::json g = nlohmann::json::parse(gold.str(), nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(g.is_object());
  claims_data::ClaimDoc doc;
  doc.text = text.str();
  doc.claims = claims_data::GoldClaimsOf(g);
  ASSERT_EQ(doc.claims.size(), 6u);
  claims_data::ClaimTally t = Evaluate({doc});
  EXPECT_GE(t.tp_gold, 5) << "annotated claims found";
  EXPECT_LE(t.n_pred, 15) << "claims marked";
}

}  // namespace
}  // namespace attrib

namespace attrib {
namespace {

// Analyze() scores claims over its own tokens; the trainer and ScoreSentence tokenize each
// sentence alone. Both must see the same features, also around words the two token kinds cut
// differently (U.S., 1990s, build-up, n't with ’, 10bn, emoji, non-ASCII letters).
TEST(ClaimTokensTest, EngineTokensScoreLikeTheSentenceAlone) {
  const Document doc = Doc(
      "The U.S. economy grew 3.5% in the 1990s, a build-up that didn\u2019t last.\n"
      "Officials said 10bn euros were spent \U0001F600and Z\u00FCrich’s budget rose by 1,000,000.\n"
      "We will cut taxes by 20 percent next year, Smith-Jones said. Really? Yes!");
  const std::u16string& text = doc.text();
  const Tokens tokens = Tokenize(text);
  const ClaimModel& m = EnglishClaimModel();
  int compared = 0;
  for (const Tokens::Sentence& s : SentenceRanges(text, tokens)) {
    const Span span{tokens.tokens[s.first].begin, tokens.tokens[s.last - 1].end};
    ClaimCues a, b;
    const double alone =
        ScoreClaimFeatures(std::u16string_view(text).substr(span.begin, span.size()), m.hash_bits,
                           m.weights, m.num_weights, m.bias, m.scale, &a);
    const double shared =
        ScoreClaimTokens(text, tokens.tokens.data() + s.first, tokens.tokens.data() + s.last,
                         m.hash_bits, m.weights, m.num_weights, m.bias, m.scale, &b);
    EXPECT_DOUBLE_EQ(alone, shared) << Utf16ToUtf8(text.substr(span.begin, span.size()));
    EXPECT_EQ(a.words, b.words);
    EXPECT_EQ(a.numbers, b.numbers);
    EXPECT_EQ(a.years, b.years);
    EXPECT_EQ(a.negations, b.negations);
    ++compared;
  }
  EXPECT_EQ(compared, 5);
  Options o;
  EXPECT_EQ(FindClaims(doc, {}, {}, o).size(),
            FindClaims(doc, tokens, SentenceRanges(text, tokens), {}, {}, o).size());
}

}  // namespace
}  // namespace attrib
