#include "quote_marks.h"

#include <gtest/gtest.h>

#include <chrono>
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
      {u"\"", u"\""},       {u"\u201C", u"\u201D"}, {u"\u2018", u"\u2019"}, {u"'", u"'"},
      {u"\u00AB", u"\u00BB"}, {u"\u00BB", u"\u00AB"}, {u"\u2039", u"\u203A"}, {u"\u201E", u"\u201C"},
      {u"\u201E", u"\u201D"}, {u"\u201A", u"\u2018"}, {u"\u300C", u"\u300D"}, {u"\u300E", u"\u300F"},
      {u"``", u"''"},       {u"''", u"''"},
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
}

TEST(QuoteMarksTest, WrongClosingMark) {
  std::u16string text = u"\u201CWe are prepared.\u201C. And more.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, (Span{1, 17}));
  EXPECT_TRUE(q[0].repairs & kWrongClose);
  // With a space before it and a comma after it.
  EXPECT_EQ(Contents(u"\u201CWe are ready. \u201C, It indicated."), std::vector<std::u16string>{u"We are ready. "});
}

TEST(QuoteMarksTest, GluedAndSpacedClosingMarks) {
  std::u16string text = u"\u201CAnd who? \u201DHe asked. \u201CWell, okay, \u201Dhe said.";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(text.substr(q[0].content.begin, q[0].content.size()), u"And who? ");
  EXPECT_TRUE(q[0].repairs & kGluedClose);
  EXPECT_TRUE(q[0].repairs & kSpacedClose);
  EXPECT_EQ(text.substr(q[1].content.begin, q[1].content.size()), u"Well, okay, ");
  EXPECT_EQ(Contents(u"\u201CIn the coming weeks \u201D, he said."), std::vector<std::u16string>{u"In the coming weeks "});
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
  EXPECT_EQ(text.substr(q[0].content.begin, q[0].content.size()), u"They called it \u2018a disaster\u2019 today,");
}

TEST(QuoteMarksTest, NonBmpCharactersBeforeAQuoteKeepUtf16Offsets) {
  std::u16string text = u"\U0001F600\U0001F600 \u201Cyes\u201D";
  auto q = FindQuotations(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, (Span{6, 9}));  // 2 surrogate pairs + space + mark
}

TEST(QuoteMarksTest, HundredThousandStrayMarksStayLinear) {
  for (char16_t mark : {u'"', u'\u201C', u'\u201D', u'\'', u'\u00AB'}) {
    std::u16string text(100000, mark);
    auto t0 = std::chrono::steady_clock::now();
    auto q = FindQuotations(text);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(ms, 500);
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
  while (text.size() < 10u * 1024 * 1024) text += u"\u201CWe are ready,\u201D she said and \u2018left ";
  auto t0 = std::chrono::steady_clock::now();
  auto q = FindQuotations(text);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GT(q.size(), 100000u);
  EXPECT_LT(ms, 3000);
}

}  // namespace
}  // namespace attrib
