#include "logic/plan.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "attrib/text.h"
#include "logic/catalog.h"

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

bool MarkStyle::Marks(QuoteKind kind) const {
  switch (kind) {
    case QuoteKind::kDirect:
      return direct;
    case QuoteKind::kMixed:
      return mixed;
    case QuoteKind::kIndirect:
      return indirect;
    case QuoteKind::kOther:
      return true;
  }
  return true;
}

uint32_t QuoteColor(const Quote& q, bool speaker_colours) {
  const size_t index = speaker_colours && q.speaker ? static_cast<size_t>(*q.speaker) : 0;
  uint32_t c = q.speaker ? kPalette[index % std::size(kPalette)] : kNeutral;
  return q.kind == QuoteKind::kIndirect ? Lighten(c) : c;
}

std::string ConfidenceText(double confidence, std::string_view language) {
  const char* key = confidence >= 0.75  ? "confidence.high"
                    : confidence >= 0.5 ? "confidence.medium"
                                        : "confidence.low";
  return Catalog::For(language).Text(key);
}

namespace {

// "Emily Horne, spokeswoman" / "Anonymous source (a senior official)" / "Unattributed".
std::string SpeakerLine(const Catalog& words, const Speaker* s) {
  if (s == nullptr) return words.Text("speaker.unattributed");
  std::string name =
      s->anonymous ? words.Format("speaker.anonymous", {{"name", s->name}}) : s->name;
  if (s->role.empty()) return name;
  return words.Format("speaker.with_role", {{"name", name}, {"role", s->role}});
}

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", score);
  return text;
}

constexpr std::string_view kDot = " \u00B7 ";

}  // namespace

std::string CommentText(const Document& doc, const Analysis& a, const Quote& q,
                        const MarkStyle& style) {
  const Catalog& words = Catalog::For(a.language);
  std::string second = words.Text(std::string("kind.") + QuoteKindName(q.kind));
  if (std::string cue = Slice(doc, q.cue); !cue.empty()) {
    second += std::string(kDot) + words.Format("quote.cue", {{"cue", cue}});
  }
  second += std::string(kDot) + ConfidenceText(q.confidence, words.language());
  std::string text = SpeakerLine(words, SpeakerOf(a, q)) + "\n" + second;
  if (style.details) {
    text += "\n" +
            (q.rule.empty()
                 ? words.Format("detail.score", {{"score", Score(q.confidence)}})
                 : words.Format("detail.rule", {{"rule", q.rule}, {"score", Score(q.confidence)}}));
  }
  return text;
}

std::string ClaimCommentText(const Analysis& a, const Claim& c, const MarkStyle& style) {
  const Catalog& words = Catalog::For(a.language);
  std::string kinds;
  for (ClaimKind k : c.kinds) {
    kinds +=
        (kinds.empty() ? "" : ", ") + words.Text(std::string("claim.kind.") + ClaimKindName(k));
  }
  if (kinds.empty()) kinds = words.Text("claim.kind.none");
  std::string who = words.Text("claim.unattributed");
  if (c.attributed_to && *c.attributed_to >= 0 &&
      *c.attributed_to < static_cast<int>(a.speakers.size())) {
    const Speaker& s = a.speakers[*c.attributed_to];
    const std::string name =
        s.anonymous ? words.Format("speaker.anonymous", {{"name", s.name}}) : s.name;
    who = words.Format("claim.attributed", {{"who", name}});
  } else if (c.unattributed_reason == "agentless") {
    who = words.Text("claim.agentless");
  }
  std::string text = words.Text("claim.check") + ": " + kinds + std::string(kDot) + who +
                     std::string(kDot) + ConfidenceText(c.score, words.language());
  if (style.details) text += "\n" + words.Format("detail.score", {{"score", Score(c.score)}});
  return text;
}

