// Every story of a document is marked, and protection is respected (issue 10, items 3 and 4):
// real documents in headless soffice with the built extension. Each story's quotes are the
// engine's on that story alone (logic/stories.h); Clear gives back every story exactly
// (doc_dump.h Stories); protected parts are never changed and their protection stays on.
#include "logic/stories.h"

#include <gtest/gtest.h>

#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/PageNumberType.hpp>
#include <com/sun/star/text/TextContentAnchorType.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextSectionsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/strings.h"
#include "component/writer_doc.h"
#include "doc_dump.h"
#include "office_env.h"
#include "story_checks.h"

namespace attrib::test {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

const char* const kQ = "\xE2\x80\x9C";  // “
const char* const kE = "\xE2\x80\x9D";  // ”

Reference<css::lang::XMultiServiceFactory> Factory(const Reference<css::text::XTextDocument>& d) {
  return Reference<css::lang::XMultiServiceFactory>(d, UNO_QUERY_THROW);
}

std::string Said(const std::string& words, const std::string& who) {
  return std::string(kQ) + words + "," + kE + " " + who + " said.";
}

// Every comment of ours sits on highlighted text (the background set over its whole range).
void ExpectCommentsOnHighlights(const Reference<css::text::XTextDocument>& doc) {
  int seen = 0;
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  while (fields->hasMoreElements()) {
    Reference<css::beans::XPropertySet> field(fields->nextElement(), UNO_QUERY_THROW);
    if (!Reference<css::lang::XServiceInfo>(field, UNO_QUERY_THROW)
             ->supportsService("com.sun.star.text.textfield.Annotation")) {
      continue;
    }
    OUString author, content;
    field->getPropertyValue("Author") >>= author;
    field->getPropertyValue("Content") >>= content;
    if (author != "Attribution" || content.startsWith("Check: ")) continue;
    Reference<css::text::XTextRange> anchor =
        Reference<css::text::XTextContent>(field, UNO_QUERY_THROW)->getAnchor();
    Reference<css::beans::XPropertySet> range(anchor->getText()->createTextCursorByRange(anchor),
                                              UNO_QUERY_THROW);
    sal_Int32 back = -1;
    range->getPropertyValue("CharBackColor") >>= back;
    EXPECT_NE(back, -1) << "no highlight under " << ToUtf8(anchor->getString());
    ++seen;
  }
  EXPECT_GT(seen, 0);
}

sal_Int32 UndoSteps(const Reference<css::text::XTextDocument>& doc) {
  return Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)
      ->getUndoManager()
      ->getAllUndoActionTitles()
      .getLength();
}
void Undo(const Reference<css::text::XTextDocument>& doc) {
  Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager()->undo();
}

