// cue-after-quote: a speech cue right after the quotation, in its paragraph, before the next
// sentence end: “…,” Horne said.  /  “…,” said State Department spokesman Ned Price.  /  «…»,
// a-t-il déclaré (a verb that carries its subject)  /  «…», ha insistido (no subject, in a
// language that leaves it out: the speaker before).
#include "sieve.h"

namespace attrib {

bool CueAfterQuote(const SieveContext& ctx, const DirectQuotation& q, Attribution* a) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const int32_t n = c.n();
  int32_t j = q.close_tok;
  if (j < n && c.IsPunct(j, u',')) ++j;
  if (j >= n || c.tok[j].paragraph != q.paragraph) return false;
  int32_t e = j;
  while (e < n && c.tok[e].paragraph == q.paragraph && !c.tok[e].Is(kQuoteChar) &&
         !c.IsPunct(e, u';') && e - j < 30) {
    if (c.tok[e].Is(kSentenceEnd)) break;
    ++e;
  }
  int found = -1;
  for (int32_t k = j; k < e; ++k) {
    if (c.IsCue(k) && c.SpeechLike(cues[c.cue_at[k]])) {
      found = c.cue_at[k];
      break;
    }
  }
  if (found < 0) return false;
  const Cue& cue = cues[found];
  if (ImpersonalSpeaker(c, cue, e, a)) {  // "„…“, hieß es in der Rede."
    a->cue = found;
    a->confidence = 0.8;
    return true;
  }
  // A quotation that ended its sentence, then a new sentence that goes on after its cue
  // ("« … . » Le ministre a ajouté qu'il …"): that cue belongs to the new sentence's own
  // report; only a short one ("“… .” Smith said.") attributes the quotation.
  if (q.close_tok > 0 && c.tok[j].sentence != c.tok[q.close_tok - 1].sentence &&
      c.SentenceLast(cue.first) - cue.last > 4)
    return false;
  int32_t lead = j;
  while (lead < cue.first && (c.W(lead) & c.L.aux) && !c.IsPronoun(lead)) ++lead;
  // A verb that carries its subject: an auxiliary or the cue itself is also a pronoun
  // ("a-t-il déclaré", "dit-elle").
  int32_t carrier = -1;
  if (lead < cue.first && c.IsPronoun(lead) && (c.W(lead) & c.L.aux)) carrier = lead;
  if (lead == cue.first && c.IsPronoun(cue.first)) carrier = cue.first;
  if (carrier < 0)
    for (int32_t k = cue.first; k < cue.last; ++k)
      if (c.IsPronoun(k) && (c.W(k) & c.L.aux)) carrier = k;
  if (carrier >= 0) {
    a->cue = found;
    a->speaker = MakePhrase(c, carrier, carrier + 1);
    a->confidence = 0.9;
    return true;
  }
  // A source cue names its source after it ("„…“, laut Polizei"); words before it are another
  // clause ("„…“ Der Abschuss soll laut Schnappauf ..."), not its speaker.
  if ((cue.classes & c.L.source) && lead != cue.first) return false;
  Phrase sp;
  if (lead == cue.first) {
    sp = PhraseAfter(c, cue.last, e, true);  // inverted: "said State Department spokesman X"
  } else {
    int32_t k = SkipAuxLeft(c, cue.first - 1, j);
    if (k >= j && c.IsPunct(k, u',')) --k;
    if (k >= j) sp = PhraseBefore(c, k, j);
  }
  if (sp.empty() && lead == cue.first && c.L.dropped_subject) {
    int same_as = -1;
    sp = EarlierSpeaker(ctx, q.open_tok, &same_as);
    if (same_as >= 0) {
      a->cue = found;
      a->same_speaker_as = same_as;
      a->confidence = 0.75;
      return true;
    }
  }
  if (sp.empty()) return false;
  a->cue = found;
  a->speaker = sp;
  a->confidence = sp.first == j || lead == cue.first ? 0.95 : 0.8;
  return true;
}

}  // namespace attrib
