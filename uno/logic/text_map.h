// Writer paragraphs as the engine sees them, with the map from engine offsets (UTF-16 units of
// the paragraph text) back to Writer cursor steps. The one place where the two units meet
// (STYLE.md 2, 3).
//
// Facts of LibreOffice 7.4, asserted by tests/writer/placeholders_test.cc against soffice:
//  - XTextCursor::goRight(n) counts CODE POINTS: a surrogate pair (𝑥, 😀) is one step, a
//    combining mark or a ZWJ is a step of its own.
//  - The text of a paragraph (getString(), or its portions joined) holds a text field's
//    expansion ("1", "04:55:05") and a footnote anchor's label ("1"), each ONE cursor step
//    however long; a comment anchor, a comment range end and an as-character frame are one step
//    and no text; bookmarks, reference marks and redline boundaries are neither.
//  - An input field (TextField.Input) is its text between a start and an end character: its
//    content's code points plus two steps, the content in the paragraph's text.
//  - Text deleted under change tracking stays in getString() and in the cursor's steps (its
//    ends are zero-width "Redline" portions), so the engine sees it too.
//  - XText::setString/insertString turn '\n' into a line break inside the paragraph, which the
//    paragraph text holds as '\n' (one step): only paragraph breaks separate paragraphs.
//
//   ParagraphMap map;
//   map.Append(PieceKind::kText, u"Said ");
//   map.Append(PieceKind::kAtomic, u"1");        // a page-number field
//   map.StepsAt(6, Bias::kEnd);                  // -> 6: the whole field
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attrib::uno {

enum class PieceKind {
  kText,    // ordinary text: one cursor step per code point
  kAtomic,  // one cursor step whatever its text: field, footnote anchor, comment, frame
  kEmpty,   // no step, no text: bookmark, reference mark, redline boundary
};

// The piece kind of a Writer text portion ("TextPortionType" property).
PieceKind PortionKind(std::u16string_view portion_type);

// Where an offset inside an atomic piece or a surrogate pair snaps to.
enum class Bias { kBegin, kEnd };

class ParagraphMap {
 public:
  void Append(PieceKind kind, std::u16string_view text);

  // The paragraph text the engine sees (all pieces' text, in order).
  const std::u16string& text() const { return text_; }
  // Total cursor steps from paragraph start to end.
  int32_t steps() const { return steps_; }
  // Cursor steps from paragraph start to UTF-16 `offset` (clamped to [0, text().size()]). An
  // offset inside an atomic piece or a surrogate pair snaps to its start (kBegin) or end
  // (kEnd), so a mapped span never cuts one in half.
  int32_t StepsAt(int32_t offset, Bias bias) const;

 private:
  struct Segment {
    PieceKind kind;
    int32_t unit_begin;
    int32_t units;
    int32_t step_begin;
    int32_t steps;
  };
  std::u16string text_;
  std::vector<Segment> segments_;
  int32_t steps_ = 0;
};

// Counts code points of UTF-16 text (an unpaired surrogate counts one).
int32_t CountCodePoints(std::u16string_view text);

}  // namespace attrib::uno
