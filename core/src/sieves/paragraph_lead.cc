// paragraph-lead: no cue; the speaker of the last speech cue in the sentence just before the
// quotation ("X said:", "X told reporters on Tuesday.").
#include "sieve.h"

namespace attrib {

bool ParagraphLead(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const int32_t n = c.n();
  // The sentence before the quotation: "X said:" / "X told reporters on Tuesday."
  int32_t s = c.tok[std::min(q.open_tok, n - 1)].sentence;
  if (s == 0) return false;
  const auto& prev = c.in.tokens->sentences[s - 1];
  if (q.paragraph - c.tok[prev.first].paragraph > 1) return false;
  for (int32_t k = prev.last - 1; k >= std::max(prev.first, prev.last - kWindow); --k) {
    if (!c.IsCue(k) || ctx.InsideQuote(c.tok[k].begin)) continue;
    const Cue& cue = cues[c.cue_at[k]];
    if (!c.SpeechLike(cue)) continue;
    Phrase sp = SubjectOf(c, cue, c.SentenceFirst(k));
    if (sp.empty()) continue;
    a->cue = c.cue_at[k];
    a->speaker = sp;
    a->confidence = 0.5;
    return true;
  }
  return false;
}

}  // namespace attrib
