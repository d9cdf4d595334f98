// Highlight Quotes / Insert Attribution Footnotes / Clear Attribution Marks on real documents in
// headless soffice, against the engine's own result on the same text.
#include <gtest/gtest.h>

#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/PageNumberType.hpp>
#include <com/sun/star/text/TextContentAnchorType.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <rtl/ref.hxx>
#include <set>
#include <sstream>

#include "attrib/attrib.h"
#include "common/strings.h"
#include "component/writer_doc.h"
#include "doc_dump.h"
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

// The document's key (logic/marks.h), "" when it has no record.
std::string Key(const Reference<css::text::XTextDocument>& doc) {
  std::optional<uno::MarkRecord> r = uno::ReadRecord(doc);
  return r ? r->key : "";
}
// The name of our comment on quote (tag 'q') or claim ('c') `id`.
std::string Named(const Reference<css::text::XTextDocument>& doc, char tag, int id) {
  return uno::CommentName(Key(doc), tag, id);
}
// Our bookmarks' names parsed (those of other tags and the user's left out); tag 0: all.
std::vector<std::pair<std::string, uno::ParsedName>> OurBookmarks(
    const Reference<css::text::XTextDocument>& doc, char tag = 0) {
  std::vector<std::pair<std::string, uno::ParsedName>> out;
  const std::string key = Key(doc);
  for (const std::string& b : BookmarkNames(doc)) {
    std::optional<uno::ParsedName> p = uno::ParseName(b, key);
    if (p && (tag == 0 || p->tag == tag)) out.emplace_back(b, *p);
  }
  return out;
}

size_t CountOurs(const std::vector<Comment>& comments) {
  return static_cast<size_t>(std::count_if(comments.begin(), comments.end(), [](const Comment& c) {
    return c.author == "Attribution" && c.name.rfind("attrib_", 0) == 0;
  }));
}

// Per paragraph (body and table cells, in ReadParagraphs order), the text of the portions for
// which `pick` holds, concatenated.
using PortionPick = std::function<bool(const Reference<css::beans::XPropertySet>&)>;
void PickedText(const Reference<css::text::XText>& text, const PortionPick& pick,
                std::vector<std::string>* out) {
  Reference<css::container::XEnumeration> elements =
      Reference<css::container::XEnumerationAccess>(text, UNO_QUERY_THROW)->createEnumeration();
  while (elements->hasMoreElements()) {
    Reference<css::uno::XInterface> element(elements->nextElement(), UNO_QUERY);
    if (Reference<css::text::XTextTable> table{element, UNO_QUERY}; table.is()) {
      for (const OUString& cell : table->getCellNames()) {
        PickedText(Reference<css::text::XText>(table->getCellByName(cell), UNO_QUERY_THROW), pick,
                   out);
      }
      continue;
    }
    Reference<css::container::XEnumerationAccess> para(element, UNO_QUERY);
    if (!para.is()) continue;
    std::string picked;
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    while (portions->hasMoreElements()) {
      Reference<css::beans::XPropertySet> p(portions->nextElement(), UNO_QUERY_THROW);
      if (pick(p))
        picked += ToUtf8(Reference<css::text::XTextRange>(p, UNO_QUERY_THROW)->getString());
    }
    out->push_back(picked);
  }
}
std::vector<std::string> PickedText(const Reference<css::text::XTextDocument>& doc,
                                    const PortionPick& pick) {
  std::vector<std::string> out;
  PickedText(doc->getText(), pick, &out);
  return out;
}
// Per paragraph, the engine's text under the given spans (their union), in order.
std::vector<std::string> SpannedText(const Document& input, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (int32_t p = 0; p < static_cast<int32_t>(input.paragraphs().size()); ++p) {
    const std::u16string& t = input.paragraphs()[p];
    const int32_t start = input.ParagraphStart(p);
    std::u16string picked;
    for (int32_t i = 0; i < static_cast<int32_t>(t.size()); ++i) {
      bool in = std::any_of(spans.begin(), spans.end(),
                            [&](const Span& s) { return s.Contains(start + i); });
      if (in) picked += t[i];
    }
    out.push_back(ToUtf8(FromU16(picked)));
  }
  return out;
}
bool IsWavy(const Reference<css::beans::XPropertySet>& p) {
  sal_Int16 u = 0;
  sal_Int32 color = 0;
  p->getPropertyValue("CharUnderline") >>= u;
  p->getPropertyValue("CharUnderlineColor") >>= color;
  return u == css::awt::FontUnderline::WAVE && color == static_cast<sal_Int32>(uno::kClaimColor);
}
void ExpectSameLines(const std::vector<std::string>& got, const std::vector<std::string>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i]) << "paragraph " << i;
}
// Snapshots differ: report the first differing line only.
void ExpectSameSnapshot(const std::string& got, const std::string& want) {
  std::istringstream g(got), w(want);
  std::string gl, wl;
  int line = 0;
  while (true) {
    bool more_g = static_cast<bool>(std::getline(g, gl)),
         more_w = static_cast<bool>(std::getline(w, wl));
    ++line;
    if (!more_g && !more_w) return;
    if (gl != wl || more_g != more_w) {
      size_t at = 0;
      while (at < gl.size() && at < wl.size() && gl[at] == wl[at]) ++at;
      const size_t from = at > 150 ? at - 150 : 0;
      ADD_FAILURE() << "snapshots differ at line " << line << ", column " << at << "\n got: ..."
                    << gl.substr(from, 400) << "\nwant: ..." << wl.substr(from, 400);
      return;
    }
  }
}
std::vector<Span> ClaimSpans(const Analysis& a) {
  std::vector<Span> out;
  for (const Claim& c : a.claims) out.push_back(c.span);
  return out;
}
// Our comments of `tag` ('q' quotes, 'c' claims; 0: both), by their names (kept in a document
// that was not saved and reopened).
std::vector<Comment> OursNamed(const Reference<css::text::XTextDocument>& doc, char tag) {
  std::vector<Comment> out;
  const std::string key = Key(doc);
  for (const Comment& c : Comments(doc)) {
    std::optional<uno::ParsedName> p = uno::ParseName(c.name, key);
    if (c.author == "Attribution" && p && (tag == 0 || p->tag == tag)) out.push_back(c);
  }
  return out;
}

