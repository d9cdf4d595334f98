// subject-after-quote: no cue; a subject right after the quotation, then a verb the cue
// lexicon does not hold: “…” Blige sings to Clinton.
#include "sieve.h"

namespace attrib {

bool SubjectAfterQuote(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const int32_t n = c.n();
  // "” Blige sings to Clinton": a subject right after the quotation, then a verb that is
  // not in the cue lexicon.
  int32_t j = q.close_tok;
  if (j < n && c.IsPunct(j, u',')) ++j;
  if (j >= n || c.tok[j].paragraph != q.paragraph) return false;
  int32_t v = j;
  while (v < n && v < j + 8 && c.tok[v].paragraph == q.paragraph &&
         c.tok[v].kind == TokenKind::kWord &&
         !((c.tok[v].flags & kLowercase) && !(c.W(v) & c.L.det)))
    ++v;
  if (v <= j || v >= n || c.tok[v].paragraph != q.paragraph || !(c.tok[v].flags & kLowercase) ||
      (c.W(v) & (c.L.prep | c.L.clause | c.L.det | c.L.aux)))
    return false;
  Phrase p = PhraseBefore(c, v - 1, j);
  if (p.empty() || p.first != j) return false;
  a->speaker = p;
  a->confidence = 0.5;
  return true;
}

}  // namespace attrib
