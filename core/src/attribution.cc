#include "attribution.h"

#include <algorithm>

namespace attrib {
namespace {

// Cost bounds. Every scan of the sieves is limited in tokens so that the cost per quotation or
// cue is bounded whatever the input (one "sentence" of a million tokens, thousands of quotes in
// one paragraph). Real sentences and noun phrases are far shorter than these windows.
constexpr int32_t kWindow = 100;      // tokens looked at around a quote or cue in its sentence
constexpr int32_t kMaxPhrase = 24;    // tokens of one noun-phrase segment
constexpr int kMaxNestedReports = 3;  // indirect contents that may cover one token

struct Ctx {
  const AttributionInput& in;
  const std::vector<Token>& tok;
  const LanguageData& L;
  const std::vector<int>& cue_at;  // token -> cue index covering it, -1
  uint64_t h_of, h_for, h_to, h_it, h_but, h_and, h_comma;

  explicit Ctx(const AttributionInput& i)
      : in(i), tok(i.tokens->tokens), L(*i.lang), cue_at(i.cue_at) {
    h_of = HashAscii("of");
    h_for = HashAscii("for");
    h_to = HashAscii("to");
    h_it = HashAscii("it");
    h_but = HashAscii("but");
    h_and = HashAscii("and");
    h_comma = HashAscii(",");
  }
  int32_t n() const { return static_cast<int32_t>(tok.size()); }
  char16_t ch(int32_t i) const { return in.text[tok[i].begin]; }
  bool IsPunct(int32_t i, char16_t c) const {
    return tok[i].kind == TokenKind::kPunct && ch(i) == c;
  }
  uint32_t W(int32_t i) const { return in.info[i].words; }
  uint32_t T(int32_t i) const { return in.info[i].titles; }
  bool IsPronoun(int32_t i) const { return (W(i) & L.pronouns()) != 0; }
  bool IsCue(int32_t i) const { return cue_at[i] >= 0; }
  // The complementiser that opens reported content: "that", "dass"/"daß" (words.txt "comp").
  bool IsComp(int32_t i) const { return tok[i].kind == TokenKind::kWord && (W(i) & L.comp); }
  bool SameSentence(int32_t a, int32_t b) const { return tok[a].sentence == tok[b].sentence; }
  // A '.' glued to an abbreviation or initial inside a name ("Mr.", "B.", "Jr.").
  bool IsInnerPeriod(int32_t i) const {
    if (!IsPunct(i, u'.') || i == 0 || tok[i - 1].end != tok[i].begin) return false;
    if (tok[i].Is(kSentenceEnd)) return false;
    const Token& p = tok[i - 1];
    return p.kind == TokenKind::kWord && (p.IsCap() && (p.end - p.begin <= 4));
  }
};

bool NpWord(const Ctx& c, int32_t i, int* lower_run) {
  const Token& t = c.tok[i];
  if (t.kind != TokenKind::kWord) return false;
  if (c.IsCue(i)) return false;
  const uint32_t w = c.W(i);
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
int32_t SegmentBefore(const Ctx& c, int32_t k, int32_t floor) {
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
    if ((c.tok[j].hash == c.h_of || c.tok[j].hash == c.h_for) && j > floor && j + 1 <= k) {
      --j;
      continue;
    }
    if (!NpWord(c, j, &lower)) break;
    start = j;
    if ((w & c.L.det) && !c.tok[j].IsCap()) {
      if (j > floor && (c.tok[j - 1].hash == c.h_of || c.tok[j - 1].hash == c.h_for)) {
        --j;
        continue;
      }
      break;
    }
    if ((w & c.L.det) && c.tok[j].IsCap()) break;  // "The New York Post"
    --j;
  }
  // Do not start on "of"/"for".
  while (start <= k && (c.tok[start].hash == c.h_of || c.tok[start].hash == c.h_for)) ++start;
  return start;
}

bool SegmentLooksNominal(const Ctx& c, int32_t a, int32_t b) {  // [a, b]
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

Phrase MakePhrase(const Ctx& c, int32_t a, int32_t b) {  // [a, b)
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

bool ValidSubject(const Ctx& c, int32_t a, int32_t b) {  // [a, b]
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

Phrase Before(const Ctx& c, int32_t k, int32_t floor) {
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

int32_t SkipAuxLeft(const Ctx& c, int32_t k, int32_t floor) {
  while (k >= floor && c.tok[k].kind == TokenKind::kWord && (c.W(k) & c.L.aux) && !c.IsPronoun(k))
    --k;
  return k;
}

Phrase After(const Ctx& c, int32_t i, int32_t limit, bool appositions) {
  if (i >= limit || i >= c.n()) return {};
  if (c.IsPronoun(i) && c.tok[i].kind == TokenKind::kWord) return MakePhrase(c, i, i + 1);
  int lower = 0;
  int32_t j = i;
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
    if ((c.tok[j].hash == c.h_of || c.tok[j].hash == c.h_for) && j > i && j + 1 < limit &&
        (c.tok[j + 1].IsCap() || (c.W(j + 1) & c.L.det))) {
      ++j;
      continue;
    }
    const uint32_t w = c.W(j);
    if ((w & c.L.det) && j > i && !(c.tok[j - 1].hash == c.h_of || c.tok[j - 1].hash == c.h_for))
      break;
    if (!NpWord(c, j, &lower)) break;
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
                             c.tok[s].hash == HashAscii("who");
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
Phrase SubjectBeforeParenthetical(const Ctx& c, int32_t close, int32_t floor) {
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
  Phrase subject = Before(c, open - 1, floor);
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
  std::u16string_view w =
      c.in.text.substr(c.tok[first].begin, c.tok[first].end - c.tok[first].begin);
  const bool verbal = (w.size() > 4 && w.substr(w.size() - 3) == u"ing") ||
                      (c.W(first) & (c.L.clause | c.L.prep | c.L.aux));
  if (verbal || mark != u',') return subject;  // "Democrats — and some Republicans — say"
  return MakePhrase(c, subject.first, close + 1);
}

// "say" itself: its object is nearly always a clause ("said the plan, if passed, would ...").
bool IsSay(uint64_t h) {
  return h == HashAscii("said") || h == HashAscii("says") || h == HashAscii("say") ||
         h == HashAscii("saying");
}

// Tidies a speaker mention's edges: a sentence adverb or intro word before it ("Indeed, he",
// "As Professor Foner", "Frustrated, Sanders") and a verb the noun-phrase walk took in at its
// end ("Mr. Obama hasn't", "One operative tried").
Phrase TrimMention(const Ctx& c, Phrase p) {
  auto word = [&](int32_t i) {
    return c.in.text.substr(c.tok[i].begin, c.tok[i].end - c.tok[i].begin);
  };
  auto ends_with = [&](int32_t i, std::u16string_view suffix) {
    std::u16string_view w = word(i);
    return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
  };
  for (int guard = 0; guard < 3 && p.last - p.first >= 2; ++guard) {
    const int32_t f = p.first;
    if (c.tok[f].kind != TokenKind::kWord) break;
    if (c.IsPunct(f + 1, u',') && p.last - f > 2 &&
        ((c.W(f) & c.L.intro) || ends_with(f, u"ly") || ends_with(f, u"ed"))) {
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
    const bool verb = c.tok[l].kind == TokenKind::kWord && (c.tok[l].flags & kLowercase) &&
                      (ends_with(l, u"n't") || ends_with(l, u"n\u2019t") ||
                       ((c.W(l) & c.L.aux) && !c.IsPronoun(l)) || ends_with(l, u"ed"));
    if (!verb || (c.W(l - 1) & c.L.det)) break;  // "the accused"
    p.last = l;
  }
  if (p.first >= p.last) return {};
  return MakePhrase(c, p.first, p.last);
}

// "Lance Beebe, 49, a Navy veteran who works for the Air Force, said": when no shorter subject
// fits, the whole clause opening up to the comma before the cue is the mention, if it starts
// with a name or a noun phrase and holds no cue, quotation mark or clause stop.
Phrase SubjectClausePrefix(const Ctx& c, int32_t close, int32_t floor) {
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
  Phrase head = After(c, start, close, false);
  if (head.empty() || head.last >= close || !c.IsPunct(head.last, u',')) return {};
  return MakePhrase(c, start, close);
}

// The subject of cue `ci`: skips "has also", and a closing comma of an apposition.
Phrase SubjectOf(const Ctx& c, const Cue& cue, int32_t floor) {
  int32_t k = SkipAuxLeft(c, cue.first - 1, floor);
  if (k - 1 >= floor && (c.IsPunct(k, u'\u2014') || c.IsPunct(k, u'\u2013'))) {
    return SubjectBeforeParenthetical(c, k, floor);
  }
  if (k >= floor && c.IsPunct(k, u',') && k - 1 >= floor) {
    Phrase p = Before(c, k - 1, floor);
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
  return Before(c, k, floor);
}

// The part of token i's sentence that the sieves look at: at most kWindow tokens either side.
// "..., saying": a participle cue right after a comma.
bool IsParticipleAfterComma(const Ctx& c, const Cue& cue, int32_t floor) {
  if (cue.first - 1 <= floor || !c.IsPunct(cue.first - 1, u',')) return false;
  std::u16string_view w =
      c.in.text.substr(c.tok[cue.first].begin, c.tok[cue.first].end - c.tok[cue.first].begin);
  return w.size() > 4 && w.substr(w.size() - 3) == u"ing";
}

// The subject at the start of the clause [from, to): skips an opening adverbial up to its
// comma ("On Monday, Trump ...") and needs a word after the phrase (its verb).
Phrase ClauseSubject(const Ctx& c, int32_t from, int32_t to) {
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
  Phrase p = After(c, start, to, false);
  if (p.empty() || p.last >= to || c.tok[p.last].kind != TokenKind::kWord) return {};
  return p;
}

int32_t SentenceFirst(const Ctx& c, int32_t i) {
  return std::max(c.in.tokens->sentences[c.tok[i].sentence].first, i - kWindow);
}
int32_t SentenceLast(const Ctx& c, int32_t i) {
  return std::min(c.in.tokens->sentences[c.tok[i].sentence].last, i + 1 + kWindow);
}

bool SpeechLike(const Ctx& c, const Cue& cue) {
  return (cue.classes & (c.L.speech_like() | c.L.source)) != 0;
}

bool Enabled(const std::vector<std::string>& sieves, std::string_view name) {
  return std::find(sieves.begin(), sieves.end(), name) != sieves.end();
}

struct QuoteInfo {
  int32_t open_tok = 0;   // token of the opening mark
  int32_t close_tok = 0;  // first token after the closing mark
  QuoteKind kind = QuoteKind::kOther;
};

// PolNeAR's unit: one record per attribution relation. A direct quotation followed, in the
// same paragraph, by another whose only words between are its own attribution ("“A,” she
// said. “B.”") is one record spanning both; a fragment inside reported speech makes the
// report kMixed and is not reported on its own.
void MergeIntoAttributionUnits(const Ctx& c, std::vector<Attribution>* attrs) {
  auto& out = *attrs;
  const auto& cues = *c.in.cues;
  std::vector<bool> drop(out.size(), false);
  std::vector<int> directs;
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i].kind == QuoteKind::kDirect) directs.push_back(static_cast<int>(i));
  std::sort(directs.begin(), directs.end(),
            [&](int x, int y) { return out[x].content.begin < out[y].content.begin; });
  std::vector<int> redirect(out.size(), -1);
  int head = -1;
  for (size_t k = 0; k < directs.size(); ++k) {
    const int i = directs[k];
    Attribution& b = out[i];
    if (head >= 0) {
      Attribution& a = out[head];
      const int32_t gap_begin = a.marked.end, gap_end = b.marked.begin;
      const int32_t ta = TokenAt(*c.in.tokens, gap_begin), tb = TokenAt(*c.in.tokens, gap_end);
      bool same_para =
          ta <= tb && tb < c.n() && ta < c.n() && c.tok[ta].paragraph == c.tok[tb].paragraph &&
          c.tok[TokenAt(*c.in.tokens, a.content.begin)].paragraph == c.tok[tb].paragraph;
      const bool cue_in_gap =
          a.cue >= 0 && cues[a.cue].span.begin >= gap_begin && cues[a.cue].span.end <= gap_end;
      const bool b_follows = b.same_speaker_as == head || b.cue == a.cue || b.cue < 0 ||
                             (b.same_speaker_as >= 0 && redirect[b.same_speaker_as] == head);
      if (same_para && cue_in_gap && b_follows && tb - ta <= 60) {
        if (a.fragments.empty()) a.fragments.push_back(a.content);
        a.fragments.push_back(b.content);
        a.content.end = b.content.end;
        a.marked.end = b.marked.end;
        drop[i] = true;
        redirect[i] = head;
        continue;
      }
    }
    head = i;
  }
  // Fragments inside reported speech.
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].kind != QuoteKind::kMixed || out[i].same_speaker_as < 0) continue;
    Attribution& host = out[out[i].same_speaker_as];
    if (host.kind == QuoteKind::kIndirect || host.kind == QuoteKind::kMixed) {
      host.kind = QuoteKind::kMixed;
      drop[i] = true;
    }
  }
  std::vector<int> pos(out.size(), -1);
  std::vector<Attribution> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    if (drop[i]) continue;
    pos[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(out[i]));
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (drop[i] && redirect[i] >= 0) pos[i] = pos[redirect[i]];
  }
  for (auto& a : kept) {
    if (a.same_speaker_as >= 0) a.same_speaker_as = pos[a.same_speaker_as];
  }
  out = std::move(kept);
}

}  // namespace

void IndexCues(AttributionInput* in) {
  const auto& tok = in->tokens->tokens;
  if (in->info.size() != tok.size()) in->info = LookupWords(*in->tokens, *in->lang);
  in->cue_at.assign(tok.size(), -1);
  for (size_t c = 0; c < in->cues->size(); ++c) {
    for (int32_t k = (*in->cues)[c].first; k < (*in->cues)[c].last; ++k)
      in->cue_at[k] = static_cast<int>(c);
  }
}

Phrase PhraseBefore(const AttributionInput& in, int32_t last_token, int32_t floor) {
  Ctx c(in);
  return Before(c, last_token, floor);
}

Phrase PhraseAfter(const AttributionInput& in, int32_t first_token, int32_t limit,
                   bool appositions) {
  Ctx c(in);
  return After(c, first_token, limit, appositions);
}

std::vector<Attribution> Attribute(const AttributionInput& in,
                                   const std::vector<std::string>& sieves, const Options& options) {
  Ctx c(in);
  const auto& quotes = *in.quotations;
  const auto& cues = *in.cues;
  std::vector<Attribution> out;
  std::vector<bool> cue_used(cues.size(), false);
  const int32_t n = c.n();

  // Top-level quotations and their kinds.
  std::vector<QuoteInfo> info(quotes.size());
  std::vector<int> top;  // indices of depth-0 quotations
  for (size_t qi = 0; qi < quotes.size(); ++qi) {
    if (quotes[qi].depth == 0) top.push_back(static_cast<int>(qi));
  }
  auto inside_quote = [&](int32_t offset) {
    // Linear callers walk in order; a binary search keeps this simple.
    auto it = std::upper_bound(top.begin(), top.end(), offset,
                               [&](int32_t o, int q) { return o < quotes[q].marked.begin; });
    if (it == top.begin()) return false;
    const auto& q = quotes[*(it - 1)];
    return offset >= q.content.begin && offset < q.content.end;
  };

  for (size_t ti = 0; ti < top.size(); ++ti) {
    const QuotationSpan& q = quotes[top[ti]];
    QuoteInfo& qi = info[top[ti]];
    qi.open_tok = TokenAt(*in.tokens, q.open.begin);
    qi.close_tok = TokenAt(*in.tokens, q.close.end);
    if (qi.close_tok > 0 && qi.close_tok <= n && q.close.empty())
      qi.close_tok = TokenAt(*in.tokens, q.content.end);
    if (qi.open_tok >= n) continue;
    // Content words.
    int32_t cf = qi.open_tok + 1, cl = TokenAt(*in.tokens, q.content.end);
    int words = 0, caps = 0, long_words = 0, long_caps = 0;
    for (int32_t k = cf; k < cl && k < n; ++k) {
      if (c.tok[k].kind != TokenKind::kPunct) {
        ++words;
        if (c.tok[k].IsCap() || c.tok[k].kind == TokenKind::kNumber) ++caps;
        if (c.tok[k].kind == TokenKind::kWord && c.tok[k].end - c.tok[k].begin >= 4) {
          ++long_words;
          long_caps += c.tok[k].IsCap();
        }
      }
    }
    if (words == 0) continue;
    int32_t last_ns = q.content.end - 1;
    while (last_ns > q.content.begin && (in.text[last_ns] == u' ' || in.text[last_ns] == u'\u00A0'))
      --last_ns;
    const char16_t last_ch = in.text[last_ns];
    const bool ends_punct = last_ch == u'.' || last_ch == u',' || last_ch == u'!' ||
                            last_ch == u'?' || last_ch == u'\u2026' || last_ch == u'\u2014' ||
                            last_ch == u'-';
    const bool starts_upper =
        cf < n && (c.tok[cf].IsCap() || c.tok[cf].kind == TokenKind::kNumber ||
                   c.tok[cf].kind == TokenKind::kPunct);
    // Before the opener in its sentence, after any earlier quotation.
    int32_t sfirst = SentenceFirst(c, qi.open_tok);
    if (ti > 0) {
      const QuotationSpan& pq = quotes[top[ti - 1]];
      int32_t pc = TokenAt(*in.tokens, pq.close.end);
      if (pc > sfirst && pc <= qi.open_tok) sfirst = pc;
    }
    int32_t b = qi.open_tok - 1;
    bool before_empty = b < sfirst;
    bool before_colon = !before_empty && (c.IsPunct(b, u':'));
    bool before_cue_comma = false;
    if (!before_empty && (c.IsPunct(b, u',') || c.IsPunct(b, u':'))) {
      for (int32_t k = b - 1; k >= sfirst && k >= b - 8; --k) {
        if (c.IsCue(k) && SpeechLike(c, cues[c.cue_at[k]])) {
          before_cue_comma = true;
          break;
        }
      }
    }
    const bool before_cue = !before_empty && c.IsCue(b) && SpeechLike(c, cues[c.cue_at[b]]);
    // After the closer: a cue right there makes it a direct quotation even mid-sentence.
    bool after_cue = false;
    for (int32_t k = qi.close_tok;
         k < n && k < qi.close_tok + 8 && c.tok[k].paragraph == c.tok[qi.open_tok].paragraph; ++k) {
      if (c.tok[k].Is(kQuoteChar) || c.tok[k].Is(kSentenceEnd)) break;
      if (c.IsCue(k) && SpeechLike(c, cues[c.cue_at[k]])) {
        after_cue = true;
        break;
      }
    }
    // A title: every word capitalised, or (headline style, "Legend in the Coal Fields.") every
    // word of four letters or more, when no cue stands next to it.
    // Dialogue ("Good Night, Mary!") has commas, "!" or "?"; a title seldom does.
    bool spoken_punct = last_ch == u',' || last_ch == u'!' || last_ch == u'?';
    for (int32_t k = cf; k < cl && k < n && !spoken_punct; ++k) spoken_punct = c.IsPunct(k, u',');
    const bool headline = long_words >= 2 && long_caps == long_words && words <= 8 && !after_cue &&
                          !before_cue && !before_cue_comma && !before_colon && !spoken_punct;
    const bool title_case = (caps == words && words <= 8 && !ends_punct) || headline;
    QuoteKind kind;
    if ((before_empty || before_cue_comma || (before_cue && starts_upper) ||
         (before_colon && starts_upper)) &&
        (ends_punct || words >= 4 || after_cue || before_cue_comma)) {
      kind = QuoteKind::kDirect;
      if (title_case && !after_cue && !before_cue_comma) kind = QuoteKind::kOther;
    } else if (after_cue && ends_punct && starts_upper && words >= 3) {
      kind = QuoteKind::kDirect;
    } else if (title_case) {
      kind = QuoteKind::kOther;
    } else {
      bool cue_before = false;
      for (int32_t k = SentenceFirst(c, qi.open_tok); k < qi.open_tok; ++k)
        cue_before = cue_before || c.IsCue(k);
      kind = (cue_before || words >= 3) ? QuoteKind::kMixed : QuoteKind::kOther;
    }
    qi.kind = kind;
  }

  // Direct quotations: the sieves, in order.
  std::vector<int> attr_of(quotes.size(), -1);
  for (size_t ti = 0; ti < top.size(); ++ti) {
    const int qx = top[ti];
    const QuotationSpan& q = quotes[qx];
    const QuoteInfo& qi = info[qx];
    if (qi.kind != QuoteKind::kDirect) continue;
    Attribution a;
    a.kind = QuoteKind::kDirect;
    a.content = q.content;
    a.marked = q.marked;
    a.quotation = qx;
    const int32_t para = c.tok[std::min(qi.open_tok, n - 1)].paragraph;
    bool done = false;
    for (const std::string& sieve : sieves) {
      if (done) break;
      if (sieve == "cue-after-quote") {
        int32_t j = qi.close_tok;
        if (j < n && c.IsPunct(j, u',')) ++j;
        if (j >= n || c.tok[j].paragraph != para) continue;
        int32_t e = j;
        while (e < n && c.tok[e].paragraph == para && !c.tok[e].Is(kQuoteChar) &&
               !c.IsPunct(e, u';') && e - j < 30) {
          if (c.tok[e].Is(kSentenceEnd)) break;
          ++e;
        }
        int found = -1;
        for (int32_t k = j; k < e; ++k) {
          if (c.IsCue(k) && SpeechLike(c, cues[c.cue_at[k]])) {
            found = c.cue_at[k];
            break;
          }
        }
        if (found < 0) continue;
        const Cue& cue = cues[found];
        int32_t lead = j;
        while (lead < cue.first && (c.W(lead) & c.L.aux) && !c.IsPronoun(lead)) ++lead;
        Phrase sp;
        if (lead == cue.first) {
          int32_t s = cue.last;
          sp = After(c, s, e, true);
          if (sp.empty()) {
            // "said Tuesday" then nothing: look before? no speaker
          }
        } else {
          int32_t k = SkipAuxLeft(c, cue.first - 1, j);
          if (k >= j && c.IsPunct(k, u',')) --k;
          if (k >= j) {
            Phrase p = Before(c, k, j);
            if (!p.empty() && p.first == j)
              sp = p;
            else if (!p.empty())
              sp = p;
          }
        }
        if (sp.empty()) continue;
        a.cue = found;
        a.speaker = sp;
        a.confidence = sp.first == j || lead == cue.first ? 0.95 : 0.8;
        a.rule = sieve;
        done = true;
      } else if (sieve == "subject-after-quote") {
        // "” Blige sings to Clinton": a subject right after the quotation, then a verb that is
        // not in the cue lexicon.
        int32_t j = qi.close_tok;
        if (j < n && c.IsPunct(j, u',')) ++j;
        if (j >= n || c.tok[j].paragraph != para) continue;
        int32_t v = j;
        while (v < n && v < j + 8 && c.tok[v].paragraph == para &&
               c.tok[v].kind == TokenKind::kWord &&
               !((c.tok[v].flags & kLowercase) && !(c.W(v) & c.L.det)))
          ++v;
        if (v <= j || v >= n || c.tok[v].paragraph != para || !(c.tok[v].flags & kLowercase) ||
            (c.W(v) & (c.L.prep | c.L.clause | c.L.det | c.L.aux)))
          continue;
        Phrase p = Before(c, v - 1, j);
        if (p.empty() || p.first != j) continue;
        a.speaker = p;
        a.confidence = 0.5;
        a.rule = sieve;
        done = true;
      } else if (sieve == "cue-before-quote") {
        int32_t b = qi.open_tok - 1;
        int32_t floor = SentenceFirst(c, qi.open_tok);
        if (ti > 0) {
          int32_t pc = TokenAt(*in.tokens, quotes[top[ti - 1]].close.end);
          if (pc > floor && pc <= qi.open_tok) floor = pc;
        }
        if (b < floor) continue;
        if (c.IsPunct(b, u',') || c.IsPunct(b, u':')) --b;
        int found = -1;
        for (int32_t k = b; k >= floor && k >= b - 6; --k) {
          if (c.IsCue(k) && SpeechLike(c, cues[c.cue_at[k]])) {
            found = c.cue_at[k];
            break;
          }
        }
        if (found < 0) continue;
        const Cue& cue = cues[found];
        Phrase sp;
        if (cue.last <= b && !(cue.classes & c.L.tell)) sp = After(c, cue.last, b + 1, false);
        if (sp.empty()) sp = SubjectOf(c, cue, floor);
        if (sp.empty()) continue;
        a.cue = found;
        a.speaker = sp;
        a.confidence = 0.9;
        a.rule = sieve;
        done = true;
      } else if (sieve == "cue-in-sentence") {
        int32_t s0 = SentenceFirst(c, qi.open_tok);
        const int32_t close_mark = std::max(qi.open_tok, std::min(qi.close_tok, n) - 1);
        int32_t s1 = SentenceLast(c, close_mark);
        int best = -1;
        int32_t best_dist = 1 << 30;
        for (int32_t k = s0; k < s1; ++k) {
          if (k == qi.open_tok) k = std::max(k, std::min(qi.close_tok, s1) - 1);  // skip the quote
          if (!c.IsCue(k) || inside_quote(c.tok[k].begin)) continue;
          const Cue& cue = cues[c.cue_at[k]];
          if (!SpeechLike(c, cue)) continue;
          int32_t d = k < qi.open_tok ? qi.open_tok - k : k - qi.close_tok;
          if (d < best_dist) {
            best_dist = d;
            best = c.cue_at[k];
          }
        }
        if (best < 0) continue;
        const Cue& cue = cues[best];
        Phrase sp = SubjectOf(c, cue, s0);
        if (sp.empty()) sp = After(c, cue.last, s1, true);
        if (sp.empty()) continue;
        a.cue = best;
        a.speaker = sp;
        a.confidence = 0.7;
        a.rule = sieve;
        done = true;
      } else if (sieve == "turn-continuation") {
        // The previous direct quotation in this or the previous paragraph.
        for (int k = static_cast<int>(out.size()) - 1; k >= 0; --k) {
          const Attribution& p = out[k];
          if (p.kind != QuoteKind::kDirect) continue;
          const int32_t ptok = TokenAt(*in.tokens, p.content.begin);
          if (ptok >= n) break;
          if (para - c.tok[ptok].paragraph > 1) break;
          if (p.speaker.empty() && p.same_speaker_as < 0) break;
          // A different cue subject between the two quotations breaks the turn.
          bool other_speaker = false;
          int32_t from = TokenAt(*in.tokens, p.marked.end);
          for (int32_t t = from; t < qi.open_tok; ++t) {
            if (c.IsCue(t) && SpeechLike(c, cues[c.cue_at[t]]) && !cue_used[c.cue_at[t]] &&
                !inside_quote(c.tok[t].begin)) {
              other_speaker = true;
              break;
            }
          }
          if (other_speaker) break;
          a.same_speaker_as = k;
          a.confidence = 0.75;
          a.rule = sieve;
          done = true;
          break;
        }
      } else if (sieve == "paragraph-lead") {
        // The sentence before the quotation: "X said:" / "X told reporters on Tuesday."
        int32_t s = c.tok[std::min(qi.open_tok, n - 1)].sentence;
        if (s == 0) continue;
        const auto& prev = in.tokens->sentences[s - 1];
        if (para - c.tok[prev.first].paragraph > 1) continue;
        for (int32_t k = prev.last - 1; k >= std::max(prev.first, prev.last - kWindow); --k) {
          if (!c.IsCue(k) || inside_quote(c.tok[k].begin)) continue;
          const Cue& cue = cues[c.cue_at[k]];
          if (!SpeechLike(c, cue)) continue;
          Phrase sp = SubjectOf(c, cue, SentenceFirst(c, k));
          if (sp.empty()) continue;
          a.cue = c.cue_at[k];
          a.speaker = sp;
          a.confidence = 0.5;
          a.rule = sieve;
          done = true;
          break;
        }
      }
    }
    if (!done) {
      a.rule = "none";
      a.confidence = 0.3;
    }
    // A lead sentence's cue with a clause of its own ("He said states will decide first.")
    // also reports that clause: the indirect sieves below may still use it.
    const bool shared_lead = a.rule == "paragraph-lead" && a.cue >= 0 &&
                             SentenceLast(c, cues[a.cue].last) - cues[a.cue].last >= 4 &&
                             !c.IsPunct(cues[a.cue].last, u':');
    if (a.cue >= 0 && !shared_lead) cue_used[a.cue] = true;
    attr_of[qx] = static_cast<int>(out.size());
    out.push_back(a);
  }

  // Reported speech without marks.
  const bool want_indirect = options.find_indirect;
  const size_t first_indirect = out.size();
  // Token ranges of the latest indirect contents, to bound how deeply reports nest.
  std::vector<std::pair<int32_t, int32_t>> recent_reports;
  if (want_indirect) {
    for (size_t ci = 0; ci < cues.size(); ++ci) {
      if (cue_used[ci]) continue;
      const Cue& cue = cues[ci];
      if (inside_quote(cue.span.begin)) continue;
      const int32_t s0 = SentenceFirst(c, cue.first);
      const int32_t s1 = SentenceLast(c, cue.first);
      int32_t send = s1;  // exclusive; drop the final terminal
      while (send > cue.last && c.tok[send - 1].kind == TokenKind::kPunct &&
             (c.tok[send - 1].Is(kSentenceEnd) || c.IsPunct(send - 1, u'.') ||
              c.IsPunct(send - 1, u'!') || c.IsPunct(send - 1, u'?') || c.IsPunct(send - 1, u':') ||
              c.IsPunct(send - 1, u';')))
        --send;
      Attribution a;
      a.kind = QuoteKind::kIndirect;
      a.cue = static_cast<int>(ci);
      int32_t cb = -1, ce = -1;  // content tokens [cb, ce)
      if (cue.classes & c.L.source_before) {
        // "Dem Bericht zufolge ...": the source precedes the cue; the content is the rest of
        // the sentence, or what came before the source ("..., dem Bericht zufolge.").
        if (!Enabled(sieves, "according-to") || cue.first - 1 < s0) continue;
        Phrase src = Before(c, cue.first - 1, s0);
        if (src.empty()) continue;
        a.speaker = src;
        int32_t k = cue.last;
        if (k < send && c.IsPunct(k, u',')) ++k;
        if (send - k >= 2) {
          cb = k;
          ce = send;
        } else if (src.first - 1 > s0 && c.IsPunct(src.first - 1, u',')) {
          cb = s0;
          ce = src.first - 1;
        } else {
          continue;
        }
        a.rule = "according-to";
        a.confidence = 0.75;
      } else if (cue.classes & c.L.source) {
        if (!Enabled(sieves, "according-to")) continue;
        Phrase src = After(c, cue.last, s1, false);
        if (src.empty()) continue;
        a.speaker = src;
        int32_t lead = s0;
        while (lead < cue.first && (c.W(lead) & (c.L.intro | c.L.clause))) ++lead;
        if (lead == cue.first) {
          int32_t k = src.last;
          if (k < s1 && c.IsPunct(k, u',')) ++k;
          cb = k;
          ce = send;
        } else if (c.IsPunct(cue.first - 1, u',')) {
          cb = s0;
          ce = cue.first - 1;
        } else {
          continue;
        }
        a.rule = "according-to";
        a.confidence = 0.8;
      } else {
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
            Phrase obj = After(c, k, send, false);
            k = obj.empty() ? k + 1 : obj.last;
          }
          if (k > cue.last && !c.IsComp(k - 1)) clause_at = k;  // "told reporters this was"
        }
        while (k < send && c.tok[k].kind == TokenKind::kWord && (c.W(k) & c.L.aux) &&
               !c.IsPronoun(k) && !c.IsComp(k))
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
        // A clause right after the cue with no "that": "said officials are ...", "said no
        // decision had been made".
        // "ausgeführt, daß ...", "Ich wußte, daß ...": a comma before the complementiser.
        if (k == clause_at && k + 1 < send && c.IsPunct(k, u',') && c.IsComp(k + 1)) k = k + 1;
        const bool bare_clause = k < send && k == clause_at && c.tok[k].kind != TokenKind::kPunct &&
                                 !(c.W(k) & (c.L.prep | c.L.clause | c.L.aux)) && !c.IsCue(k) &&
                                 !(cue.classes & (c.L.object | c.L.report)) && k + 1 < send &&
                                 c.tok[k + 1].kind != TokenKind::kPunct;
        const bool that = k < send && c.IsComp(k) && c.tok[k].kind == TokenKind::kWord;
        const bool trailing = k >= send || (c.IsPunct(k, u',') && false);
        // "asked whether ...", "wondered how ...": an embedded question is the content.
        // Speech takes one too ("would not say whether ..."), but not "if" ("said if elected").
        const bool wh_clause =
            (cue.classes & (c.L.ask | c.L.belief | c.L.tell | c.L.speech)) && k == clause_at &&
            k + 1 < send && c.tok[k].kind == TokenKind::kWord && (c.W(k) & c.L.wh) &&
            !c.IsComp(k) &&
            ((cue.classes & (c.L.ask | c.L.belief | c.L.tell)) || c.tok[k].hash != HashAscii("if"));
        // "pledged to remain civil": "to" and a verb (a lower-case word that opens no NP).
        const bool to_clause = (cue.classes & c.L.to_infinitive) && k == cue.last && k + 1 < send &&
                               c.tok[k].hash == c.h_to && c.tok[k + 1].kind == TokenKind::kWord &&
                               (c.tok[k + 1].flags & kLowercase) &&
                               !(c.W(k + 1) & (c.L.det | c.L.prep | c.L.pronouns()));
        // Subject and agentless passive.
        int32_t floor = s0;
        {
          // The last quotation that ends before the cue (top-level quotes are disjoint).
          auto it = std::upper_bound(top.begin(), top.end(), cue.span.begin,
                                     [&](int32_t o, int q) { return o < quotes[q].marked.end; });
          if (it != top.begin()) {
            int32_t pc = TokenAt(*in.tokens, quotes[*(it - 1)].marked.end);
            if (pc > floor && pc <= cue.first) floor = pc;
          }
        }
        int32_t kk = SkipAuxLeft(c, cue.first - 1, floor);
        const bool passive = kk < cue.first - 1 && kk >= floor && c.tok[kk].hash == c.h_it &&
                             (c.W(cue.first - 1) & c.L.aux);
        const bool infinitive = cue.first - 1 >= floor && c.tok[cue.first - 1].hash == c.h_to;
        // "... and added that", "..., but pledged to": the subject of the earlier report.
        const bool coordinated =
            kk >= floor && kk > s0 && (c.tok[kk].hash == c.h_and || c.tok[kk].hash == c.h_but);
        // "..., said Batchelder." — inverted, the speaker ends the sentence.
        Phrase inverted;
        if (!that && k == cue.last && k < send && cue.first - 1 > floor &&
            c.IsPunct(cue.first - 1, u',') && (cue.classes & c.L.speech_like())) {
          inverted = After(c, cue.last, send, true);
          if (!inverted.empty() && inverted.last < send) inverted = Phrase{};
        }
        // "As The Washington Post reported, even if ...": the report is the clause after the
        // comma; the subject between "As" and the cue speaks.
        const bool as_lead = k == cue.last && k + 2 < send && c.IsPunct(k, u',') &&
                             cue.first - 2 >= s0 && c.tok[s0].hash == HashAscii("as") &&
                             (cue.classes & c.L.speech_like());
        if (as_lead) {
          if (!Enabled(sieves, "indirect-trailing")) continue;
          Phrase sp = Before(c, SkipAuxLeft(c, cue.first - 1, s0 + 1), s0 + 1);
          if (sp.empty() || sp.first != s0 + 1) continue;
          a.speaker = sp;
          cb = k + 1;
          ce = send;
          a.rule = "indirect-trailing";
          a.confidence = 0.75;
        } else if (!inverted.empty()) {
          if (!Enabled(sieves, "indirect-trailing")) continue;
          a.speaker = inverted;
          cb = floor;
          ce = cue.first - 1;
          a.rule = "indirect-trailing";
          a.confidence = 0.75;
        } else if (that || to_clause || wh_clause ||
                   (!trailing && k < send && k == clause_at &&
                    (cue.classes & (c.L.speech | c.L.belief | c.L.tell | c.L.write | c.L.report)) &&
                    (c.IsPronoun(k) || (c.W(k) & c.L.det) || c.tok[k].IsCap() || bare_clause) &&
                    !(c.W(k) & c.L.prep))) {
          if (!Enabled(sieves, passive ? "agentless" : "indirect-that")) continue;
          // The complementiser: outside the content by default, inside it in attribution units
          // (PolNeAR's convention, see Options::attribution_units).
          cb = that && !options.attribution_units ? k + 1 : k;
          ce = send;
          // Stop before a trailing ", he said", and before ", but they ..." when no "that" opened
          // a clause (the report was a noun phrase: "reiterated the US support for ...").
          // "reiterated his support for X, the nominee": no "that" and a determiner first, a
          // noun phrase (like an object report) that ends at its first comma.
          const bool np_report = !that && !to_clause && !wh_clause && (c.W(cb) & c.L.det) &&
                                 !c.IsPronoun(cb) && !(cue.classes & (c.L.belief | c.L.report)) &&
                                 !IsSay(c.tok[cue.first].hash);
          for (int32_t m = cb + 1; m < ce; ++m) {
            if (c.IsCue(m) && c.IsPunct(m - 1, u',') && m + 2 >= ce) {
              ce = m - 1;
              break;
            }
            if (np_report && c.IsPunct(m, u',')) {
              ce = m;
              break;
            }
            // "said they want justice, but pledged to remain civil": a second report of the
            // same subject (attributed below by the coordinated-cue rule).
            if ((c.tok[m].hash == c.h_and || c.tok[m].hash == c.h_but) && m + 1 < ce) {
              int32_t v = m + 1;
              while (v < ce && v < m + 3 && (c.W(v) & c.L.aux) && !c.IsPronoun(v)) ++v;
              if (v < ce && c.IsCue(v) && !cue_used[c.cue_at[v]] &&
                  (cues[c.cue_at[v]].classes & (c.L.speech_like() | c.L.belief | c.L.object))) {
                ce = c.IsPunct(m - 1, u',') ? m - 1 : m;
                break;
              }
            }
            // ", but Mr. Obama was furious": a new clause with its own subject.
            if (c.IsPunct(m, u',') && m + 2 < ce && c.tok[m + 1].hash == c.h_but &&
                (c.IsPronoun(m + 2) || (c.tok[m + 2].IsCap() && !that) ||
                 (c.tok[m + 2].IsCap() && m + 3 < ce && c.tok[m + 3].kind == TokenKind::kWord &&
                  (c.W(m + 3) & c.L.aux)))) {
              ce = m;
              break;
            }

            // ", which ...", ", while ...", ", saying ...": a new clause or report, not the
            // content.
            if (c.IsPunct(m, u',') && m + 1 < ce && c.tok[m + 1].kind == TokenKind::kWord &&
                ((c.W(m + 1) & c.L.clause_break) || c.IsCue(m + 1))) {
              ce = m;
              break;
            }
          }
        } else if ((cue.classes & (c.L.object | c.L.speech)) && k < send &&
                   ((c.W(k) & c.L.det) || c.tok[k].IsCap() ||
                    ((cue.classes & c.L.object) && c.IsPronoun(k))) &&
                   (!(c.W(k) & c.L.pronouns()) || (cue.classes & c.L.object)) &&
                   c.tok[cue.first].hash != HashAscii("said") &&
                   c.tok[cue.first].hash != HashAscii("says") &&
                   c.tok[cue.first].hash != HashAscii("say")) {
          if (!Enabled(sieves, passive ? "agentless" : "indirect-that")) continue;
          cb = k;
          ce = send;
          for (int32_t m = cb + 1; m < ce; ++m) {
            // The object is a noun phrase: it ends at the first comma ("reiterated his support
            // for Mr. Trump, the presumptive nominee"), except inside a list ("A, B and C").
            if (c.IsPunct(m, u',') && m + 1 < ce) {
              bool list = false;
              for (int32_t j = m + 1; j < ce && j < m + 6 && !c.IsPunct(j, u','); ++j)
                list = list || c.tok[j].hash == c.h_and;
              if (!list || c.tok[m + 1].hash == c.h_and || c.tok[m + 1].hash == c.h_but) {
                ce = m;
                break;
              }
            }
            if (c.tok[m].hash == c.h_and && m + 1 < ce && c.tok[m + 1].kind == TokenKind::kWord &&
                !c.tok[m + 1].IsCap()) {
              std::u16string_view w =
                  in.text.substr(c.tok[m + 1].begin, c.tok[m + 1].end - c.tok[m + 1].begin);
              if (c.IsCue(m + 1) || (w.size() > 3 && w.substr(w.size() - 2) == u"ed")) {
                ce = m;
                break;
              }
            }
          }
        } else if (k < send && c.IsPunct(k, u',') && cue.first - 1 > s0 &&
                   (cue.classes & c.L.speech_like()) && Enabled(sieves, "indirect-trailing")) {
          // "The latest test, North Korea said, was its biggest yet": the whole sentence.
          const int32_t kk2 = SkipAuxLeft(c, cue.first - 1, floor);
          if (kk2 <= floor) continue;
          const int32_t start = SegmentBefore(c, kk2, floor);  // no apposition: "test, X said,"
          if (start > kk2 || start - 1 <= floor || !c.IsPunct(start - 1, u',') ||
              !ValidSubject(c, start, kk2))
            continue;
          a.speaker = MakePhrase(c, start, kk2 + 1);
          cb = floor;
          ce = send;
          a.rule = "indirect-trailing";
          a.confidence = 0.7;
        } else if ((k >= send || (cue.last == send)) && cue.first - 1 > s0 &&
                   (cue.classes & (c.L.speech_like()))) {
          // "..., X said." — the content is what precedes the comma before X.
          if (!Enabled(sieves, "indirect-trailing")) continue;
          int32_t kk2 = SkipAuxLeft(c, cue.first - 1, s0);
          Phrase sp = kk2 >= s0 ? Before(c, kk2, s0) : Phrase{};
          if (sp.empty() || sp.first - 1 <= s0 || !c.IsPunct(sp.first - 1, u',')) {
            // inverted: "..., said X."
            if (cue.first - 1 > s0 && c.IsPunct(cue.first - 1, u',')) {
              sp = After(c, cue.last, s1, true);
              if (sp.empty()) continue;
              a.speaker = sp;
              cb = floor > s0 ? floor : s0;
              ce = cue.first - 1;
            } else {
              continue;
            }
          } else {
            a.speaker = sp;
            cb = floor;
            ce = sp.first - 1;
          }
          if (ce <= cb) continue;
          a.rule = "indirect-trailing";
          a.confidence = 0.75;
        } else {
          continue;
        }
        if (a.rule.empty()) {
          if (passive) {
            a.agentless = true;
            a.rule = "agentless";
            a.confidence = 0.7;
          } else if (infinitive || coordinated) {
            a.rule = "indirect-that";
            a.confidence = infinitive ? 0.5 : 0.6;
            a.same_speaker_as = -2;  // resolved below: the last attribution in this sentence
          } else {
            Phrase sp = SubjectOf(c, cue, floor);
            if (sp.empty() && IsParticipleAfterComma(c, cue, floor)) {
              // "Trump attacked Clinton on Monday, saying she ...": the clause's subject speaks.
              sp = ClauseSubject(c, floor, cue.first - 1);
            }
            if (sp.empty()) continue;
            a.speaker = sp;
            a.rule = "indirect-that";
            a.confidence = that ? 0.8 : 0.65;
          }
        }
      }
      while (cb < ce && c.tok[cb].kind == TokenKind::kPunct && !c.tok[cb].Is(kQuoteChar)) ++cb;
      if (cb >= ce || ce - cb < 2) continue;
      int covering = 0;
      for (const auto& [rb, re] : recent_reports) covering += rb <= cb && cb < re;
      if (covering >= kMaxNestedReports) continue;
      if (recent_reports.size() >= 8) recent_reports.erase(recent_reports.begin());
      recent_reports.push_back({cb, ce});
      a.content = Span{c.tok[cb].begin, c.tok[ce - 1].end};
      a.marked = a.content;
      cue_used[ci] = true;
      out.push_back(a);
    }
  }
  // Infinitive cues ("in an attempt to defend that ...") share the speaker of the sentence's
  // earlier attribution.
  for (size_t i = first_indirect; i < out.size(); ++i) {
    if (out[i].same_speaker_as != -2) continue;
    out[i].same_speaker_as = -1;
    const int32_t sent = c.tok[cues[out[i].cue].first].sentence;
    int best = -1;
    for (size_t j = i; j-- > 0;) {  // indirect ones are in cue order; directs come first
      if (out[j].cue < 0) continue;
      const Cue& cj = cues[out[j].cue];
      if (j >= first_indirect && c.tok[cj.first].sentence < sent) {
        j = first_indirect;
        continue;
      }
      if (c.tok[cj.first].sentence == sent && cj.first < cues[out[i].cue].first) {
        best = static_cast<int>(j);
        break;
      }
      if (j < first_indirect && j + 64 < first_indirect) break;
    }
    if (best >= 0)
      out[i].same_speaker_as = best;
    else
      out[i].rule = "none";
  }