// Records what a command reports to its status indicator.
class RecordingIndicator : public cppu::WeakImplHelper1<css::task::XStatusIndicator> {
 public:
  void SAL_CALL start(const OUString& text, sal_Int32 range) override {
    started = ToUtf8(text);
    this->range = range;
  }
  void SAL_CALL end() override { ended = true; }
  void SAL_CALL setText(const OUString&) override {}
  void SAL_CALL setValue(sal_Int32 v) override { values.push_back(v); }
  void SAL_CALL reset() override {}
  std::string started;
  sal_Int32 range = 0;
  bool ended = false;
  std::vector<sal_Int32> values;
};

css::uno::Sequence<css::beans::PropertyValue> Args(const char* name, const Any& value) {
  css::uno::Sequence<css::beans::PropertyValue> args(1);
  args.getArray()[0].Name = rtl::OUString::createFromAscii(name);
  args.getArray()[0].Value = value;
  return args;
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
      if (d.paragraphs[i].map.text().rfind(u"\u201CHe will", 0) == 0)
        target = static_cast<int32_t>(i);
    }
    ASSERT_GE(target, 0) << "seed article changed";
    Reference<css::beans::XPropertySet>(uno::RangeOf(d, {target, 1}, {target, 12}), UNO_QUERY_THROW)
        ->setPropertyValue("CharBackColor", Any(sal_Int32(0x00FF00)));
    // The user's own underlines (single, blue; double, no colour) in every longer paragraph:
    // claims are sentences, so some of these lie under claim marks.
    for (size_t i = 0; i < d.paragraphs.size(); ++i) {
      if (d.paragraphs[i].map.steps() < 40) continue;
      const int32_t p = static_cast<int32_t>(i);
      Reference<css::beans::XPropertySet> u(uno::RangeOf(d, {p, 2}, {p, 14}), UNO_QUERY_THROW);
      u->setPropertyValue("CharUnderline", Any(sal_Int16(i % 2 ? 1 : 2)));  // SINGLE / DOUBLE
      if (i % 2) {
        u->setPropertyValue("CharUnderlineColor", Any(sal_Int32(0x0000FF)));
        u->setPropertyValue("CharUnderlineHasColor", Any(true));
      }
    }
    Reference<css::text::XText> text = doc()->getText();
    Reference<css::beans::XPropertySet> note(
        Factory(doc())->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
    note->setPropertyValue("Author", Any(FromUtf8("editor")));
    note->setPropertyValue("Content", Any(FromUtf8("check this")));
    text->insertTextContent(uno::RangeAt(d, {target, 0}),
                            Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), false);
    Reference<css::text::XTextContent> fn(
        Factory(doc())->createInstance("com.sun.star.text.Footnote"), UNO_QUERY_THROW);
    text->insertTextContent(text->getEnd(), fn, false);
    Reference<css::text::XText>(fn, UNO_QUERY_THROW)
        ->setString(FromUtf8("The editor's own footnote."));
    Reference<css::text::XTextContent> bm(
        Factory(doc())->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
    Reference<css::container::XNamed>(bm, UNO_QUERY_THROW)->setName(FromUtf8("editor-mark"));
    text->insertTextContent(uno::RangeAt(d, {target, 5}), bm, false);
  }
  const Reference<css::text::XTextDocument>& doc() { return holder.doc(); }
  std::string Run(const char* url) {
    bool ok = false;
    std::string r = Dispatch(holder.frame(), url, &ok);
    EXPECT_TRUE(ok) << url << ": " << r;
    return r;
  }
  nlohmann::json RunJson(const char* url) { return nlohmann::json::parse(Run(url)); }
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
    auto it = ours.find(Named(doc(), 'q', q.id));
    ASSERT_NE(it, ours.end());
    std::u16string expected = input.text().substr(q.content.begin, q.content.size());
    EXPECT_EQ(it->second.anchor, ToUtf8(FromU16(expected)));
    // In plain English words: speaker and role, then the kind; the rule only with details.
    std::string first_line = it->second.content.substr(0, it->second.content.find('\n'));
    if (!q.speaker) {
      EXPECT_EQ(first_line, "Unattributed");
    } else {
      const Speaker& s = a.speakers[*q.speaker];
      std::string who = s.anonymous ? "Anonymous source (" + s.name + ")" : s.name;
      EXPECT_EQ(first_line, s.role.empty() ? who : who + ", " + s.role);
    }
    const char* kind = q.kind == QuoteKind::kDirect     ? "\ndirect quote"
                       : q.kind == QuoteKind::kMixed    ? "\npartial quote"
                       : q.kind == QuoteKind::kIndirect ? "\nreported speech"
                                                        : "\nquoted term";
    EXPECT_NE(it->second.content.find(kind), std::string::npos) << it->second.content;
    EXPECT_EQ(it->second.content.find(q.rule), std::string::npos) << it->second.content;
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

// A highlighted quote's comment range says what Clear resets; bookmarks record only what it
// cannot say — the user's own background (here one green run inside a quote). Every mark costs
// Writer a scan of all marks, so a bookmark per quote made Highlight quadratic.
TEST_F(SeedDoc, HighlightRecordsOnlyTheUsersOwnBackgroundsInBookmarks) {
  nlohmann::json r = RunJson("org.attrib:HighlightQuotes");
  ASSERT_GT(r["comments"].get<int>(), 5);
  auto ours = OurBookmarks(doc());
  ASSERT_EQ(ours.size(), 1u);
  EXPECT_EQ(ours[0].second.encoded, "0000FF00_d");  // the user's green, no highlight
}

TEST_F(SeedDoc, ClearRestoresExactly) {
  const std::string before = Snapshot(doc());
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:MarkClaims");
  Run("org.attrib:InsertFootnotes");
  ASSERT_NE(Snapshot(doc()), before);
  Run("org.attrib:ClearMarks");
  ExpectSameSnapshot(Snapshot(doc()), before);
  // The other order, and re-runs over existing marks.
  Run("org.attrib:MarkClaims");
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:MarkClaims");
  Run("org.attrib:ClearMarks");
  ExpectSameSnapshot(Snapshot(doc()), before);
}

