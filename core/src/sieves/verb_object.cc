// verb-object: a cue with a subject and, after it, a phrase that none of the report shapes
// above took — "Sanders supports raising the minimum wage", "The CBO hasn't endorsed that
// perspective", "the board knew of the research effort". The phrase up to its first comma or
// clause break is the content. The last report sieve: what the others decline. Only in
// languages whose grammar.txt says object-reports (English; chosen on PolNeAR train).
#include "sieve.h"

namespace attrib {

bool VerbObject(const SieveContext& ctx, const ReportFrame& f, Attribution* a,
                TokenRange* content) {
  const TokenContext& c = ctx.c;
  if (!c.L.object_reports) return false;  // grammar.txt object-reports
  if (f.source || f.passive || f.infinitive || f.coordinated) return false;
  const Cue& cue = (*c.in.cues)[f.cue];
  int32_t k = f.k;
  // "talks about immigration", "scoff at the notion": the preposition belongs to the cue.
  if (k + 1 < f.send && (c.W(k) & c.L.prep) && c.tok[k + 1].kind != TokenKind::kPunct &&
      !c.Is(k, c.L.infinitive_marker))
    ++k;
  if (k >= f.send || c.tok[k].kind == TokenKind::kPunct || c.IsCue(k)) return false;
  if (c.W(k) & (c.L.clause_break | c.L.aux)) return false;
  if (ctx.InsideQuote(c.tok[k].begin)) return false;  // a quotation's own attribution
  const Phrase speaker = SubjectOf(c, cue, f.floor);
  if (speaker.empty()) return false;
  // Subject, cue and object in a row: at most two words ("has also", "never") between subject
  // and cue, no punctuation. A cue word inside a noun phrase or a relative clause ("the
  // endorsement of X, who is known for ...") has no such subject.
  if (cue.first - speaker.last > 2) return false;
  for (int32_t m = speaker.last; m < cue.first; ++m)
    if (c.tok[m].kind == TokenKind::kPunct) return false;
  int32_t end = ObjectEnd(c, k, f.send);
  for (int32_t m = k + 1; m < end; ++m) {
    // Another cue, a clause break after a comma, "but", a dash, a semicolon or a parenthesis,
    // a sentence's end: the phrase ends before it.
    const bool stop = c.IsCue(m) || ((c.W(m) & c.L.clause_break) && c.IsPunct(m - 1, u',')) ||
                      c.Is(m, c.L.conj_but) || c.tok[m].Is(kSentenceEnd) ||
                      (c.tok[m].kind == TokenKind::kPunct && !c.tok[m].Is(kQuoteChar) &&
                       (c.IsPunct(m, u';') || c.IsPunct(m, u'(') || c.IsPunct(m, u'\u2014') ||
                        c.IsPunct(m, u'\u2013') || c.IsPunct(m, u'-') ||
                        (c.IsPunct(m, u'.') && !c.IsInnerPeriod(m))));
    if (stop) {
      end = m > k + 1 && c.IsPunct(m - 1, u',') ? m - 1 : m;
      break;
    }
  }
  if (end <= k) return false;
  content->first = k;
  content->last = end;
  a->speaker = speaker;
  a->confidence = 0.4;
  return true;
}

}  // namespace attrib
