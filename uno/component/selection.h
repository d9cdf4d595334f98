// The selection arithmetic of Highlight Quotes and Mark Claims (SELECTION in commands.h): which
// of a command's earlier marks a selection touches, and which ids new marks may take.
#pragma once

#include <com/sun/star/uno/Any.hxx>

#include "component/commands.h"
#include "component/writer_doc.h"

namespace attrib::uno {

// The controller's selection (void when there is no controller).
css::uno::Any SelectionOf(const CommandContext& c);

struct SelectedMarks {
  bool selected = false;   // the selection bookmarks hold a non-empty range
  Position begin, end;     // where (when selected)
  MarkFilter overlapping;  // the command's marks (bookmarks and comments) overlapping it
  int max_id = -1;         // the largest id of the command's marks in the whole document
};
// From paragraphs read after MarkSelection(): `tag` is the command's run bookmarks' (kQuoteTag,
// kClaimTag), `comment_tag` its comments' (kQuoteCommentTag, kClaimCommentTag). An item is marked
// by its comment (on its first piece) and bookmarks (other pieces, the user's own values): ids
// from both.
SelectedMarks MarksInSelection(const DocParagraphs& paragraphs, char tag, char comment_tag);

}  // namespace attrib::uno
