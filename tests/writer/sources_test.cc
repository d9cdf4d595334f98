// logic/sources.h: the sources report's rows from the stories' analyses, and its CSV / JSON.
#include "logic/sources.h"

#include <gtest/gtest.h>

namespace attrib::uno {
namespace {

WriterParagraph Para(const std::u16string& text, int32_t story) {
  WriterParagraph p;
  p.map.Append(PieceKind::kText, text);
  p.story = story;
  p.text_id = story;
  return p;
}

TEST(Sources, OneRowPerSpeakerAcrossStoriesWithCounts) {
  const std::vector<WriterParagraph> paragraphs = {
      Para(u"\u201CWe are ready to talk,\u201D said Jane Doe, the mayor of Springfield.", 0),
      Para(u"Doe said that the city would not raise taxes this year.", 0),
      Para(u"An official said that the budget was \u201Cunder control\u201D.", 0),
      Para(u"\u201CTaxes stay where they are,\u201D said Jane Doe, the mayor of Springfield.", 1),
  };
  std::vector<StoryAnalysis> parts;
  EditPlan plan;
  ASSERT_TRUE(AnalyseStories(paragraphs, Options(), &parts, &plan).ok());
  ASSERT_EQ(parts.size(), 2u);
  const std::vector<SourceRow> rows = BuildSources(parts, paragraphs);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].name, "Jane Doe");
  EXPECT_EQ(rows[0].role, "mayor of Springfield");
  EXPECT_EQ(rows[0].direct, 2);  // one in each story: one row
  EXPECT_EQ(rows[0].reported, 1);
  EXPECT_EQ(rows[0].first_quote, "We are ready to talk,");
  EXPECT_EQ(rows[0].first_begin.paragraph, 0);
  EXPECT_TRUE(rows[1].anonymous);
  EXPECT_EQ(rows[1].reported + rows[1].partial, 2) << rows[1].name;
}

TEST(Sources, CsvQuotesWhatNeedsIt) {
  SourceRow r;
  r.name = "Doe, Jane";
  r.role = "the \"mayor\"";
  r.first_quote = "line one\nline two";
  r.direct = 1;
  r.page = 3;
  SourceRow plain;
  plain.name = "Ned Price";
  plain.anonymous = true;
  EXPECT_EQ(SourcesCsv({r, plain}, Catalog::For("en")),
            "Speaker,Role,Anonymous,Direct,Partial,Reported,First quote,Page\r\n"
            "\"Doe, Jane\",\"the \"\"mayor\"\"\",no,1,0,0,\"line one\nline two\",3\r\n"
            "Ned Price,,yes,0,0,0,,\r\n");
  EXPECT_EQ(SourcesCsv({}, Catalog::For("de")),
            "Sprecher,Rolle,Anonym,Direkt,Teilweise,Indirekt,Erstes Zitat,Seite\r\n");
  const nlohmann::json j = SourcesJson({r});
  EXPECT_EQ(j[0]["name"], "Doe, Jane");
  EXPECT_EQ(j[0]["page"], 3);
  EXPECT_EQ(j[0]["anonymous"], false);
}

}  // namespace
}  // namespace attrib::uno
