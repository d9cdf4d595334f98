// The sentence around a cue, analysed once for every report sieve (ReportFrame), and the
// content shapes that indirect-that and agentless share.
#include "sieve.h"

namespace attrib {

bool SieveContext::InsideQuote(int32_t offset) const {
  auto it = std::upper_bound(top.begin(), top.end(), offset,
                             [&](int32_t o, int q) { return o < quotes[q].marked.begin; });
  if (it == top.begin()) return false;
  const QuotationSpan& q = quotes[*(it - 1)];
  return offset >= q.content.begin && offset < q.content.end;
}

bool ImpersonalSpeaker(const TokenContext& c, const Cue& cue, int32_t limit, Attribution* a) {
  if (!(cue.classes & c.L.impersonal)) return false;
  a->speaker = SourceAfterImpersonal(c, cue, limit);
  a->agentless = a->speaker.empty();
  return true;
}

ReportFrame AnalyzeReportFrame(const SieveContext& ctx, int cue_index) {
  const TokenContext& c = ctx.c;
  const Cue& cue = (*c.in.cues)[cue_index];
  ReportFrame f;
  f.cue = cue_index;
  f.s0 = c.SentenceFirst(cue.first);
  f.s1 = c.SentenceLast(cue.first);
  const int32_t s0 = f.s0;
  int32_t send = f.s1;  // exclusive; drop the final terminal
  while (send > cue.last && c.tok[send - 1].kind == TokenKind::kPunct &&
         (c.tok[send - 1].Is(kSentenceEnd) || c.IsPunct(send - 1, u'.') ||
          c.IsPunct(send - 1, u'!') || c.IsPunct(send - 1, u'?') || c.IsPunct(send - 1, u':') ||
          c.IsPunct(send - 1, u';')))
    --send;
  f.send = send;
  // The subject is looked for after the last quotation that ends before the cue (top-level
  // quotations are disjoint).
  int32_t floor = s0;
  {
    auto it = std::upper_bound(ctx.top.begin(), ctx.top.end(), cue.span.begin,
                               [&](int32_t o, int q) { return o < ctx.quotes[q].marked.end; });
    if (it != ctx.top.begin()) {
      int32_t pc = TokenAt(*c.in.tokens, ctx.quotes[*(it - 1)].marked.end);
      if (pc > floor && pc <= cue.first) floor = pc;
    }
  }
  f.floor = floor;
  f.source = (cue.classes & (c.L.source | c.L.source_before)) != 0;
  if (f.source) return f;

  // What follows the cue: "that", an addressee, a clause, an object.
  int32_t k = cue.last;
  int32_t clause_at = cue.last;  // where a bare clause may open
  if (cue.classes & c.L.tell) {
    int32_t m = k;
    while (m < send && m < k + 5 && !c.IsComp(m) && c.tok[m].kind == TokenKind::kWord &&
           !c.IsCue(m))
      ++m;
    if (m < send && c.IsComp(m))
      k = m;
    else if (k < send && (c.W(k) & c.L.addressee))
      k = k + 1;
    else if (k < send && (c.tok[k].IsCap() || (c.W(k) & c.L.pronouns()))) {
      Phrase obj = PhraseAfter(c, k, send, false);
      k = obj.empty() ? k + 1 : obj.last;
    }
    if (k > cue.last && !c.IsComp(k - 1)) clause_at = k;  // "told reporters this was"
  }
  while (k < send && c.tok[k].kind == TokenKind::kWord && (c.W(k) & c.L.aux) && !c.IsPronoun(k) &&
         !c.IsComp(k))
    ++k;
  {
    // "said on Tuesday that", "said in a statement Monday that": an adjunct before "that".
    int32_t m = k;
    while (m < send && m < k + 7 && !c.IsComp(m) &&
           (c.tok[m].kind != TokenKind::kPunct || c.IsInnerPeriod(m)) && !c.IsCue(m))
      ++m;
    if (m > k && m < send && c.IsComp(m) && c.tok[m].kind == TokenKind::kWord &&
        ((c.W(k) & c.L.prep) || c.tok[k].IsCap() || c.tok[k].kind == TokenKind::kNumber))
      k = m;
  }
  // "ausgeführt, daß ...", "Ich wußte, daß ...": a comma before the complementiser.
  if (k == clause_at && k + 1 < send && c.IsPunct(k, u',') && c.IsComp(k + 1)) k = k + 1;
  f.k = k;
  f.clause_at = clause_at;
  // A clause right after the cue with no "that": "said officials are ...", "said no decision
  // had been made".
  f.bare_clause = k < send && k == clause_at && c.tok[k].kind != TokenKind::kPunct &&
                  !(c.W(k) & (c.L.prep | c.L.clause | c.L.aux)) && !c.IsCue(k) &&
                  !(cue.classes & (c.L.object | c.L.report)) && k + 1 < send &&
                  c.tok[k + 1].kind != TokenKind::kPunct;
  f.that = k < send && c.IsComp(k) && c.tok[k].kind == TokenKind::kWord;
  // "asked whether ...", "wondered how ...": an embedded question is the content. Speech takes
  // one too ("would not say whether ..."), but not "if" ("said if elected").
  f.wh_clause = (cue.classes & (c.L.ask | c.L.belief | c.L.tell | c.L.speech)) && k == clause_at &&
                k + 1 < send && c.tok[k].kind == TokenKind::kWord && (c.W(k) & c.L.wh) &&
                !c.IsComp(k) &&
                ((cue.classes & (c.L.ask | c.L.belief | c.L.tell)) || !c.Is(k, c.L.conditional));
  // "pledged to remain civil": "to" and a verb (a lower-case word that opens no NP).
  f.to_clause = (cue.classes & c.L.to_infinitive) && k == cue.last && k + 1 < send &&
                c.Is(k, c.L.infinitive_marker) && c.tok[k + 1].kind == TokenKind::kWord &&
                (c.tok[k + 1].flags & kLowercase) &&
                !(c.W(k + 1) & (c.L.det | c.L.prep | c.L.pronouns()));
  const int32_t kk = SkipAuxLeft(c, cue.first - 1, floor);
  f.passive = (kk < cue.first - 1 && kk >= floor && c.Is(kk, c.L.expletive) &&
               (c.W(cue.first - 1) & c.L.aux)) ||
              (cue.classes & c.L.impersonal) != 0;  // "Es heißt, ..."
  f.infinitive = cue.first - 1 >= floor && c.Is(cue.first - 1, c.L.infinitive_marker);
  f.coordinated = kk >= floor && kk > s0 && c.Is(kk, c.L.coordinator());
  if (!f.that && k == cue.last && k < send && cue.first - 1 > floor &&
      c.IsPunct(cue.first - 1, u',') && (cue.classes & c.L.speech_like())) {
    Phrase inverted = PhraseAfter(c, cue.last, send, true);
    if (!inverted.empty() && inverted.last >= send) f.inverted = inverted;
  }
  if (c.L.comma_clause_reports && !f.that && (cue.classes & (c.L.speech_like() | c.L.belief))) {
    // The cue, up to eight words of adjuncts ("heute Abend gegenüber der Presse"), a comma, and
    // a clause of three words or more that opens with no relative or clause word.
    int32_t m = cue.last;
    while (m < send && m < cue.last + 8 && c.tok[m].kind != TokenKind::kPunct && !c.IsCue(m)) ++m;
    if (m < send && c.IsPunct(m, u',') && m + 3 < send && c.tok[m + 1].kind != TokenKind::kPunct &&
        !c.Is(m + 1, c.L.clause))
      f.comma_clause = m + 1;
  }
  f.as_lead = k == cue.last && k + 2 < send && c.IsPunct(k, u',') && cue.first - 2 >= s0 &&
              c.Is(s0, c.L.as_lead) && (cue.classes & c.L.speech_like());
  return f;
}

// Where a clause report's content ends: before a trailing ", he said", before a second report
// of the same subject (", but pledged to"), a new clause with its own subject (", but Mr.
// Obama was furious") or a clause break (", which ..."); a noun-phrase report ("reiterated his
// support for X, the nominee") at its first comma.
static void CutClause(const SieveContext& ctx, const ReportFrame& f, int32_t cb, int32_t* end) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const Cue& cue = cues[f.cue];
  int32_t& ce = *end;
  // Stop before a trailing ", he said", and before ", but they ..." when no "that" opened a
  // clause. "reiterated his support for X, the nominee": no "that" and a determiner first, a
  // noun phrase (like an object report) that ends at its first comma.
  const bool np_report = f.comma_clause < 0 && !f.that && !f.to_clause && !f.wh_clause &&
                         (c.W(cb) & c.L.det) && !c.IsPronoun(cb) &&
                         !(cue.classes & (c.L.belief | c.L.report)) && !IsSay(c, cue.first);
  for (int32_t m = cb + 1; m < ce; ++m) {
    if (c.IsCue(m) && c.IsPunct(m - 1, u',') && m + 2 >= ce) {
      ce = m - 1;
      break;
    }
    if (np_report && c.IsPunct(m, u',')) {
      ce = m;
      break;
    }
    // "said they want justice, but pledged to remain civil": a second report of the same
    // subject (attributed by the coordinated-cue rule).
    if (c.Is(m, c.L.coordinator()) && m + 1 < ce) {
      int32_t v = m + 1;
      while (v < ce && v < m + 3 && (c.W(v) & c.L.aux) && !c.IsPronoun(v)) ++v;
      if (v < ce && c.IsCue(v) && !ctx.cue_used[c.cue_at[v]] &&
          (cues[c.cue_at[v]].classes & (c.L.speech_like() | c.L.belief | c.L.object))) {
        ce = c.IsPunct(m - 1, u',') ? m - 1 : m;
        break;
      }
    }
    // ", but Mr. Obama was furious": a new clause with its own subject.
    if (c.IsPunct(m, u',') && m + 2 < ce && c.Is(m + 1, c.L.conj_but) &&
        (c.IsPronoun(m + 2) || (c.tok[m + 2].IsCap() && !f.that) ||
         (c.tok[m + 2].IsCap() && m + 3 < ce && c.tok[m + 3].kind == TokenKind::kWord &&
          (c.W(m + 3) & c.L.aux)))) {
      ce = m;
      break;
    }
    // ", which ...", ", while ...", ", saying ...": a new clause or report, not the content.
    if (c.IsPunct(m, u',') && m + 1 < ce && c.tok[m + 1].kind == TokenKind::kWord &&
        ((c.W(m + 1) & c.L.clause_break) || c.IsCue(m + 1))) {
      ce = m;
      break;
    }
  }
}

