// cue-before-quote: a speech cue just before the opening mark (up to six tokens, after any
// earlier quotation in the sentence): He added: “…”  /  Said Horne, “…”
#include "sieve.h"

namespace attrib {

bool CueBeforeQuote(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  int32_t b = q.open_tok - 1;
  int32_t floor = c.SentenceFirst(q.open_tok);
  if (q.top_index > 0) {
    int32_t pc = TokenAt(*c.in.tokens, ctx.quotes[ctx.top[q.top_index - 1]].close.end);
    if (pc > floor && pc <= q.open_tok) floor = pc;
  }
  if (b < floor) return false;
  if (c.IsPunct(b, u',') || c.IsPunct(b, u':')) --b;
  int found = -1;
  for (int32_t k = b; k >= floor && k >= b - 6; --k) {
    if (c.IsCue(k) && c.SpeechLike(cues[c.cue_at[k]])) {
      found = c.cue_at[k];
      break;
    }
  }
  if (found < 0) return false;
  const Cue& cue = cues[found];
  if (ImpersonalSpeaker(c, cue, b + 1, a)) {  // "In der Erklärung heißt es: „…“"
    a->cue = found;
    a->confidence = 0.8;
    return true;
  }
  Phrase sp;
  if (cue.last <= b && !(cue.classes & c.L.tell)) sp = PhraseAfter(c, cue.last, b + 1, false);
  // A determiner phrase after a cue that has a subject of its own is its object, not an
  // inverted speaker: "Yolanda Díaz celebró los datos en redes sociales: «…»".
  if (!sp.empty() && c.tok[sp.first].kind == TokenKind::kWord && !c.tok[sp.first].IsCap() &&
      (c.W(sp.first) & c.L.det)) {
    Phrase subject = SubjectOf(c, cue, floor);
    if (!subject.empty()) sp = subject;
  }
  if (sp.empty()) sp = SubjectOf(c, cue, floor);
  if (sp.empty()) return false;
  a->cue = found;
  a->speaker = sp;
  a->confidence = 0.9;
  return true;
}

}  // namespace attrib
