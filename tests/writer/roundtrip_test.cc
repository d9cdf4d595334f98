// The Word round trip (issue 10): a draft as Word writes it (tests/writer/roundtrip/make_docx.py:
// a comment by another author, user bookmarks named like Attrib's, highlight and shading inside
// quotes, tracked changes, a header, a table, a text box, user footnotes) is marked, saved as
// .docx / .odt / .doc / .rtf, reopened and cleared. What Clear gives back must be exactly what
// the same format gives back of the unmarked draft (a format's own losses are LibreOffice's,
// not Attrib's), in every story: body, tables, header, text box, footnotes, comments, bookmarks,
// tracked changes, document properties.
#include <gtest/gtest.h>

#include <algorithm>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "component/writer_doc.h"
#include "doc_dump.h"
#include "logic/marks.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

struct Format {
  const char* ext;
  const char* filter;
  // LibreOffice 7.4's .rtf filter loses the text of every comment (the user's too).
  bool keeps_comment_text;
};
const Format kFormats[] = {{"docx", "MS Word 2007 XML", true},
                           {"odt", "writer8", true},
                           {"doc", "MS Word 97", true},
                           {"rtf", "Rich Text Format", true}};

void PrintTo(const Format& f, std::ostream* os) {
  *os << f.ext;
}

std::string WorkFile(const std::string& name) {
  const std::string dir = TheOffice().dir() + "/roundtrip";
  std::filesystem::create_directories(dir);
  return dir + "/" + name;
}

void Save(const Reference<css::text::XTextDocument>& doc, const std::string& path,
          const char* filter) {
  css::uno::Sequence<css::beans::PropertyValue> args(2);
  args.getArray()[0].Name = "FilterName";
  args.getArray()[0].Value <<= OUString::createFromAscii(filter);
  args.getArray()[1].Name = "Overwrite";
  args.getArray()[1].Value <<= true;
  Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
      ->storeToURL(FromUtf8(office::FileUrl(path)), args);
}

std::vector<Comment> Ours(const Reference<css::text::XTextDocument>& doc) {
  std::vector<Comment> out;
  for (const Comment& c : Comments(doc)) {
    if (c.author == uno::kCommentAuthor) out.push_back(c);
  }
  return out;
}

nlohmann::json Command(const ScopedDoc& d, const char* url) {
  bool ok = false;
  std::string r = Dispatch(d.frame(), url, &ok);
  EXPECT_TRUE(ok) << url << ": " << r;
  return nlohmann::json::parse(r, nullptr, false);
}