  // Quoted fragments: the enclosing report's speaker. Indirect reports by content start.
  std::vector<int> reports_by_begin;
  for (size_t j = first_indirect; j < out.size(); ++j)
    if (out[j].kind == QuoteKind::kIndirect) reports_by_begin.push_back(static_cast<int>(j));
  std::stable_sort(reports_by_begin.begin(), reports_by_begin.end(),
                   [&](int x, int y) { return out[x].content.begin < out[y].content.begin; });
  for (size_t ti = 0; ti < top.size(); ++ti) {
    const int qx = top[ti];
    const QuoteInfo& qi = info[qx];
    if (qi.kind != QuoteKind::kMixed &&
        !(qi.kind == QuoteKind::kOther && options.report_non_speech))
      continue;
    const QuotationSpan& q = quotes[qx];
    Attribution a;
    a.kind = qi.kind;
    a.content = q.content;
    a.marked = q.marked;
    a.quotation = qx;
    if (qi.kind == QuoteKind::kOther) {
      a.rule = "non-speech";
      a.confidence = 0.2;
      out.push_back(a);
      continue;
    }
    // The earliest report (in cue order) whose content holds the fragment, among the last
    // few that start before it.
    int host = -1;
    {
      auto it = std::upper_bound(reports_by_begin.begin(), reports_by_begin.end(), q.marked.begin,
                                 [&](int32_t o, int j) { return o < out[j].content.begin; });
      for (int looked = 0; it != reports_by_begin.begin() && looked < 16; ++looked) {
        const int j = *--it;
        if (q.marked.begin < out[j].content.end && (host < 0 || j < host)) host = j;
      }
    }
    if (!Enabled(sieves, "mixed-fragment")) continue;
    a.rule = "mixed-fragment";
    if (host >= 0) {
      a.cue = out[host].cue;
      a.same_speaker_as = host;
      a.agentless = out[host].agentless;
      a.confidence = 0.75;
    } else {
      // The nearest cue before it in the sentence, else in the previous sentence.
      int32_t s0 = SentenceFirst(c, qi.open_tok);
      int found = -1;
      for (int32_t k = qi.open_tok - 1; k >= s0; --k) {
        if (c.IsCue(k)) {
          found = c.cue_at[k];
          break;
        }
      }
      if (found >= 0) {
        a.cue = found;
        Phrase sp = SubjectOf(c, cues[found], s0);
        int32_t kk = SkipAuxLeft(c, cues[found].first - 1, s0);
        if (!sp.empty())
          a.speaker = sp;
        else if (kk >= s0 && kk < cues[found].first - 1 && c.tok[kk].hash == c.h_it)
          a.agentless = true;
        a.confidence = 0.6;
        if (options.attribution_units) {
          // One relation: the report around the fragment, from the cue to the end of its
          // clause ("described the DLC as 'a remnant of another period'").
          const int32_t s1 = SentenceLast(c, qi.open_tok);
          int32_t e = std::min(std::max(qi.close_tok, qi.open_tok + 1), s1);
          while (e < s1 && !c.tok[e].Is(kSentenceEnd) && !c.IsPunct(e, u';') &&
                 !(c.IsPunct(e, u',') && e + 1 < s1 &&
                   (c.W(e + 1) & (c.L.clause | c.L.prep) || c.IsCue(e + 1))))
            ++e;
          while (e > qi.close_tok && c.tok[e - 1].kind == TokenKind::kPunct &&
                 !c.tok[e - 1].Is(kQuoteChar))
            --e;
          const int32_t b = cues[found].last;
          if (b < qi.open_tok && e > b) {
            a.content = Span{c.tok[b].begin, std::max(c.tok[e - 1].end, q.content.end)};
            a.marked = Span{a.content.begin, std::max(a.content.end, q.marked.end)};
            a.fragments = {q.content};
          }
        }
      } else {
        a.confidence = 0.35;
      }
    }
    out.push_back(a);
  }
  for (Attribution& a : out) {
    if (!a.speaker.empty()) a.speaker = TrimMention(c, a.speaker);
  }
  if (options.attribution_units) MergeIntoAttributionUnits(c, &out);
  // Order by content; same_speaker_as indices follow their attribution.
  (void)attr_of;
  std::vector<int> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return out[x].content.begin < out[y].content.begin; });
  std::vector<int> pos(out.size());
  for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = static_cast<int>(i);
  std::vector<Attribution> sorted;
  sorted.reserve(out.size());
  for (int o : order) {
    sorted.push_back(std::move(out[o]));
    if (sorted.back().same_speaker_as >= 0)
      sorted.back().same_speaker_as = pos[sorted.back().same_speaker_as];
  }
  return sorted;
}

}  // namespace attrib
