// cue-in-sentence: the nearest speech cue elsewhere in the quotation's sentence, outside any
// quotation.
#include "sieve.h"

namespace attrib {

bool CueInSentence(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const int32_t n = c.n();
  int32_t s0 = c.SentenceFirst(q.open_tok);
  const int32_t close_mark = std::max(q.open_tok, std::min(q.close_tok, n) - 1);
  int32_t s1 = c.SentenceLast(close_mark);
  int best = -1;
  int32_t best_dist = 1 << 30;
  for (int32_t k = s0; k < s1; ++k) {
    if (k == q.open_tok) k = std::max(k, std::min(q.close_tok, s1) - 1);  // skip the quote
    if (!c.IsCue(k) || ctx.InsideQuote(c.tok[k].begin)) continue;
    const Cue& cue = cues[c.cue_at[k]];
    if (!c.SpeechLike(cue)) continue;
    int32_t d = k < q.open_tok ? q.open_tok - k : k - q.close_tok;
    if (d < best_dist) {
      best_dist = d;
      best = c.cue_at[k];
    }
  }
  if (best < 0) return false;
  const Cue& cue = cues[best];
  Phrase sp = SubjectOf(c, cue, s0);
  if (sp.empty()) sp = PhraseAfter(c, cue.last, s1, true);
  if (sp.empty()) return false;
  a->cue = best;
  a->speaker = sp;
  a->confidence = 0.7;
  return true;
}

}  // namespace attrib
