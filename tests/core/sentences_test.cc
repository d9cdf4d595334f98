#include "sentences.h"

#include <gtest/gtest.h>

namespace attrib {
namespace {

std::vector<std::u16string> Pieces(std::u16string_view text) {
  std::vector<std::u16string> out;
  for (Span s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(SentencesTest, SplitsAndTrims) {
  EXPECT_EQ(Pieces(u"  He left. She stayed!  Why? "),
            (std::vector<std::u16string>{u"He left.", u"She stayed!", u"Why?"}));
}

TEST(SentencesTest, AbbreviationsDoNotBreak) {
  EXPECT_EQ(Pieces(u"Mr. Smith met Dr. Jones. They talked."),
            (std::vector<std::u16string>{u"Mr. Smith met Dr. Jones.", u"They talked."}));
}

TEST(SentencesTest, NeverCrossesParagraphs) {
  EXPECT_EQ(Pieces(u"No stop here\nNext paragraph.\n\n"),
            (std::vector<std::u16string>{u"No stop here", u"Next paragraph."}));
}

TEST(SentencesTest, QuotationsAreNotProtected) {
  // Claims are scored per sentence, also inside a quote of several sentences.
  EXPECT_EQ(Pieces(u"\u201CPrices rose. Wages fell,\u201D she said. U.S. jobs grew."),
            (std::vector<std::u16string>{u"\u201CPrices rose.", u"Wages fell,\u201D she said.",
                                         u"U.S. jobs grew."}));
}

TEST(SentencesTest, LowercaseAfterStopDoesNotBreak) {
  EXPECT_EQ(
      Pieces(u"It cost $3.5 billion. in total? yes! Then 2014 came."),
      (std::vector<std::u16string>{u"It cost $3.5 billion. in total? yes!", u"Then 2014 came."}));
}

TEST(SentencesTest, Empty) {
  EXPECT_TRUE(SplitSentences(u"").empty());
}

}  // namespace
}  // namespace attrib
