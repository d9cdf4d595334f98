// AnalyseStories / DropLocked (logic/stories.h): each story analysed by itself, ids unique across
// stories, what lies in locked paragraphs dropped and said. The real engine, no soffice.
#include <gtest/gtest.h>

#include "logic/stories.h"

namespace attrib::uno {
namespace {

WriterParagraph Para(const std::u16string& text, int32_t story, std::string locked = "") {
  WriterParagraph p;
  p.map.Append(PieceKind::kText, text);
  p.story = story;
  p.text_id = story;
  p.footnotes_allowed = story == 0;
  p.locked = std::move(locked);
  return p;
}

// The body leaves a quote open at its end; the header's quote marks are its own. Analysed as
// one text, the engine would run the body's quote on into the header.
TEST(AnalyseStories, AQuoteLeftOpenInTheBodyDoesNotRunIntoTheNextStory) {
  std::vector<WriterParagraph> paragraphs = {
      Para(u"\u201CWe are ready,\u201D Emily Horne said.", 0),
      Para(u"Horne said: \u201CWe will see", 0),
      Para(u"the vote,\u201D the editor said.", 1),
  };
  std::vector<StoryAnalysis> parts;
  EditPlan plan;
  ASSERT_TRUE(AnalyseStories(paragraphs, Options(), &parts, &plan).ok());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].first, 0);
  EXPECT_EQ(parts[1].first, 2);
  EXPECT_EQ(parts[1].input.text(), u"the vote,\u201D the editor said.");
  for (const PlannedMark& m : plan.marks) {
    for (const Piece& p : m.pieces) {
      EXPECT_EQ(p.begin.paragraph == 2, p.end.paragraph == 2) << "a mark crosses stories";
    }
  }
}

TEST(AnalyseStories, IdsFollowOnFromStoryToStoryAndPositionsAreTheDocuments) {
  std::vector<WriterParagraph> paragraphs = {
      Para(u"\u201CWe are ready,\u201D Emily Horne said.", 0),
      Para(u"\u201CHeaders are text,\u201D the editor said.", 1),
      Para(u"\u201CFrames too,\u201D the designer said.", 2),
  };
  std::vector<StoryAnalysis> parts;
  EditPlan plan;
  ASSERT_TRUE(AnalyseStories(paragraphs, Options(), &parts, &plan).ok());
  ASSERT_EQ(parts.size(), 3u);
  ASSERT_EQ(plan.marks.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(plan.marks[i].quote, i);
    EXPECT_EQ(parts[i].quote_base, i);
    EXPECT_EQ(plan.marks[i].begin, (Position{i, 1}));
  }
  EXPECT_EQ(plan.marks[1].comment.substr(0, plan.marks[1].comment.find('\n')), "the editor");
  // Footnotes only where allowed: the body.
  ASSERT_EQ(plan.footnotes.size(), 1u);
  EXPECT_EQ(plan.footnotes[0].at.paragraph, 0);
  EXPECT_EQ(plan.skipped.size(), 2u);  // the header's and the frame's footnote, said so
}

TEST(DropLocked, MarksInLockedParagraphsGoAndAreSaidOncePerStoryAndLock) {
  std::vector<WriterParagraph> paragraphs = {
      Para(u"\u201CWe are ready,\u201D Emily Horne said.", 0),
      Para(u"\u201CNothing here may change,\u201D the lawyer said.", 0,
           "protected section 'Legal'"),
      Para(u"\u201CShapes talk,\u201D he said.", 1, "drawing shape"),
  };
  std::vector<StoryAnalysis> parts;
  EditPlan plan;
  ASSERT_TRUE(AnalyseStories(paragraphs, Options(), &parts, &plan).ok());
  ASSERT_EQ(plan.marks.size(), 3u);
  ASSERT_EQ(plan.footnotes.size(), 2u);
  std::vector<SkippedStory> skipped = DropLocked(&plan, paragraphs, {"body", "shape 'S'"});
  ASSERT_EQ(plan.marks.size(), 1u);
  EXPECT_EQ(plan.marks[0].begin.paragraph, 0);
  ASSERT_EQ(plan.footnotes.size(), 1u);
  EXPECT_EQ(plan.footnotes[0].at.paragraph, 0);
  for (const PlannedClaim& c : plan.claims) EXPECT_EQ(c.begin.paragraph, 0);
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0].story, "body");
  EXPECT_EQ(skipped[0].reason.rfind("protected section 'Legal': 1 quote", 0), 0u)
      << skipped[0].reason;
  EXPECT_NE(skipped[0].reason.find("1 footnote not marked"), std::string::npos)
      << skipped[0].reason;
  EXPECT_EQ(skipped[1], (SkippedStory{"shape 'S'", "drawing shape: 1 quote not marked"}));
}

TEST(DropLocked, APieceInALockedParagraphGoesTheRestStays) {
  EditPlan plan;
  PlannedMark m;
  m.quote = 4;
  m.pieces = {{{0, 0}, {0, 5}}, {{1, 0}, {1, 3}}};
  plan.marks.push_back(m);
  std::vector<WriterParagraph> paragraphs = {Para(u"ab cd", 0), Para(u"efg", 1, "protected frame")};
  std::vector<SkippedStory> skipped = DropLocked(&plan, paragraphs, {"body", "frame 'F'"});
  ASSERT_EQ(plan.marks.size(), 1u);
  EXPECT_EQ(plan.marks[0].pieces, (std::vector<Piece>{{{0, 0}, {0, 5}}}));
  EXPECT_EQ(skipped,
            (std::vector<SkippedStory>{{"frame 'F'", "protected frame: 1 quote not marked"}}));
}

TEST(DropLocked, NothingLockedNothingSaid) {
  EditPlan plan;
  PlannedMark m;
  m.pieces = {{{0, 0}, {0, 2}}};
  plan.marks.push_back(m);
  EXPECT_TRUE(DropLocked(&plan, {Para(u"ab", 0)}, {"body"}).empty());
  EXPECT_EQ(plan.marks.size(), 1u);
}

}  // namespace
}  // namespace attrib::uno
