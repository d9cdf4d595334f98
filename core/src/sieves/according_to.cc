// according-to: a source cue names the speaker. "According to X, ..." / "..., according to X."
// (the source follows the cue) and "Dem Bericht zufolge, ..." (it precedes the cue).
#include "sieve.h"

namespace attrib {

bool AccordingTo(const SieveContext& ctx, const ReportFrame& f, Attribution* a,
                 TokenRange* content) {
  const TokenContext& c = ctx.c;
  const Cue& cue = (*c.in.cues)[f.cue];
  const int32_t s0 = f.s0, send = f.send;
  // "seiner Meinung nach": a source noun right before a needs-source-noun cue makes it a
  // postposition, like "zufolge".
  const bool postposition =
      (cue.classes & c.L.source_before) || ((cue.classes & c.L.needs_source_noun) &&
                                            cue.first > s0 && c.Is(cue.first - 1, c.L.source_noun));
  if (postposition) {
    // The content is the rest of the sentence, or what came before the source ("..., dem
    // Bericht zufolge.").
    if (cue.first - 1 < s0) return false;
    Phrase src = PhraseBefore(c, cue.first - 1, s0);
    if (src.empty()) return false;
    int32_t k = cue.last;
    if (k < send && c.IsPunct(k, u',')) ++k;
    int32_t lead = s0;  // "Dem Bericht zufolge" opens the sentence; "Es handele sich ..." not
    while (lead < src.first && c.Is(lead, c.L.intro | c.L.clause | c.L.det)) ++lead;
    if (c.L.source_mid_sentence && lead < src.first && !c.IsPunct(src.first - 1, u',')) {
      *content = {f.floor, send};  // "Es handele sich ersten Angaben zufolge um ..."
    } else if (send - k >= 2) {
      *content = {k, send};
    } else if (src.first - 1 > s0 && c.IsPunct(src.first - 1, u',')) {
      *content = {s0, src.first - 1};
    } else {
      return false;
    }
    a->speaker = src;
    a->confidence = 0.75;
    return true;
  }
  if (!(cue.classes & c.L.source)) return false;
  Phrase src = PhraseAfter(c, cue.last, f.s1, false);
  if (src.empty()) return false;
  int32_t lead = s0;
  while (lead < cue.first && (c.W(lead) & (c.L.intro | c.L.clause))) ++lead;
  if (lead == cue.first) {  // "According to X, ..."
    int32_t k = src.last;
    if (k < f.s1 && c.IsPunct(k, u',')) ++k;
    *content = {k, send};
  } else if (c.IsPunct(cue.first - 1, u',')) {  // "..., according to X."
    *content = {s0, cue.first - 1};
  } else if (c.L.source_mid_sentence && src.last < send) {
    *content = {f.floor, send};  // "Ein Tatverdacht bestehe laut Polizei nicht mehr."
  } else {
    return false;
  }
  a->speaker = src;
  a->confidence = 0.8;
  return true;
}

}  // namespace attrib
