// Reading a Writer document for the engine and applying an EditPlan to it. Works the same
// in-process (the component) and over a UNO bridge (the integration tests use it to apply plans
// of their own making to real documents).
//
//   DocParagraphs doc = ReadParagraphs(text_document);
//   attrib::Document input = DocumentOf(doc.paragraphs);
//   ... Analyze ...
//   EditPlan plan = PlanEdits(input, analysis, doc.paragraphs);
//   Edits edits;                                 // counts edits, reports progress
//   ApplyMarks(text_document, doc, plan, edits);   // inside an UndoStep
#pragma once

#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "logic/plan.h"
#include "logic/stories.h"

namespace attrib::uno {

// A text portion's original look, as the bookmarks of Highlight Quotes ("CharBackColor") and
// Mark Claims (the underline) record it: read once, before any edit (see ApplyMarks).
struct PortionLook {
  int32_t begin = 0, end = 0;  // cursor steps in the paragraph (end > begin)
  std::string highlight;       // encoded as in the run bookmark names
  std::string underline;
};

struct DocParagraphs {
  std::vector<WriterParagraph> paragraphs;  // what the engine reads
  // Each paragraph (Writer's paragraph object). Not a range at its start: every XTextRange
  // kept alive is a mark in Writer, which every new mark then scans (LibreOffice 7.4).
  std::vector<css::uno::Reference<css::text::XTextRange>> elements;
  std::vector<std::vector<PortionLook>> looks;  // per paragraph when read with looks, else empty
  std::optional<MarkRecord> record;  // the document's record of Attrib's marks (logic/marks.h)
  // Each story's name, by WriterParagraph::story: "body", "header (Default Page Style)",
  // "frame 'Frame1'", "text box 'Text Box 1'", "shape 'Shape 2'", "footnote 1".
  std::vector<std::string> story_names;
};

// The document's record of Attrib's marks (its user-defined property kRecordProperty), if any.
std::optional<MarkRecord> ReadRecord(const css::uno::Reference<css::text::XTextDocument>& doc);
// Writes (or, with nullopt, removes) the record; inside an UndoStep, undo puts back what was
// there before (an undo action of ours: Writer's undo does not cover document properties).
void WriteRecord(const css::uno::Reference<css::text::XTextDocument>& doc,
                 const std::optional<MarkRecord>& record);
// The record, made with a fresh key and written when the document has none.
MarkRecord OwnRecord(const css::uno::Reference<css::text::XTextDocument>& doc);

// Every story, each with its own WriterParagraph::story (logic/stories.h): the body in order,
// table cells row by row (nested tables too) where the table stands; then the headers and
// footers of every page style (shared, left, first page: each one that is on and its own); the text
// of every text frame; every drawing shape's text — a .docx text box is a shape whose text is a
// Writer frame (marked like a frame), any other shape's text is drawing text, which holds no
// comment or bookmark (read, locked); then the user's footnotes and endnotes. footnotes_allowed is
// false outside the body. A paragraph in a protected section (or a protected cell, a
// content-protected frame) is locked (WriterParagraph::locked says why). The extension's own
// footnotes are not read. Which marks are ours follows the document's record (logic/marks.h), which
// is read first. Paragraph text is the join of its text portions, mapped to cursor steps
// (logic/text_map.h); the extension's bookmarks and comments (their ranges' ends) are collected in
// WriterParagraph::marks. With `looks`, every
// portion's original highlight/underline is recorded too (DocParagraphs::looks), which
// ApplyMarks/ApplyClaims need: reading it here, while the document holds none of the comments
// they insert, keeps them linear (enumerating a paragraph's portions scans every comment of the
// document in LibreOffice).
DocParagraphs ReadParagraphs(const css::uno::Reference<css::text::XTextDocument>& doc,
                             bool looks = true);

// Writer cursors at positions given in cursor steps (as read, moved by Insertions). LINEAR
// over a pass in either direction: each cursor is walked from the last position asked for, not
// from its paragraph's start (a walk per mark from the start made a long paragraph quadratic).
// Only one cursor is kept alive between calls (LibreOffice 7.4 corrects every UNO cursor on
// many edits), and it is dropped when something that takes a step is inserted at or before it.
class Locator {
 public:
  explicit Locator(const DocParagraphs& doc) : doc_(doc) {}
  // A collapsed cursor at `pos`.
  css::uno::Reference<css::text::XTextCursor> At(const Position& pos);
  // A cursor selecting [begin, end); clipped to begin's paragraph when end is in another text.
  css::uno::Reference<css::text::XTextCursor> Span(const Position& begin, const Position& end);
  // A step-taking object (footnote anchor, comment placeholder) was inserted at `pos`.
  void Inserted(const Position& pos);

