// colon-frame: no cue; the quotation opens right after a colon and the clause before the colon
// has a subject: "Seine Meinung zu Kirchhof: „…“", "Trump lobte ihn mit den Worten: „…“",
// "The governor's reply: “…”". The subject opening that clause speaks.
#include "sieve.h"

namespace attrib {

bool ColonFrame(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const int32_t colon = q.open_tok - 1;
  int32_t floor = c.SentenceFirst(q.open_tok);
  if (q.top_index > 0) {
    const int32_t pc = TokenAt(*c.in.tokens, ctx.quotes[ctx.top[q.top_index - 1]].close.end);
    if (pc > floor && pc <= q.open_tok) floor = pc;
  }
  if (colon <= floor || !c.IsPunct(colon, u':')) return false;
  const Phrase sp = ClauseSubject(c, floor, colon);
  if (sp.empty()) return false;
  a->speaker = sp;
  a->confidence = 0.45;
  return true;
}

}  // namespace attrib
