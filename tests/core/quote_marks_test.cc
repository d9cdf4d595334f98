#include "quote_marks.h"

#include <gtest/gtest.h>

#include <string>

namespace attrib {
namespace {

// The contents of the quotations of `text`, depth 0 only, as UTF-16 strings.
std::vector<std::u16string> Contents(const std::u16string& text) {
  std::vector<std::u16string> out;
  for (const auto& q : FindQuotations(text)) {
    if (q.depth == 0) out.push_back(text.substr(q.content.begin, q.content.size()));
  }
  return out;
}

TEST(QuoteMarksTest, EveryPair) {
  const std::pair<std::u16string, std::u16string> pairs[] = {
      {u"\"", u"\""},         {u"\u201C", u"\u201D"}, {u"\u2018", u"\u2019"},
      {u"'", u"'"},           {u"\u00AB", u"\u00BB"}, {u"\u00BB", u"\u00AB"},
      {u"\u2039", u"\u203A"}, {u"\u201E", u"\u201C"}, {u"\u201E", u"\u201D"},
      {u"\u201A", u"\u2018"}, {u"\u300C", u"\u300D"}, {u"\u300E", u"\u300F"},
      {u"``", u"''"},         {u"''", u"''"},
  };
  for (const auto& [open, close] : pairs) {
    std::u16string text = u"He said " + open + u"we are ready" + close + u" today.";
    auto q = FindQuotations(text);
    ASSERT_EQ(q.size(), 1u) << std::string(open.begin(), open.end());
    EXPECT_EQ(q[0].content.begin, 8 + static_cast<int32_t>(open.size()));
    EXPECT_EQ(q[0].content.end, 8 + static_cast<int32_t>(open.size()) + 12);
    EXPECT_EQ(q[0].marked.end, q[0].content.end + static_cast<int32_t>(close.size()));
    EXPECT_EQ(q[0].repairs, 0);
  }
}

TEST(QuoteMarksTest, ApostrophesAndPrimesAreNotQuotes) {
  EXPECT_TRUE(FindQuotations(u"Russia\u2019s build-up, don't, the '90s, the \u201990s.").empty());
  EXPECT_TRUE(FindQuotations(u"He is 5'11\" tall and has a 12\" screen.").empty());
  EXPECT_EQ(Contents(u"\u201CRussia\u2019s army,\u201D Horne said."),
            std::vector<std::u16string>{u"Russia\u2019s army,"});
  EXPECT_EQ(Contents(u"'Rock 'n' roll,' he said."), std::vector<std::u16string>{u"Rock 'n' roll,"});
  // Typeset elisions: the apostrophe (’), or Word's autocorrected ‘n’.
  EXPECT_TRUE(FindQuotations(u"They play rock \u2019n\u2019 roll, he said.").empty());
  EXPECT_TRUE(FindQuotations(u"They play rock \u2018n\u2019 roll, he said.").empty());
  EXPECT_TRUE(FindQuotations(u"Tell \u2019em we wait \u2019til noon \u2019cause we can.").empty());
  EXPECT_EQ(Contents(u"\u201CWe play rock \u2019n\u2019 roll,\u201D he said."),
            std::vector<std::u16string>{u"We play rock \u2019n\u2019 roll,"});
  EXPECT_EQ(Contents(u"\u2018Rock \u2019n\u2019 roll,\u2019 he said."),
            std::vector<std::u16string>{u"Rock \u2019n\u2019 roll,"});
  EXPECT_EQ(Contents(u"He said \u2018til the end\u2019 twice."),
            std::vector<std::u16string>{u"til the end"});
}

// The Hebrew gershayim: quotation marks around a quote, the acronym sign inside a word.
TEST(QuoteMarksTest, HebrewGershayim) {
  // ״We are ready,״ said the mayor. / IDF (צה״ל) is ready, said the spokesman.
  EXPECT_EQ(Contents(u"\u05F4\u05D0\u05E0\u05D7\u05E0\u05D5 \u05DE\u05D5\u05DB\u05E0\u05D9\u05DD,"
                     u"\u05F4 \u05D0\u05DE\u05E8 \u05E8\u05D0\u05E9 \u05D4\u05E2\u05D9\u05E8."),
            std::vector<std::u16string>{
                u"\u05D0\u05E0\u05D7\u05E0\u05D5 \u05DE\u05D5\u05DB\u05E0\u05D9\u05DD,"});
  EXPECT_TRUE(FindQuotations(u"\u05E6\u05D4\u05F4\u05DC \u05DE\u05D5\u05DB\u05DF, "
                             u"\u05D0\u05DE\u05E8 \u05D4\u05D3\u05D5\u05D1\u05E8.")
                  .empty());
  // The acronym with " for the gershayim, inside a “…” quote: no mark.
  EXPECT_EQ(
      Contents(u"\u201C\u05E6\u05D4\"\u05DC \u05DE\u05D5\u05DB\u05DF,\u201D \u05D0\u05DE\u05E8."),
      std::vector<std::u16string>{u"\u05E6\u05D4\"\u05DC \u05DE\u05D5\u05DB\u05DF,"});
  // An acronym inside a gershayim quote stays inside it.
  EXPECT_EQ(Contents(u"\u05F4\u05E6\u05D4\u05F4\u05DC \u05DE\u05D5\u05DB\u05DF,\u05F4 "
                     u"\u05D0\u05DE\u05E8."),
            std::vector<std::u16string>{u"\u05E6\u05D4\u05F4\u05DC \u05DE\u05D5\u05DB\u05DF,"});
}

TEST(QuoteMarksTest, WrongClosingMark) {
  std::u16string text = u"\u201CWe are prepared.\u201C. And more.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, (Span{1, 17}));
  EXPECT_TRUE(q[0].repairs & kWrongClose);
  // With a space before it and a comma after it.
  EXPECT_EQ(Contents(u"\u201CWe are ready. \u201C, It indicated."),
            std::vector<std::u16string>{u"We are ready. "});
}

TEST(QuoteMarksTest, GluedAndSpacedClosingMarks) {
  std::u16string text = u"\u201CAnd who? \u201DHe asked. \u201CWell, okay, \u201Dhe said.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(text.substr(q[0].content.begin, q[0].content.size()), u"And who? ");
  EXPECT_TRUE(q[0].repairs & kGluedClose);
  EXPECT_TRUE(q[0].repairs & kSpacedClose);
  EXPECT_EQ(text.substr(q[1].content.begin, q[1].content.size()), u"Well, okay, ");
  EXPECT_EQ(Contents(u"\u201CIn the coming weeks \u201D, he said."),
            std::vector<std::u16string>{u"In the coming weeks "});
}

TEST(QuoteMarksTest, UnclosedQuoteClosesAtParagraphEnd) {
  std::u16string text = u"\u201CWe are ready to go  \nNext paragraph.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, (Span{1, 19}));
  EXPECT_TRUE(q[0].repairs & kUnclosed);
  EXPECT_TRUE(q[0].close.empty());
}

TEST(QuoteMarksTest, MultiParagraphQuoteIsOne) {
  std::u16string text = u"\u201CFirst paragraph.\n\u201CSecond paragraph,\u201D she said.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content.begin, 1);
  EXPECT_EQ(q[0].content.end, 36);
  EXPECT_TRUE(q[0].repairs & kMultiParagraph);
}

TEST(QuoteMarksTest, NestedQuotes) {
  std::u16string text = u"\u201CThey called it \u2018a disaster\u2019 today,\u201D he said.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].depth, 0);
  EXPECT_EQ(q[1].depth, 1);
  EXPECT_EQ(text.substr(q[1].content.begin, q[1].content.size()), u"a disaster");
  EXPECT_EQ(text.substr(q[0].content.begin, q[0].content.size()),
            u"They called it \u2018a disaster\u2019 today,");
}

TEST(QuoteMarksTest, NonBmpCharactersBeforeAQuoteKeepUtf16Offsets) {
  std::u16string text = u"\U0001F600\U0001F600 \u201Cyes\u201D";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, (Span{6, 9}));  // 2 surrogate pairs + space + mark
}

TEST(QuoteMarksTest, CliticsAfterASpaceAreApostrophes) {
  // Tokenised text and typos: a clitic after a space is no opening single quote.
  EXPECT_TRUE(FindQuotations(u"The Lord Chancellor in Lincoln 's Inn Hall .").empty());
  EXPECT_TRUE(
      FindQuotations(u"I 'm sure we 're fine ; they 'll come , you 've seen , he 'd go .").empty());
  EXPECT_TRUE(FindQuotations(u"My poor boy \u2019s death , and I \u2019m off .").empty());
  EXPECT_EQ(Contents(u"He said , \" I do n't know Lincoln 's Inn . \" She left ."),
            std::vector<std::u16string>{u" I do n't know Lincoln 's Inn . "});
  // A real single quote that starts with a longer word still opens.
  EXPECT_EQ(Contents(u"He said 'some day' and left."), std::vector<std::u16string>{u"some day"});
}

TEST(QuoteMarksTest, PaddedMarksPairByAlternation) {
  EXPECT_EQ(Contents(u"the warning , \" Suffer any wrong that can be done you rather than come "
                     u"here ! \" And so ."),
            std::vector<std::u16string>{
                u" Suffer any wrong that can be done you rather than come here ! "});
  EXPECT_EQ(Contents(u"\" Why did you come ? \" she said . \" Go ! \" he said ."),
            (std::vector<std::u16string>{u" Why did you come ? ", u" Go ! "}));
  EXPECT_EQ(Contents(u"\u201C It is you who are unpoetical , \u201D replied the poet ."),
            std::vector<std::u16string>{u" It is you who are unpoetical , "});
  EXPECT_EQ(Contents(u"\u2018 Three years , \u2019 said Good ."),
            std::vector<std::u16string>{u" Three years , "});
  // News: a spaced closing mark is unchanged.
  EXPECT_EQ(Contents(u"\"We are ready \", he said."),
            std::vector<std::u16string>{u"We are ready "});
}

TEST(QuoteMarksTest, QuoteGoesOnOverLinesUntilItsCloser) {
  // One sentence a line: the quote is closed on a later line, not reopened.
  std::u16string text =
      u"\" I will not let you stay .\nSend my Ayah to me . \"\nThe woman looked frightened .";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(text.substr(q[0].content.begin, q[0].content.size()),
            u" I will not let you stay .\nSend my Ayah to me . ");
  EXPECT_TRUE(q[0].repairs & kMultiParagraph);
  EXPECT_FALSE(q[0].repairs & kUnclosed);
  EXPECT_EQ(Contents(u"\u201C Pig !\nPig !\nDaughter of Pigs ! \u201D she said ."),
            std::vector<std::u16string>{u" Pig !\nPig !\nDaughter of Pigs ! "});
  EXPECT_EQ(Contents(u"\u2018 I wonder .\nHow funny it \u2019ll seem ! \u2019 And here Alice ."),
            std::vector<std::u16string>{u" I wonder .\nHow funny it \u2019ll seem ! "});
  // News: an unclosed quote followed by a paragraph with balanced quotes closes at its end.
  std::u16string news = u"\u201CWe are ready, he said.\nShe called it \u201Cdone\u201D yesterday.";
  auto nq = FindQuotations(news);
  ASSERT_EQ(nq.size(), 2u);
  EXPECT_TRUE(nq[0].repairs & kUnclosed);
  EXPECT_EQ(nq[0].content, (Span{1, 23}));
}

// The inputs below are the worst cases for the repairs; that they stay linear is measured by
// bench/engine_bench's BM_Adversarial (1, 2, 4 MB), not timed here. These check the results.
TEST(QuoteMarksTest, ManyLinesInsideAnOpenQuoteStayLinear) {
  std::u16string text = u"\" ";
  while (text.size() < 2u * 1024 * 1024) text += u"a line with no mark .\n";
  text += u"end . \"";
  auto q = FindQuotations(text);
  EXPECT_EQ(q.size(), 1u);
}

TEST(QuoteMarksTest, HundredThousandStrayMarksStayLinear) {
  for (char16_t mark : {u'"', u'\u201C', u'\u201D', u'\'', u'\u00AB'}) {
    std::u16string text(100000, mark);
    auto q = FindQuotations(text);
    for (const auto& x : q) {
      EXPECT_LE(0, x.content.begin);
      EXPECT_LE(x.content.end, 100000);
    }
  }
  std::u16string mixed;
  for (int i = 0; i < 25000; ++i) mixed += u"\u201C a \u201D\u201C";
  EXPECT_LT(FindQuotations(mixed).size(), 100000u);
}

TEST(QuoteMarksTest, TenMegabyteParagraph) {
  std::u16string text;
  text.reserve(10 * 1024 * 1024);
  while (text.size() < 10u * 1024 * 1024)
    text += u"\u201CWe are ready,\u201D she said and \u2018left ";
  auto q = FindQuotations(text);
  EXPECT_GT(q.size(), 100000u);
}

}  // namespace
}  // namespace attrib