TEST_F(SeedDoc, EachCommandIsOneUndoStepThatRestores) {
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(doc(), UNO_QUERY_THROW)->getUndoManager();
  const std::string before = Snapshot(doc());
  const std::map<std::string, std::string> titles = {
      {"org.attrib:HighlightQuotes", "Highlight Quotes"},
      {"org.attrib:MarkClaims", "Mark Claims"},
      {"org.attrib:InsertFootnotes", "Insert Attribution Footnotes"}};
  for (const auto& [url, title] : titles) {
    SCOPED_TRACE(url);
    const sal_Int32 steps = undo->getAllUndoActionTitles().getLength();
    Run(url.c_str());
    ASSERT_EQ(undo->getAllUndoActionTitles().getLength(), steps + 1);
    EXPECT_EQ(ToUtf8(undo->getCurrentUndoActionTitle()), title);
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
    bool names_a_speaker = std::any_of(a.speakers.begin(), a.speakers.end(), [&](const Speaker& s) {
      return n.find(s.name) != std::string::npos;
    });
    EXPECT_TRUE(names_a_speaker) << n;
  }
  EXPECT_EQ(ours, first["footnotes"].get<size_t>());
  EXPECT_EQ(notes.size(), ours + 1);  // and the editor's own
}

// Every footnote sits in the paragraph of the quote it attributes, right after the speaker's
// last quote there (its closing mark; only text-less placeholders such as a comment's end may
// lie between) — also when that quote ends the paragraph. With and without highlights.
void ExpectFootnotesRightAfterTheirQuotes(ScopedDoc& holder, bool highlighted) {
  const Reference<css::text::XTextDocument>& doc = holder.doc();
  SCOPED_TRACE(highlighted ? "after Highlight Quotes" : "footnotes only");
  uno::DocParagraphs paragraphs = uno::ReadParagraphs(doc, false);
  Document input = uno::DocumentOf(paragraphs.paragraphs);
  Analysis a;
  ASSERT_TRUE(Analyze(input, Options(), &a).ok());
  // The speaker's last quote per (paragraph, speaker), as the footnote's name gives them.
  std::map<std::pair<int, int>, Span> turns;
  for (const Quote& q : a.quotes) {
    if (!q.speaker) continue;
    const Span marked = q.marked.empty() ? q.content : q.marked;
    const Location e = input.Locate(marked.end - 1);
    Span& last = turns[{static_cast<int>(e.paragraph), *q.speaker}];
    if (last.empty() || last.end < marked.end) last = marked;
  }
  bool ok = false;
  nlohmann::json r =
      nlohmann::json::parse(Dispatch(holder.frame(), "org.attrib:InsertFootnotes", &ok));
  ASSERT_TRUE(ok) << r;
  ASSERT_GT(r["footnotes"].get<int>(), 0);
  Reference<css::container::XNameAccess> bookmarks =
      Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks();
  int checked = 0, at_paragraph_end = 0;
  for (const OUString& name : bookmarks->getElementNames()) {
    const std::string n = ToUtf8(name);
    std::optional<uno::ParsedName> parsed = uno::ParseName(n, Key(doc));
    if (!parsed || parsed->tag != uno::kFootnoteTag) continue;
    const int p = parsed->id, s = parsed->run;
    SCOPED_TRACE(n);
    auto turn = turns.find({p, s});
    ASSERT_NE(turn, turns.end());
    // The footnote bookmark sits right before the footnote's anchor.
    Reference<css::text::XTextRange> mark =
        Reference<css::text::XTextContent>(bookmarks->getByName(name), UNO_QUERY_THROW)
            ->getAnchor();
    Reference<css::text::XTextCursor> label = mark->getText()->createTextCursorByRange(mark);
    label->goRight(1, true);
    Reference<css::container::XEnumeration> portions =
        Reference<css::container::XEnumerationAccess>(
            Reference<css::container::XEnumerationAccess>(label, UNO_QUERY_THROW)
                ->createEnumeration()
                ->nextElement(),
            UNO_QUERY_THROW)
            ->createEnumeration();
    Reference<css::text::XFootnote> note;
    while (portions->hasMoreElements() && !note.is()) {
      Reference<css::beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY_THROW);
      OUString type;
      portion->getPropertyValue("TextPortionType") >>= type;
      if (type == "Footnote") note.set(portion->getPropertyValue("Footnote"), UNO_QUERY);
    }
    ASSERT_TRUE(note.is()) << "no footnote right after the bookmark";
    Reference<css::text::XTextRange> anchor = note->getAnchor();
    Reference<css::text::XTextCursor> before =
        anchor->getText()->createTextCursorByRange(anchor->getStart());
    Reference<css::text::XParagraphCursor>(before, UNO_QUERY_THROW)->gotoStartOfParagraph(true);
    Reference<css::text::XTextCursor> after =
        anchor->getText()->createTextCursorByRange(anchor->getEnd());
    Reference<css::text::XParagraphCursor>(after, UNO_QUERY_THROW)->gotoEndOfParagraph(true);
    const std::string text_before = ToUtf8(before->getString());
    const std::u16string& para = paragraphs.paragraphs.at(p).map.text();
    const Location e = input.Locate(turn->second.end - 1);
    const std::string quote = ToUtf8(
        FromU16(std::u16string_view(input.text()).substr(turn->second.begin, turn->second.size())));
    const std::string para_start =
        ToUtf8(FromU16(para.substr(0, std::min<size_t>(para.size(), 20))));
    EXPECT_EQ(text_before.rfind(para_start, 0), 0u)
        << "not in the quote's paragraph: '" << text_before << "'";
    ASSERT_GE(text_before.size(), quote.size()) << "'" << text_before << "'";
    EXPECT_EQ(text_before.substr(text_before.size() - quote.size()), quote)
        << "not right after its quote: '" << text_before << "'";
    if (static_cast<size_t>(e.offset) + 1 == para.size()) {
      ++at_paragraph_end;
      EXPECT_EQ(ToUtf8(after->getString()), "") << "the quote ended the paragraph";
    }
    ++checked;
  }
  EXPECT_EQ(checked, r["footnotes"].get<int>());
  EXPECT_GT(at_paragraph_end, 0) << "the seed article should have a turn ending its paragraph";
}

TEST_F(SeedDoc, FootnoteAnchorsSitRightAfterTheirQuotes) {
  ExpectFootnotesRightAfterTheirQuotes(holder, false);
}

