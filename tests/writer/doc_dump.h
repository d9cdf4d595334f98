// What a test compares of a Writer document: text and per-portion look of every paragraph,
// comments, footnotes, bookmarks — literal strings, so that a difference shows in the failure.
#pragma once

#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace attrib::test {

// Text, per-portion character attributes, comments, footnotes and bookmarks of `text` (tables
// cell by cell), one line per paragraph.
void DumpText(const css::uno::Reference<css::text::XText>& text, std::ostringstream& os);

struct Comment {
  std::string author, content, anchor, name;
};
std::vector<Comment> Comments(const css::uno::Reference<css::text::XTextDocument>& doc);
std::vector<std::string> FootnoteTexts(const css::uno::Reference<css::text::XTextDocument>& doc);
std::vector<std::string> BookmarkNames(const css::uno::Reference<css::text::XTextDocument>& doc);
// The body (DumpText), then comments (sorted), footnote texts and bookmark names.
std::string Snapshot(const css::uno::Reference<css::text::XTextDocument>& doc);
// Every story of the document, story by story, one literal string: body; every page style's
// header and footer that is on (shared, left, first page); frames (sorted: their names are not
// the user's); shapes (a text box's Writer text as DumpText, a drawing text as its string);
// footnotes and endnotes; comments (sorted), bookmarks, tracked changes, sections and their
// protection, change recording and its protection, user-defined document properties.
std::string Stories(const css::uno::Reference<css::text::XTextDocument>& doc);

}  // namespace attrib::test
