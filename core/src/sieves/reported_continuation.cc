// reported-continuation: a sentence with no cue of its own, in the mood of reported speech
// (words.txt "subjunctive": German Konjunktiv I), right after an attribution, continues it:
//   Ein Regierungssprecher sagte, dass … Er wisse auch nicht, was die USA bewogen habe.
// Same speaker (or agentless) as the attribution before; the content is the sentence.
#include "sieve.h"

namespace attrib {

bool ReportedContinuation(const SieveContext& ctx, const SentenceCandidate& s, Attribution* a) {
  const TokenContext& c = ctx.c;
  if (c.L.subjunctive == 0 || s.sentence == 0) return false;
  const int previous = ctx.ending_in_sentence[s.sentence - 1];
  if (previous < 0) return false;
  const Attribution& p = ctx.made[previous];
  if (p.speaker.empty() && p.same_speaker_as < 0 && !p.agentless) return false;
  // At most one paragraph break between the two.
  const int32_t previous_last = TokenAt(*c.in.tokens, p.content.end) - 1;
  if (previous_last < 0 || c.tok[s.first].paragraph - c.tok[previous_last].paragraph > 1)
    return false;
  bool subjunctive = false;
  for (int32_t i = s.first; i < s.last && !subjunctive; ++i)
    subjunctive = c.tok[i].kind == TokenKind::kWord && c.Is(i, c.L.subjunctive) &&
                  !ctx.InsideQuote(c.tok[i].begin);
  if (!subjunctive) return false;
  a->same_speaker_as = previous;
  a->agentless = p.agentless && p.speaker.empty() && p.same_speaker_as < 0;
  a->cue = -1;
  a->confidence = 0.55;
  return true;
}

}  // namespace attrib