// A document built here with a quote in every story Writer has: body, a table cell, the shared,
// left-page and first-page header, the footer, a text frame (a tracked deletion inside its
// quote), a drawing shape (drawing text: locked) and a user footnote; a page-number field inside
// the header's quote.
class AllStories : public ::testing::Test {
 protected:
  void SetUp() override {
    Reference<css::text::XTextDocument> d = holder.doc();
    Reference<css::text::XText> body = d->getText();
    body->setString(FromUtf8(Said("We are ready to rebuild the bridge", "Jane Doe, the mayor,")));
    Reference<css::text::XTextCursor> end = body->createTextCursorByRange(body->getEnd());
    Reference<css::text::XTextContent> note(
        Factory(d)->createInstance("com.sun.star.text.Footnote"), UNO_QUERY_THROW);
    body->insertTextContent(end.get(), note, false);
    Reference<css::text::XText>(note, UNO_QUERY_THROW)
        ->setString(FromUtf8(Said("We said so at the hearing", "her spokesman")));
    Reference<css::text::XTextTable> table(
        Factory(d)->createInstance("com.sun.star.text.TextTable"), UNO_QUERY_THROW);
    table->initialize(1, 1);
    body->insertTextContent(body->getEnd(),
                            Reference<css::text::XTextContent>(table, UNO_QUERY_THROW), false);
    Reference<css::text::XText>(table->getCellByName("A1"), UNO_QUERY_THROW)
        ->setString(FromUtf8(Said("Cells hold quotes too", "Tom Lee")));
    // Headers and footers of the default page style.
    Reference<css::beans::XPropertySet> style(
        Reference<css::container::XNameAccess>(
            Reference<css::style::XStyleFamiliesSupplier>(d, UNO_QUERY_THROW)
                ->getStyleFamilies()
                ->getByName("PageStyles"),
            UNO_QUERY_THROW)
            ->getByName("Standard"),
        UNO_QUERY_THROW);
    style->setPropertyValue("HeaderIsOn", Any(true));
    style->setPropertyValue("FooterIsOn", Any(true));
    style->setPropertyValue("HeaderIsShared", Any(false));
    style->setPropertyValue("FirstIsShared", Any(false));
    auto story = [&](const char* property) {
      return Reference<css::text::XText>(
          style->getPropertyValue(OUString::createFromAscii(property)), UNO_QUERY_THROW);
    };
    Reference<css::text::XText> header = story("HeaderText");
    Reference<css::text::XTextCursor> at = header->createTextCursor();
    header->insertString(at.get(), FromUtf8(std::string(kQ) + "Headers are text on page "), false);
    Reference<css::beans::XPropertySet> page(
        Factory(d)->createInstance("com.sun.star.text.TextField.PageNumber"), UNO_QUERY_THROW);
    page->setPropertyValue("SubType", Any(css::text::PageNumberType_CURRENT));
    header->insertTextContent(at.get(), Reference<css::text::XTextContent>(page, UNO_QUERY_THROW),
                              false);
    header->insertString(at.get(), FromUtf8(std::string(" today,") + kE + " the editor said."),
                         false);
    story("HeaderTextLeft")->setString(FromUtf8(Said("Left pages differ", "the printer")));
    story("HeaderTextFirst")->setString(FromUtf8(Said("First pages are new", "the designer")));
    story("FooterText")->setString(FromUtf8(Said("Footers speak last", "the typesetter")));
    // A frame whose quote holds a tracked deletion.
    Reference<css::text::XTextContent> frame(
        Factory(d)->createInstance("com.sun.star.text.TextFrame"), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(frame, UNO_QUERY_THROW)
        ->setPropertyValue("AnchorType", Any(css::text::TextContentAnchorType_AT_PARAGRAPH));
    body->insertTextContent(body->getStart(), frame, false);
    Reference<css::text::XText> frame_text(frame, UNO_QUERY_THROW);
    frame_text->setString(FromUtf8(Said("Frames are read as well", "Mary Major")));
    Reference<css::beans::XPropertySet> settings(d, UNO_QUERY_THROW);
    settings->setPropertyValue("RecordChanges", Any(true));
    Reference<css::text::XTextCursor> word = frame_text->createTextCursor();
    word->goRight(8, false);  // “Frames |are
    word->goRight(4, true);
    word->setString("");
    settings->setPropertyValue("RecordChanges", Any(false));
    // A drawing shape with its own text.
    Reference<css::drawing::XShape> shape(
        Factory(d)->createInstance("com.sun.star.drawing.RectangleShape"), UNO_QUERY_THROW);
    shape->setSize(css::awt::Size(6000, 2000));
    Reference<css::container::XNamed>(shape, UNO_QUERY_THROW)->setName("Quote shape");
    body->insertTextContent(body->getEnd(),
                            Reference<css::text::XTextContent>(shape, UNO_QUERY_THROW), false);
    Reference<css::text::XText>(shape, UNO_QUERY_THROW)
        ->setString(FromUtf8(Said("Shapes talk", "the artist")));
  }
  ScopedDoc holder;
};

void Body(const Reference<css::text::XTextDocument>& doc, const ScopedDoc& holder);
TEST_F(AllStories, EveryStoryIsMarkedAndClearGivesEachBack) {
  try {
    Body(holder.doc(), holder);
  } catch (const css::uno::Exception& e) {
    FAIL() << ToUtf8(e.Message);
  }
}
void Body(const Reference<css::text::XTextDocument>& doc, const ScopedDoc& holder) {
  const std::string before = Stories(doc);
  const auto expected = EngineQuotes(doc);
  for (const char* story :
       {"body", "header (Default Page Style)", "left-page header (Default Page Style)",
        "first-page header (Default Page Style)", "footer (Default Page Style)", "frame 'Frame1'",
        "footnote 1"}) {
    EXPECT_TRUE(StoriesOf(expected).count(story)) << "the engine finds no quote in " << story;
  }
  const sal_Int32 steps = UndoSteps(doc);
  nlohmann::json h = Command(holder, "org.attrib:HighlightQuotes");
  EXPECT_EQ(UndoSteps(doc), steps + 1) << "Highlight Quotes is one undo step";
  EXPECT_EQ(MarkedQuotes(doc), expected) << h;
  ExpectCommentsOnHighlights(doc);
  // The drawing shape's quote is not marked, and the user is told.
  EXPECT_TRUE(HasStory(h["skipped_stories"], "shape 'Quote shape'", "drawing shape")) << h;
  // The header's quote runs over the page-number field (its expansion is empty in a document
  // never laid out): the whole of it is marked, up to its last word.
  bool header_field = false;
  for (const auto& [story, text] : MarkedQuotes(doc)) {
    header_field |= story == "header (Default Page Style)" &&
                    text.rfind("Headers are text on page ", 0) == 0 && text.size() > 7 &&
                    text.compare(text.size() - 7, 7, " today,") == 0;
  }
  EXPECT_TRUE(header_field);
  // Undo gives every story back.
  Undo(doc);
  ExpectSameStories(Stories(doc), before);

  Command(holder, "org.attrib:HighlightQuotes");
  Command(holder, "org.attrib:MarkClaims");
  nlohmann::json f = Command(holder, "org.attrib:InsertFootnotes");
  // Footnotes only in the body (and its cells): never in a header, frame, shape or footnote.
  Reference<css::container::XIndexAccess> notes =
      Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
  int ours = 0;
  for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
    Reference<css::text::XFootnote> note(notes->getByIndex(i), UNO_QUERY_THROW);
    const OUString text = Reference<css::text::XText>(note, UNO_QUERY_THROW)->getString();
    if (!text.startsWith("Quote attributed to")) continue;
    ++ours;
    const OUString where =
        Reference<css::lang::XServiceInfo>(note->getAnchor()->getText(), UNO_QUERY_THROW)
            ->getImplementationName();
    EXPECT_TRUE(where == "SwXBodyText" || where == "SwXCell") << ToUtf8(where);
  }
  EXPECT_EQ(ours, f.value("footnotes", -1)) << f;
  EXPECT_GE(ours, 2) << f;  // the body's and the cell's turn
  const std::string marked = Stories(doc);
  const sal_Int32 before_clear = UndoSteps(doc);
  nlohmann::json c = Command(holder, "org.attrib:ClearMarks");
  EXPECT_EQ(UndoSteps(doc), before_clear + 1) << "Clear is one undo step";
  EXPECT_TRUE(c["skipped_stories"].empty()) << c;
  ExpectSameStories(Stories(doc), before);
  Undo(doc);
  ExpectSameStories(Stories(doc), marked);
}

