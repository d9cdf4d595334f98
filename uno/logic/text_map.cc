#include "logic/text_map.h"

#include <algorithm>

namespace attrib::uno {
namespace {

bool IsLead(char16_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
bool IsTrail(char16_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}

}  // namespace

PieceKind PortionKind(std::u16string_view type) {
  if (type == u"Text") return PieceKind::kText;
  // Portions that occupy no position in the paragraph.
  static constexpr std::u16string_view kEmpty[] = {
      u"Bookmark",      u"ReferenceMark", u"DocumentIndexMark", u"Redline",
      u"SoftPageBreak", u"Ruby",          u"InContentControl"};
  for (std::u16string_view e : kEmpty) {
    if (type == e) return PieceKind::kEmpty;
  }
  // TextField, Footnote, Annotation, AnnotationEnd, Frame, TextFieldStart/Separator/End,
  // ControlCharacter, ContentControl: one placeholder character each.
  return PieceKind::kAtomic;
}

int32_t CountCodePoints(std::u16string_view text) {
  int32_t n = 0;
  for (size_t i = 0; i < text.size(); ++i, ++n) {
    if (IsLead(text[i]) && i + 1 < text.size() && IsTrail(text[i + 1])) ++i;
  }
  return n;
}

void ParagraphMap::Append(PieceKind kind, std::u16string_view text) {
  Segment s{kind, static_cast<int32_t>(text_.size()), 0, steps_, 0};
  switch (kind) {
    case PieceKind::kText:
      s.units = static_cast<int32_t>(text.size());
      s.steps = CountCodePoints(text);
      break;
    case PieceKind::kAtomic:
      s.units = static_cast<int32_t>(text.size());
      s.steps = 1;
      break;
    case PieceKind::kEmpty:
      return;  // nothing to map
  }
  text_ += text;
  steps_ += s.steps;
  segments_.push_back(s);
}

int32_t ParagraphMap::StepsAt(int32_t offset, Bias bias) const {
  const int32_t size = static_cast<int32_t>(text_.size());
  offset = std::clamp<int32_t>(offset, 0, size);
  // A begin maps to where the unit at `offset` starts, an end to where the unit before it ends;
  // so zero-width placeholders (a comment anchor) on the boundary stay outside the span.
  if (bias == Bias::kBegin && offset == size) return steps_;
  if (bias == Bias::kEnd && offset == 0) return 0;
  // The segment with text that holds the unit at `offset` (begin) or before it (end).
  const Segment* found = nullptr;
  for (const Segment& s : segments_) {
    if (s.units == 0) continue;
    bool holds =
        bias == Bias::kBegin ? offset < s.unit_begin + s.units : offset <= s.unit_begin + s.units;
    if (holds && (bias == Bias::kBegin || offset > s.unit_begin)) {
      found = &s;
      break;
    }
  }
  if (found == nullptr) return bias == Bias::kBegin ? steps_ : 0;  // unreachable
  const Segment& s = *found;
  const int32_t inside = offset - s.unit_begin;  // in [0, units) for a begin, (0, units] for an end
  if (s.kind == PieceKind::kAtomic) {
    return bias == Bias::kBegin ? s.step_begin : s.step_begin + s.steps;
  }
  std::u16string_view seg = std::u16string_view(text_).substr(s.unit_begin, s.units);
  int32_t steps = CountCodePoints(seg.substr(0, inside));
  // CountCodePoints counts a cut pair's lead as a whole step: right for an end, one too many for
  // a begin.
  if (inside > 0 && inside < s.units && IsTrail(seg[inside]) && IsLead(seg[inside - 1]) &&
      bias == Bias::kBegin) {
    --steps;
  }
  return s.step_begin + steps;
}

}  // namespace attrib::uno