// Compares line by line (a whole-document string is unreadable in a failure); with
// ATTRIB_ROUNDTRIP_DUMP=<dir> both sides are written there too.
void ExpectSameStories(const std::string& actual, const std::string& expected,
                       const std::string& what) {
  if (const char* dir = std::getenv("ATTRIB_ROUNDTRIP_DUMP")) {
    std::ofstream(std::string(dir) + "/" + what + ".expected") << expected;
    std::ofstream(std::string(dir) + "/" + what + ".actual") << actual;
  }
  std::istringstream e(expected), a(actual);
  std::string le, la;
  int line = 0;
  while (true) {
    const bool more_e = static_cast<bool>(std::getline(e, le));
    const bool more_a = static_cast<bool>(std::getline(a, la));
    ++line;
    if (!more_e && !more_a) break;
    EXPECT_EQ(la, le) << what << " line " << line;
  }
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

// Leaves out the "== footnote" sections (each up to the next "== " or the comments).
void DropFootnotes(std::string* s) {
  std::istringstream in(*s);
  std::string line, out;
  bool dropping = false;
  while (std::getline(in, line)) {
    if (line.rfind("== ", 0) == 0) dropping = line.rfind("== footnote", 0) == 0;
    if (line.rfind("comment ", 0) == 0 || line.rfind("bookmark ", 0) == 0) dropping = false;
    if (!dropping) out += line + "\n";
  }
  *s = out;
}

// Leaves out where bookmarks start and end inside paragraphs (their names stay in the
// "bookmark" lines), joining the text runs they split.
void DropBookmarkPositions(std::string* s) {
  const std::string mark = " {Bookmark '' ";
  std::istringstream in(*s);
  std::string line, out;
  while (std::getline(in, line)) {
    for (size_t at = line.find(mark); at != std::string::npos; at = line.find(mark)) {
      line.erase(at, line.find('}', at) + 1 - at);
    }
    // "{'a' X} {'b' X}" -> "{'ab' X}"
    for (size_t at = line.find("} {'"); at != std::string::npos;) {
      const size_t left_text_end = line.rfind("' ", at);
      const size_t right_text_end = line.find("' ", at + 4);
      if (left_text_end == std::string::npos || right_text_end == std::string::npos) break;
      const std::string left_attrs = line.substr(left_text_end + 2, at - left_text_end - 2);
      const size_t right_close = line.find('}', right_text_end);
      const std::string right_attrs =
          line.substr(right_text_end + 2, right_close - right_text_end - 2);
      const size_t left_open = line.rfind(" {", left_text_end);
      const bool left_is_text = left_open != std::string::npos && line[left_open + 2] == '\'';
      if (left_is_text && left_attrs == right_attrs) {
        line = line.substr(0, left_text_end) + line.substr(at + 4, right_text_end - at - 4) +
               line.substr(right_text_end);
        at = line.find("} {'", left_text_end);
      } else {
        at = line.find("} {'", at + 1);
      }
    }
    out += line + "\n";
  }
  *s = out;
}

class WordRoundTrip : public ::testing::TestWithParam<Format> {};

TEST_P(WordRoundTrip, MarkSaveReopenClearGivesBackWhatTheFormatKeeps) {
  const Format& f = GetParam();
  const std::string draft = office::FileUrl(ATTRIB_ROUNDTRIP_DOCX);
  // What the format gives back of the unmarked draft.
  const std::string plain = WorkFile(std::string("plain.") + f.ext);
  {
    ScopedDoc original(draft);
    Save(original.doc(), plain, f.filter);
  }
  ScopedDoc baseline(office::FileUrl(plain));
  const std::string expected = Stories(baseline.doc());
  ASSERT_NE(expected.find("Ann Editor"), std::string::npos) << expected;  // the user's comment
  // The user's bookmarks named like ours ("attrib:h1" comes back from .docx as "attrib%3Ah1").
  ASSERT_NE(expected.find("bookmark attrib_abcdef_h1_0_d"), std::string::npos) << expected;
  ASSERT_NE(expected.find("bookmark attrib"), expected.rfind("bookmark attrib")) << expected;

  // Marked with comments (quotes, claims) and saved.
  const std::string marked = WorkFile(std::string("marked.") + f.ext);
  size_t comments = 0, claim_comments = 0, outside_body = 0;
  {
    ScopedDoc d(draft);
    nlohmann::json h = Command(d, "org.attrib:HighlightQuotes");
    ASSERT_GE(h.value("comments", 0), 4) << h;
    nlohmann::json c = Command(d, "org.attrib:MarkClaims");
    claim_comments = static_cast<size_t>(c.value("comments", 0));
    comments = Ours(d.doc()).size();
    ASSERT_EQ(comments, static_cast<size_t>(h.value("comments", 0) + c.value("comments", 0)));
    for (const uno::MarkedComment& m : uno::ReadMarkedContent(d.doc()).comments) {
      outside_body += m.story != "body" ? 1 : 0;
    }
    ASSERT_GE(outside_body, 2u) << "the header's and the text box's quotes are marked";
    Save(d.doc(), marked, f.filter);
  }
  ScopedDoc reopened(office::FileUrl(marked));
  ASSERT_TRUE(uno::ReadRecord(reopened.doc())) << "the record of our marks is lost in ." << f.ext;
  std::vector<Comment> ours = Ours(reopened.doc());
  if (std::string(f.ext) == "odt") {
    ASSERT_EQ(ours.size(), comments);
  } else {
    // LibreOffice 7.4 fault: its .docx, .doc and .rtf export writes no comment that is in a
    // header, footer or text box (the user's too). The highlights there keep their bookmarks,
    // by which Clear and a re-run still know them (README "Every part of the document").
    // Asserted, so that a LibreOffice that fixes it shows up here.
    ASSERT_EQ(ours.size(), comments - outside_body) << "fixed?";
  }
  if (f.keeps_comment_text) {
    // A quote's comment keeps its two lines: speaker, then details.
    size_t two_lines = 0;
    for (const Comment& c : ours) {
      if (c.content.rfind("Check: ", 0) == 0) continue;
      // .doc gives its paragraphs back joined by '\r', the others by '\n'.
      const bool lines = c.content.find_first_of("\n\r") != std::string::npos;
      EXPECT_TRUE(lines) << c.content;
      two_lines += lines ? 1 : 0;
    }
    EXPECT_GT(two_lines, 0u);
  }
  // Every comment is known as ours again: a re-run refreshes instead of adding.
  nlohmann::json again = Command(reopened, "org.attrib:HighlightQuotes");
  EXPECT_GT(again.value("removed", 0), 0) << again;
  // As many as it made (.doc brings the text box back as a frame, whose quote is then read
  // too), and no quote commented twice.
  std::vector<Comment> now = Ours(reopened.doc());
  EXPECT_EQ(now.size(), static_cast<size_t>(again.value("comments", 0)) + claim_comments);
  if (std::string(f.ext) == "rtf") {
    // LibreOffice 7.4's .rtf round trip loses the text box itself (the unmarked draft's too):
    // its quote's mark goes with it.
    EXPECT_EQ(expected.find("Boxes are read"), std::string::npos) << "fixed?";
    EXPECT_GE(now.size() + 1, comments);
  } else {
    EXPECT_GE(now.size(), comments);
  }
  std::set<std::string> anchors;
  for (const Comment& c : now) {
    if (c.content.rfind("Check: ", 0) != 0) {
      EXPECT_TRUE(anchors.insert(c.anchor).second) << c.anchor;
    }
  }
  nlohmann::json cleared = Command(reopened, "org.attrib:ClearMarks");
  EXPECT_GE(cleared.value("removed", 0), static_cast<int>(now.size())) << cleared;
  std::string actual_known = Stories(reopened.doc()), expected_known = expected;
  if (std::string(f.ext) == "odt") {
    // LibreOffice's .odt export turns the user's highlight into a background; Clear gives the
    // highlight back as it was in the draft, so it is compared with the draft's.
    ReplaceAll(&expected_known, "{'ready' back=16776960! hl=-1", "{'ready' back=-1 hl=16776960");
  }
  if (std::string(f.ext) == "docx") {
    // LibreOffice 7.4 fault: its .docx import loses (or swaps) footnote texts when the file has
    // comments whose ids collide with footnote ids — here the user's own footnotes, once our
    // comments are there. Asserted, so that a LibreOffice that fixes it shows up here.
    for (const std::string& t : FootnoteTexts(reopened.doc())) EXPECT_EQ(t, "") << "fixed?";
    DropFootnotes(&actual_known);
    DropFootnotes(&expected_known);
  }
  ExpectSameStories(actual_known, expected_known, std::string("marks.") + f.ext);
}

// The footnote round trip of `draft` in format `f`: saves it unmarked (the baseline) and with
// Attrib's footnotes, reopens the marked file, checks that our footnotes kept their text and
// that a re-run refreshes them, clears, and gives the stories after Clear and the baseline's.
void FootnotesRoundTrip(const std::string& draft, const std::string& tag, const Format& f,
                        std::string* cleared, std::string* expected) {
  const std::string plain = WorkFile("plain-" + tag + "." + f.ext);
  {
    ScopedDoc original(draft);
    Save(original.doc(), plain, f.filter);
  }
  ScopedDoc baseline(office::FileUrl(plain));
  *expected = Stories(baseline.doc());
  const std::string marked = WorkFile("marked-" + tag + "." + f.ext);
  int inserted = 0;
  {
    ScopedDoc d(draft);
    nlohmann::json r = Command(d, "org.attrib:InsertFootnotes");
    inserted = r.value("footnotes", 0);
    ASSERT_GE(inserted, 3) << r;
    Save(d.doc(), marked, f.filter);
  }
  ScopedDoc reopened(office::FileUrl(marked));
  int with_text = 0;
  for (const std::string& t : FootnoteTexts(reopened.doc())) {
    with_text += uno::HasFootnoteShape(t) ? 1 : 0;
  }
  EXPECT_EQ(with_text, inserted) << "our footnotes' text is lost in ." << f.ext;
  // Idempotent after the round trip, then gone without a trace.
  nlohmann::json again = Command(reopened, "org.attrib:InsertFootnotes");
  EXPECT_EQ(again.value("removed", 0), inserted) << again;
  EXPECT_EQ(again.value("footnotes", 0), inserted) << again;
  Command(reopened, "org.attrib:ClearMarks");
  *cleared = Stories(reopened.doc());
}

TEST_P(WordRoundTrip, FootnotesSaveReopenClearGivesBackWhatTheFormatKeeps) {
  const Format& f = GetParam();
  if (std::string(f.ext) == "docx" || std::string(f.ext) == "rtf") {
    // LibreOffice 7.4 faults, README "What survives which format": the .docx import swaps
    // footnote texts when comment ids collide with footnote ids (the user's comment is enough
    // once there are three footnotes); the .rtf import moves the user's comment into a footnote
    // placed right after its range. Either way a user's text is lost before Attrib runs.
    GTEST_SKIP() << "LibreOffice 7.4 ." << f.ext << " import fault with comments and footnotes";
  }
  std::string cleared, expected;
  FootnotesRoundTrip(office::FileUrl(ATTRIB_ROUNDTRIP_DOCX), "fn", f, &cleared, &expected);
  if (HasFatalFailure()) return;
  ExpectSameStories(cleared, expected, std::string("footnotes.") + f.ext);
}

// The draft without its comment: what LibreOffice 7.4 keeps of footnotes in every format.
TEST_P(WordRoundTrip, FootnotesWithoutCommentsSaveReopenClearGivesBackWhatTheFormatKeeps) {
  const Format& f = GetParam();
  std::string cleared, expected;
  FootnotesRoundTrip(office::FileUrl(ATTRIB_ROUNDTRIP_DOCX_NO_COMMENT), "fn-nc", f, &cleared,
                     &expected);
  if (HasFatalFailure()) return;
  std::string actual_known = cleared, expected_known = expected;
  if (std::string(f.ext) == "rtf") {
    // LibreOffice 7.4 fault: the .rtf import moves a bookmark's end that follows a footnote
    // anchor in its paragraph by one character (the anchor counted twice): a user bookmark after
    // our footnote comes back one character short. Its name and the text stay.
    DropBookmarkPositions(&actual_known);
    DropBookmarkPositions(&expected_known);
  }
  ExpectSameStories(actual_known, expected_known, std::string("footnotes-nc.") + f.ext);
}

INSTANTIATE_TEST_SUITE_P(Formats, WordRoundTrip, ::testing::ValuesIn(kFormats),
                         [](const ::testing::TestParamInfo<Format>& i) {
                           return std::string(i.param.ext);
                         });

}  // namespace
}  // namespace attrib::test
