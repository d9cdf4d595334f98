// The one converter from an engine result to Writer edits (STYLE.md 5): plain structs in,
// planned edits out, no UNO — so it is unit-tested without soffice. Placeholder and unit
// corrections happen here (through ParagraphMap) and nowhere else.
//
//   std::vector<WriterParagraph> paragraphs = ...;      // read from the document
//   attrib::Document doc = DocumentOf(paragraphs);
//   attrib::Analysis result;  attrib::Analyze(doc, options, &result);
//   EditPlan plan = PlanEdits(doc, result, paragraphs);  // marks, claims, footnotes, in steps
//
// With a selection (commands.h): the engine reads only paragraphs [first, last] the selection
// touches; ShiftParagraphs() makes the plan's positions document-wide again, RestrictTo() keeps
// what overlaps the selection and OffsetIds() keeps mark ids unique among the marks left
// elsewhere in the document. How marks are named is logic/marks.h's business.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "attrib/attrib.h"
#include "logic/marks.h"
#include "logic/text_map.h"

namespace attrib::uno {

// Wavy underline colour of a check-worthy claim (0xRRGGBB): a dark orange, unlike any highlight.
inline constexpr uint32_t kClaimColor = 0xE36C09;

// One of the extension's bookmarks or comments seen in a paragraph (ReadParagraphs collects them).
struct MarkPoint {
  std::string name;   // Writer's name of it: pairs its start and end
  char tag = 0;       // what it is (logic/marks.h): kQuoteTag, kQuoteCommentTag, ...
  int id = -1;        // its quote/claim id; -1 for a comment whose name a format lost
  int32_t step = 0;   // where the bookmark starts or ends, in cursor steps
  bool start = true;  // its start (or a collapsed bookmark)
  bool end = true;    // its end (or a collapsed bookmark)
};

// One engine paragraph in the Writer document.
struct WriterParagraph {
  ParagraphMap map;
  bool footnotes_allowed = true;  // false where Writer refuses a footnote (footnote, frame)
  int32_t text_id = 0;            // which XText holds it: 0 = body, then each cell, frame, note
  // Which story (logic/stories.h): 0 = the body with its tables and sections, then one per
  // header/footer, frame, text box, shape, note; the engine reads each story by itself.
  int32_t story = 0;
  // The language the paragraph is set in (Writer's CharLocale: "de", "fr"); "" = none set.
  std::string language;
  // Why Attrib may not change this paragraph ("protected section 'Legal'"); "" = it may.
  std::string locked;
  std::vector<MarkPoint> marks;  // the extension's bookmarks and comments in it
};

// A position in the document: paragraph index and cursor steps from its start.
struct Position {
  int32_t paragraph = 0;
  int32_t step = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

// A stretch of one XText: a span crossing from body text into a table cell (or out of it)
// becomes one piece per text, since a Writer range cannot span two texts.
struct Piece {
  Position begin, end;
  friend bool operator==(const Piece&, const Piece&) = default;
};

struct PlannedMark {
  int quote = 0;              // Quote::id
  Position begin, end;        // the quote's content, in cursor steps
  std::vector<Piece> pieces;  // [begin, end) cut where the text changes (usually one piece)
  uint32_t color = 0;         // background, 0xRRGGBB
  // "Emily Horne, spokeswoman\ndirect quote · cue “said” · high confidence" (CommentText; sits
  // on pieces[0]; one paragraph per line)
  std::string comment;
};

struct PlannedClaim {
  int claim = 0;              // Claim::id
  Position begin, end;        // the claim's span
  std::vector<Piece> pieces;  // as PlannedMark::pieces
  std::string comment;        // "Check: comparison, dated event · unattributed · high confidence"
};

struct PlannedFootnote {
  Position at;  // insert point: after the speaker's last quote in the paragraph
  int speaker = 0;
  std::string text;  // "Quote attributed to Emily Horne, spokeswoman for the NSC."
};

struct EditPlan {
  std::vector<PlannedMark> marks;          // in document order
  std::vector<PlannedClaim> claims;        // in document order
  std::vector<PlannedFootnote> footnotes;  // in document order
  std::vector<std::string> skipped;        // what could not be planned, for the user
};

// The engine's input made of the paragraphs' text (joined by U+000A).
Document DocumentOf(const std::vector<WriterParagraph>& paragraphs);

// Maps a span of doc.text() to positions; begin/end snap outward per ParagraphMap::StepsAt.
void MapSpan(const Document& doc, const std::vector<WriterParagraph>& paragraphs, const Span& span,
             Position* begin, Position* end);

// [begin, end) cut into one piece per run of consecutive paragraphs with the same text_id.
// Empty pieces are dropped.
std::vector<Piece> SplitByText(const std::vector<WriterParagraph>& paragraphs,
                               const Position& begin, const Position& end);

// What is marked and how it reads (the editor's settings, logic/settings.h). The words are in
// the analysis's language (Analysis::language, logic/catalog.h).
struct MarkStyle {
  bool details = false;         // comments add the rule that decided and the raw score
  bool speaker_colours = true;  // a colour per speaker; false: one colour for every quote
  // Which kinds of quote are highlighted and footnoted (kOther, quoted terms, always are when
  // the engine reports them).
  bool direct = true, mixed = true, indirect = true;
  // Footnote text per primary language with {who}; a language not here takes the catalogue's.
  std::map<std::string, std::string> footnote_wording;
  // Whether quotes of `kind` are marked.
  bool Marks(QuoteKind kind) const;
};

// Plans highlights + comments for every quote, underlines + comments for every claim, and one
// footnote per (paragraph, speaker) turn.
EditPlan PlanEdits(const Document& doc, const Analysis& analysis,
                   const std::vector<WriterParagraph>& paragraphs, const MarkStyle& style = {});

// Adds `first` to every paragraph index of the plan (made over paragraphs [first, ...)).
void ShiftParagraphs(EditPlan* plan, int32_t first);
// Keeps the marks and claims that overlap [begin, end) (a collapsed range: those holding it).
void RestrictTo(EditPlan* plan, const Position& begin, const Position& end);
// Adds the bases to quote and claim ids.
void OffsetIds(EditPlan* plan, int quote_base, int claim_base);

// One-step placeholders (comment ends, footnote anchors) inserted since the paragraphs were
// read, so that positions read before can be used after without keeping a Writer cursor alive
// for each (Writer scans every live UNO cursor on many edits, LibreOffice 7.4). A placeholder
// inserted at a position moves what was there, as it moves a Writer cursor:
//
//   Insertions ins;  ins.Add({3, 10});
//   ins.Now({3, 10}) == Position{3, 11};   ins.Now({3, 9}) == Position{3, 9}
class Insertions {
 public:
  void Add(const Position& at);                 // `at` as read, before any insertion
  Position Now(const Position& as_read) const;  // where that position is now

