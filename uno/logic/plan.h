// The one converter from an engine result to Writer edits (STYLE.md 5): plain structs in,
// planned edits out, no UNO — so it is unit-tested without soffice. Placeholder and unit
// corrections happen here (through ParagraphMap) and nowhere else.
//
//   std::vector<WriterParagraph> paragraphs = ...;      // read from the document
//   attrib::Document doc = DocumentOf(paragraphs);
//   attrib::Analysis result;  attrib::Analyze(doc, options, &result);
//   EditPlan plan = PlanEdits(doc, result, paragraphs);  // marks + footnotes, in cursor steps
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "attrib/attrib.h"
#include "logic/text_map.h"

namespace attrib::uno {

// Reserved prefix of every bookmark/comment name the extension creates (STYLE.md 10).
inline constexpr char kMarkPrefix[] = "attrib:";
// Author of the extension's comments.
inline constexpr char kCommentAuthor[] = "Attribution";

// One engine paragraph in the Writer document.
struct WriterParagraph {
  ParagraphMap map;
  bool footnotes_allowed = true;  // false where Writer refuses a footnote
};

// A position in the document: paragraph index and cursor steps from its start.
struct Position {
  int32_t paragraph = 0;
  int32_t step = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct PlannedMark {
  int quote = 0;          // Quote::id
  Position begin, end;    // the quote's content, in cursor steps
  uint32_t color = 0;     // background, 0xRRGGBB
  std::string comment;    // "Emily Horne\nspokeswoman · said · direct · 0.90 · cue-adjacent"
  std::string name;       // "attrib:q<quote id>"
};

struct PlannedFootnote {
  Position at;            // insert point: after the speaker's last quote in the paragraph
  int speaker = 0;
  std::string text;       // "Quote attributed to Emily Horne, spokeswoman for the NSC."
  std::string name;       // "attrib:f<paragraph>.<speaker>"
};

struct EditPlan {
  std::vector<PlannedMark> marks;           // in document order
  std::vector<PlannedFootnote> footnotes;   // in document order
  std::vector<std::string> skipped;         // what could not be planned, for the user
};

// The engine's input made of the paragraphs' text (joined by U+000A).
Document DocumentOf(const std::vector<WriterParagraph>& paragraphs);

// Maps a span of doc.text() to positions; begin/end snap outward per ParagraphMap::StepsAt.
void MapSpan(const Document& doc, const std::vector<WriterParagraph>& paragraphs, const Span& span,
             Position* begin, Position* end);

// Plans highlights + comments for every quote and one footnote per (paragraph, speaker) turn.
EditPlan PlanEdits(const Document& doc, const Analysis& analysis,
                   const std::vector<WriterParagraph>& paragraphs);

// Speaker colour: a readable palette by speaker id; a neutral grey when unattributed; reported
// speech (indirect) half as strong.
uint32_t QuoteColor(const Quote& quote);
// Comment text: speaker line, then role · cue · kind · confidence · rule.
std::string CommentText(const Document& doc, const Analysis& analysis, const Quote& quote);
// Footnote text; "" when the quote has no speaker.
std::string FootnoteText(const Analysis& analysis, const Quote& quote);

}  // namespace attrib::uno