TEST_F(SeedDoc, FootnoteAnchorsSitRightAfterTheirQuotesAfterHighlighting) {
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:MarkClaims");
  ExpectFootnotesRightAfterTheirQuotes(holder, true);
  ExpectFootnotesRightAfterTheirQuotes(holder, true);  // a rerun replaces them in place
}

// The README screenshot's route (scripts/screenshot.sh): the seed article converted to an .odt
// in Liberation Serif and reloaded (not the .txt loaded directly), then Highlight Quotes and
// Insert Footnotes as `attrib annotate --commands highlight,footnotes` runs them. Every anchor
// sits right after its quote in the quote's paragraph (the old screenshot showed some at the
// start of the next paragraph), in the document and again after saving and reloading it.
TEST(SeedOdt, FootnoteAnchorsSitRightAfterTheirQuotesInTheConvertedArticle) {
  const std::string odt = TheOffice().dir() + "/seed-converted.odt";
  const std::string saved = TheOffice().dir() + "/seed-annotated.odt";
  auto store = [](const Reference<css::text::XTextDocument>& d, const std::string& path) {
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= FromUtf8("writer8");
    Reference<css::frame::XStorable>(d, UNO_QUERY_THROW)
        ->storeToURL(FromUtf8(office::FileUrl(path)), args);
  };
  {
    ScopedDoc txt(ATTRIB_SEED_TXT, "Text (encoded)", "UTF8,LF,Liberation Serif,en-US");
    store(txt.doc(), odt);
  }
  ScopedDoc holder(odt);
  bool ok = false;
  std::string r = Dispatch(holder.frame(), "org.attrib:HighlightQuotes", &ok);
  ASSERT_TRUE(ok) << r;
  ExpectFootnotesRightAfterTheirQuotes(holder, true);
  // What stands before each anchor in its paragraph, here and after saving and reloading.
  auto texts_before_anchors = [](const Reference<css::text::XTextDocument>& d) {
    std::vector<std::string> out;
    Reference<css::container::XIndexAccess> notes =
        Reference<css::text::XFootnotesSupplier>(d, UNO_QUERY_THROW)->getFootnotes();
    for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
      Reference<css::text::XTextRange> anchor =
          Reference<css::text::XFootnote>(notes->getByIndex(i), UNO_QUERY_THROW)->getAnchor();
      Reference<css::text::XTextCursor> before =
          anchor->getText()->createTextCursorByRange(anchor->getStart());
      Reference<css::text::XParagraphCursor>(before, UNO_QUERY_THROW)->gotoStartOfParagraph(true);
      out.push_back(ToUtf8(before->getString()));
    }
    return out;
  };
  const std::vector<std::string> here = texts_before_anchors(holder.doc());
  ASSERT_FALSE(here.empty());
  for (const std::string& t : here) EXPECT_FALSE(t.empty()) << "an anchor starts its paragraph";
  store(holder.doc(), saved);
  ScopedDoc reloaded(saved);
  EXPECT_EQ(texts_before_anchors(reloaded.doc()), here);
}

// Our comments carry the time they were made (not "(no date)").
TEST_F(SeedDoc, CommentsCarryADate) {
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:MarkClaims");
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc(), UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  int ours = 0;
  while (fields->hasMoreElements()) {
    Reference<css::beans::XPropertySet> p(fields->nextElement(), UNO_QUERY);
    if (!p.is()) continue;
    OUString author;
    p->getPropertyValue("Author") >>= author;
    if (author != "Attribution") continue;
    ++ours;
    css::util::DateTime dt;
    ASSERT_TRUE(p->getPropertyValue("DateTimeValue") >>= dt);
    EXPECT_GE(dt.Year, 2024) << "comment without a date";
    EXPECT_GE(dt.Month, 1);
  }
  EXPECT_GT(ours, 0);
}

TEST_F(SeedDoc, TrackChangesLeftAsTheUserHadItAndUnpolluted) {
  Reference<css::beans::XPropertySet> settings(doc(), UNO_QUERY_THROW);
  settings->setPropertyValue("RecordChanges", Any(true));
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:MarkClaims");
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
  args.getArray()[0].Value <<= FromUtf8("MS Word 2007 XML");
  Reference<css::frame::XStorable>(doc(), UNO_QUERY_THROW)
      ->storeToURL(FromUtf8(office::FileUrl(path)), args);
  ScopedDoc reloaded(path);
  std::vector<Comment> comments = Comments(reloaded.doc());
  size_t attribution =
      static_cast<size_t>(std::count_if(comments.begin(), comments.end(), [](const Comment& c) {
        return c.author == "Attribution";
      }));
  EXPECT_EQ(attribution, h["comments"].get<size_t>());
  EXPECT_EQ(FootnoteTexts(reloaded.doc()).size(), f["footnotes"].get<size_t>() + 1);
}

TEST_F(SeedDoc, MarkClaimsMarksExactlyTheEngineClaims) {
  Document input;
  Analysis a = Engine(&input);
  ASSERT_GE(a.claims.size(), 5u) << "the engine finds too few claims in the seed article";
  const std::string quotes_before = Snapshot(doc());
  nlohmann::json r = RunJson("org.attrib:MarkClaims");
  EXPECT_EQ(r["command"], "MarkClaims");
  EXPECT_EQ(r["claims"], a.claims.size());
  EXPECT_EQ(r["comments"], a.claims.size());
  EXPECT_EQ(r["claim_list"].size(), a.claims.size());
  std::map<std::string, Comment> ours;
  for (const Comment& c : OursNamed(doc(), 'c')) ours[c.name] = c;
  ASSERT_EQ(ours.size(), a.claims.size());
  for (const Claim& c : a.claims) {
    SCOPED_TRACE("claim " + std::to_string(c.id));
    auto it = ours.find(Named(doc(), 'c', c.id));
    ASSERT_NE(it, ours.end());
    EXPECT_EQ(it->second.anchor, ToUtf8(FromU16(input.text().substr(c.span.begin, c.span.size()))));
    EXPECT_EQ(it->second.content, uno::ClaimCommentText(a, c));
    EXPECT_EQ(it->second.content.rfind("Check: ", 0), 0u);
  }
  // Exactly the claims' characters carry the wavy underline, nothing else.
  std::vector<std::string> got = PickedText(doc(), IsWavy),
                           want = SpannedText(input, ClaimSpans(a));
  ASSERT_LE(got.size(), want.size());
  for (size_t i = got.size(); i < want.size(); ++i)
    EXPECT_EQ(want[i], "") << "a claim in a footnote";
  want.resize(got.size());
  ExpectSameLines(got, want);
  // No quote mark was made, and the user's own underlines outside claims are untouched.
  EXPECT_TRUE(OursNamed(doc(), 'q').empty());
}

