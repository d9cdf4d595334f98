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

// --- the language each paragraph is read in ---------------------------------------------------

WriterParagraph SetIn(const std::u16string& text, std::string language, int32_t story = 0) {
  WriterParagraph p = Para(text, story);
  p.language = std::move(language);
  return p;
}

TEST(ParagraphLanguages, WordsDecideThenTheSetLanguageThenTheNeighbours) {
  const std::vector<WriterParagraph> paragraphs = {
      SetIn(u"Bundestag", "de"),  // a headline: too few words, set in German
      SetIn(u"Die Ministerin sagte, dass die Regierung das Gesetz nicht ändern werde.", "en"),
      SetIn(u"", "en"),  // empty, set in English: takes the German before it
      SetIn(u"Le ministre a déclaré que le gouvernement ne changerait pas la loi.", "fr"),
      SetIn(u"Paris", "zxx"),
      SetIn(u"Madrid", "it", 1),  // another story, nothing decides
  };
  EXPECT_EQ(ParagraphLanguages(paragraphs, Options()),
            (std::vector<std::string>{"de", "de", "de", "fr", "fr", ""}));
  Options fixed;
  fixed.language = "es";
  EXPECT_EQ(ParagraphLanguages(paragraphs, fixed), std::vector<std::string>(6, "es"));
  // A short paragraph set in a supported language keeps it; the next story's first paragraph
  // takes the language after it.
  const std::vector<WriterParagraph> short_ones = {
      SetIn(u"Berlin", "fr-FR"), SetIn(u"Kurz", "", 1),
      SetIn(u"Er sagte, dass es nicht so sei und dass er das wisse.", "", 1)};
  EXPECT_EQ(ParagraphLanguages(short_ones, Options()),
            (std::vector<std::string>{"fr", "de", "de"}));
}

// A German paragraph in an English document is read as German: its speaker is found by the
// German data and its comment is worded in German; the English paragraph stays English.
TEST(AnalyseStories, AMixedDocumentIsReadAndWordedPerParagraph) {
  const std::vector<WriterParagraph> paragraphs = {
      SetIn(u"“We are ready,” Emily Horne said on Tuesday.", "en-US"),
      SetIn(u"„Wir sind bereit“, sagte die Ministerin Anna Schmidt am Dienstag in Berlin.",
            "de-DE"),
  };
  std::vector<StoryAnalysis> parts;
  EditPlan plan;
  ASSERT_TRUE(AnalyseStories(paragraphs, Options(), &parts, &plan).ok());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].analysis.language, "en");
  EXPECT_EQ(parts[1].analysis.language, "de");
  EXPECT_EQ(parts[1].first, 1);
  ASSERT_EQ(plan.marks.size(), 2u);
  EXPECT_EQ(plan.marks[0].comment.substr(0, plan.marks[0].comment.find('\n')), "Emily Horne");
  EXPECT_NE(plan.marks[0].comment.find("direct quote"), std::string::npos);
  EXPECT_NE(plan.marks[1].comment.find("Anna Schmidt"), std::string::npos) << plan.marks[1].comment;
  EXPECT_NE(plan.marks[1].comment.find("direktes Zitat"), std::string::npos);
  EXPECT_EQ(plan.marks[1].begin.paragraph, 1);
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
