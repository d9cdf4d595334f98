// What Writer's paragraph text and XTextCursor::goRight count (facts in uno/logic/text_map.h),
// and that ReadParagraphs + PlanEdits' mapping land every span on exactly the right characters.
#include <gtest/gtest.h>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/style/NumberingType.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/PageNumberType.hpp>
#include <com/sun/star/text/TextContentAnchorType.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include "common/strings.h"
#include "component/writer_doc.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using uno::DocParagraphs;
using uno::Position;

// Builds paragraphs with placeholders at the end of the document.
class Builder {
 public:
  explicit Builder(const Reference<css::text::XTextDocument>& doc)
      : doc_(doc),
        text_(doc->getText()),
        cursor_(text_->createTextCursorByRange(text_->getEnd())) {}
  Builder& Text(std::u16string_view s) {
    text_->insertString(cursor_.get(), FromU16(s), false);
    return *this;
  }
  Builder& Break() {
    text_->insertControlCharacter(cursor_.get(), css::text::ControlCharacter::PARAGRAPH_BREAK,
                                  false);
    return *this;
  }
  Reference<css::beans::XPropertySet> New(const char* service) {
    return Reference<css::beans::XPropertySet>(
        Reference<css::lang::XMultiServiceFactory>(doc_, UNO_QUERY_THROW)
            ->createInstance(rtl::OUString::createFromAscii(service)),
        UNO_QUERY_THROW);
  }
  Builder& Insert(const Reference<css::beans::XPropertySet>& content) {
    text_->insertTextContent(cursor_.get(),
                             Reference<css::text::XTextContent>(content, UNO_QUERY_THROW), false);
    return *this;
  }
  Builder& PageField() {
    auto f = New("com.sun.star.text.TextField.PageNumber");
    f->setPropertyValue("NumberingType", Any(css::style::NumberingType::ARABIC));
    f->setPropertyValue("SubType", Any(css::text::PageNumberType_CURRENT));
    return Insert(f);
  }
  Builder& DateField() { return Insert(New("com.sun.star.text.TextField.DateTime")); }
  Builder& InputField(const char* content) {
    auto f = New("com.sun.star.text.TextField.Input");
    f->setPropertyValue("Content", Any(FromUtf8(content)));
    return Insert(f);
  }
  Builder& Footnote(std::u16string_view body) {
    auto f = New("com.sun.star.text.Footnote");
    Insert(f);
    Reference<css::text::XText>(f, UNO_QUERY_THROW)->setString(FromU16(body));
    return *this;
  }
  Builder& Comment() {
    auto c = New("com.sun.star.text.TextField.Annotation");
    c->setPropertyValue("Author", Any(FromUtf8("user")));
    c->setPropertyValue("Content", Any(FromUtf8("a user's comment")));
    return Insert(c);
  }
  Builder& Bookmark(const char* name) {
    auto b = New("com.sun.star.text.Bookmark");
    Reference<css::container::XNamed>(b, UNO_QUERY_THROW)
        ->setName(rtl::OUString::createFromAscii(name));
    return Insert(b);
  }
  Builder& Frame() {
    auto f = New("com.sun.star.text.TextFrame");
    f->setPropertyValue("AnchorType", Any(css::text::TextContentAnchorType_AS_CHARACTER));
    Insert(f);
    Reference<css::text::XText>(f, UNO_QUERY_THROW)->setString(FromUtf8("in a frame"));
    return *this;
  }

 private:
  Reference<css::text::XTextDocument> doc_;
  Reference<css::text::XText> text_;
  Reference<css::text::XTextCursor> cursor_;
};

// Every span between two space-separated words of paragraph `p` (and each word) must select, in
// Writer, exactly the engine's text of that span.
void ExpectSpansLandExactly(const DocParagraphs& d, size_t p) {
  const std::u16string& text = d.paragraphs[p].map.text();
  std::vector<int32_t> cuts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == u' ')
      cuts.push_back(static_cast<int32_t>(i)), cuts.push_back(static_cast<int32_t>(i + 1));
  }
  cuts.push_back(static_cast<int32_t>(text.size()));
  for (size_t i = 0; i < cuts.size(); ++i) {
    for (size_t j = i + 1; j < cuts.size(); ++j) {
      int32_t b = cuts[i], e = cuts[j];
      if (b >= e) continue;
      Position pb{static_cast<int32_t>(p), d.paragraphs[p].map.StepsAt(b, uno::Bias::kBegin)};
      Position pe{static_cast<int32_t>(p), d.paragraphs[p].map.StepsAt(e, uno::Bias::kEnd)};
      std::u16string got = uno::ToU16(uno::RangeOf(d, pb, pe)->getString());
      EXPECT_EQ(ToUtf8(FromU16(got)), ToUtf8(FromU16(text.substr(b, e - b))))
          << "paragraph " << p << " span [" << b << "," << e << ")";
    }
  }
}