TEST_F(SeedDoc, ClaimsAndQuotesRefreshWithoutTouchingEachOther) {
  nlohmann::json c1 = RunJson("org.attrib:MarkClaims");
  nlohmann::json h1 = RunJson("org.attrib:HighlightQuotes");
  const size_t claims = OursNamed(doc(), 'c').size();
  const size_t quotes = OursNamed(doc(), 'q').size();
  ASSERT_GT(claims, 0u);
  ASSERT_GT(quotes, 0u);
  // What a user sees: the characters highlighted/underlined and the comments.
  auto visible = [&] {
    std::ostringstream os;
    for (const std::string& l : PickedText(doc(), IsWavy)) os << "wavy " << l << "\n";
    for (const std::string& l : PickedText(doc(), [](const Reference<css::beans::XPropertySet>& p) {
           sal_Int32 back = -1;
           p->getPropertyValue("CharBackColor") >>= back;
           return back != -1;
         })) {
      os << "back " << l << "\n";
    }
    std::vector<std::string> comments;
    for (const Comment& c : Comments(doc()))
      comments.push_back(c.name + "|" + c.content + "|" + c.anchor);
    std::sort(comments.begin(), comments.end());
    for (const std::string& c : comments) os << c << "\n";
    return os.str();
  };
  const std::string marked = visible();
  nlohmann::json h2 = RunJson("org.attrib:HighlightQuotes");
  EXPECT_GT(h2["removed"].get<int>(), h1["marks"].get<int>());  // bookmarks + comments
  nlohmann::json c2 = RunJson("org.attrib:MarkClaims");
  EXPECT_GT(c2["removed"].get<int>(), 0);
  EXPECT_EQ(OursNamed(doc(), 'c').size(), claims);
  EXPECT_EQ(OursNamed(doc(), 'q').size(), quotes);
  ExpectSameSnapshot(visible(), marked);  // a refresh changes nothing visible
  // And Clear after all this still restores the document exactly.
  Run("org.attrib:ClearMarks");
  EXPECT_TRUE(OursNamed(doc(), 0).empty());
}

TEST_F(SeedDoc, SelectionMarksOnlyWhatOverlapsIt) {
  // The paragraph with the most quotes; select from its start to the middle of its first quote.
  uno::DocParagraphs d = uno::ReadParagraphs(doc());
  Document input = uno::DocumentOf(d.paragraphs);
  Analysis all;
  ASSERT_TRUE(Analyze(input, Options(), &all).ok());
  std::map<int32_t, int> per_paragraph;
  for (const Quote& q : all.quotes) ++per_paragraph[input.Locate(q.content.begin).paragraph];
  ASSERT_FALSE(per_paragraph.empty());
  int32_t target = per_paragraph.begin()->first;
  for (const auto& [p, n] : per_paragraph) {
    if (n > per_paragraph[target]) target = p;
  }
  const Quote* first = nullptr;
  for (const Quote& q : all.quotes) {
    if (input.Locate(q.content.begin).paragraph == target) {
      first = &q;
      break;
    }
  }
  ASSERT_NE(first, nullptr);
  const int32_t cut = input.Locate(first->content.begin).offset + 2;
  const int32_t cut_step = d.paragraphs[target].map.StepsAt(cut, uno::Bias::kEnd);
  Reference<css::view::XSelectionSupplier> selection(
      Reference<css::frame::XModel>(doc(), UNO_QUERY_THROW)->getCurrentController(),
      UNO_QUERY_THROW);
  ASSERT_TRUE(selection->select(Any(uno::RangeOf(d, {target, 0}, {target, cut_step}))));

  // Expected: the engine on the touched paragraph alone; the quotes overlapping [0, cut).
  Document one({input.paragraphs()[target]});
  Analysis local;
  ASSERT_TRUE(Analyze(one, Options(), &local).ok());
  std::set<std::string> expected;
  for (const Quote& q : local.quotes) {
    if (q.content.begin < cut)
      expected.insert(ToUtf8(FromU16(one.text().substr(q.content.begin, q.content.size()))));
  }
  ASSERT_FALSE(expected.empty());
  nlohmann::json r = RunJson("org.attrib:HighlightQuotes");
  EXPECT_EQ(r["selection"], true);
  EXPECT_EQ(r["paragraphs"], d.paragraphs.size());
  std::set<std::string> got;
  for (const Comment& c : OursNamed(doc(), 'q')) got.insert(c.anchor);
  EXPECT_EQ(got, expected);

  // After a whole-document run, a selection run refreshes only its part: same count, no
  // duplicate names, and Clear still restores exactly.
  selection->select(Any(Reference<css::text::XTextRange>(doc()->getText()->getStart())));
  nlohmann::json whole = RunJson("org.attrib:HighlightQuotes");
  EXPECT_EQ(whole["selection"], false);
  const size_t count = OursNamed(doc(), 'q').size();
  EXPECT_EQ(count, all.quotes.size());
  d = uno::ReadParagraphs(doc());
  ASSERT_TRUE(selection->select(
      Any(uno::RangeOf(d, {target, 0}, {target, d.paragraphs[target].map.steps()}))));
  nlohmann::json again = RunJson("org.attrib:HighlightQuotes");
  EXPECT_EQ(again["selection"], true);
  EXPECT_GT(again["removed"].get<int>(), 0);
  std::vector<Comment> now = OursNamed(doc(), 'q');
  EXPECT_EQ(now.size(), count);
  std::set<std::string> names;
  for (const Comment& c : now) names.insert(c.name);
  EXPECT_EQ(names.size(), now.size());
  std::vector<std::string> bookmarks = BookmarkNames(doc());
  EXPECT_EQ(std::set<std::string>(bookmarks.begin(), bookmarks.end()).size(), bookmarks.size());
  EXPECT_TRUE(OurBookmarks(doc(), uno::kSelectionTag).empty());
  // Claims with a selection too.
  nlohmann::json claims = RunJson("org.attrib:MarkClaims");
  EXPECT_EQ(claims["selection"], true);
  for (const auto& c : claims["claim_list"]) EXPECT_FALSE(c["text"].get<std::string>().empty());
}