// A protected section: nothing in it is marked (no comment, no highlight, no footnote), the
// user is told, the section stays protected; marks made before it was protected stay at Clear.
TEST(Protection, ProtectedSectionIsLeftAsItIsAndSaidSo) {
  ScopedDoc d;
  Reference<css::text::XTextDocument> doc = d.doc();
  Reference<css::text::XText> body = doc->getText();
  body->setString(FromUtf8(Said("We are ready to rebuild the bridge", "Jane Doe, the mayor,")));
  Reference<css::text::XTextCursor> at = body->createTextCursorByRange(body->getEnd());
  body->insertControlCharacter(at.get(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
  body->insertString(at.get(), FromUtf8(Said("Nothing here may change", "the lawyer, Ann Law,")),
                     false);
  Reference<css::text::XTextCursor> para = body->createTextCursorByRange(body->getEnd());
  para->gotoStart(false);
  para->gotoEnd(false);
  Reference<css::text::XParagraphCursor>(para, UNO_QUERY_THROW)->gotoStartOfParagraph(true);
  Reference<css::text::XTextContent> section(
      Factory(doc)->createInstance("com.sun.star.text.TextSection"), UNO_QUERY_THROW);
  Reference<css::container::XNamed>(section, UNO_QUERY_THROW)->setName("Legal");
  body->insertTextContent(para.get(), section, true);
  Reference<css::beans::XPropertySet> props(section, UNO_QUERY_THROW);
  props->setPropertyValue("IsProtected", Any(true));
  const std::string before = Stories(doc);
  ASSERT_NE(before.find("section Legal protected"), std::string::npos) << before;

  nlohmann::json h = Command(d, "org.attrib:HighlightQuotes");
  EXPECT_TRUE(HasStory(h["skipped_stories"], "body", "protected section 'Legal': 1 quote")) << h;
  nlohmann::json f = Command(d, "org.attrib:InsertFootnotes");
  EXPECT_EQ(f.value("footnotes", -1), 1) << f;  // Jane Doe's turn only
  EXPECT_TRUE(HasStory(f["skipped_stories"], "body", "protected section 'Legal'")) << f;
  const auto marked = MarkedQuotes(doc);
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked.begin()->second, "We are ready to rebuild the bridge,");
  // The section's text is as it was: no highlight, no comment, no footnote in it.
  uno::DocParagraphs read = uno::ReadParagraphs(doc, true);
  ASSERT_EQ(read.paragraphs.size(), 2u);
  EXPECT_EQ(read.paragraphs[1].locked, "protected section 'Legal'");
  EXPECT_TRUE(read.paragraphs[1].marks.empty());
  for (const uno::PortionLook& look : read.looks[1]) EXPECT_EQ(look.highlight, "d_d");
  bool still = false;
  props->getPropertyValue("IsProtected") >>= still;
  EXPECT_TRUE(still);
  nlohmann::json c = Command(d, "org.attrib:ClearMarks");
  ExpectSameStories(Stories(doc), before);

  // Marked while unprotected, protected afterwards: Clear leaves that mark and says so.
  props->setPropertyValue("IsProtected", Any(false));
  Command(d, "org.attrib:HighlightQuotes");
  props->setPropertyValue("IsProtected", Any(true));
  c = Command(d, "org.attrib:ClearMarks");
  EXPECT_TRUE(HasStory(c["skipped_stories"], "body", "protected section 'Legal': 1 mark")) << c;
  const auto left = MarkedQuotes(doc);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left.begin()->second, "Nothing here may change,");
  EXPECT_TRUE(uno::ReadRecord(doc)) << "the record goes only with the last mark";
  props->getPropertyValue("IsProtected") >>= still;
  EXPECT_TRUE(still);
}

