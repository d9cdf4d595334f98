// indirect-that: reported speech after its cue — "X said (that) ...", "X told reporters this
// was ...", "X asked whether ...", "X pledged to ...", "X reiterated the US support for ...".
// The speaker is the cue's subject; after "to" or "and"/"but" ("... and added that") it is the
// speaker of the sentence's earlier report (resolved by the driver).
#include "sieve.h"

namespace attrib {

bool IndirectThat(const SieveContext& ctx, const ReportFrame& f, Attribution* a,
                  TokenRange* content) {
  if (f.source || f.passive || !ClauseOrObjectContent(ctx, f, content)) return false;
  const TokenContext& c = ctx.c;
  const Cue& cue = (*c.in.cues)[f.cue];
  if (f.infinitive || f.coordinated) {
    a->confidence = f.infinitive ? 0.5 : 0.6;
    a->same_speaker_as = kSameSpeakerAsSentence;
    return true;
  }
  Phrase sp = SubjectOf(c, cue, f.floor);
  if (sp.empty() && IsParticipleAfterComma(c, cue, f.floor)) {
    // "Trump attacked Clinton on Monday, saying she ...": the clause's subject speaks.
    sp = ClauseSubject(c, f.floor, cue.first - 1);
  }
  if (sp.empty() && c.L.dropped_subject) {
    // "Explicó que …", "Ha añadido que …", "Además, subrayó que …": no subject; the speaker
    // before, when only auxiliaries, adverbs and punctuation stand before the cue in its clause.
    bool bare = cue.first - f.floor <= 4;
    for (int32_t k = f.floor; k < cue.first && bare; ++k)
      bare = c.tok[k].kind == TokenKind::kPunct || (c.W(k) & c.L.aux);
    if (bare) {
      int same_as = -1;
      sp = EarlierSpeaker(ctx, cue.first, &same_as);
      if (same_as >= 0) {
        a->same_speaker_as = same_as;
        a->confidence = 0.6;
        return true;
      }
    }
  }
  if (sp.empty()) return false;
  a->speaker = sp;
  a->confidence = f.that ? 0.8 : 0.65;
  return true;
}

}  // namespace attrib