int32_t CountSteps(const Reference<css::text::XTextRange>& start) {
  Reference<css::text::XTextCursor> c = start->getText()->createTextCursorByRange(start);
  Reference<css::text::XParagraphCursor> pc(c, UNO_QUERY_THROW);
  int32_t n = 0;
  while (!pc->isEndOfParagraph() && c->goRight(1, false)) ++n;
  return n;
}

TEST(Placeholders, GoRightCountsCodePointsNotUnitsNorGraphemes) {
  ScopedDoc doc;
  // A𝑥B é(e + combining acute) 👨‍👩(man ZWJ woman) end
  const std::u16string s = u"A\U0001D465B e\u0301 \U0001F468\u200D\U0001F469 end";
  Builder(doc.doc()).Text(s);
  DocParagraphs d = uno::ReadParagraphs(doc.doc());
  ASSERT_EQ(d.paragraphs.size(), 1u);
  EXPECT_EQ(d.paragraphs[0].map.text(), s);
  EXPECT_EQ(s.size(), 17u);
  EXPECT_EQ(CountSteps(uno::RangeAt(d, Position{0, 0})), 14);  // code points
  EXPECT_EQ(d.paragraphs[0].map.steps(), 14);
  // goRight(2) from the start selects "A𝑥": the pair is one step.
  Reference<css::text::XTextCursor> c =
      doc.doc()->getText()->createTextCursorByRange(uno::RangeAt(d, Position{0, 0}));
  c->goRight(2, true);
  EXPECT_EQ(uno::ToU16(c->getString()), u"A\U0001D465");
  ExpectSpansLandExactly(d, 0);
}

TEST(Placeholders, FieldsFootnotesCommentsBookmarksFrames) {
  ScopedDoc doc;
  Builder b(doc.doc());
  b.Text(u"Page ")
      .PageField()
      .Text(u" note")
      .Footnote(u"the footnote")
      .Text(u" comment")
      .Comment()
      .Text(u" mark")
      .Bookmark("user-mark")
      .Text(u" frame")
      .Frame()
      .Text(u" date ")
      .DateField()
      .Text(u" end \U0001F600 x");
  DocParagraphs d = uno::ReadParagraphs(doc.doc());
  // The body paragraph, then the frame's text and the footnote's (no footnote allowed there).
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_EQ(ToUtf8(FromU16(d.paragraphs[1].map.text())), "in a frame");
  EXPECT_EQ(ToUtf8(FromU16(d.paragraphs[2].map.text())), "the footnote");
  EXPECT_TRUE(d.paragraphs[0].footnotes_allowed);
  EXPECT_FALSE(d.paragraphs[1].footnotes_allowed);
  EXPECT_FALSE(d.paragraphs[2].footnotes_allowed);
  EXPECT_NE(d.paragraphs[1].text_id, d.paragraphs[0].text_id);
  const std::u16string& t = d.paragraphs[0].map.text();
  // The paragraph text as Writer hands it out: field expansions and the footnote label,
  // nothing for the comment, bookmark and frame.
  EXPECT_EQ(ToUtf8(FromU16(t)).rfind("Page 1 note1 comment mark frame date ", 0), 0u)
      << ToUtf8(FromU16(t));
  Reference<css::text::XTextRange> para(uno::RangeAt(d, Position{0, 0}));
  EXPECT_EQ(CountSteps(uno::RangeAt(d, Position{0, 0})), d.paragraphs[0].map.steps());
  ExpectSpansLandExactly(d, 0);
}

