#include "attrib/text.h"

#include <gtest/gtest.h>

#include "attrib/document.h"

namespace attrib {
namespace {

TEST(TextTest, Utf8RoundTrip) {
  std::u16string u16;
  ASSERT_TRUE(Utf8ToUtf16("“Yes,” he said 𝑥.", &u16).ok());
  EXPECT_EQ(u16, u"“Yes,” he said 𝑥.");
  EXPECT_EQ(Utf16ToUtf8(u16), "“Yes,” he said 𝑥.");
}

TEST(TextTest, InvalidUtf8IsAnError) {
  std::u16string u16;
  Status s = Utf8ToUtf16("ok \xff\xfe bad", &u16);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "input is not valid UTF-8");
  EXPECT_TRUE(u16.empty());
  EXPECT_FALSE(Utf8ToUtf16("\xed\xa0\x80", &u16).ok());  // encoded surrogate
  EXPECT_FALSE(Utf8ToUtf16("\xc0\xaf", &u16).ok());      // overlong
}

TEST(TextTest, EveryMalformedSequenceIsAnError) {
  std::u16string u16;
  for (std::string_view bad :
       {"\x80", "a\xbf", "\xc1\x81", "\xe0\x80\xaf", "\xe2\x82", "\xf0\x8f\xbf\xbf",
        "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xe2\x28\xa1", "x\xf0\x9f\x98"}) {
    EXPECT_FALSE(Utf8ToUtf16(bad, &u16).ok()) << testing::PrintToString(bad);
    EXPECT_TRUE(u16.empty());
  }
  ASSERT_TRUE(
      Utf8ToUtf16("\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf",
                  &u16)
          .ok());
  EXPECT_EQ(u16,
            (std::u16string{0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0xd800, 0xdc00, 0xdbff, 0xdfff}));
  ASSERT_TRUE(Utf8ToUtf16(std::string_view("a\0b", 3), &u16).ok());
  EXPECT_EQ(u16, (std::u16string{u'a', 0, u'b'}));
}

TEST(TextTest, CodePointMapIsLiteral) {
  // a 😀 b : the emoji is two UTF-16 units, one code point.
  std::u16string t = u"a😀b";
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(Utf16ToCodePointOffsets(t), (std::vector<int32_t>{0, 1, 1, 2, 3}));
  EXPECT_EQ(Utf16ToCodePointOffsets(u""), (std::vector<int32_t>{0}));
}

TEST(TextTest, UnpairedSurrogateCountsAsOneCodePoint) {
  std::u16string t = {u'a', char16_t(0xD800), u'b'};
  EXPECT_EQ(Utf16ToCodePointOffsets(t), (std::vector<int32_t>{0, 1, 2, 3}));
  EXPECT_EQ(Utf16ToUtf8(t),
            "a\xef\xbf\xbd"
            "b");
}

TEST(DocumentTest, ParagraphsJoinWithNewline) {
  Document doc;
  ASSERT_TRUE(Document::FromUtf8("one\r\ntwo\rthree\n\nfive", &doc).ok());
  ASSERT_EQ(doc.paragraphs().size(), 5u);
  EXPECT_EQ(doc.text(), u"one\ntwo\nthree\n\nfive");
  EXPECT_EQ(doc.ParagraphStart(1), 4);
  EXPECT_EQ(doc.Locate(0), (Location{0, 0}));
  EXPECT_EQ(doc.Locate(5), (Location{1, 1}));
  EXPECT_EQ(doc.Locate(14), (Location{3, 0}));
  EXPECT_EQ(doc.Locate(19), (Location{4, 4}));
}

TEST(DocumentTest, EmptyInput) {
  Document doc;
  ASSERT_TRUE(Document::FromUtf8("", &doc).ok());
  EXPECT_EQ(doc.paragraphs().size(), 1u);
  EXPECT_EQ(doc.text(), u"");
  EXPECT_EQ(doc.Locate(0), (Location{0, 0}));
}

}  // namespace
}  // namespace attrib
