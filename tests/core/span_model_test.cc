// The content-boundary model (core/src/span_model.h): which boundaries it may move, its
// features, how it moves them, and the embedded model file. The learner is tested in
// rank_learn_test.cc; deterministic training by the train_spans_is_deterministic test.
#include "span_model.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "analysed.h"
#include "attrib/sieves.h"
#include "attrib/text.h"
#include "cue_model.h"
#include "prepare.h"

namespace attrib {
namespace {

struct Input {
  Document doc;
  Prepared p;
  std::vector<Attribution> attributions;
  explicit Input(std::string_view text) {
    EXPECT_TRUE(Document::FromUtf8(text, &doc).ok());
    Prepare(doc.text(), "en", CueRefinement{false, nullptr}, &p);
    Options o;
    o.find_claims = false;
    attributions = Attribute(p.in, DefaultSieves(), o);
  }
  std::string Word(int32_t t) const {
    const Token& k = p.tokens.tokens[t];
    return Utf16ToUtf8(std::u16string_view(doc.text()).substr(k.begin, k.end - k.begin));
  }
  std::string Text(Span s) const {
    return Utf16ToUtf8(std::u16string_view(doc.text()).substr(s.begin, s.size()));
  }
  const Attribution* Reported() const {
    for (const Attribution& a : attributions)
      if (a.kind == QuoteKind::kIndirect) return &a;
    return nullptr;
  }
  size_t ReportedIndex() const { return static_cast<size_t>(Reported() - attributions.data()); }
};

constexpr const char* kReport =
    "Officials said that the plan failed, throwing the city into chaos. The mayor resigned.";

TEST(SpanModelTest, EnglishModelIsEmbeddedAndGermanHasNone) {
  const SpanModel* m = SpanModelFor("en");
  ASSERT_NE(m, nullptr);
  EXPECT_STREQ(m->name, "span-rank:v1");
  EXPECT_GE(m->hash_bits, 12);
  EXPECT_GT(m->scale, 0);
  EXPECT_TRUE(m->refine_end || m->refine_start);
  EXPECT_GE(m->margin, 0);
  int nonzero = 0;
  for (size_t i = 0; i < (size_t{1} << m->hash_bits); ++i) nonzero += m->weights[i] != 0;
  EXPECT_GT(nonzero, 1000);
  EXPECT_EQ(SpanModelFor("de"), nullptr);
}

TEST(SpanModelTest, CandidatesStayInTheSentenceAndOutsideCueAndSpeaker) {
  Input in(kReport);
  const Attribution* a = in.Reported();
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(in.Text(a->content), "the plan failed, throwing the city into chaos");
  std::vector<int32_t> c;
  int32_t current;
  ASSERT_TRUE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions),
                                 in.ReportedIndex(), Boundary::kEnd, &c, &current));
  EXPECT_EQ(in.Word(current), "chaos");
  EXPECT_EQ(in.Word(c.front()), "the");
  EXPECT_EQ(in.Word(c.back()), "chaos");           // never into the next sentence
  for (int32_t t : c) EXPECT_NE(in.Word(t), ",");  // words only
  ASSERT_TRUE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions),
                                 in.ReportedIndex(), Boundary::kStart, &c, &current));
  EXPECT_EQ(in.Word(current), "the");
  EXPECT_EQ(in.Word(c.front()), "that");  // after the cue, never over it or the speaker
  EXPECT_EQ(in.Word(c.back()), "chaos");
}

TEST(SpanModelTest, AnotherReportInTheSentenceBoundsTheContent) {
  // The sieves nest the second report inside the first one's content (PolNeAR does too).
  Input in("Officials said the plan failed and critics argued the city had been warned.");
  ASSERT_EQ(in.attributions.size(), 2u);
  std::vector<int32_t> c;
  int32_t current;
  // The outer content keeps the inner report whole: its start stays before "critics", and its
  // end, at the inner content's end, has nowhere else to go.
  ASSERT_TRUE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions), 0,
                                 Boundary::kStart, &c, &current));
  EXPECT_EQ(in.Word(c.back()), "critics");
  EXPECT_FALSE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions), 0,
                                  Boundary::kEnd, &c, &current));
  // The inner content starts after its cue, never over the outer one's cue.
  ASSERT_TRUE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions), 1,
                                 Boundary::kStart, &c, &current));
  EXPECT_EQ(in.Word(c.front()), "the");
  EXPECT_EQ(in.Word(current), "the");
}

TEST(SpanModelTest, QuotationsAreNotRefined) {
  Input in("“The plan failed,” the mayor said.");
  ASSERT_FALSE(in.attributions.empty());
  std::vector<int32_t> c;
  int32_t current;
  EXPECT_FALSE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions), 0,
                                  Boundary::kEnd, &c, &current));
  EXPECT_TRUE(c.empty());
}