 private:
  const DocParagraphs& doc_;
  css::uno::Reference<css::text::XTextCursor> known_;  // at step known_step_ of known_paragraph_
  int32_t known_paragraph_ = -1;
  int32_t known_step_ = 0;
};

// A collapsed cursor at `pos` (a Locator's, walked from the paragraph's start).
css::uno::Reference<css::text::XTextRange> RangeAt(const DocParagraphs& doc, const Position& pos);
// A cursor selecting [begin, end); clipped to begin's paragraph when end is in another text.
css::uno::Reference<css::text::XTextRange> RangeOf(const DocParagraphs& doc, const Position& begin,
                                                   const Position& end);

// Every document edit of a command goes through Tick(): it reports progress and, in tests,
// injects a failure (fail_after >= 0: the edit after `fail_after` edits throws a
// RuntimeException). Only the hidden dispatch argument "AttribFailAfterEdits" arms it, which no
// menu, toolbar or key ever passes.
struct Edits {
  int fail_after = -1;
  int done = 0;        // edits so far, in all phases
  int phase_done = 0;  // edits in this phase
  int planned = 0;     // edits expected in this phase (for progress)
  std::function<void(int phase_done, int planned)> progress;  // may be empty
  void Tick();
  // Starts a phase (clearing, marking) with its own progress reporting.
  void NewPhase(std::function<void(int, int)> on_progress) {
    phase_done = planned = 0;
    progress = std::move(on_progress);
  }
};

struct ApplyCounts {
  int marks = 0;
  int comments = 0;
  int footnotes = 0;
  int removed = 0;
  std::vector<std::string> skipped;
  std::vector<SkippedStory> skipped_stories;  // parts left as they were (protection), and why
};

// Highlights + comments of plan.marks (`paragraphs` read with looks), named per logic/marks.h with
// `record`'s key; the comments' minute is added to the record, which is written. The comment
// (one paragraph per line of PlannedMark::comment) sits on the quote's (first) piece, and Clear
// resets that range's background to the default; where the user's own background or highlight
// differs, and over later pieces of a quote split across texts, a run bookmark records the
// original "<background>_<highlight>" so that Clear restores it exactly. Most quotes need no
// bookmark: every mark costs Writer a scan of all marks.
ApplyCounts ApplyMarks(const css::uno::Reference<css::text::XTextDocument>& doc,
                       const DocParagraphs& paragraphs, const EditPlan& plan, MarkRecord& record,
                       Edits& edits);
// Wavy underlines + comments of plan.claims, recorded as for ApplyMarks (run bookmarks record
// "<underline colour>_<has colour>_<underline>", each "d" when not set directly).
ApplyCounts ApplyClaims(const css::uno::Reference<css::text::XTextDocument>& doc,
                        const DocParagraphs& paragraphs, const EditPlan& plan, MarkRecord& record,
                        Edits& edits);
// Footnotes of plan.footnotes, each holding a footnote bookmark (logic/marks.h) at its start.
// `bare` (benchmark only, CommandContext::bare_footnotes): empty footnotes, no text, no bookmark.
ApplyCounts ApplyFootnotes(const css::uno::Reference<css::text::XTextDocument>& doc,
                           const DocParagraphs& paragraphs, const EditPlan& plan,
                           const MarkRecord& record, Edits& edits, bool bare = false);

struct MarkKinds {
  bool quotes = false;  // highlights + their comments
  bool claims = false;  // underlines + their comments
  bool footnotes = false;
};
// Which quotes/claims a partial clear removes: by id, and comments whose name a format lost by
// their Writer name (MarksOverlapping).
struct MarkFilter {
  std::set<int> ids;
  std::set<std::string> comment_names;
};
// Removes what the extension made of the given kinds, restoring the original attributes. With
// `only`, only those quotes/claims (footnotes are then left alone). Marks where the text is
// protected now (LockAt) stay, counted in *skipped (may be null) per story and lock. Clearing
// every kind of the whole document, with nothing left, removes the record too. Returns how many
// marks were removed.
int ClearMarks(const css::uno::Reference<css::text::XTextDocument>& doc, const MarkKinds& kinds,
               Edits& edits, const MarkFilter* only = nullptr,
               std::vector<SkippedStory>* skipped = nullptr);

// PROTECTION. Attrib never lifts it; API edits are not refused by LibreOffice, so it checks:
// Why the whole document may not be changed, or "": read-only (opened read-only, "open
// read-only" saved in it, Edit Mode off), or change recording on and protected by a password
// (Attrib would have to switch recording off to mark without tracked changes).
std::string DocumentLock(const css::uno::Reference<css::text::XTextDocument>& doc);
// Why the text at `range` may not be changed (a protected section around it, a protected
// cell, frame or text box), or "".
std::string LockAt(const css::uno::Reference<css::text::XTextRange>& range);

// What the extension has marked in the document, for reports (`attrib annotate --json`). Read
// inside the office in one pass per kind: comments in the order Writer enumerates its text
// fields, footnotes in document order.
struct MarkedComment {
  bool claim = false;   // a claim's comment, else a quote's
  std::string story;    // where it is anchored (DocParagraphs::story_names' names)
  std::string name;     // the comment's Writer name
  std::string text;     // the text it is anchored on
  std::string comment;  // what it says, lines joined by '\n'
};
struct MarkedFootnote {
  std::string name;   // its bookmark's name
  std::string label;  // the anchor's text (the footnote number)
  std::string text;
};
struct MarkedContent {
  std::vector<MarkedComment> comments;
  std::vector<MarkedFootnote> footnotes;
};
MarkedContent ReadMarkedContent(const css::uno::Reference<css::text::XTextDocument>& doc);

// Puts collapsed selection bookmarks (logic/marks.h) at the ends of every non-empty text range
// of `selection` (the controller's selection); returns how many ranges were marked. They
// are in no undo step (nor is their removal): the command removes them, also when it fails.
int MarkSelection(const css::uno::Reference<css::text::XTextDocument>& doc,
                  const css::uno::Any& selection, const MarkRecord& record);
// Where the selection bookmarks are: the smallest start and largest end; false when none.
bool FindSelection(const DocParagraphs& paragraphs, Position* begin, Position* end);
// Removes the selection bookmarks (made with `record`'s key: a failed command's rollback may have
// removed the record itself).
void UnmarkSelection(const css::uno::Reference<css::text::XTextDocument>& doc,
                     const MarkRecord& record);

// Runs `edit` as ONE undo step named `title`, with change tracking off (restored after) and the
// controllers locked. If `edit` throws, what it did is undone and the exception rethrown.
// Refuses (throws) when DocumentLock() says the document may not be changed.
void UndoStep(const css::uno::Reference<css::text::XTextDocument>& doc, const rtl::OUString& title,
              const std::function<void()>& edit);

}  // namespace attrib::uno
