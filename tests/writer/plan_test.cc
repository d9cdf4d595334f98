// PlanEdits: engine result -> planned marks and footnotes, in Writer cursor steps.
#include "logic/plan.h"

#include <gtest/gtest.h>

namespace attrib::uno {
namespace {

std::vector<WriterParagraph> Paragraphs(std::initializer_list<std::u16string> texts) {
  std::vector<WriterParagraph> out;
  for (const auto& t : texts) {
    WriterParagraph p;
    p.map.Append(PieceKind::kText, t);
    out.push_back(std::move(p));
  }
  return out;
}

Analysis HorneAnalysis() {
  Analysis a;
  Speaker horne;
  horne.id = 0;
  horne.name = "Emily Horne";
  horne.role = "spokeswoman for the National Security Council";
  a.speakers.push_back(horne);
  Speaker anon;
  anon.id = 1;
  anon.name = "a senior official";
  anon.anonymous = true;
  a.speakers.push_back(anon);
  return a;
}

// Paragraph 0: “We are ready,” Horne said.   Paragraph 1: 𝑥 “Go,” an official said.
class PlanTest : public ::testing::Test {
 protected:
  std::vector<WriterParagraph> paras = Paragraphs(
      {u"\u201CWe are ready,\u201D Horne said.", u"\U0001D465 \u201CGo,\u201D an official said."});
  Document doc = DocumentOf(paras);
  Analysis a = HorneAnalysis();

  void SetUp() override {
    Quote q0;
    q0.id = 0;
    q0.content = {1, 14};  // We are ready,
    q0.marked = {0, 15};
    q0.speaker = 0;
    q0.cue = Span{22, 26};  // said
    q0.confidence = 0.9;
    q0.rule = "cue-adjacent";
    a.quotes.push_back(q0);
    Quote q1;
    q1.id = 1;
    const int32_t p1 = doc.ParagraphStart(1);  // 28
    q1.content = {p1 + 4, p1 + 7};             // Go,  (after 𝑥, space, “)
    q1.marked = {p1 + 3, p1 + 8};
    q1.speaker = 1;
    q1.kind = QuoteKind::kDirect;
    q1.confidence = 0.5;
    q1.rule = "cue-nearest";
    a.quotes.push_back(q1);
  }
};

TEST_F(PlanTest, DocumentIsTheParagraphsJoined) {
  EXPECT_EQ(doc.text(), u"\u201CWe are ready,\u201D Horne said.\n\U0001D465 \u201CGo,\u201D an official said.");
  EXPECT_EQ(doc.ParagraphStart(1), 28);
}

TEST_F(PlanTest, MarksLandOnCursorSteps) {
  EditPlan plan = PlanEdits(doc, a, paras);
  ASSERT_EQ(plan.marks.size(), 2u);
  EXPECT_EQ(plan.marks[0].begin, (Position{0, 1}));
  EXPECT_EQ(plan.marks[0].end, (Position{0, 14}));
  EXPECT_EQ(plan.marks[0].name, "attrib:q0");
  // Paragraph 1: 𝑥 is 2 units but 1 step, so unit 4 is step 3.
  EXPECT_EQ(plan.marks[1].begin, (Position{1, 3}));
  EXPECT_EQ(plan.marks[1].end, (Position{1, 6}));
  EXPECT_TRUE(plan.skipped.empty());
}

TEST_F(PlanTest, CommentTextNamesSpeakerThenDetails) {
  EXPECT_EQ(CommentText(doc, a, a.quotes[0]),
            "Emily Horne\nspokeswoman for the National Security Council · said · direct · 0.90 · "
            "cue-adjacent");
  EXPECT_EQ(CommentText(doc, a, a.quotes[1]),
            "Anonymous — a senior official\ndirect · 0.50 · cue-nearest");
  Quote lone;
  lone.kind = QuoteKind::kMixed;
  EXPECT_EQ(CommentText(doc, a, lone), "Unattributed\nmixed · 0.00");
}

TEST_F(PlanTest, ColoursPerSpeakerNeutralAndLighterForReported) {
  Quote q = a.quotes[0];
  uint32_t horne = QuoteColor(q);
  EXPECT_NE(horne, QuoteColor(a.quotes[1]));
  q.kind = QuoteKind::kIndirect;
  uint32_t reported = QuoteColor(q);
  EXPECT_NE(reported, horne);
  for (int shift : {0, 8, 16}) {  // lighter: every channel moved towards white
    EXPECT_GE((reported >> shift) & 0xFF, (horne >> shift) & 0xFF);
  }
  q.speaker.reset();
  q.kind = QuoteKind::kDirect;
  EXPECT_EQ(QuoteColor(q), 0xD9D9D9u);
}

TEST_F(PlanTest, OneFootnotePerSpeakerTurnAfterItsLastQuote) {
  Quote again = a.quotes[0];  // a second Horne quote later in paragraph 0
  again.id = 2;
  again.content = {17, 22};
  again.marked = {17, 22};
  a.quotes.insert(a.quotes.begin() + 1, again);
  EditPlan plan = PlanEdits(doc, a, paras);
  ASSERT_EQ(plan.footnotes.size(), 2u);
  EXPECT_EQ(plan.footnotes[0].at, (Position{0, 22}));
  EXPECT_EQ(plan.footnotes[0].text,
            "Quote attributed to Emily Horne, spokeswoman for the National Security Council.");
  EXPECT_EQ(plan.footnotes[0].name, "attrib:f0.0");
  EXPECT_EQ(plan.footnotes[1].at, (Position{1, 7}));  // after the closing mark
  EXPECT_EQ(plan.footnotes[1].text,
            "Quote attributed to an anonymous source (a senior official).");
}

TEST_F(PlanTest, FootnotesSkippedWhereWriterForbidsThem) {
  paras[1].footnotes_allowed = false;
  EditPlan plan = PlanEdits(doc, a, paras);
  ASSERT_EQ(plan.footnotes.size(), 1u);
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_NE(plan.skipped[0].find("quote 1"), std::string::npos);
}

TEST_F(PlanTest, UnattributedQuotesGetNoFootnoteAndBadSpansAreSkipped) {
  a.quotes[1].speaker.reset();
  Quote bad;
  bad.id = 7;
  bad.content = {40, 400};
  a.quotes.push_back(bad);
  EditPlan plan = PlanEdits(doc, a, paras);
  EXPECT_EQ(plan.marks.size(), 2u);
  EXPECT_EQ(plan.footnotes.size(), 1u);
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_NE(plan.skipped[0].find("quote 7"), std::string::npos);
}

TEST(MapSpan, SpanEndingAtParagraphEndStaysInIt) {
  auto paras = Paragraphs({u"abc", u"de"});
  Document doc = DocumentOf(paras);
  Position b, e;
  MapSpan(doc, paras, Span{1, 3}, &b, &e);
  EXPECT_EQ(b, (Position{0, 1}));
  EXPECT_EQ(e, (Position{0, 3}));
  MapSpan(doc, paras, Span{2, 6}, &b, &e);  // across the paragraph break
  EXPECT_EQ(b, (Position{0, 2}));
  EXPECT_EQ(e, (Position{1, 2}));
}

}  // namespace
}  // namespace attrib::uno
