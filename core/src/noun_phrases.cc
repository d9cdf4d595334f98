#include "noun_phrases.h"

namespace attrib {

static bool NpWord(const TokenContext& c, int32_t i, int* lower_run) {
  const Token& t = c.tok[i];
  if (t.kind != TokenKind::kWord) return false;
  if (c.IsCue(i)) return false;
  const uint32_t w = c.W(i);
  if (w & c.L.time) return false;
  if (w & (c.L.clause | c.L.aux)) {
    if (!t.IsCap() || (w & c.L.clause)) return false;
  }
  if (t.IsCap()) {
    *lower_run = 0;
    return true;
  }
  if (w & c.L.det) return true;
  if (c.T(i) & (c.L.title | c.L.person)) {
    *lower_run = 0;
    return true;
  }
  if (w & c.L.prep) return false;
  return ++*lower_run <= 3;
}

// One segment of a noun phrase walking left from `k`; returns its first token.
int32_t SegmentBefore(const TokenContext& c, int32_t k, int32_t floor) {
  if (c.IsPronoun(k) && c.tok[k].kind == TokenKind::kWord) return k;
  int lower = 0;
  int32_t j = k;
  int32_t start = k + 1;
  floor = std::max(floor, k - kMaxPhrase);
  while (j >= floor) {
    if (c.tok[j].kind == TokenKind::kPunct) {
      if (c.IsInnerPeriod(j) || c.IsPunct(j, u'-') || c.IsPunct(j, u'&')) {
        --j;
        continue;
      }
      if (c.IsPunct(j, u')')) {
        int32_t m = j - 1;
        while (m >= floor && m > j - 10 && !c.IsPunct(m, u'(')) --m;
        if (m >= floor && c.IsPunct(m, u'(')) {
          j = m - 1;
          continue;
        }
      }
      break;
    }
    if (c.tok[j].kind == TokenKind::kNumber) {
      // "60 percent of voters", "6 in 10 voters": a count opening the phrase.
      if (j + 1 <= k && j + 1 == start && c.tok[j + 1].kind == TokenKind::kWord &&
          (c.tok[j + 1].flags & kLowercase) && !(c.W(j + 1) & c.L.aux)) {
        start = j;
        --j;
        continue;
      }
      break;
    }
    const uint32_t w = c.W(j);
    if (c.Is(j, c.L.np_link) && j > floor && j + 1 <= k) {
      --j;
      continue;
    }
    if (!NpWord(c, j, &lower)) break;
    start = j;
    if ((w & c.L.det) && !c.tok[j].IsCap()) {
      if (j > floor && c.Is(j - 1, c.L.np_link)) {
        --j;
        continue;
      }
      break;
    }
    if ((w & c.L.det) && c.tok[j].IsCap()) break;  // "The New York Post"
    --j;
  }
  // Do not start on a linking word ("of"/"for"); German "der" is also an article, and may.
  while (start <= k && c.Is(start, c.L.np_link) && !c.Is(start, c.L.det)) ++start;
  return start;
}

static bool SegmentLooksNominal(const TokenContext& c, int32_t a, int32_t b) {  // [a, b]
  if (a > b) return false;
  const uint32_t w = c.W(a);
  if (w & (c.L.prep | c.L.clause)) return false;
  if ((w & c.L.intro) && b == a) return false;
  bool cap_or_noun = false;
  for (int32_t i = a; i <= b; ++i) {
    if (c.tok[i].kind == TokenKind::kNumber || c.IsCue(i)) return false;
    if (c.tok[i].kind == TokenKind::kPunct && !c.IsInnerPeriod(i) && !c.IsPunct(i, u'-') &&
        !c.IsPunct(i, u'(') && !c.IsPunct(i, u')'))
      return false;
    if (c.tok[i].IsCap() || (c.T(i) & c.L.person)) cap_or_noun = true;
  }
  return cap_or_noun && ((w & c.L.det) || c.tok[a].IsCap() || (c.T(a) & (c.L.title | c.L.person)));
}

Phrase MakePhrase(const TokenContext& c, int32_t a, int32_t b) {  // [a, b)
  Phrase p;
  while (a < b && c.tok[b - 1].kind == TokenKind::kPunct && !c.IsInnerPeriod(b - 1) &&
         !c.IsPunct(b - 1, u')'))
    --b;
  if (a >= b) return p;
  p.first = a;
  p.last = b;
  p.span = Span{c.tok[a].begin, c.tok[b - 1].end};
  return p;
}

bool ValidSubject(const TokenContext& c, int32_t a, int32_t b) {  // [a, b]
  if (a > b) return false;
  if (a == b && c.IsPronoun(a)) return true;
  if (a < b && (c.W(a) & c.L.det) && !c.IsPronoun(a) && c.tok[a + 1].kind == TokenKind::kWord)
    return true;
  for (int32_t i = a; i <= b; ++i) {
    if (c.tok[i].IsCap() && !(c.W(i) & c.L.intro && i == a && a == b)) return true;
    if (c.T(i) & (c.L.person | c.L.title)) return true;
  }
  return false;
}

Phrase PhraseBefore(const TokenContext& c, int32_t k, int32_t floor) {
  if (k < floor || k < 0) return {};
  int32_t start = SegmentBefore(c, k, floor);
  if (start > k) return {};
  if (!ValidSubject(c, start, k)) return {};
  // One apposition to the left: "the spokeswoman for the NSC, Emily Horne" / "Emily Horne, the
  // spokeswoman"
  if (start - 1 > floor && c.IsPunct(start - 1, u',')) {
    int32_t e = start - 2;
    int32_t s = e;
    while (s > floor && !c.IsPunct(s - 1, u',') && c.SameSentence(s - 1, e) &&
           !(c.tok[s - 1].Is(kQuoteChar)) && e - s < 14)
      --s;
    const bool bounded = s == floor || c.IsPunct(s - 1, u',') || !c.SameSentence(s - 1, e) ||
                         c.tok[s - 1].Is(kQuoteChar) || (c.W(s - 1) & c.L.intro);
    // A left segment that is itself a complete NP up to its start.
    if (bounded && SegmentLooksNominal(c, s, e) && SegmentBefore(c, e, s) == s) start = s;
  }
  return MakePhrase(c, start, k + 1);
}

int32_t SkipAuxLeft(const TokenContext& c, int32_t k, int32_t floor) {
  while (k >= floor && c.tok[k].kind == TokenKind::kWord && (c.W(k) & c.L.aux) && !c.IsPronoun(k))
    --k;
  return k;
}

Phrase PhraseAfter(const TokenContext& c, int32_t i, int32_t limit, bool appositions) {
  if (i >= limit || i >= c.n()) return {};
  // "äußerte sich Merkel", "a déclaré mardi Borne"
  while (i < limit && i < c.n() && c.Is(i, c.L.reflexive | c.L.time)) ++i;
  if (i >= limit || i >= c.n()) return {};
  if (c.IsPronoun(i) && c.tok[i].kind == TokenKind::kWord) return MakePhrase(c, i, i + 1);
  int lower = 0;
  int32_t j = i;
  bool head = false;  // a capitalised word seen (with nouns_capitalized: the phrase's noun)
  limit = std::min(limit, c.n());
  const int32_t np_limit = std::min(limit, i + kMaxPhrase);
  while (j < np_limit && c.SameSentence(i, j)) {
    if (c.tok[j].kind == TokenKind::kPunct) {
      if (c.IsInnerPeriod(j) || c.IsPunct(j, u'-') || c.IsPunct(j, u'&')) {
        ++j;
        continue;
      }
      if (c.IsPunct(j, u'(')) {
        int32_t m = j + 1;
        while (m < limit && m < j + 10 && !c.IsPunct(m, u')')) ++m;
        if (m < limit && c.IsPunct(m, u')')) {
          j = m + 1;
          continue;
        }
      }
      break;
    }
    if (c.tok[j].kind == TokenKind::kNumber) break;
    if (c.Is(j, c.L.np_link) && j > i && j + 1 < limit &&
        (c.tok[j + 1].IsCap() || (c.W(j + 1) & c.L.det) ||
         (c.Is(j, c.L.np_link_article) && c.tok[j + 1].kind == TokenKind::kWord))) {
      ++j;
      continue;
    }
    const uint32_t w = c.W(j);
    if ((w & c.L.det) && j > i && !c.Is(j - 1, c.L.np_link)) break;
    // German: adjectives precede the noun, so a lower-case word after it ends the phrase
    // ("Merkel zufrieden").
    if (c.L.nouns_capitalized && head && (c.tok[j].flags & kLowercase)) break;
    if (!NpWord(c, j, &lower)) break;
    head = head || c.tok[j].IsCap();
    ++j;
  }
  if (j == i || !ValidSubject(c, i, j - 1)) return {};
  int32_t end = j;
  if (appositions) {
    for (int seg = 0;
         seg < 2 && end + 1 < limit && c.IsPunct(end, u',') && c.SameSentence(i, end + 1); ++seg) {
      int32_t s = end + 1;
      const uint32_t w = c.W(s);
      const bool starts_ok = (w & c.L.det) || c.tok[s].kind == TokenKind::kNumber ||
                             c.tok[s].IsCap() || (c.T(s) & (c.L.title | c.L.person)) ||
                             c.Is(s, c.L.relative_person);
      if (!starts_ok || c.IsCue(s) || (w & c.L.pronouns())) break;
      int32_t e = s;
      while (e < limit && c.SameSentence(i, e) && !c.IsPunct(e, u',') && !c.tok[e].Is(kQuoteChar) &&
             !c.IsPunct(e, u';') && !c.IsPunct(e, u':') && !(c.tok[e].Is(kSentenceEnd)) &&
             e - s < 16)
        ++e;
      if (e - s >= 16 || e == s) break;
      bool has_cue = false;
      for (int32_t k = s; k < e; ++k) has_cue = has_cue || c.IsCue(k);
      if (has_cue) break;
      end = e;
    }
  }
  return MakePhrase(c, i, end);
}

// "Richard Revesz, director of the institute at NYU's law school, said" / "Trump, speaking to
// veterans in Virginia, said": a subject NP that opens its clause, then one parenthetical
// between commas that Before() cannot walk (prepositions, a participle, a relative clause).
// `close` is the comma before the cue. The parenthetical is part of the mention when it is a
// noun phrase (PolNeAR's convention), not when it is a participle or relative clause.
static Phrase SubjectBeforeParenthetical(const TokenContext& c, int32_t close, int32_t floor) {
  constexpr int32_t kMaxParenthetical = 20;
  const char16_t mark = c.ch(close);  // ',' or a dash: "Democrats — and some Republicans — say"
  int32_t open = close - 1;
  bool has_cue = false;
  while (open > floor && close - open <= kMaxParenthetical && !c.IsPunct(open, mark)) {
    if (c.tok[open].Is(kQuoteChar) || c.tok[open].Is(kSentenceEnd) || c.IsPunct(open, u';') ||
        c.IsPunct(open, u':'))
      return {};
    has_cue = has_cue || c.IsCue(open);
    --open;
  }
  if (open <= floor || !c.IsPunct(open, mark)) return {};
  const int32_t first = open + 1;  // the parenthetical is [first, close)
  // One word only as an age ("Suu Kyi, 70, said"); otherwise a phrase of two words or more.
  if (close - open < 3 && !(close - open == 2 && c.tok[first].kind == TokenKind::kNumber))
    return {};
  if (c.IsPronoun(first)) return {};
  // A cue inside only in a relative clause ("Cruz, who says ..., said"), a report of its own.
  if (has_cue && !(c.W(first) & c.L.relative)) return {};
  Phrase subject = PhraseBefore(c, open - 1, floor);
  if (subject.empty() || subject.last != open) return {};
  // The subject must open its clause: sentence start, after an intro word or a comma.
  const int32_t before = subject.first - 1;
  if (before >= floor && !c.IsPunct(before, u',') &&
      (!(c.W(before) & c.L.intro) || (c.W(before) & c.L.prep)))
    return {};  // not "in the allied states, in the event of ..., considering"
  if (c.tok[subject.first].kind != TokenKind::kWord ||
      !(c.tok[subject.first].IsCap() || c.IsPronoun(subject.first) ||
        (c.W(subject.first) & c.L.det)))
    return {};
  const bool verbal = c.EndsWith(first, c.L.participle_suffixes, 2) ||
                      (c.W(first) & (c.L.clause | c.L.prep | c.L.aux));
  if (verbal || mark != u',') return subject;  // "Democrats — and some Republicans — say"
  return MakePhrase(c, subject.first, close + 1);
}

// "say" itself: its object is nearly always a clause ("said the plan, if passed, would ...").
bool IsSay(const TokenContext& c, int32_t i) {
  return c.Is(i, c.L.say | c.L.say_participle);
}

// Tidies a speaker mention's edges: a sentence adverb or intro word before it ("Indeed, he",
// "As Professor Foner", "Frustrated, Sanders") and a verb the noun-phrase walk took in at its
// end ("Mr. Obama hasn't", "One operative tried").
Phrase TrimMention(const TokenContext& c, Phrase p) {
  constexpr size_t kStem = 3;  // "Frankly", not "fly"; "hasn't", not "n't"
  for (int guard = 0; guard < 3 && p.last - p.first >= 2; ++guard) {
    const int32_t f = p.first;
    if (c.tok[f].kind != TokenKind::kWord) break;
    if (c.IsPunct(f + 1, u',') && p.last - f > 2 &&
        ((c.W(f) & c.L.intro) || c.EndsWith(f, c.L.adverb_suffixes, kStem) ||
         c.EndsWith(f, c.L.past_suffixes, kStem))) {
      p.first = f + 2;  // "Indeed, he"
    } else if ((c.W(f) & c.L.intro) && !(c.W(f) & c.L.det) && !c.IsPronoun(f) &&
               c.tok[f + 1].kind == TokenKind::kWord) {
      p.first = f + 1;  // "As Professor Foner"
    } else {
      break;
    }
  }
  while (p.last - p.first >= 2) {
    const int32_t l = p.last - 1;
    const bool verb =
        c.tok[l].kind == TokenKind::kWord && (c.tok[l].flags & kLowercase) &&
        (c.EndsWith(l, c.L.negation_suffixes, kStem) || ((c.W(l) & c.L.aux) && !c.IsPronoun(l)) ||
         c.EndsWith(l, c.L.past_suffixes, kStem));
    if (!verb || (c.W(l - 1) & c.L.det)) break;  // "the accused"
    p.last = l;
  }
  if (p.first >= p.last) return {};
  return MakePhrase(c, p.first, p.last);
}

// "Lance Beebe, 49, a Navy veteran who works for the Air Force, said": when no shorter subject
// fits, the whole clause opening up to the comma before the cue is the mention, if it starts
// with a name or a noun phrase and holds no cue, quotation mark or clause stop.
static Phrase SubjectClausePrefix(const TokenContext& c, int32_t close, int32_t floor) {
  constexpr int32_t kMaxPrefix = 45;
  int32_t start = floor;
  while (start < close && (c.tok[start].kind == TokenKind::kPunct ||
                           ((c.W(start) & c.L.intro) && !(c.W(start) & (c.L.det | c.L.prep)))))
    ++start;
  if (start < close && (c.W(start) & c.L.prep)) return {};  // "in the allied states, ..."
  if (close - start < 3 || close - start > kMaxPrefix) return {};
  for (int32_t i = start; i < close; ++i) {
    if (c.tok[i].Is(kQuoteChar) || c.IsCue(i) || c.tok[i].Is(kSentenceEnd) || c.IsPunct(i, u';') ||
        c.IsPunct(i, u':'))
      return {};
  }
  Phrase head = PhraseAfter(c, start, close, false);
  if (head.empty() || head.last >= close || !c.IsPunct(head.last, u',')) return {};
  return MakePhrase(c, start, close);
}

// The subject of cue `ci`: skips "has also", and a closing comma of an apposition.
// In a verb-second language, the subject after the finite verb when the clause starting at
// `floor` opens with something else; empty when it opens with the subject. `*finite` is set
// to the finite verb: the cue, or an auxiliary before a participle cue.
//   "Am Montag sagte der Minister", "Dabei äußerte sich Merkel": a fronted adverbial, so the
//   subject follows the finite verb.
//   "Glos hatte in einem Interview gesagt": the finite auxiliary is the verb; look left of it.
static Phrase VerbSecondSubject(const TokenContext& c, const Cue& cue, int32_t floor,
                                int32_t* finite) {
  *finite = cue.first;
  for (int32_t j = cue.first - 1; j >= floor && j >= cue.first - 14; --j) {
    if (c.tok[j].kind == TokenKind::kPunct) break;
    if (c.Is(j, c.L.aux_verb)) {
      *finite = j;
      break;
    }
  }
  int32_t first = floor;
  while (first < *finite && c.Is(first, c.L.coordinator())) ++first;  // "Aber Merkel sagte"
  if (first >= *finite) return {};
  // A preposition or an adverb in front: the subject is not there.
  const bool fronted = c.Is(first, c.L.prep | c.L.adverb) && !c.Is(first, c.L.det);
  if (!fronted) return {};
  int32_t s = *finite + 1;
  while (s < cue.first + 4 && s < c.n() && c.Is(s, c.L.reflexive)) ++s;
  if (s == cue.first) s = cue.last;  // the cue itself was the finite verb
  return PhraseAfter(c, s, c.SentenceLast(cue.first), false);
}

Phrase SourceAfterImpersonal(const TokenContext& c, const Cue& cue, int32_t limit) {
  for (int32_t i = cue.last; i < limit && i < cue.last + 3 && c.tok[i].kind == TokenKind::kWord;
       ++i) {
    if (!c.Is(i, c.L.prep)) continue;
    return PhraseAfter(c, i + 1, limit, false);
  }
  return {};
}

Phrase SubjectOf(const TokenContext& c, const Cue& cue, int32_t floor) {
  if (c.L.verb_second) {
    int32_t finite = cue.first;
    Phrase after = VerbSecondSubject(c, cue, floor, &finite);
    if (!after.empty()) return after;
    if (finite < cue.first && finite - 1 >= floor) {
      Phrase before = PhraseBefore(c, finite - 1, floor);
      if (!before.empty()) return before;
    }
  }
  int32_t k = SkipAuxLeft(c, cue.first - 1, floor);
  if (k - 1 >= floor && (c.IsPunct(k, u'\u2014') || c.IsPunct(k, u'\u2013'))) {
    return SubjectBeforeParenthetical(c, k, floor);
  }
  if (k >= floor && c.IsPunct(k, u',') && k - 1 >= floor) {
    Phrase p = PhraseBefore(c, k - 1, floor);
    if (!p.empty() && p.first < k - 1) {
      // "Emily Horne, reported" only when the phrase is an apposition chain
      int32_t commas = 0;
      for (int32_t i = p.first; i < p.last; ++i) commas += c.IsPunct(i, u',');
      if (commas > 0) return p;
    }
    Phrase sp = SubjectBeforeParenthetical(c, k, floor);
    return sp.empty() ? SubjectClausePrefix(c, k, floor) : sp;
  }
  if (k < floor) return {};
  // "Cruz, who says ...", "the agency, which said ...": the relative pronoun is the mention
  // (the entity stage links it to the phrase before it).
  if ((c.W(k) & c.L.relative) && k - 1 >= floor &&
      (c.IsPunct(k - 1, u',') || c.tok[k - 1].kind == TokenKind::kWord))
    return MakePhrase(c, k, k + 1);
  return PhraseBefore(c, k, floor);
}

// "..., saying": a participle cue right after a comma.
bool IsParticipleAfterComma(const TokenContext& c, const Cue& cue, int32_t floor) {
  if (cue.first - 1 <= floor || !c.IsPunct(cue.first - 1, u',')) return false;
  return c.EndsWith(cue.first, c.L.participle_suffixes, 2);
}

// The subject at the start of the clause [from, to): skips an opening adverbial up to its
// comma ("On Monday, Trump ...") and needs a word after the phrase (its verb).
Phrase ClauseSubject(const TokenContext& c, int32_t from, int32_t to) {
  int32_t start = from;
  while (start < to && (c.tok[start].kind == TokenKind::kPunct || (c.W(start) & c.L.clause)))
    ++start;
  if (start < to && (c.W(start) & (c.L.prep | c.L.intro)) && !(c.W(start) & c.L.det)) {
    int32_t k = start;
    while (k < to && k < start + 12 && !c.IsPunct(k, u',')) ++k;
    if (k >= to || k >= start + 12) return {};
    start = k + 1;
  }
  if (start >= to) return {};
  Phrase p = PhraseAfter(c, start, to, false);
  if (p.empty() || p.last >= to || c.tok[p.last].kind != TokenKind::kWord) return {};
  // The word after the phrase must be able to be its verb: "Plans to strengthen NATO were
  // indicated" has no subject "Plans".
  if (c.Is(p.last, c.L.infinitive_marker)) return {};
  return p;
}

}  // namespace attrib