void ExpectEveryCommandRefused(const ScopedDoc& d, const std::string& reason) {
  const std::string before = Stories(d.doc());
  for (const char* url : {"org.attrib:HighlightQuotes", "org.attrib:MarkClaims",
                          "org.attrib:InsertFootnotes", "org.attrib:ClearMarks"}) {
    SCOPED_TRACE(url);
    nlohmann::json r = Command(d, url);
    EXPECT_EQ(r.value("marks", -1), 0) << r;
    EXPECT_EQ(r.value("footnotes", -1), 0) << r;
    EXPECT_TRUE(HasStory(r["skipped_stories"], "document", reason)) << r;
    ExpectSameStories(Stories(d.doc()), before);
  }
}

// A document opened read-only (here: "open read-only" saved in it) is never changed.
TEST(Protection, ReadOnlyDocumentIsNotChanged) {
  const std::string path = TheOffice().dir() + "/stories-readonly.odt";
  {
    ScopedDoc d;
    d.doc()->getText()->setString(
        FromUtf8(Said("We are ready to rebuild the bridge", "Jane Doe, the mayor,")));
    Reference<css::beans::XPropertySet>(
        Factory(d.doc())->createInstance("com.sun.star.document.Settings"), UNO_QUERY_THROW)
        ->setPropertyValue("LoadReadonly", Any(true));
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString("writer8");
    Reference<css::frame::XStorable>(d.doc(), UNO_QUERY_THROW)
        ->storeToURL(FromUtf8(office::FileUrl(path)), args);
  }
  ScopedDoc d(office::FileUrl(path));
  Reference<css::frame::XStorable> storable(d.doc(), UNO_QUERY_THROW);
  ASSERT_TRUE(storable->isReadonly());
  ExpectEveryCommandRefused(d, "the document is read-only");
  EXPECT_TRUE(storable->isReadonly());
  EXPECT_TRUE(MarkedQuotes(d.doc()).empty());
}

