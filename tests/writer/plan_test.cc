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
  EXPECT_EQ(doc.text(),
            u"\u201CWe are ready,\u201D Horne said.\n\U0001D465 \u201CGo,\u201D an official said.");
  EXPECT_EQ(doc.ParagraphStart(1), 28);
}

TEST_F(PlanTest, MarksLandOnCursorSteps) {
  EditPlan plan = PlanEdits(doc, a, paras);
  ASSERT_EQ(plan.marks.size(), 2u);
  EXPECT_EQ(plan.marks[0].begin, (Position{0, 1}));
  EXPECT_EQ(plan.marks[0].end, (Position{0, 14}));
  EXPECT_EQ(plan.marks[0].quote, 0);
  // Paragraph 1: 𝑥 is 2 units but 1 step, so unit 4 is step 3.
  EXPECT_EQ(plan.marks[1].begin, (Position{1, 3}));
  EXPECT_EQ(plan.marks[1].end, (Position{1, 6}));
  EXPECT_TRUE(plan.skipped.empty());
}

TEST_F(PlanTest, CommentTextSaysSpeakerAndRoleThenKindCueConfidence) {
  EXPECT_EQ(CommentText(doc, a, a.quotes[0]),
            "Emily Horne, spokeswoman for the National Security Council\n"
            "direct quote · cue “said” · high confidence");
  EXPECT_EQ(CommentText(doc, a, a.quotes[1]),
            "Anonymous source (a senior official)\ndirect quote · medium confidence");
  Quote lone;
  lone.kind = QuoteKind::kMixed;
  EXPECT_EQ(CommentText(doc, a, lone), "Unattributed\npartial quote · low confidence");
}

TEST_F(PlanTest, TheRuleOnlyWithDetails) {
  MarkStyle details;
  details.details = true;
  EXPECT_EQ(CommentText(doc, a, a.quotes[0], details),
            "Emily Horne, spokeswoman for the National Security Council\n"
            "direct quote · cue “said” · high confidence\nrule cue-adjacent · score 0.90");
  EditPlan plan = PlanEdits(doc, a, paras, details);
  ASSERT_EQ(plan.marks.size(), 2u);
  EXPECT_NE(plan.marks[1].comment.find("rule cue-nearest · score 0.50"), std::string::npos);
  EXPECT_EQ(PlanEdits(doc, a, paras).marks[1].comment.find("cue-nearest"), std::string::npos);
}

// The editor's settings (logic/settings.h) reach the plan as a MarkStyle.
TEST_F(PlanTest, TheStyleChoosesKindsColoursAndFootnoteWording) {
  MarkStyle style;
  style.direct = false;
  EXPECT_TRUE(PlanEdits(doc, a, paras, style).marks.empty());
  EXPECT_TRUE(PlanEdits(doc, a, paras, style).footnotes.empty());
  a.quotes[1].kind = QuoteKind::kIndirect;
  EditPlan reported = PlanEdits(doc, a, paras, style);
  ASSERT_EQ(reported.marks.size(), 1u);
  EXPECT_EQ(reported.marks[0].quote, 1);
  style.indirect = false;
  EXPECT_TRUE(PlanEdits(doc, a, paras, style).marks.empty());

  MarkStyle single;
  single.speaker_colours = false;
  a.quotes[1].kind = QuoteKind::kDirect;
  EditPlan one = PlanEdits(doc, a, paras, single);
  ASSERT_EQ(one.marks.size(), 2u);
  EXPECT_EQ(one.marks[0].color, one.marks[1].color);
  EditPlan two = PlanEdits(doc, a, paras);
  EXPECT_NE(two.marks[0].color, two.marks[1].color);

  MarkStyle wording;
  wording.footnote_wording["en"] = "Said by {who} ({who}).";
  EXPECT_EQ(FootnoteText(a, a.quotes[0], wording),
            "Said by Emily Horne, spokeswoman for the National Security Council (Emily Horne, "
            "spokeswoman for the National Security Council).");
  a.language = "de";  // no German wording given: the catalogue's
  EXPECT_EQ(FootnoteText(a, a.quotes[1], wording),
            "Zitat zugeschrieben: eine anonyme Quelle (a senior official).");
}

