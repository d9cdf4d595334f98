// The cue model (core/src/cue_model.h): its file format, features and how it refines the
// lexicon's cues. The learner itself is tested in claims_learn_test.cc; that training is
// deterministic by the train_cues_is_deterministic test.
#include "cue_model.h"

#include <gtest/gtest.h>

#include <string>

#include "analysed.h"
#include "attrib/text.h"
#include "prepare.h"

namespace attrib {
namespace {

struct Input {
  Document doc;
  Prepared p;
  explicit Input(std::string_view text) {
    EXPECT_TRUE(Document::FromUtf8(text, &doc).ok());
    Prepare(doc.text(), "en", CueRefinement{false, nullptr}, &p);
  }
  int32_t TokenOf(std::string_view word) const {
    for (size_t i = 0; i < p.tokens.tokens.size(); ++i) {
      const Token& t = p.tokens.tokens[i];
      if (Utf16ToUtf8(std::u16string_view(doc.text()).substr(t.begin, t.end - t.begin)) == word)
        return static_cast<int32_t>(i);
    }
    return -1;
  }
};

TEST(CueModelTest, EnglishModelIsEmbeddedAndGermanHasNone) {
  const CueModel* m = CueModelFor("en");
  ASSERT_NE(m, nullptr);
  EXPECT_STREQ(m->name, "cue-logreg:v1");
  EXPECT_GE(m->hash_bits, 12);
  EXPECT_GT(m->scale, 0);
  EXPECT_LT(m->keep_cut, m->add_cut);
  EXPECT_EQ(CueModelFor("de"), nullptr);
  // The vocabulary holds the words cues are made of, not the frequent function words.
  Input in("He said that the plan failed, according to officials.");
  EXPECT_TRUE(m->InVocabulary(in.p.tokens.tokens[in.TokenOf("said")].hash));
  EXPECT_FALSE(m->InVocabulary(in.p.tokens.tokens[in.TokenOf("the")].hash));
}

TEST(CueModelTest, FeaturesAreInRangeAndDependOnContext) {
  Input a("Critics see the deal as a betrayal.");
  Input b("We will see the movie tomorrow.");
  const std::vector<uint8_t> qa = TokensInQuotes(a.p.in), qb = TokensInQuotes(b.p.in);
  std::vector<uint32_t> fa, fb;
  CueTokenFeatures(a.p.in, qa, a.TokenOf("see"), 14, &fa);
  CueTokenFeatures(b.p.in, qb, b.TokenOf("see"), 14, &fb);
  ASSERT_GE(fa.size(), 10u);
  for (uint32_t f : fa) EXPECT_LT(f, 1u << 14);
  EXPECT_EQ(fa[0], fb[0]);  // the word itself
  EXPECT_NE(fa, fb);        // its neighbours differ
  std::vector<uint32_t> again;
  CueTokenFeatures(a.p.in, qa, a.TokenOf("see"), 14, &again);
  EXPECT_EQ(fa, again);
}

TEST(CueModelTest, QuotationContentIsMarked) {
  Input in("He said: \u201cWe won.\u201d Then he left.");
  const std::vector<uint8_t> q = TokensInQuotes(in.p.in);
  EXPECT_EQ(q[in.TokenOf("won")], 1);
  EXPECT_EQ(q[in.TokenOf("left")], 0);
}

TEST(CueModelTest, RefineKeepsLexiconCuesTheModelAcceptsAndAddsLearnedOnes) {
  const CueModel& m = *CueModelFor("en");
  Input in(
      "The senator has also said in a statement that the plan failed. "
      "Critics see the deal as a betrayal.");
  std::vector<double> scores;
  const std::vector<Cue> cues = RefineCues(m, in.p.in, &scores);
  ASSERT_EQ(scores.size(), in.p.tokens.tokens.size());
  const Cue* said = nullptr;
  const Cue* see = nullptr;
  for (const Cue& c : cues) {
    if (c.first == in.TokenOf("said")) said = &c;
    if (c.first == in.TokenOf("see")) see = &c;
    // No learned cue inside or next to a lexicon cue ("has also", "in a statement").
    if (c.learned_by) {
      EXPECT_GT(c.first, in.TokenOf("failed"));
    }
  }
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->learned_by, nullptr);
  EXPECT_GE(said->model_score, m.keep_cut);
  ASSERT_NE(see, nullptr);
  EXPECT_STREQ(see->learned_by, m.name);
  EXPECT_GE(see->model_score, m.add_cut);
  for (size_t k = 1; k < cues.size(); ++k) EXPECT_LT(cues[k - 1].first, cues[k].first);
}

TEST(CueModelTest, RefineDropsALexiconCueTheModelRejects) {
  // A model whose every weight is zero scores 0.5 everywhere: with keep_cut above it, every
  // lexicon cue goes; with add_cut above it, nothing is added.
  std::vector<int16_t> zero(1 << 10, 0);
  CueModel m;
  m.hash_bits = 10;
  m.scale = 1;
  m.weights = zero.data();
  m.keep_cut = 0.6;
  m.add_cut = 0.7;
  Input in("Officials said the plan failed.");
  ASSERT_FALSE(in.p.cues.empty());
  EXPECT_TRUE(RefineCues(m, in.p.in).empty());
  m.keep_cut = 0.4;
  EXPECT_EQ(RefineCues(m, in.p.in).size(), in.p.cues.size());
}

TEST(CueModelTest, AnAttributionThroughALearnedCueNamesTheModel) {
  Analysed r = Analyse("Critics see the deal as a betrayal.");
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.Text(*r.a.quotes[0].cue), "see");
  EXPECT_EQ(r.SpeakerOf(r.a.quotes[0]), "Critics");
  EXPECT_NE(r.a.quotes[0].rule.find("cue-logreg:v1"), std::string::npos) << r.a.quotes[0].rule;
}

TEST(CueModelTest, HashSetFindsWhatWasBuiltAndNothingElse) {
  const uint64_t keys[] = {3, 17, 0xdeadbeefULL, 1ULL << 40};
  HashSet64 set;
  set.Build(keys, 4);
  for (uint64_t k : keys) EXPECT_TRUE(set.Has(k));
  EXPECT_FALSE(set.Has(4));
  EXPECT_FALSE(set.Has(0));
  HashSet64 empty;
  EXPECT_FALSE(empty.Has(3));
}

}  // namespace
}  // namespace attrib
