// mixed-fragment: a quoted fragment inside a sentence ("he said they were “prepared”") takes
// the speaker of the report that holds it, else of the nearest cue before it in its sentence.
// Always decides: a fragment with neither is reported unattributed with low confidence.
#include "sieve.h"

namespace attrib {

bool MixedFragment(const SieveContext& ctx, const Fragment& fr, Attribution* a) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const QuotationSpan& q = ctx.quotes[fr.quotation];
  // The earliest report (in cue order) whose content holds the fragment, among the last few
  // that start before it.
  int host = -1;
  {
    const auto& reports = ctx.reports_by_begin;
    auto it = std::upper_bound(reports.begin(), reports.end(), q.marked.begin,
                               [&](int32_t o, int j) { return o < ctx.made[j].content.begin; });
    for (int looked = 0; it != reports.begin() && looked < 16; ++looked) {
      const int j = *--it;
      if (q.marked.begin < ctx.made[j].content.end && (host < 0 || j < host)) host = j;
    }
  }
  if (host >= 0) {
    a->cue = ctx.made[host].cue;
    a->same_speaker_as = host;
    a->agentless = ctx.made[host].agentless;
    a->confidence = 0.75;
    return true;
  }
  // The nearest cue before it in the sentence.
  const int32_t s0 = c.SentenceFirst(fr.open_tok);
  int found = -1;
  for (int32_t k = fr.open_tok - 1; k >= s0; --k) {
    if (c.IsCue(k)) {
      found = c.cue_at[k];
      break;
    }
  }
  if (found < 0) {
    // A speech cue after it with its subject after the verb: "Von „mutwilliger Täuschung“
    // sprechen Medien", "„Wortbruch“ warf ihr die Opposition vor".
    const int32_t s1 = c.SentenceLast(fr.open_tok);
    for (int32_t k = fr.close_tok; k < s1 && k < fr.close_tok + 8; ++k) {
      if (!c.IsCue(k) || !c.SpeechLike(cues[c.cue_at[k]])) continue;
      const Cue& cue = cues[c.cue_at[k]];
      Phrase sp = PhraseAfter(c, cue.last, s1, false);
      if (sp.empty()) sp = SubjectOf(c, cue, fr.close_tok);
      if (sp.empty()) break;
      a->cue = c.cue_at[k];
      a->speaker = sp;
      a->confidence = 0.5;
      return true;
    }
    // No cue: the subject opening the fragment's clause ("Der Bundespräsident konstatierte eine
    // wachsende „Kluft“").
    a->speaker = ClauseSubject(c, s0, fr.open_tok);
    a->confidence = a->speaker.empty() ? 0.35 : 0.4;
    return true;
  }
  const Cue& cue = cues[found];
  a->cue = found;
  Phrase sp = SubjectOf(c, cue, s0);
  const int32_t kk = SkipAuxLeft(c, cue.first - 1, s0);
  if (!sp.empty())
    a->speaker = sp;
  else if (kk >= s0 && kk < cue.first - 1 && c.Is(kk, c.L.expletive))
    a->agentless = true;  // "it was described as “...”"
  a->confidence = 0.6;
  if (ctx.options.attribution_units) {
    // One relation: the report around the fragment, from the cue to the end of its clause
    // ("described the DLC as 'a remnant of another period'").
    const int32_t s1 = c.SentenceLast(fr.open_tok);
    int32_t e = std::min(std::max(fr.close_tok, fr.open_tok + 1), s1);
    while (e < s1 && !c.tok[e].Is(kSentenceEnd) && !c.IsPunct(e, u';') &&
           !(c.IsPunct(e, u',') && e + 1 < s1 &&
             (c.W(e + 1) & (c.L.clause | c.L.prep) || c.IsCue(e + 1))))
      ++e;
    while (e > fr.close_tok && c.tok[e - 1].kind == TokenKind::kPunct &&
           !c.tok[e - 1].Is(kQuoteChar))
      --e;
    const int32_t b = cue.last;
    if (b < fr.open_tok && e > b) {
      a->content = Span{c.tok[b].begin, std::max(c.tok[e - 1].end, q.content.end)};
      a->marked = Span{a->content.begin, std::max(a->content.end, q.marked.end)};
      a->fragments = {q.content};
    }
  }
  return true;
}

}  // namespace attrib
