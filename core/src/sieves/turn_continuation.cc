// turn-continuation: no cue; the quotation continues the previous direct quotation's speaker
// (same or previous paragraph) unless another speech cue stands between them.
#include "sieve.h"

namespace attrib {

bool TurnContinuation(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const int32_t n = c.n();
  // The previous direct quotation in this or the previous paragraph.
  for (int k = static_cast<int>(ctx.made.size()) - 1; k >= 0; --k) {
    const Attribution& p = ctx.made[k];
    if (p.kind != QuoteKind::kDirect) continue;
    const int32_t ptok = TokenAt(*c.in.tokens, p.content.begin);
    if (ptok >= n) break;
    if (q.paragraph - c.tok[ptok].paragraph > 1) break;
    if (p.speaker.empty() && p.same_speaker_as < 0) break;
    // A different cue subject between the two quotations breaks the turn.
    bool other_speaker = false;
    int32_t from = TokenAt(*c.in.tokens, p.marked.end);
    for (int32_t t = from; t < q.open_tok; ++t) {
      if (c.IsCue(t) && c.SpeechLike(cues[c.cue_at[t]]) && !ctx.cue_used[c.cue_at[t]] &&
          !ctx.InsideQuote(c.tok[t].begin)) {
        other_speaker = true;
        break;
      }
    }
    if (other_speaker) break;
    a->same_speaker_as = k;
    a->confidence = 0.75;
    return true;
  }
  return false;
}

}  // namespace attrib