// Change recording protected by a password stays on; nothing is marked, nothing recorded.
TEST(Protection, PasswordProtectedChangeRecordingStaysOn) {
  ScopedDoc d;
  d.doc()->getText()->setString(
      FromUtf8(Said("We are ready to rebuild the bridge", "Jane Doe, the mayor,")));
  Reference<css::beans::XPropertySet> settings(d.doc(), UNO_QUERY_THROW);
  settings->setPropertyValue("RecordChanges", Any(true));
  css::uno::Sequence<sal_Int8> key(3);
  key.getArray()[0] = 1;
  key.getArray()[1] = 2;
  key.getArray()[2] = 3;
  settings->setPropertyValue("RedlineProtectionKey", Any(key));
  ExpectEveryCommandRefused(d, "change recording is on and protected by a password");
  bool recording = false;
  settings->getPropertyValue("RecordChanges") >>= recording;
  EXPECT_TRUE(recording);
  css::uno::Sequence<sal_Int8> now;
  settings->getPropertyValue("RedlineProtectionKey") >>= now;
  EXPECT_EQ(now.getLength(), 3);
  EXPECT_FALSE(
      Reference<css::container::XEnumerationAccess>(
          Reference<css::document::XRedlinesSupplier>(d.doc(), UNO_QUERY_THROW)->getRedlines(),
          UNO_QUERY_THROW)
          ->createEnumeration()
          ->hasMoreElements());
  // Recording on without a password: Attrib marks, and recording is on again after.
  settings->setPropertyValue("RedlineProtectionKey", Any(css::uno::Sequence<sal_Int8>()));
  nlohmann::json h = Command(d, "org.attrib:HighlightQuotes");
  EXPECT_EQ(h.value("marks", 0), 1) << h;
  settings->getPropertyValue("RecordChanges") >>= recording;
  EXPECT_TRUE(recording);
}

// A Word draft (tests/writer/stories/make_stories.py): its first-page header (LibreOffice 7.4
// makes it the header of a "First Page" style), default header
// (a PAGE field and a tracked deletion in the quote), footer, VML text box — a drawing shape
// whose text is a Writer frame — table, content control and user footnote are marked; Clear gives
// every story back. Its footnote's citation ("Budget Report 2024," Public Works Department) is
// the footnote's own: no speaker from the body, no "Public".
TEST(WordStories, DocxHeadersTextBoxAndFootnoteAreMarkedAndClearedExactly) {
  ScopedDoc d(office::FileUrl(std::string(ATTRIB_STORIES_DIR) + "/stories.docx"));
  const Reference<css::text::XTextDocument>& doc = d.doc();
  const std::string before = Stories(doc);
  const auto expected = EngineQuotes(doc);
  nlohmann::json h = Command(d, "org.attrib:HighlightQuotes");
  const auto marked = MarkedQuotes(doc);
  EXPECT_EQ(marked, expected) << h;
  for (const char* story : {"body", "header (First Page)", "header (Default Page Style)",
                            "footer (Default Page Style)", "text box", "footnote 1"}) {
    EXPECT_TRUE(StoriesOf(marked).count(story)) << "nothing marked in " << story << ": " << h;
  }
  EXPECT_TRUE(marked.count({"body", "The plan is far too expensive,"})) << "content control";
  EXPECT_TRUE(marked.count({"text box", "Boxes are read as well,"}));
  for (const uno::MarkedComment& c : uno::ReadMarkedContent(doc).comments) {
    EXPECT_EQ(c.comment.find("Public"), std::string::npos) << c.text << ": " << c.comment;
  }
  ExpectCommentsOnHighlights(doc);
  Command(d, "org.attrib:MarkClaims");
  Command(d, "org.attrib:InsertFootnotes");
  Command(d, "org.attrib:ClearMarks");
  ExpectSameStories(Stories(doc), before);
}

}  // namespace
}  // namespace attrib::test