// Fault injection (the hidden "AttribFailAfterEdits" argument): the command's edit n+1 throws;
// the dispatch fails and the document is exactly as before, with no undo step left behind.
void ExpectRollbacks(SeedDoc* t, ScopedDoc& holder, const Reference<css::text::XTextDocument>& doc,
                     const std::vector<const char*>& urls) {
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
  (void)t;
  for (const char* url : urls) {
    SCOPED_TRACE(url);
    const std::string before = Snapshot(doc);
    const std::vector<std::string> names_before = BookmarkNames(doc);
    const sal_Int32 steps = undo->getAllUndoActionTitles().getLength();
    // How many edits a successful run makes (then undone, to start from the same document).
    bool ok = false;
    nlohmann::json ok_run = nlohmann::json::parse(Dispatch(holder.frame(), url, &ok));
    ASSERT_TRUE(ok);
    const int edits = ok_run["edits"].get<int>();
    ASSERT_GT(edits, 2);
    undo->undo();
    ExpectSameSnapshot(Snapshot(doc), before);
    for (int n : {0, edits / 2, edits - 1}) {
      SCOPED_TRACE("failing edit " + std::to_string(n + 1) + " of " + std::to_string(edits));
      std::string r =
          Dispatch(holder.frame(), url, Args("AttribFailAfterEdits", Any(sal_Int32(n))), &ok);
      EXPECT_FALSE(ok);
      EXPECT_NE(r.find("injected failure"), std::string::npos) << r;
      ExpectSameSnapshot(Snapshot(doc), before);
      EXPECT_EQ(BookmarkNames(doc), names_before);
      EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), steps);
    }
    // Armed past the last edit: nothing fails.
    Dispatch(holder.frame(), url, Args("AttribFailAfterEdits", Any(sal_Int32(edits))), &ok);
    EXPECT_TRUE(ok);
    undo->undo();
  }
}

TEST_F(SeedDoc, AFailureRollsBackToExactlyBefore) {
  ExpectRollbacks(
      this, holder, doc(),
      {"org.attrib:HighlightQuotes", "org.attrib:MarkClaims", "org.attrib:InsertFootnotes"});
  Run("org.attrib:HighlightQuotes");
  Run("org.attrib:MarkClaims");
  Run("org.attrib:InsertFootnotes");
  ExpectRollbacks(this, holder, doc(), {"org.attrib:ClearMarks", "org.attrib:InsertFootnotes"});
}

// A re-run of Highlight Quotes that fails half-way, after it removed the old comments, rolls
// back exactly too. (Writer's undo finds a bookmark to remove by its recorded position; bookmarks
// next to a comment placeholder that the command removed and the undo put back were not found and
// came back shorter or stayed: now most quotes need no bookmark, and the selection's bookmarks —
// after the undo of a re-run, the restored ranges are selected — are outside the undo step.)
TEST_F(SeedDoc, AFailedRerunRollsBackExactly) {
  Run("org.attrib:HighlightQuotes");
  ExpectRollbacks(this, holder, doc(), {"org.attrib:HighlightQuotes"});
}

TEST_F(SeedDoc, ProgressGoesToTheStatusIndicator) {
  for (const char* url :
       {"org.attrib:HighlightQuotes", "org.attrib:MarkClaims", "org.attrib:InsertFootnotes"}) {
    SCOPED_TRACE(url);
    rtl::Reference<RecordingIndicator> indicator(new RecordingIndicator);
    bool ok = false;
    std::string r = Dispatch(
        holder.frame(), url,
        Args("StatusIndicator", Any(Reference<css::task::XStatusIndicator>(indicator.get()))), &ok);
    ASSERT_TRUE(ok) << r;
    EXPECT_EQ(indicator->started.rfind("Attribution: ", 0), 0u) << indicator->started;
    EXPECT_EQ(indicator->range, 100);
    EXPECT_TRUE(indicator->ended);
    ASSERT_GE(indicator->values.size(), 5u);
    EXPECT_TRUE(std::is_sorted(indicator->values.begin(), indicator->values.end()));
    EXPECT_EQ(std::set<sal_Int32>(indicator->values.begin(), indicator->values.end()).size(),
              indicator->values.size());  // only changes are reported
    EXPECT_EQ(indicator->values.back(), 100);
  }
}