std::string FootnoteText(const Analysis& a, const Quote& q, const MarkStyle& style) {
  const Speaker* s = SpeakerOf(a, q);
  if (s == nullptr) return "";
  const Catalog& words = Catalog::For(a.language);
  std::string who =
      s->anonymous ? words.Format("footnote.anonymous", {{"name", s->name}}) : s->name;
  if (!s->role.empty())
    who = words.Format("footnote.with_role", {{"name", who}, {"role", s->role}});
  if (auto own = style.footnote_wording.find(words.language());
      own != style.footnote_wording.end() && !own->second.empty()) {
    std::string text = own->second;
    for (size_t at = text.find("{who}"); at != std::string::npos;
         at = text.find("{who}", at + who.size())) {
      text.replace(at, 5, who);
    }
    return text;
  }
  return words.Format("footnote.quote", {{"who", who}});
}

std::vector<Piece> SplitByText(const std::vector<WriterParagraph>& paragraphs,
                               const Position& begin, const Position& end) {
  std::vector<Piece> pieces;
  Position from = begin;
  const int32_t n = static_cast<int32_t>(paragraphs.size());
  for (int32_t p = begin.paragraph; p < end.paragraph && p + 1 < n; ++p) {
    if (paragraphs[p + 1].text_id == paragraphs[p].text_id) continue;
    pieces.push_back({from, {p, paragraphs[p].map.steps()}});
    from = {p + 1, 0};
  }
  pieces.push_back({from, end});
  std::erase_if(pieces, [](const Piece& x) { return !(x.begin < x.end); });
  return pieces;
}

EditPlan PlanEdits(const Document& doc, const Analysis& a,
                   const std::vector<WriterParagraph>& paragraphs, const MarkStyle& style) {
  EditPlan plan;
  const int32_t size = static_cast<int32_t>(doc.text().size());
  // (paragraph, speaker) -> the turn's last quote; std::map keeps document order by paragraph.
  std::map<std::pair<int32_t, int>, const Quote*> turns;
  for (const Quote& q : a.quotes) {
    if (!style.Marks(q.kind)) continue;
    if (q.content.empty() || q.content.begin < 0 || q.content.end > size) {
      plan.skipped.push_back("quote " + std::to_string(q.id) + ": empty or out-of-range span");
      continue;
    }
    PlannedMark m;
    m.quote = q.id;
    MapSpan(doc, paragraphs, q.content, &m.begin, &m.end);
    m.pieces = SplitByText(paragraphs, m.begin, m.end);
    m.color = QuoteColor(q, style.speaker_colours);
    m.comment = CommentText(doc, a, q, style);
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
    std::string text = FootnoteText(a, *q, style);
    if (text.empty()) continue;
    if (!paragraphs.empty() && !paragraphs[key.first].footnotes_allowed) {
      plan.skipped.push_back("footnote for quote " + std::to_string(q->id) +
                             ": Writer allows no footnote here");
      continue;
    }
    PlannedFootnote f;
    Position b;
    MapSpan(doc, paragraphs, q->marked.empty() ? q->content : q->marked, &b, &f.at);
    // After the quote's last unit AND after any placeholder without text there (a comment's
    // end): a footnote inside a comment's range makes Writer's undo lose text (LibreOffice 7.4).
    if (!paragraphs.empty()) {
      const Span marked = q->marked.empty() ? q->content : q->marked;
      Location e = doc.Locate(marked.end - 1);
      f.at.step = paragraphs[e.paragraph].map.StepsAt(e.offset + 1, Bias::kBegin);
    }
    f.speaker = key.second;
    f.text = std::move(text);
    plan.footnotes.push_back(std::move(f));
  }
  std::stable_sort(plan.footnotes.begin(), plan.footnotes.end(),
                   [](const PlannedFootnote& x, const PlannedFootnote& y) {
                     return x.at.paragraph != y.at.paragraph ? x.at.paragraph < y.at.paragraph
                                                             : x.at.step < y.at.step;
                   });
  for (const Claim& c : a.claims) {
    if (c.span.empty() || c.span.begin < 0 || c.span.end > size) {
      plan.skipped.push_back("claim " + std::to_string(c.id) + ": empty or out-of-range span");
      continue;
    }
    PlannedClaim pc;
    pc.claim = c.id;
    MapSpan(doc, paragraphs, c.span, &pc.begin, &pc.end);
    pc.pieces = SplitByText(paragraphs, pc.begin, pc.end);
    pc.comment = ClaimCommentText(a, c, style);
    plan.claims.push_back(std::move(pc));
  }
  return plan;
}

