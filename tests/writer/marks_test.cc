// Highlight Quotes / Insert Attribution Footnotes / Clear Attribution Marks on real documents in
// headless soffice, against the engine's own result on the same text.
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "attrib/attrib.h"
#include "component/strings.h"
#include "component/writer_doc.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

Reference<css::lang::XMultiServiceFactory> Factory(const Reference<css::text::XTextDocument>& d) {
  return Reference<css::lang::XMultiServiceFactory>(d, UNO_QUERY_THROW);
}

// Text, per-portion character attributes, comments, footnotes and bookmarks, as one string.
void DumpText(const Reference<css::text::XText>& text, std::ostringstream& os) {
  Reference<css::container::XEnumeration> elements =
      Reference<css::container::XEnumerationAccess>(text, UNO_QUERY_THROW)->createEnumeration();
  while (elements->hasMoreElements()) {
    Reference<css::uno::XInterface> element(elements->nextElement(), UNO_QUERY);
    if (Reference<css::text::XTextTable> table{element, UNO_QUERY}; table.is()) {
      for (const OUString& cell : table->getCellNames()) {
        os << "[cell " << Utf8(cell) << "]\n";
        DumpText(Reference<css::text::XText>(table->getCellByName(cell), UNO_QUERY_THROW), os);
      }
      continue;
    }
    Reference<css::container::XEnumerationAccess> para(element, UNO_QUERY);
    if (!para.is()) continue;
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    // Adjacent text portions with equal attributes are one run: Writer may split a portion where
    // a mark was, without any difference in text or formatting.
    os << "P:";
    std::string last_attrs, run;
    auto flush = [&] {
      if (!run.empty() || !last_attrs.empty()) os << " {'" << run << "' " << last_attrs << "}";
      run.clear();
      last_attrs.clear();
    };
    while (portions->hasMoreElements()) {
      Reference<css::beans::XPropertySet> p(portions->nextElement(), UNO_QUERY_THROW);
      Reference<css::beans::XPropertyState> st(p, UNO_QUERY_THROW);
      OUString type;
      p->getPropertyValue("TextPortionType") >>= type;
      sal_Int32 back = 0, highlight = 0;
      float weight = 0;
      p->getPropertyValue("CharBackColor") >>= back;
      p->getPropertyValue("CharHighlight") >>= highlight;
      p->getPropertyValue("CharWeight") >>= weight;
      std::ostringstream attrs;
      attrs << "back=" << back
            << (st->getPropertyState("CharBackColor") == css::beans::PropertyState_DIRECT_VALUE ? "!" : "")
            << " hl=" << highlight << " w=" << weight;
      std::string text = Utf8(Reference<css::text::XTextRange>(p, UNO_QUERY_THROW)->getString());
      if (type == "SoftPageBreak") continue;  // layout (asynchronous), not document content
      if (type != "Text") {
        flush();
        os << " {" << Utf8(type) << " '" << text << "' " << attrs.str() << "}";
        continue;
      }
      if (attrs.str() != last_attrs) flush();
      last_attrs = attrs.str();
      run += text;
    }
    flush();
    os << "\n";
  }
}

struct Comment {
  std::string author, content, anchor, name;
};
std::vector<Comment> Comments(const Reference<css::text::XTextDocument>& doc) {
  std::vector<Comment> out;
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)->getTextFields()->createEnumeration();
  while (fields->hasMoreElements()) {
    Reference<css::lang::XServiceInfo> info(fields->nextElement(), UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.textfield.Annotation")) continue;
    Reference<css::beans::XPropertySet> p(info, UNO_QUERY_THROW);
    OUString author, content, name;
    p->getPropertyValue("Author") >>= author;
    p->getPropertyValue("Content") >>= content;
    p->getPropertyValue("Name") >>= name;
    out.push_back({Utf8(author), Utf8(content),
                   Utf8(Reference<css::text::XTextContent>(info, UNO_QUERY_THROW)->getAnchor()->getString()),
                   Utf8(name)});
  }
  return out;
}

