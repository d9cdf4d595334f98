// indirect-trailing: the speaker comes after the content, or interrupts it.
//   "As The Washington Post reported, ...": the clause after the comma; the subject after "as".
//   "..., said Batchelder."            the speaker ends the sentence.
//   "The latest test, North Korea said, was its biggest yet": the whole sentence.
//   "..., X said."                     what precedes the comma before X.
#include "sieve.h"

namespace attrib {

bool IndirectTrailing(const SieveContext& ctx, const ReportFrame& f, Attribution* a,
                      TokenRange* content) {
  if (f.source) return false;
  const TokenContext& c = ctx.c;
  const Cue& cue = (*c.in.cues)[f.cue];
  const int32_t s0 = f.s0, send = f.send, k = f.k, floor = f.floor;
  if (cue.first - 1 > s0 && c.IsPunct(cue.first - 1, u',') && ImpersonalSpeaker(c, cue, f.s1, a)) {
    *content = {floor, cue.first - 1};  // "..., heißt es in dem Bericht."
    a->confidence = 0.7;
    return true;
  }
  if (f.as_lead) {
    Phrase sp = PhraseBefore(c, SkipAuxLeft(c, cue.first - 1, s0 + 1), s0 + 1);
    if ((sp.empty() || sp.first != s0 + 1) && c.L.verb_second) {
      // Verb-final: "Wie die NATO am Montag mitteilte, ...": the subject opens the clause.
      sp = PhraseAfter(c, s0 + 1, cue.first, false);
    }
    if (sp.empty() || sp.first != s0 + 1) return false;
    a->speaker = sp;
    *content = {k + 1, send};
    a->confidence = 0.75;
    return true;
  }
  if (!f.inverted.empty()) {
    a->speaker = f.inverted;
    *content = {floor, cue.first - 1};
    a->confidence = 0.75;
    return true;
  }
  if (!(cue.classes & c.L.speech_like()) || cue.first - 1 <= s0) return false;
  if (k < send && c.IsPunct(k, u',')) {
    // Interrupting: "The latest test, North Korea said, was ...". No apposition.
    const int32_t last = SkipAuxLeft(c, cue.first - 1, floor);
    if (last <= floor) return false;
    const int32_t start = SegmentBefore(c, last, floor);
    if (start > last || start - 1 <= floor || !c.IsPunct(start - 1, u',') ||
        !ValidSubject(c, start, last))
      return false;
    a->speaker = MakePhrase(c, start, last + 1);
    *content = {floor, send};
    a->confidence = 0.7;
    return true;
  }
  if (k < send) return false;
  // At the end: "..., X said." or inverted "..., said X."
  const int32_t last = SkipAuxLeft(c, cue.first - 1, s0);
  Phrase sp = last >= s0 ? PhraseBefore(c, last, s0) : Phrase{};
  if (sp.empty() || sp.first - 1 <= s0 || !c.IsPunct(sp.first - 1, u',')) {
    if (!c.IsPunct(cue.first - 1, u',')) return false;
    sp = PhraseAfter(c, cue.last, f.s1, true);
    if (sp.empty()) return false;
    *content = {floor > s0 ? floor : s0, cue.first - 1};
  } else {
    *content = {floor, sp.first - 1};
  }
  if (content->last <= content->first) return false;
  a->speaker = sp;
  a->confidence = 0.75;
  return true;
}

}  // namespace attrib