// Where an object noun phrase starting at token cb ends, before `send`: at the first comma
// ("reiterated his support for Mr. Trump, the presumptive nominee"), except inside a list
// ("A, B and C"), or before "and" and a verb.
int32_t ObjectEnd(const TokenContext& c, int32_t cb, int32_t send) {
  int32_t ce = send;
  for (int32_t m = cb + 1; m < ce; ++m) {
    if (c.IsPunct(m, u',') && m + 1 < ce) {
      bool list = false;
      for (int32_t j = m + 1; j < ce && j < m + 6 && !c.IsPunct(j, u','); ++j)
        list = list || c.Is(j, c.L.conj_and);
      if (!list || c.Is(m + 1, c.L.conj_and) || c.Is(m + 1, c.L.conj_but)) {
        ce = m;
        break;
      }
    }
    if (c.Is(m, c.L.conj_and) && m + 1 < ce && c.tok[m + 1].kind == TokenKind::kWord &&
        !c.tok[m + 1].IsCap()) {
      if (c.IsCue(m + 1) || c.EndsWith(m + 1, c.L.past_suffixes, 2)) {
        ce = m;
        break;
      }
    }
  }
  return ce;
}

bool ClauseOrObjectContent(const SieveContext& ctx, const ReportFrame& f, TokenRange* content) {
  const TokenContext& c = ctx.c;
  const std::vector<Cue>& cues = *c.in.cues;
  const Cue& cue = cues[f.cue];
  const int32_t k = f.k, send = f.send;
  int32_t cb, ce;
  if (f.comma_clause >= 0) {
    cb = f.comma_clause;
    ce = send;
    CutClause(ctx, f, cb, &ce);
  } else if (f.that || f.to_clause || f.wh_clause ||
             (k < send && k == f.clause_at &&
              (cue.classes & (c.L.speech | c.L.belief | c.L.tell | c.L.write | c.L.report)) &&
              (c.IsPronoun(k) || (c.W(k) & c.L.det) || c.tok[k].IsCap() || f.bare_clause) &&
              !(c.W(k) & c.L.prep))) {
    // A clause. The complementiser is outside the content by default, inside it in
    // attribution units (PolNeAR's convention, see Options::attribution_units).
    cb = f.that && !ctx.options.attribution_units ? k + 1 : k;
    ce = send;
    CutClause(ctx, f, cb, &ce);
  } else if ((cue.classes & (c.L.object | c.L.speech)) && k < send &&
             ((c.W(k) & c.L.det) || c.tok[k].IsCap() ||
              ((cue.classes & c.L.object) && c.IsPronoun(k))) &&
             (!(c.W(k) & c.L.pronouns()) || (cue.classes & c.L.object)) &&
             !c.Is(cue.first, c.L.say)) {
    // An object: "reiterated his support for Mr. Trump".
    cb = k;
    ce = ObjectEnd(c, cb, send);
  } else {
    return false;
  }
  content->first = cb;
  content->last = ce;
  return true;
}

}  // namespace attrib