TEST_F(PlanTest, CommentsAndFootnotesInTheAnalysedLanguage) {
  a.language = "de";
  EXPECT_EQ(CommentText(doc, a, a.quotes[0]),
            "Emily Horne, spokeswoman for the National Security Council\n"
            "direktes Zitat · eingeleitet mit „said“ · hohe Sicherheit");
  EXPECT_EQ(FootnoteText(a, a.quotes[1]),
            "Zitat zugeschrieben: eine anonyme Quelle (a senior official).");
  a.language = "fr-CA";
  EXPECT_EQ(FootnoteText(a, a.quotes[0]),
            "Citation attribuée à Emily Horne, spokeswoman for the National Security Council.");
  Claim c;
  c.score = 0.6;
  EXPECT_EQ(ClaimCommentText(a, c), "À vérifier: affirmation · sans source · confiance moyenne");
  a.language = "es";
  EXPECT_EQ(CommentText(doc, a, a.quotes[1]),
            "Fuente anónima (a senior official)\ncita directa · confianza media");
  a.language = "it";  // no catalogue: English
  EXPECT_EQ(FootnoteText(a, a.quotes[1]),
            "Quote attributed to an anonymous source (a senior official).");
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
  EXPECT_EQ(plan.footnotes[0].at.paragraph, 0);
  EXPECT_EQ(plan.footnotes[1].at, (Position{1, 7}));  // after the closing mark
  EXPECT_EQ(plan.footnotes[1].text, "Quote attributed to an anonymous source (a senior official).");
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

// --- claims -----------------------------------------------------------------------------------

TEST_F(PlanTest, ClaimCommentSaysKindsAttributionAndScore) {
  Claim c;
  c.kinds = {ClaimKind::kComparison, ClaimKind::kDatedEvent};
  c.score = 0.871;
  c.unattributed_reason = "no-speaker";
  EXPECT_EQ(ClaimCommentText(a, c),
            "Check: comparison, dated event · unattributed · high confidence");
  c.unattributed_reason = "agentless";
  EXPECT_EQ(ClaimCommentText(a, c),
            "Check: comparison, dated event · unattributed, no agent named · high confidence");
  MarkStyle details;
  details.details = true;
  EXPECT_EQ(ClaimCommentText(a, c, details),
            "Check: comparison, dated event · unattributed, no agent named · high confidence\n"
            "score 0.87");
  c.attributed_to = 0;
  c.unattributed_reason.clear();
  c.kinds = {ClaimKind::kQuantity};
  c.score = 0.5;
  EXPECT_EQ(ClaimCommentText(a, c),
            "Check: numbers · attributed to Emily Horne · medium confidence");
  c.attributed_to = 1;
  c.kinds.clear();
  EXPECT_EQ(
      ClaimCommentText(a, c),
      "Check: claim · attributed to Anonymous source (a senior official) · medium confidence");
}

TEST_F(PlanTest, ClaimsPlannedInStepsWithNamesAndOneComment) {
  Claim c;
  c.id = 0;
  const int32_t p1 = doc.ParagraphStart(1);
  c.span = {p1, p1 + 10};  // 𝑥 “Go,” an: 10 units, 9 steps
  c.score = 0.9;
  a.claims.push_back(c);
  Claim bad;
  bad.id = 1;
  bad.span = {5, 500};
  a.claims.push_back(bad);
  EditPlan plan = PlanEdits(doc, a, paras);
  ASSERT_EQ(plan.claims.size(), 1u);
  EXPECT_EQ(plan.claims[0].claim, 0);
  EXPECT_EQ(plan.claims[0].begin, (Position{1, 0}));
  EXPECT_EQ(plan.claims[0].end, (Position{1, 9}));
  EXPECT_EQ(plan.claims[0].pieces, (std::vector<Piece>{{{1, 0}, {1, 9}}}));
  EXPECT_EQ(plan.claims[0].comment, "Check: claim · unattributed · high confidence");
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_NE(plan.skipped[0].find("claim 1"), std::string::npos);
}

// --- spans across texts (body -> table cell -> body) --------------------------------------------

TEST(SplitByText, OnePiecePerRunOfOneText) {
  auto paras = Paragraphs({u"body one", u"body two", u"cell", u"cell 2", u"body after"});
  paras[2].text_id = 1;
  paras[3].text_id = 2;
  EXPECT_EQ(SplitByText(paras, {0, 5}, {1, 3}), (std::vector<Piece>{{{0, 5}, {1, 3}}}));
  EXPECT_EQ(
      SplitByText(paras, {1, 5}, {4, 4}),
      (std::vector<Piece>{{{1, 5}, {1, 8}}, {{2, 0}, {2, 4}}, {{3, 0}, {3, 6}}, {{4, 0}, {4, 4}}}));
  // A span ending right at the start of the next text has no empty piece there.
  EXPECT_EQ(SplitByText(paras, {1, 5}, {2, 0}), (std::vector<Piece>{{{1, 5}, {1, 8}}}));
  // Starting at the very end of a text: no empty first piece.
  EXPECT_EQ(SplitByText(paras, {1, 8}, {2, 2}), (std::vector<Piece>{{{2, 0}, {2, 2}}}));
}

TEST(SplitByText, QuoteFromBodyIntoCellIsPlannedWhole) {
  auto paras = Paragraphs({u"He said \u201Cwe are", u"ready now\u201D in the cell."});
  paras[1].text_id = 3;
  Document doc = DocumentOf(paras);
  Analysis a;
  Quote q;
  q.content = {9, 16 + 9};  // "we are\nready now" (paragraph 1 starts at 16)
  q.marked = {8, 26};
  a.quotes.push_back(q);
  EditPlan plan = PlanEdits(doc, a, paras);
  ASSERT_EQ(plan.marks.size(), 1u);
  EXPECT_EQ(plan.marks[0].pieces, (std::vector<Piece>{{{0, 9}, {0, 15}}, {{1, 0}, {1, 9}}}));
}

// --- selection ----------------------------------------------------------------------------------

TEST_F(PlanTest, ShiftRestrictAndOffsetForASelection) {
  EditPlan plan = PlanEdits(doc, a, paras);
  ShiftParagraphs(&plan, 5);
  EXPECT_EQ(plan.marks[0].begin, (Position{5, 1}));
  EXPECT_EQ(plan.marks[1].pieces[0].end, (Position{6, 6}));
  EditPlan only_first = plan;
  RestrictTo(&only_first, {5, 0}, {5, 2});  // overlaps quote 0 only
  ASSERT_EQ(only_first.marks.size(), 1u);
  EXPECT_EQ(only_first.marks[0].quote, 0);
  EditPlan touching = plan;
  RestrictTo(&touching, {5, 14}, {6, 0});  // touches quote 0's end: no overlap
  EXPECT_TRUE(touching.marks.empty());
  OffsetIds(&plan, 10, 3);
  EXPECT_EQ(plan.marks[1].quote, 11);
  EXPECT_EQ(plan.marks[0].quote, 10);
}

TEST(Insertions, PositionsReadBeforeFollowThePlaceholders) {
  Insertions ins;
  EXPECT_EQ(ins.Now({2, 5}), (Position{2, 5}));
  ins.Add({2, 5});
  ins.Add({2, 1});
  ins.Add({2, 5});  // two at one place
  ins.Add({4, 0});
  EXPECT_EQ(ins.Now({2, 0}), (Position{2, 0}));
  EXPECT_EQ(ins.Now({2, 1}), (Position{2, 2}));  // what was at 1 is after the placeholder
  EXPECT_EQ(ins.Now({2, 4}), (Position{2, 5}));
  EXPECT_EQ(ins.Now({2, 5}), (Position{2, 8}));
  EXPECT_EQ(ins.Now({2, 9}), (Position{2, 12}));
  EXPECT_EQ(ins.Now({3, 9}), (Position{3, 9}));  // other paragraphs are untouched
  EXPECT_EQ(ins.Now({4, 0}), (Position{4, 1}));
}

TEST(MarksOverlapping, PairsStartsAndEndsByName) {
  auto paras = Paragraphs({u"0123456789", u"0123456789"});
  paras[0].marks = {{"a", 'h', 0, 1, true, false},
                    {"a", 'h', 0, 3, false, true},
                    {"b", 'h', 4, 5, true, false},
                    {"__Annotation__7", 'q', -1, 6, true, false}};
  paras[1].marks = {{"b", 'h', 4, 2, false, true},
                    {"c", 'u', 9, 4, true, false},
                    {"c", 'u', 9, 6, false, true},
                    {"__Annotation__7", 'q', -1, 1, false, true}};
  int max_id = 0;
  EXPECT_EQ(MarksOverlapping(paras, 'h', {0, 4}, {1, 0}, &max_id), (std::set<int>{4}));
  EXPECT_EQ(max_id, 4);
  EXPECT_EQ(MarksOverlapping(paras, 'h', {0, 0}, {1, 9}, &max_id), (std::set<int>{0, 4}));
  EXPECT_EQ(MarksOverlapping(paras, 'u', {0, 0}, {1, 4}, &max_id), (std::set<int>{}));
  EXPECT_EQ(max_id, 9);
  // A comment whose name a format lost: found by its Writer name.
  std::set<std::string> unnamed;
  EXPECT_EQ(MarksOverlapping(paras, 'q', {0, 7}, {0, 8}, &max_id, &unnamed), (std::set<int>{}));
  EXPECT_EQ(unnamed, (std::set<std::string>{"__Annotation__7"}));
  EXPECT_EQ(max_id, -1);
}

}  // namespace
}  // namespace attrib::uno
