// The speaker of a cue whose subject the language leaves out ("«…», ha insistido.", "Explicó
// que …"; grammar.txt dropped-subject): the person who spoke last before it.
#include "sieve.h"

namespace attrib {

Phrase EarlierSpeaker(const SieveContext& ctx, int32_t before, int* same_as) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  *same_as = -1;
  if (before <= 0 || before > c.n()) return Phrase();
  const int32_t paragraph = c.tok[before - 1].paragraph;
  // The latest speech cue with a subject of its own, in this or the previous paragraph.
  Phrase found;
  int32_t found_at = -1;
  for (int32_t t = before - 1; t >= 0 && t >= before - 4 * kWindow; --t) {
    if (paragraph - c.tok[t].paragraph > 1) break;
    if (!c.IsCue(t) || ctx.InsideQuote(c.tok[t].begin)) continue;
    const Cue& cue = cues[c.cue_at[t]];
    if (cue.first != t || (cue.classes & c.L.source)) continue;
    Phrase sp = SubjectOf(c, cue, c.SentenceFirst(cue.first));
    if (sp.empty()) continue;
    found = sp;
    found_at = t;
    break;
  }
  // An attribution decided already whose cue is later (an inverted "dijo X" after its quote).
  for (int k = static_cast<int>(ctx.made.size()) - 1; k >= 0; --k) {
    const Attribution& p = ctx.made[k];
    if (p.cue < 0 || (p.speaker.empty() && p.same_speaker_as < 0)) continue;
    const int32_t at = cues[p.cue].first;
    if (at >= before || at <= found_at) continue;
    if (paragraph - c.tok[at].paragraph > 1) continue;
    found_at = at;
    *same_as = k;
  }
  if (*same_as >= 0) return Phrase();
  return found;
}

}  // namespace attrib