// An input field is its text between a start and an end character (two steps of their own):
// spans before, over and after it land exactly. (A span ending inside it, or right at its end,
// does not: Writer widens such a selection by the field; not handled yet.)
TEST(Placeholders, InputFieldIsItsTextBetweenTwoSteps) {
  ScopedDoc doc;
  Builder(doc.doc())
      .Text(u"We cut taxes by ")
      .InputField("five \xF0\x9F\x98\x80 words")
      .Text(u" percent \U0001D465 now.");
  DocParagraphs d = uno::ReadParagraphs(doc.doc());
  ASSERT_EQ(d.paragraphs.size(), 1u);
  const std::u16string& t = d.paragraphs[0].map.text();
  EXPECT_EQ(ToUtf8(FromU16(t)),
            "We cut taxes by five \xF0\x9F\x98\x80 words percent \xF0\x9D\x91\xA5 now.");
  EXPECT_EQ(CountSteps(uno::RangeAt(d, Position{0, 0})), d.paragraphs[0].map.steps());
  const std::u16string field = u"five \U0001F600 words";
  const int32_t at = static_cast<int32_t>(t.find(field));
  const int32_t after = at + static_cast<int32_t>(field.size());
  auto got = [&](int32_t b, int32_t e) {
    return ToUtf8(FromU16(
        uno::ToU16(uno::RangeOf(d, Position{0, d.paragraphs[0].map.StepsAt(b, uno::Bias::kBegin)},
                                Position{0, d.paragraphs[0].map.StepsAt(e, uno::Bias::kEnd)})
                       ->getString())));
  };
  auto want = [&](int32_t b, int32_t e) { return ToUtf8(FromU16(t.substr(b, e - b))); };
  const int32_t size = static_cast<int32_t>(t.size());
  for (const auto& [b, e] : std::vector<std::pair<int32_t, int32_t>>{{0, 3},
                                                                     {0, at - 1},
                                                                     {0, size},
                                                                     {3, size},
                                                                     {after + 1, size},
                                                                     {after + 9, size},
                                                                     {0, after + 8},
                                                                     {at - 3, after + 8}}) {
    EXPECT_EQ(got(b, e), want(b, e)) << "[" << b << ", " << e << ")";
  }
}

// Text deleted under change tracking stays in the paragraph text and in the cursor's steps
// (between zero-width Redline portions): spans over it still land exactly.
TEST(Placeholders, TrackedDeletionStaysTextAndSteps) {
  ScopedDoc doc;
  Builder(doc.doc()).Text(u"keep delete keep \U0001D465 tail");
  Reference<css::beans::XPropertySet> settings(doc.doc(), UNO_QUERY_THROW);
  settings->setPropertyValue("RecordChanges", Any(true));
  DocParagraphs before = uno::ReadParagraphs(doc.doc());
  uno::RangeOf(before, Position{0, 5}, Position{0, 12})->setString(rtl::OUString());  // "delete "
  DocParagraphs d = uno::ReadParagraphs(doc.doc());
  ASSERT_EQ(d.paragraphs.size(), 1u);
  const std::u16string& t = d.paragraphs[0].map.text();
  const bool deleted_text_shown = ToUtf8(FromU16(t)).find("delete") != std::string::npos;
  EXPECT_TRUE(deleted_text_shown) << ToUtf8(FromU16(t));
  EXPECT_EQ(ToUtf8(FromU16(t)), "keep delete keep \xF0\x9D\x91\xA5 tail");
  EXPECT_EQ(CountSteps(uno::RangeAt(d, Position{0, 0})), d.paragraphs[0].map.steps());
  ExpectSpansLandExactly(d, 0);
}

TEST(Placeholders, TableCellsAreParagraphsInRowOrder) {
  ScopedDoc doc;
  Builder(doc.doc()).Text(u"Before the table.");
  Reference<css::text::XTextTable> table(
      Reference<css::lang::XMultiServiceFactory>(doc.doc(), UNO_QUERY_THROW)
          ->createInstance("com.sun.star.text.TextTable"),
      UNO_QUERY_THROW);
  table->initialize(2, 2);
  Reference<css::text::XText> body = doc.doc()->getText();
  body->insertTextContent(body->getEnd(),
                          Reference<css::text::XTextContent>(table, UNO_QUERY_THROW), false);
  const char* cells[] = {"A1", "B1", "A2", "B2"};
  for (const char* name : cells) {
    Reference<css::text::XText>(table->getCellByName(rtl::OUString::createFromAscii(name)),
                                UNO_QUERY_THROW)
        ->setString(FromUtf8(std::string("cell ") + name + " \xF0\x9D\x91\xA5 text"));
  }
  DocParagraphs d = uno::ReadParagraphs(doc.doc());
  ASSERT_GE(d.paragraphs.size(), 5u);
  EXPECT_EQ(ToUtf8(FromU16(d.paragraphs[0].map.text())), "Before the table.");
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(ToUtf8(FromU16(d.paragraphs[1 + i].map.text())),
              std::string("cell ") + cells[i] + " \xF0\x9D\x91\xA5 text");
    ExpectSpansLandExactly(d, 1 + i);
  }
}

}  // namespace
}  // namespace attrib::test