TEST(SpanModelTest, FeaturesAreInRangeAndDependOnTheBoundary) {
  Input in(kReport);
  const Attribution* a = in.Reported();
  ASSERT_NE(a, nullptr);
  std::vector<int32_t> c;
  int32_t current;
  ASSERT_TRUE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions),
                                 in.ReportedIndex(), Boundary::kEnd, &c, &current));
  const std::vector<uint8_t> q = TokensInQuotes(in.p.in);
  std::vector<uint32_t> at_current, at_failed, again, start_side;
  BoundaryFeatures(in.p.in, q, *a, Boundary::kEnd, current, current, 14, &at_current);
  const int32_t failed = c[2];
  ASSERT_EQ(in.Word(failed), "failed");
  BoundaryFeatures(in.p.in, q, *a, Boundary::kEnd, failed, current, 14, &at_failed);
  BoundaryFeatures(in.p.in, q, *a, Boundary::kEnd, failed, current, 14, &again);
  BoundaryFeatures(in.p.in, q, *a, Boundary::kStart, failed, current, 14, &start_side);
  ASSERT_GE(at_current.size(), 15u);
  for (uint32_t f : at_current) EXPECT_LT(f, 1u << 14);
  EXPECT_NE(at_current, at_failed);
  EXPECT_EQ(at_failed, again);
  EXPECT_NE(at_failed, start_side);  // each side has weights of its own
}

// A model whose weights favour one candidate moves the end there, says so in the rule, and
// leaves it when the margin is not met.
TEST(SpanModelTest, RefineMovesTheBoundaryOnlyPastTheMargin) {
  constexpr int kBits = 14;
  Input in(kReport);
  const Attribution* a = in.Reported();
  ASSERT_NE(a, nullptr);
  std::vector<int32_t> c;
  int32_t current;
  ASSERT_TRUE(BoundaryCandidates(in.p.in, in.attributions, IndexSpans(in.p.in, in.attributions),
                                 in.ReportedIndex(), Boundary::kEnd, &c, &current));
  const int32_t failed = c[2];
  std::vector<uint32_t> f;
  BoundaryFeatures(in.p.in, TokensInQuotes(in.p.in), *a, Boundary::kEnd, failed, current, kBits,
                   &f);
  std::vector<int16_t> weights(size_t{1} << kBits, 0);
  for (uint32_t k : f) weights[k] = 100;
  SpanModel m;
  m.name = "span-rank:test";
  m.hash_bits = kBits;
  m.scale = 0.01;
  m.weights = weights.data();
  m.refine_end = true;
  m.margin = 1.0;
  std::vector<Attribution> moved = in.attributions;
  RefineSpans(m, in.p.in, false, &moved);
  const Attribution* r = nullptr;
  for (const Attribution& x : moved)
    if (x.kind == QuoteKind::kIndirect) r = &x;
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(in.Text(r->content), "the plan failed");
  EXPECT_EQ(r->marked.end, r->content.end);
  EXPECT_NE(r->rule.find(" + end span-rank:test "), std::string::npos) << r->rule;

  m.margin = 1e6;
  std::vector<Attribution> kept = in.attributions;
  RefineSpans(m, in.p.in, false, &kept);
  for (size_t i = 0; i < kept.size(); ++i) {
    EXPECT_EQ(kept[i].content.end, in.attributions[i].content.end);
    EXPECT_EQ(kept[i].rule, in.attributions[i].rule);
  }
}

TEST(SpanModelTest, OptionTurnsTheModelOff) {
  const std::string text =
      "Officials said that the plan failed, throwing the city into chaos. Critics argued the "
      "mayor had ignored warnings for years, according to records. She said she would stay.";
  Options off;
  off.span_model = false;
  const Analysed without = Analyse(text, off);
  for (const Quote& q : without.a.quotes)
    EXPECT_EQ(q.rule.find("span-rank"), std::string::npos) << q.rule;
  // With the model every moved boundary is named in its rule, and only reported speech moves.
  const Analysed with = Analyse(text);  // on by default
  ASSERT_EQ(with.a.quotes.size(), without.a.quotes.size());
  for (size_t i = 0; i < with.a.quotes.size(); ++i) {
    const Quote& q = with.a.quotes[i];
    const bool named = q.rule.find("span-rank:v1") != std::string::npos;
    const bool moved = q.content.begin != without.a.quotes[i].content.begin ||
                       q.content.end != without.a.quotes[i].content.end;
    EXPECT_EQ(named, moved) << q.rule;
    if (moved) {
      EXPECT_EQ(q.kind, QuoteKind::kIndirect);
    }
  }
}

// On real text, in both units: every content the model leaves is non-empty, inside the text, and
// its rule says what moved it. (A "that" kept out of a content that was only "that" once gave
// an inverted span, and the JSON writer read past it.)
TEST(SpanModelTest, EveryContentStaysNonEmptyOnRealText) {
  const std::string path = std::string(ATTRIB_SHARED_DIR) + "/data/litbank/litbank.jsonl";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " not found";
  std::string line;
  int moved = 0, docs = 0;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object());
    Document doc;
    ASSERT_TRUE(Document::FromUtf8(j.value("text", std::string()), &doc).ok());
    ++docs;
    for (const bool units : {false, true}) {
      Options o;
      o.find_claims = false;
      o.attribution_units = units;
      Analysis a;
      ASSERT_TRUE(Analyze(doc, o, &a).ok());
      for (const Quote& q : a.quotes) {
        ASSERT_LT(q.content.begin, q.content.end) << q.rule;
        ASSERT_LE(q.content.end, static_cast<int32_t>(doc.text().size()));
        moved += q.rule.find("span-rank") != std::string::npos;
      }
    }
  }
  EXPECT_EQ(docs, 100);
  EXPECT_GT(moved, 0);
}

}  // namespace
}  // namespace attrib