// Quotes over fields, footnote anchors, comments (at a point and on a range), bookmarks, a frame,
// non-BMP characters, with track changes ON: the exact characters marked are the engine's spans,
// no redline is created, a footnote is refused in the frame (said so), and Clear restores.
TEST(Marks, SpansLandExactlyOverPlaceholders) {
  ScopedDoc d;
  Reference<css::text::XTextDocument> doc = d.doc();
  Reference<css::text::XText> text = doc->getText();
  Reference<css::text::XTextCursor> at = text->createTextCursorByRange(text->getEnd());
  auto put = [&](const char* s) { text->insertString(at.get(), FromUtf8(s), false); };
  auto insert = [&](const char* service) {
    Reference<css::text::XTextContent> c(
        Factory(doc)->createInstance(rtl::OUString::createFromAscii(service)), UNO_QUERY_THROW);
    text->insertTextContent(at.get(), c, false);
    return c;
  };
  put("\xE2\x80\x9CWe will cut taxes by 5 percent on page ");
  Reference<css::beans::XPropertySet>(insert("com.sun.star.text.TextField.PageNumber"),
                                      UNO_QUERY_THROW)
      ->setPropertyValue("SubType", Any(css::text::PageNumberType_CURRENT));
  put(" before the ");
  Reference<css::text::XText>(insert("com.sun.star.text.Footnote"), UNO_QUERY_THROW)
      ->setString(FromUtf8("user note"));
  put(" 2024 vote \xF0\x9D\x91\xA5,\xE2\x80\x9D Emily Horne said.");
  Reference<css::beans::XPropertySet> point(
      Factory(doc)->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
  point->setPropertyValue("Author", Any(FromUtf8("user")));
  text->insertTextContent(at.get(), Reference<css::text::XTextContent>(point, UNO_QUERY_THROW),
                          false);
  text->insertControlCharacter(at.get(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
  put("\xE2\x80\x9CPrices rose by 12 percent");
  Reference<css::container::XNamed>(insert("com.sun.star.text.Bookmark"), UNO_QUERY_THROW)
      ->setName(FromUtf8("user-mark"));
  put(" since 2019 \xF0\x9F\x98\x80 ");
  Reference<css::beans::XPropertySet> frame(
      Factory(doc)->createInstance("com.sun.star.text.TextFrame"), UNO_QUERY_THROW);
  frame->setPropertyValue("AnchorType", Any(css::text::TextContentAnchorType_AS_CHARACTER));
  text->insertTextContent(at.get(), Reference<css::text::XTextContent>(frame, UNO_QUERY_THROW),
                          false);
  Reference<css::text::XText>(frame, UNO_QUERY_THROW)
      ->setString(FromUtf8("\xE2\x80\x9CNo footnotes here,\xE2\x80\x9D Horne said."));
  put(" and more,\xE2\x80\x9D the minister said.");
  // The user's comment on a range: "Prices rose" (zero-width start, its character at the end).
  uno::DocParagraphs pre = uno::ReadParagraphs(doc);
  Reference<css::beans::XPropertySet> ranged(
      Factory(doc)->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
  ranged->setPropertyValue("Author", Any(FromUtf8("user")));
  text->insertTextContent(uno::RangeOf(pre, {1, 1}, {1, 12}),
                          Reference<css::text::XTextContent>(ranged, UNO_QUERY_THROW), true);
  Reference<css::beans::XPropertySet> settings(doc, UNO_QUERY_THROW);
  settings->setPropertyValue("RecordChanges", Any(true));

  const std::string before = Snapshot(doc);
  Document input = uno::DocumentOf(uno::ReadParagraphs(doc).paragraphs);
  Analysis a;
  ASSERT_TRUE(Analyze(input, Options(), &a).ok());
  ASSERT_GE(a.quotes.size(), 3u);
  bool ok = false;
  nlohmann::json h = nlohmann::json::parse(Dispatch(d.frame(), "org.attrib:HighlightQuotes", &ok));
  ASSERT_TRUE(ok) << h;
  Dispatch(d.frame(), "org.attrib:MarkClaims", &ok);
  ASSERT_TRUE(ok);
  nlohmann::json f = nlohmann::json::parse(Dispatch(d.frame(), "org.attrib:InsertFootnotes", &ok));
  ASSERT_TRUE(ok) << f;
  bool frame_skipped = false;
  for (const auto& s : f["skipped"])
    frame_skipped |= s.get<std::string>().find("no footnote") != std::string::npos;
  EXPECT_TRUE(frame_skipped) << f;
  std::ifstream log(TheOffice().log_path());
  std::string log_text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(log_text.find("Insert Attribution Footnotes finished, but skipped"), std::string::npos);

  std::map<std::string, Comment> ours;
  for (const Comment& c : OursNamed(doc, 'q')) ours[c.name] = c;
  std::vector<Span> body_spans;
  for (const Quote& q : a.quotes) {
    SCOPED_TRACE("quote " + std::to_string(q.id));
    ASSERT_TRUE(ours.count(Named(doc, 'q', q.id)));
    EXPECT_EQ(ours[Named(doc, 'q', q.id)].anchor,
              ToUtf8(FromU16(input.text().substr(q.content.begin, q.content.size()))));
    if (input.Locate(q.content.begin).paragraph < 2) body_spans.push_back(q.content);
  }
  std::vector<std::string> got = PickedText(doc, [](const Reference<css::beans::XPropertySet>& p) {
    sal_Int32 back = -1;
    p->getPropertyValue("CharBackColor") >>= back;
    return back != -1;
  });
  std::vector<std::string> want = SpannedText(input, body_spans);
  want.resize(got.size());
  ExpectSameLines(got, want);
  Reference<css::container::XEnumerationAccess> redlines =
      Reference<css::document::XRedlinesSupplier>(doc, UNO_QUERY_THROW)->getRedlines();
  EXPECT_FALSE(redlines->createEnumeration()->hasMoreElements());
  Dispatch(d.frame(), "org.attrib:ClearMarks", &ok);
  ASSERT_TRUE(ok);
  ExpectSameSnapshot(Snapshot(doc), before);
}

// A quote opened in body text and closed in a table cell: the engine ends a quote at its
// paragraph's end, so each text gets its own marks, none crossing into the other; Clear restores.
// The engine continues a quote left open at a paragraph's end onto the paragraph that closes
// it — here a table cell. Writer cannot hold one range across two texts, so the converter marks
// it per text, and the quote's comment is anchored on its first piece.
TEST(Marks, QuoteRunningIntoATableCellIsMarkedPerText) {
  ScopedDoc d;
  Reference<css::text::XText> body = d.doc()->getText();
  body->setString(FromUtf8("Horne said: \xE2\x80\x9CWe are ready"));
  Reference<css::text::XTextTable> table(
      Factory(d.doc())->createInstance("com.sun.star.text.TextTable"), UNO_QUERY_THROW);
  table->initialize(1, 1);
  body->insertTextContent(body->getEnd(),
                          Reference<css::text::XTextContent>(table, UNO_QUERY_THROW), false);
  Reference<css::text::XText>(table->getCellByName("A1"), UNO_QUERY_THROW)
      ->setString(FromUtf8("to talk now,\xE2\x80\x9D she added."));
  const std::string before = Snapshot(d.doc());
  uno::DocParagraphs paragraphs = uno::ReadParagraphs(d.doc());
  Document input = uno::DocumentOf(paragraphs.paragraphs);
  Analysis a;
  ASSERT_TRUE(Analyze(input, Options(), &a).ok());
  bool ok = false;
  Dispatch(d.frame(), "org.attrib:HighlightQuotes", &ok);
  ASSERT_TRUE(ok);
  ASSERT_EQ(a.quotes.size(), 1u);
  const Quote& q = a.quotes[0];
  EXPECT_EQ(input.Locate(q.content.begin).paragraph, 0);
  EXPECT_EQ(input.Locate(q.content.end - 1).paragraph, 1);  // into the cell
  std::set<std::string> anchors;
  for (const Comment& c : OursNamed(d.doc(), 'q')) anchors.insert(c.anchor);
  EXPECT_EQ(anchors, (std::set<std::string>{"We are ready"}));
  Dispatch(d.frame(), "org.attrib:ClearMarks", &ok);
  ExpectSameSnapshot(Snapshot(d.doc()), before);
}

// Marks made by the version before the Word round trip ("attrib:" names) are found and cleared
// — also as .docx returns them ("attrib%3A…") — while the user's bookmarks named like them, and
// a comment by the user, stay.
TEST(Marks, EarlierVersionsMarksAreClearedAndLookAlikesStay) {
  ScopedDoc d;
  Reference<css::text::XText> body = d.doc()->getText();
  body->setString(FromUtf8("He said \xE2\x80\x9Cwe are ready now\xE2\x80\x9D and left."));
  auto range = [&](int from, int to) {
    Reference<css::text::XTextCursor> c = body->createTextCursor();
    c->gotoStart(false);
    c->goRight(static_cast<sal_Int16>(from), false);
    c->goRight(static_cast<sal_Int16>(to - from), true);
    return c;
  };
  auto bookmark = [&](const std::string& name, int from, int to) {
    Reference<css::text::XTextContent> b(
        Factory(d.doc())->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
    Reference<css::container::XNamed>(b, UNO_QUERY_THROW)->setName(FromUtf8(name));
    body->insertTextContent(range(from, to).get(), b, from != to);
  };
  // What version 1 made: a highlight with its comment, a run bookmark recording the user's
  // background "00FF0000" (escaped as .docx returns it), a footnote with its bookmark inside.
  Reference<css::text::XTextRange> quote = range(9, 25).get();
  Reference<css::beans::XPropertySet>(quote, UNO_QUERY_THROW)
      ->setPropertyValue("CharBackColor", Any(static_cast<sal_Int32>(0xFFE699)));
  Reference<css::beans::XPropertySet> note(
      Factory(d.doc())->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
  note->setPropertyValue("Author", Any(FromUtf8("Attribution")));
  note->setPropertyValue("Name", Any(FromUtf8("attrib:q0")));
  note->setPropertyValue("Content", Any(FromUtf8("Someone\nsaid \xC2\xB7 direct \xC2\xB7 0.95")));
  body->insertTextContent(quote, Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), true);
  bookmark("attrib%3Ah0.1%3A00FF0000", 2, 4);
  Reference<css::text::XTextContent> footnote(
      Factory(d.doc())->createInstance("com.sun.star.text.Footnote"), UNO_QUERY_THROW);
  body->insertTextContent(body->getEnd(), footnote, false);
  Reference<css::text::XText> note_text(footnote, UNO_QUERY_THROW);
  note_text->setString(FromUtf8("Quote attributed to Someone."));
  Reference<css::text::XTextContent> fb(
      Factory(d.doc())->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
  Reference<css::container::XNamed>(fb, UNO_QUERY_THROW)->setName("attrib:f0.0");
  note_text->insertTextContent(note_text->getStart(), fb, false);
  // The user's look-alikes.
  bookmark("attrib:h1", 30, 34);
  bookmark("attrib_abcdef_h1_0_d", 0, 2);
  bool ok = false;
  nlohmann::json r = nlohmann::json::parse(Dispatch(d.frame(), "org.attrib:ClearMarks", &ok));
  ASSERT_TRUE(ok) << r;
  EXPECT_EQ(r["removed"], 3) << r;  // the comment, the run bookmark, the footnote
  EXPECT_TRUE(FootnoteTexts(d.doc()).empty());
  EXPECT_TRUE(Comments(d.doc()).empty());
  EXPECT_EQ(BookmarkNames(d.doc()),
            (std::vector<std::string>{"attrib:h1", "attrib_abcdef_h1_0_d"}));
  // The quote's background is gone; the run bookmark's original (red) is back under it.
  Reference<css::beans::XPropertySet> red(range(2, 4).get(), UNO_QUERY_THROW);
  sal_Int32 color = 0;
  red->getPropertyValue("CharBackColor") >>= color;
  EXPECT_EQ(color, 0xFF0000);
  Reference<css::beans::XPropertySet> inside(range(12, 16).get(), UNO_QUERY_THROW);
  inside->getPropertyValue("CharBackColor") >>= color;
  EXPECT_EQ(color, -1);
}

TEST(Marks, EmptyDocumentAndTableOnlyDocument) {
  {
    ScopedDoc empty;
    for (const char* url : {"org.attrib:HighlightQuotes", "org.attrib:MarkClaims",
                            "org.attrib:InsertFootnotes", "org.attrib:ClearMarks"}) {
      bool ok = false;
      nlohmann::json r = nlohmann::json::parse(Dispatch(empty.frame(), url, &ok));
      EXPECT_TRUE(ok) << url;
      EXPECT_EQ(r["marks"], 0) << url;
    }
  }
  ScopedDoc doc;
  Reference<css::text::XTextTable> table(
      Factory(doc.doc())->createInstance("com.sun.star.text.TextTable"), UNO_QUERY_THROW);
  table->initialize(1, 1);
  Reference<css::text::XText> body = doc.doc()->getText();
  body->insertTextContent(body->getStart(),
                          Reference<css::text::XTextContent>(table, UNO_QUERY_THROW), false);
  Reference<css::text::XText>(table->getCellByName("A1"), UNO_QUERY_THROW)
      ->setString(
          FromUtf8("\xE2\x80\x9CWe are ready for diplomacy \xF0\x9F\x98\x80,\xE2\x80\x9D Emily "
                   "Horne said."));
  Document input = uno::DocumentOf(uno::ReadParagraphs(doc.doc()).paragraphs);
  Analysis a;
  ASSERT_TRUE(Analyze(input, Options(), &a).ok());
  bool ok = false;
  nlohmann::json r =
      nlohmann::json::parse(Dispatch(doc.frame(), "org.attrib:HighlightQuotes", &ok));
  ASSERT_TRUE(ok) << r;
  EXPECT_EQ(r["quotes"], a.quotes.size());
  std::vector<Comment> comments = Comments(doc.doc());
  ASSERT_EQ(comments.size(), a.quotes.size());
  for (const Quote& q : a.quotes) {
    std::string expected = ToUtf8(FromU16(input.text().substr(q.content.begin, q.content.size())));
    EXPECT_TRUE(std::any_of(comments.begin(), comments.end(), [&](const Comment& c) {
      return c.anchor == expected;
    })) << expected;
  }
}

}  // namespace
}  // namespace attrib::test
