#include "logic/plan.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "attrib/text.h"

namespace attrib::uno {
namespace {

constexpr uint32_t kPalette[] = {0xFFE699, 0xC6E0B4, 0xBDD7EE, 0xF8CBAD,
                                 0xD9C3E9, 0xB4E5E0, 0xF4B6C2, 0xE2D3B5};
constexpr uint32_t kNeutral = 0xD9D9D9;

uint32_t Lighten(uint32_t rgb) {
  uint32_t out = 0;
  for (int shift = 0; shift <= 16; shift += 8) {
    uint32_t c = (rgb >> shift) & 0xFF;
    out |= ((c + 0xFF) / 2) << shift;
  }
  return out;
}

std::string Slice(const Document& doc, const std::optional<Span>& span) {
  if (!span || span->empty() || span->end > static_cast<int32_t>(doc.text().size())) return "";
  return Utf16ToUtf8(std::u16string_view(doc.text()).substr(span->begin, span->size()));
}

const Speaker* SpeakerOf(const Analysis& a, const Quote& q) {
  if (!q.speaker || *q.speaker < 0 || *q.speaker >= static_cast<int>(a.speakers.size())) {
    return nullptr;
  }
  return &a.speakers[*q.speaker];
}

}  // namespace

Document DocumentOf(const std::vector<WriterParagraph>& paragraphs) {
  std::vector<std::u16string> texts;
  texts.reserve(paragraphs.size());
  for (const WriterParagraph& p : paragraphs) texts.push_back(p.map.text());
  return Document(std::move(texts));
}

void MapSpan(const Document& doc, const std::vector<WriterParagraph>& paragraphs, const Span& span,
             Position* begin, Position* end) {
  Location b = doc.Locate(span.begin);
  // An end is located through its last unit so that it stays in that unit's paragraph.
  Location e = span.end > span.begin ? doc.Locate(span.end - 1) : b;
  if (span.end > span.begin) e.offset += 1;
  begin->paragraph = b.paragraph;
  end->paragraph = e.paragraph;
  if (paragraphs.empty()) {
    begin->step = end->step = 0;
    return;
  }
  begin->step = paragraphs[b.paragraph].map.StepsAt(b.offset, Bias::kBegin);
  end->step = paragraphs[e.paragraph].map.StepsAt(e.offset, Bias::kEnd);
}

uint32_t QuoteColor(const Quote& q) {
  uint32_t c = q.speaker ? kPalette[static_cast<size_t>(*q.speaker) % std::size(kPalette)]
                         : kNeutral;
  return q.kind == QuoteKind::kIndirect ? Lighten(c) : c;
}

std::string CommentText(const Document& doc, const Analysis& a, const Quote& q) {
  const Speaker* s = SpeakerOf(a, q);
  std::string first = "Unattributed";
  if (s != nullptr) first = s->anonymous ? "Anonymous — " + s->name : s->name;
  std::vector<std::string> parts;
  if (s != nullptr && !s->role.empty()) parts.push_back(s->role);
  if (std::string cue = Slice(doc, q.cue); !cue.empty()) parts.push_back(cue);
  parts.push_back(QuoteKindName(q.kind));
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", q.confidence);
  parts.push_back(confidence);
  if (!q.rule.empty()) parts.push_back(q.rule);
  std::string second;
  for (const std::string& p : parts) second += (second.empty() ? "" : " · ") + p;
  return first + "\n" + second;
}

std::string FootnoteText(const Analysis& a, const Quote& q) {
  const Speaker* s = SpeakerOf(a, q);
  if (s == nullptr) return "";
  std::string who = s->anonymous ? "an anonymous source (" + s->name + ")" : s->name;
  if (!s->role.empty()) who += ", " + s->role;
  return "Quote attributed to " + who + ".";
}

EditPlan PlanEdits(const Document& doc, const Analysis& a,
                   const std::vector<WriterParagraph>& paragraphs) {
  EditPlan plan;
  const int32_t size = static_cast<int32_t>(doc.text().size());
  // (paragraph, speaker) -> the turn's last quote; std::map keeps document order by paragraph.
  std::map<std::pair<int32_t, int>, const Quote*> turns;
  for (const Quote& q : a.quotes) {
    if (q.content.empty() || q.content.begin < 0 || q.content.end > size) {
      plan.skipped.push_back("quote " + std::to_string(q.id) + ": empty or out-of-range span");
      continue;
    }
    PlannedMark m;
    m.quote = q.id;
    MapSpan(doc, paragraphs, q.content, &m.begin, &m.end);
    m.color = QuoteColor(q);
    m.comment = CommentText(doc, a, q);
    m.name = std::string(kMarkPrefix) + "q" + std::to_string(q.id);
    plan.marks.push_back(std::move(m));
    if (q.speaker) {
      Span marked = q.marked.empty() ? q.content : q.marked;
      Position b, e;
      MapSpan(doc, paragraphs, marked, &b, &e);
      const Quote*& last = turns[{e.paragraph, *q.speaker}];
      if (last == nullptr || last->marked.end < marked.end) last = &q;
    }
  }
  for (const auto& [key, q] : turns) {
    std::string text = FootnoteText(a, *q);
    if (text.empty()) continue;
    if (!paragraphs.empty() && !paragraphs[key.first].footnotes_allowed) {
      plan.skipped.push_back("footnote for quote " + std::to_string(q->id) +
                             ": Writer allows no footnote here");
      continue;
    }
    PlannedFootnote f;
    Position b;
    MapSpan(doc, paragraphs, q->marked.empty() ? q->content : q->marked, &b, &f.at);
    f.speaker = key.second;
    f.text = std::move(text);
    f.name = std::string(kMarkPrefix) + "f" + std::to_string(key.first) + "." +
             std::to_string(key.second);
    plan.footnotes.push_back(std::move(f));
  }
  std::stable_sort(plan.footnotes.begin(), plan.footnotes.end(),
                   [](const PlannedFootnote& x, const PlannedFootnote& y) {
                     return x.at.paragraph != y.at.paragraph ? x.at.paragraph < y.at.paragraph
                                                             : x.at.step < y.at.step;
                   });
  return plan;
}

}  // namespace attrib::uno