std::vector<std::string> FootnoteTexts(const Reference<css::text::XTextDocument>& doc) {
  Reference<css::container::XIndexAccess> notes =
      Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
  std::vector<std::string> out;
  for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
    out.push_back(Utf8(Reference<css::text::XText>(notes->getByIndex(i), UNO_QUERY_THROW)->getString()));
  }
  return out;
}

std::vector<std::string> BookmarkNames(const Reference<css::text::XTextDocument>& doc) {
  std::vector<std::string> out;
  for (const OUString& n : Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks()->getElementNames()) {
    out.push_back(Utf8(n));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Snapshot(const Reference<css::text::XTextDocument>& doc) {
  std::ostringstream os;
  DumpText(doc->getText(), os);
  for (const Comment& c : Comments(doc)) os << "comment " << c.author << "|" << c.content << "|" << c.anchor << "\n";
  for (const std::string& f : FootnoteTexts(doc)) os << "footnote " << f << "\n";
  for (const std::string& b : BookmarkNames(doc)) os << "bookmark " << b << "\n";
  return os.str();
}

size_t CountOurs(const std::vector<Comment>& comments) {
  return static_cast<size_t>(std::count_if(comments.begin(), comments.end(), [](const Comment& c) {
    return c.author == "Attribution" && c.name.rfind("attrib:", 0) == 0;
  }));
}

// The seed article with the user's own marks: a background colour inside a quote, a comment,
// a footnote and a bookmark.
class SeedDoc : public ::testing::Test {
 protected:
  SeedDoc() : holder(ATTRIB_SEED_TXT, "Text (encoded)", "UTF8,LF,,,") {}
  void SetUp() override {
    auto d = uno::ReadParagraphs(doc());
    int32_t target = -1;
    for (size_t i = 0; i < d.paragraphs.size(); ++i) {
      if (d.paragraphs[i].map.text().rfind(u"\u201CHe will", 0) == 0) target = static_cast<int32_t>(i);
    }
    ASSERT_GE(target, 0) << "seed article changed";
    Reference<css::beans::XPropertySet>(uno::RangeOf(d, {target, 1}, {target, 12}), UNO_QUERY_THROW)
        ->setPropertyValue("CharBackColor", Any(sal_Int32(0x00FF00)));
    Reference<css::text::XText> text = doc()->getText();
    Reference<css::beans::XPropertySet> note(Factory(doc())->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
    note->setPropertyValue("Author", Any(Ou("editor")));
    note->setPropertyValue("Content", Any(Ou("check this")));
    text->insertTextContent(uno::RangeAt(d, {target, 0}), Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), false);
    Reference<css::text::XTextContent> fn(Factory(doc())->createInstance("com.sun.star.text.Footnote"), UNO_QUERY_THROW);
    text->insertTextContent(text->getEnd(), fn, false);
    Reference<css::text::XText>(fn, UNO_QUERY_THROW)->setString(Ou("The editor's own footnote."));
    Reference<css::text::XTextContent> bm(Factory(doc())->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
    Reference<css::container::XNamed>(bm, UNO_QUERY_THROW)->setName(Ou("editor-mark"));
    text->insertTextContent(uno::RangeAt(d, {target, 5}), bm, false);
  }
  const Reference<css::text::XTextDocument>& doc() { return holder.doc(); }
  std::string Run(const char* url) {
    bool ok = false;
    std::string r = Dispatch(holder.frame(), url, &ok);
    EXPECT_TRUE(ok) << url << ": " << r;
    return r;
  }
  // The engine's result on the document as it is now.
  Analysis Engine(Document* input) {
    *input = uno::DocumentOf(uno::ReadParagraphs(doc()).paragraphs);
    Analysis a;
    EXPECT_TRUE(Analyze(*input, Options(), &a).ok());
    return a;
  }
  ScopedDoc holder;
};

TEST_F(SeedDoc, HighlightMarksExactlyTheEngineSpans) {
  Document input;
  Analysis a = Engine(&input);
  ASSERT_FALSE(a.quotes.empty()) << "the engine finds no quote in the seed article";
  nlohmann::json r = nlohmann::json::parse(Run("org.attrib:HighlightQuotes"));
  EXPECT_EQ(r["quotes"], a.quotes.size());
  EXPECT_EQ(r["comments"], a.quotes.size());
  std::map<std::string, Comment> ours;
  for (const Comment& c : Comments(doc())) {
    if (c.author == "Attribution") ours[c.name] = c;
  }
  ASSERT_EQ(ours.size(), a.quotes.size());
  for (const Quote& q : a.quotes) {
    SCOPED_TRACE("quote " + std::to_string(q.id));
    auto it = ours.find("attrib:q" + std::to_string(q.id));
    ASSERT_NE(it, ours.end());
    std::u16string expected = input.text().substr(q.content.begin, q.content.size());
    EXPECT_EQ(it->second.anchor, Utf8(Ou16(expected)));
    std::string first_line = it->second.content.substr(0, it->second.content.find('\n'));
    if (!q.speaker) {
      EXPECT_EQ(first_line, "Unattributed");
    } else {
      const Speaker& s = a.speakers[*q.speaker];
      EXPECT_EQ(first_line, s.anonymous ? "Anonymous — " + s.name : s.name);
    }
    EXPECT_NE(it->second.content.find(QuoteKindName(q.kind)), std::string::npos);
  }
}

TEST_F(SeedDoc, RerunRefreshesInsteadOfStacking) {
  Run("org.attrib:HighlightQuotes");
  std::vector<std::string> bookmarks = BookmarkNames(doc());
  size_t comments = CountOurs(Comments(doc()));
  nlohmann::json r = nlohmann::json::parse(Run("org.attrib:HighlightQuotes"));
  EXPECT_GT(r["removed"].get<int>(), 0);
  EXPECT_EQ(CountOurs(Comments(doc())), comments);
  EXPECT_EQ(BookmarkNames(doc()), bookmarks);
}

TEST_F(SeedDoc, ClearRestoresExactly) {
  const std::string before = Snapshot(doc());
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:InsertFootnotes");
  ASSERT_NE(Snapshot(doc()), before);
  Run("org.attrib:ClearMarks");
  EXPECT_EQ(Snapshot(doc()), before);
}

TEST_F(SeedDoc, EachCommandIsOneUndoStepThatRestores) {
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(doc(), UNO_QUERY_THROW)->getUndoManager();
  const std::string before = Snapshot(doc());
  for (const char* url : {"org.attrib:HighlightQuotes", "org.attrib:InsertFootnotes"}) {
    SCOPED_TRACE(url);
    const sal_Int32 steps = undo->getAllUndoActionTitles().getLength();
    Run(url);
    ASSERT_EQ(undo->getAllUndoActionTitles().getLength(), steps + 1);
    EXPECT_EQ(Utf8(undo->getCurrentUndoActionTitle()),
              std::string(url) == "org.attrib:HighlightQuotes" ? "Highlight Quotes"
                                                                : "Insert Attribution Footnotes");
    undo->undo();
    EXPECT_EQ(Snapshot(doc()), before);
  }
}

TEST_F(SeedDoc, FootnotesAreIdempotentAndNameTheSpeaker) {
  Document input;
  Analysis a = Engine(&input);
  nlohmann::json first = nlohmann::json::parse(Run("org.attrib:InsertFootnotes"));
  std::vector<std::string> notes = FootnoteTexts(doc());
  nlohmann::json second = nlohmann::json::parse(Run("org.attrib:InsertFootnotes"));
  EXPECT_EQ(second["footnotes"], first["footnotes"]);
  EXPECT_EQ(second["removed"], first["footnotes"]);
  EXPECT_EQ(FootnoteTexts(doc()), notes);
  size_t ours = 0;
  for (const std::string& n : notes) {
    if (n.rfind("Quote attributed to ", 0) != 0) continue;
    ++ours;
    bool names_a_speaker = std::any_of(a.speakers.begin(), a.speakers.end(),
                                       [&](const Speaker& s) { return n.find(s.name) != std::string::npos; });
    EXPECT_TRUE(names_a_speaker) << n;
  }
  EXPECT_EQ(ours, first["footnotes"].get<size_t>());
  EXPECT_EQ(notes.size(), ours + 1);  // and the editor's own
}

TEST_F(SeedDoc, TrackChangesLeftAsTheUserHadItAndUnpolluted) {
  Reference<css::beans::XPropertySet> settings(doc(), UNO_QUERY_THROW);
  settings->setPropertyValue("RecordChanges", Any(true));
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:InsertFootnotes");
  bool recording = false;
  settings->getPropertyValue("RecordChanges") >>= recording;
  EXPECT_TRUE(recording);
  Reference<css::container::XEnumerationAccess> redlines =
      Reference<css::document::XRedlinesSupplier>(doc(), UNO_QUERY_THROW)->getRedlines();
  EXPECT_FALSE(redlines->createEnumeration()->hasMoreElements());
}

TEST_F(SeedDoc, DocxRoundTripKeepsCommentsAndFootnotes) {
  nlohmann::json h = nlohmann::json::parse(Run("org.attrib:HighlightQuotes"));
  nlohmann::json f = nlohmann::json::parse(Run("org.attrib:InsertFootnotes"));
  std::string path = TheOffice().dir() + "/roundtrip.docx";
  css::uno::Sequence<css::beans::PropertyValue> args(1);
  args.getArray()[0].Name = "FilterName";
  args.getArray()[0].Value <<= Ou("MS Word 2007 XML");
  Reference<css::frame::XStorable>(doc(), UNO_QUERY_THROW)->storeToURL(Ou(office::FileUrl(path)), args);
  ScopedDoc reloaded(path);
  std::vector<Comment> comments = Comments(reloaded.doc());
  size_t attribution = static_cast<size_t>(std::count_if(
      comments.begin(), comments.end(), [](const Comment& c) { return c.author == "Attribution"; }));
  EXPECT_EQ(attribution, h["comments"].get<size_t>());
  EXPECT_EQ(FootnoteTexts(reloaded.doc()).size(), f["footnotes"].get<size_t>() + 1);
}

TEST(Marks, EmptyDocumentAndTableOnlyDocument) {
  {
    ScopedDoc empty;
    bool ok = false;
    nlohmann::json r = nlohmann::json::parse(Dispatch(empty.frame(), "org.attrib:HighlightQuotes", &ok));
    EXPECT_TRUE(ok);
    EXPECT_EQ(r["quotes"], 0);
  }
  ScopedDoc doc;
  Reference<css::text::XTextTable> table(
      Factory(doc.doc())->createInstance("com.sun.star.text.TextTable"), UNO_QUERY_THROW);
  table->initialize(1, 1);
  Reference<css::text::XText> body = doc.doc()->getText();
  body->insertTextContent(body->getStart(), Reference<css::text::XTextContent>(table, UNO_QUERY_THROW), false);
  Reference<css::text::XText>(table->getCellByName("A1"), UNO_QUERY_THROW)
      ->setString(Ou("\xE2\x80\x9CWe are ready for diplomacy \xF0\x9F\x98\x80,\xE2\x80\x9D Emily Horne said."));
  Document input = uno::DocumentOf(uno::ReadParagraphs(doc.doc()).paragraphs);
  Analysis a;
  ASSERT_TRUE(Analyze(input, Options(), &a).ok());
  bool ok = false;
  nlohmann::json r = nlohmann::json::parse(Dispatch(doc.frame(), "org.attrib:HighlightQuotes", &ok));
  ASSERT_TRUE(ok) << r;
  EXPECT_EQ(r["quotes"], a.quotes.size());
  std::vector<Comment> comments = Comments(doc.doc());
  ASSERT_EQ(comments.size(), a.quotes.size());
  for (const Quote& q : a.quotes) {
    std::string expected = Utf8(Ou16(input.text().substr(q.content.begin, q.content.size())));
    EXPECT_TRUE(std::any_of(comments.begin(), comments.end(),
                            [&](const Comment& c) { return c.anchor == expected; }))
        << expected;
  }
}

}  // namespace
}  // namespace attrib::test