void ShiftParagraphs(EditPlan* plan, int32_t first) {
  auto shift = [first](Position& p) { p.paragraph += first; };
  auto shift_all = [&](Position& b, Position& e, std::vector<Piece>& pieces) {
    shift(b);
    shift(e);
    for (Piece& x : pieces) shift(x.begin), shift(x.end);
  };
  for (PlannedMark& m : plan->marks) shift_all(m.begin, m.end, m.pieces);
  for (PlannedClaim& c : plan->claims) shift_all(c.begin, c.end, c.pieces);
  for (PlannedFootnote& f : plan->footnotes) shift(f.at);
}

namespace {
bool Overlap(const Position& b1, const Position& e1, const Position& b2, const Position& e2) {
  if (b2 == e2) return b1 <= b2 && b2 <= e1;  // a point: the ranges holding it
  return b1 < e2 && b2 < e1;
}
}  // namespace

void RestrictTo(EditPlan* plan, const Position& begin, const Position& end) {
  std::erase_if(plan->marks,
                [&](const PlannedMark& m) { return !Overlap(m.begin, m.end, begin, end); });
  std::erase_if(plan->claims,
                [&](const PlannedClaim& c) { return !Overlap(c.begin, c.end, begin, end); });
}

void OffsetIds(EditPlan* plan, int quote_base, int claim_base) {
  for (PlannedMark& m : plan->marks) m.quote += quote_base;
  for (PlannedClaim& c : plan->claims) c.claim += claim_base;
}

void Insertions::Add(const Position& at) {
  std::vector<int32_t>& steps = steps_[at.paragraph];
  steps.insert(std::upper_bound(steps.begin(), steps.end(), at.step), at.step);
}

Position Insertions::Now(const Position& as_read) const {
  auto it = steps_.find(as_read.paragraph);
  if (it == steps_.end()) return as_read;
  const auto before = std::upper_bound(it->second.begin(), it->second.end(), as_read.step);
  return {as_read.paragraph, as_read.step + static_cast<int32_t>(before - it->second.begin())};
}

std::set<int> MarksOverlapping(const std::vector<WriterParagraph>& paragraphs, char tag,
                               const Position& begin, const Position& end, int* max_id,
                               std::set<std::string>* unnamed) {
  // A bookmark's start and end are seen in document order; pair them by name.
  std::map<std::string, Position> open;
  std::set<int> out;
  *max_id = -1;
  for (int32_t p = 0; p < static_cast<int32_t>(paragraphs.size()); ++p) {
    for (const MarkPoint& m : paragraphs[p].marks) {
      if (m.tag != tag) continue;
      const int id = m.id;
      *max_id = std::max(*max_id, id);
      auto found = [&] {
        if (id >= 0) {
          out.insert(id);
        } else if (unnamed != nullptr) {
          unnamed->insert(m.name);
        }
      };
      const Position at{p, m.step};
      if (m.start && m.end) {
        if (Overlap(at, at, begin, end)) found();
      } else if (m.start) {
        open[m.name] = at;
      } else if (auto it = open.find(m.name); it != open.end()) {
        if (Overlap(it->second, at, begin, end)) found();
        open.erase(it);
      }
    }
  }
  return out;
}

}  // namespace attrib::uno