 private:
  std::map<int32_t, std::vector<int32_t>> steps_;  // per paragraph, sorted
};

// Ids of the extension's `tag` marks that overlap [begin, end) in `paragraphs`, and the largest
// such id in the whole document (-1 when none) in *max_id. Marks of that tag without an id (a
// comment whose name a format lost) that overlap: their Writer names in *unnamed (may be null).
std::set<int> MarksOverlapping(const std::vector<WriterParagraph>& paragraphs, char tag,
                               const Position& begin, const Position& end, int* max_id,
                               std::set<std::string>* unnamed = nullptr);

// Speaker colour: a readable palette by speaker id (with speaker_colours false: the palette's
// first colour for every speaker); a neutral grey when unattributed; reported speech (indirect)
// half as strong.
uint32_t QuoteColor(const Quote& quote, bool speaker_colours = true);
// A quote's comment, in plain words of the analysis's language, one line each:
//   Emily Horne, spokeswoman for the National Security Council     (speaker and role)
//   direct quote · cue “said” · high confidence                    (kind · cue · confidence)
//   rule cue-adjacent · score 0.90                                 (only with style.details)
std::string CommentText(const Document& doc, const Analysis& analysis, const Quote& quote,
                        const MarkStyle& style = {});
// Footnote text ("Quote attributed to Emily Horne, spokeswoman …."), from `style`'s wording for
// the analysis's language when it has one; "" when the quote has no speaker.
std::string FootnoteText(const Analysis& analysis, const Quote& quote, const MarkStyle& style = {});
// Claim comment: "Check: <kinds> · <attributed to X | unattributed[, no agent named]> ·
// <confidence>", then (details) "score 0.87" on a second line. It starts with the catalogue's
// "claim.check" and ": " in every language: how a claim's comment is known (CommentTagOf).
std::string ClaimCommentText(const Analysis& analysis, const Claim& claim,
                             const MarkStyle& style = {});
// "high confidence" (>= 0.75), "medium confidence" (>= 0.5) or "low confidence", in `language`.
std::string ConfidenceText(double confidence, std::string_view language);

}  // namespace attrib::uno
