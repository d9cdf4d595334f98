// ParagraphMap: UTF-16 offsets of the engine -> Writer cursor steps (code points, placeholders).
#include "logic/text_map.h"

#include <gtest/gtest.h>

namespace attrib::uno {
namespace {

TEST(PortionKind, KnownTypes) {
  EXPECT_EQ(PortionKind(u"Text"), PieceKind::kText);
  EXPECT_EQ(PortionKind(u"TextField"), PieceKind::kAtomic);
  EXPECT_EQ(PortionKind(u"Footnote"), PieceKind::kAtomic);
  EXPECT_EQ(PortionKind(u"Annotation"), PieceKind::kAtomic);
  EXPECT_EQ(PortionKind(u"AnnotationEnd"), PieceKind::kAtomic);
  EXPECT_EQ(PortionKind(u"Frame"), PieceKind::kAtomic);
  EXPECT_EQ(PortionKind(u"Bookmark"), PieceKind::kEmpty);
  EXPECT_EQ(PortionKind(u"Redline"), PieceKind::kEmpty);
}

TEST(CountCodePoints, SurrogatePairsCountOnce) {
  EXPECT_EQ(CountCodePoints(u""), 0);
  EXPECT_EQ(CountCodePoints(u"abc"), 3);
  EXPECT_EQ(CountCodePoints(u"A\U0001D465B"), 3);                // 𝑥 is two units, one point
  EXPECT_EQ(CountCodePoints(u"\U0001F468\u200D\U0001F469"), 3);  // ZWJ sequence: 3 points
  EXPECT_EQ(CountCodePoints(std::u16string(1, char16_t(0xD800))), 1);  // unpaired lead
}

TEST(ParagraphMap, PlainTextIsIdentity) {
  ParagraphMap m;
  m.Append(PieceKind::kText, u"hello");
  EXPECT_EQ(m.text(), u"hello");
  EXPECT_EQ(m.steps(), 5);
  for (int i = 0; i <= 5; ++i) {
    EXPECT_EQ(m.StepsAt(i, Bias::kBegin), i);
    EXPECT_EQ(m.StepsAt(i, Bias::kEnd), i);
  }
}

// The full map of "A𝑥B": units 0..4 -> steps.
TEST(ParagraphMap, NonBmpFullMap) {
  ParagraphMap m;
  m.Append(PieceKind::kText, u"A\U0001D465B");
  ASSERT_EQ(m.text().size(), 4u);
  EXPECT_EQ(m.steps(), 3);
  const int begin[] = {0, 1, 1, 2, 3};  // offset 2 is inside the pair: snaps to its start
  const int end[] = {0, 1, 2, 2, 3};    // ... or to its end
  for (int i = 0; i <= 4; ++i) {
    EXPECT_EQ(m.StepsAt(i, Bias::kBegin), begin[i]) << i;
    EXPECT_EQ(m.StepsAt(i, Bias::kEnd), end[i]) << i;
  }
}

// "P2 " + page field "12" + " fn" + footnote "1" + " x": fields are one step however long.
TEST(ParagraphMap, FieldsAndFootnotesAreOneStep) {
  ParagraphMap m;
  m.Append(PieceKind::kText, u"P2 ");
  m.Append(PieceKind::kAtomic, u"12");
  m.Append(PieceKind::kText, u" fn");
  m.Append(PieceKind::kAtomic, u"1");
  m.Append(PieceKind::kText, u" x");
  EXPECT_EQ(m.text(), u"P2 12 fn1 x");
  EXPECT_EQ(m.steps(), 3 + 1 + 3 + 1 + 2);
  EXPECT_EQ(m.StepsAt(3, Bias::kBegin), 3);  // field start
  EXPECT_EQ(m.StepsAt(4, Bias::kBegin), 3);  // inside the field: its start
  EXPECT_EQ(m.StepsAt(4, Bias::kEnd), 4);    // inside the field: its end
  EXPECT_EQ(m.StepsAt(5, Bias::kEnd), 4);    // field end
  EXPECT_EQ(m.StepsAt(6, Bias::kBegin), 5);  // " fn": 'f'
  EXPECT_EQ(m.StepsAt(9, Bias::kEnd), 8);    // after the footnote anchor
  EXPECT_EQ(m.StepsAt(11, Bias::kEnd), 10);  // paragraph end
}

// Zero-width placeholders (a comment anchor) stay outside spans that touch them.
TEST(ParagraphMap, ZeroWidthPlaceholdersStayOutside) {
  ParagraphMap m;
  m.Append(PieceKind::kText, u"ab");
  m.Append(PieceKind::kAtomic, u"");  // comment anchor: one step, no text
  m.Append(PieceKind::kEmpty, u"");   // bookmark: nothing
  m.Append(PieceKind::kText, u"cd");
  EXPECT_EQ(m.text(), u"abcd");
  EXPECT_EQ(m.steps(), 5);
  EXPECT_EQ(m.StepsAt(2, Bias::kEnd), 2);    // "ab" ends before the anchor
  EXPECT_EQ(m.StepsAt(2, Bias::kBegin), 3);  // "cd" begins after it
  EXPECT_EQ(m.StepsAt(4, Bias::kEnd), 5);
  EXPECT_EQ(m.StepsAt(0, Bias::kBegin), 0);
}

TEST(ParagraphMap, ClampsOutOfRange) {
  ParagraphMap m;
  m.Append(PieceKind::kText, u"ab");
  EXPECT_EQ(m.StepsAt(-3, Bias::kBegin), 0);
  EXPECT_EQ(m.StepsAt(99, Bias::kEnd), 2);
  ParagraphMap empty;
  EXPECT_EQ(empty.StepsAt(0, Bias::kBegin), 0);
  EXPECT_EQ(empty.StepsAt(0, Bias::kEnd), 0);
}

}  // namespace
}  // namespace attrib::uno
