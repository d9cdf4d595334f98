// agentless: reported speech in the passive with no agent — "It was added that ...", "It is
// understood that ...". Reported unattributed (Quote::agentless).
#include "sieve.h"

namespace attrib {

bool Agentless(const SieveContext& ctx, const ReportFrame& f, Attribution* a, TokenRange* content) {
  if (f.source || !f.passive || !ClauseOrObjectContent(ctx, f, content)) return false;
  // "In dem Bericht heißt es, ...": an impersonal cue may still name its source.
  if (!ImpersonalSpeaker(ctx.c, (*ctx.c.in.cues)[f.cue], f.s1, a)) a->agentless = true;
  a->confidence = 0.7;
  return true;
}

}  // namespace attrib
