#include "tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>

namespace attrib {
namespace {

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline char16_t Fold(char16_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? static_cast<char16_t>(c + 32) : c;
  if (c == u'\u2019' || c == u'\u2018') return u'\'';
  if (U16_IS_SURROGATE(c)) return c;
  return static_cast<char16_t>(u_tolower(c));
}

inline uint64_t HashStep(uint64_t h, char16_t c) {
  h ^= static_cast<uint64_t>(c);
  return h * kFnvPrime;
}

// ASCII character classes, one table lookup.
enum : uint8_t { kAsciiLower = 1, kAsciiUpper = 2, kAsciiDigit = 4, kAsciiSpace = 8 };
constexpr auto kAscii = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAsciiLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAsciiUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  for (char c : {' ', '\t', '\r', '\n', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kAsciiSpace;
  return t;
}();
constexpr uint8_t kAsciiAlnum = kAsciiLower | kAsciiUpper | kAsciiDigit;

inline bool IsAlnumAt(std::u16string_view s, size_t i, UChar32* cp_out = nullptr,
                      size_t* len = nullptr) {
  char16_t c = s[i];
  if (c < 0x80) {
    if (cp_out) *cp_out = c;
    if (len) *len = 1;
    return (kAscii[c] & kAsciiAlnum) != 0;
  }
  UChar32 cp = c;
  size_t l = 1;
  if (U16_IS_LEAD(c) && i + 1 < s.size() && U16_IS_TRAIL(s[i + 1])) {
    cp = U16_GET_SUPPLEMENTARY(c, s[i + 1]);
    l = 2;
  }
  if (cp_out) *cp_out = cp;
  if (len) *len = l;
  if (u_isalnum(cp)) return true;
  int8_t type = u_charType(cp);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

inline bool IsDigit(char16_t c) {
  return c >= '0' && c <= '9';
}
inline bool IsSpace(char16_t c) {
  if (c < 0x80) return (kAscii[c] & kAsciiSpace) != 0;
  return c == 0xA0 || u_isUWhiteSpace(c);
}

bool IsQuoteChar(char16_t c) {
  switch (c) {
    case u'"':
    case u'\'':
    case u'`':
    case u'\u201C':
    case u'\u201D':
    case u'\u2018':
    case u'\u2019':
    case u'\u201E':
    case u'\u201A':
    case u'\u201F':
    case u'\u201B':
    case u'\u00AB':
    case u'\u00BB':
    case u'\u2039':
    case u'\u203A':
    case u'\u300C':
    case u'\u300D':
    case u'\u300E':
    case u'\u300F':
    case u'\u301D':
    case u'\u301E':
      return true;
    default:
      return false;
  }
}

bool IsTerminal(char16_t c) {
  return c == u'.' || c == u'!' || c == u'?' || c == u'\u2026';
}

// Abbreviations after which "." does not end a sentence (hashes of the folded word).
bool IsAbbreviation(uint64_t h) {
  static const std::vector<uint64_t> kAbbr = [] {
    std::vector<uint64_t> v;
    for (const char* w :
         {"mr",   "mrs",  "ms",     "dr",   "sen",  "rep",   "gov",  "gen",  "st",   "jr",
          "sr",   "lt",   "col",    "sgt",  "capt", "prof",  "rev",  "hon",  "inc",  "corp",
          "ltd",  "co",   "vs",     "jan",  "feb",  "apr",   "aug",  "sept", "sep",  "oct",
          "nov",  "dec",  "no",     "mt",   "ft",   "adm",   "gens", "sens", "reps", "atty",
          "pres", "supt", "messrs", "cmdr", "lt",   "maj",   "brig", "ave",  "blvd", "dept",
          "univ", "est",  "approx", "etc",  "ca",   "calif", "fla",  "mass", "penn", "wash",
          "ariz", "colo", "conn",   "ill",  "ind",  "kan",   "md",   "mich", "minn", "miss",
          "mo",   "neb",  "nev",    "okla", "ore",  "tenn",  "tex",  "va",   "wis",  "ky",
          "la",   "ala",  "ark",    "del",  "ga",   "vt",    "wyo"}) {
      v.push_back(HashWordUtf8(w));
    }
    std::sort(v.begin(), v.end());
    return v;
  }();
  return std::binary_search(kAbbr.begin(), kAbbr.end(), h);
}

}  // namespace

uint64_t HashWord(std::u16string_view word) {
  uint64_t h = kFnvBasis;
  for (char16_t c : word) h = HashStep(h, Fold(c));
  return h;
}

uint64_t HashWordUtf8(std::string_view word) {
  // Lexicon words are ASCII in practice; non-ASCII bytes hash as their UTF-16 units would
  // only for ASCII, so decode properly.
  uint64_t h = kFnvBasis;
  size_t i = 0;
  while (i < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    UChar32 cp = b;
    size_t len = 1;
    if (b >= 0xF0 && i + 3 < word.size() + 0) {
      cp = ((b & 0x07) << 18) | ((word[i + 1] & 0x3F) << 12) | ((word[i + 2] & 0x3F) << 6) |
           (word[i + 3] & 0x3F);
      len = 4;
    } else if (b >= 0xE0 && i + 2 < word.size()) {
      cp = ((b & 0x0F) << 12) | ((word[i + 1] & 0x3F) << 6) | (word[i + 2] & 0x3F);
      len = 3;
    } else if (b >= 0xC0 && i + 1 < word.size()) {
      cp = ((b & 0x1F) << 6) | (word[i + 1] & 0x3F);
      len = 2;
    }
    i += len;
    if (cp > 0xFFFF) {
      h = HashStep(h, U16_LEAD(cp));
      h = HashStep(h, U16_TRAIL(cp));
    } else {
      h = HashStep(h, Fold(static_cast<char16_t>(cp)));
    }
  }
  return h;
}

Tokens Tokenize(std::u16string_view s) {
  Tokens out;
  out.tokens.reserve(s.size() / 4 + 4);
  const size_t n = s.size();
  int32_t paragraph = 0;
  size_t i = 0;
  while (i < n) {
    char16_t c = s[i];
    if (c == u'\n') {
      ++paragraph;
      ++i;
      continue;
    }
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    Token& t = out.tokens.emplace_back();  // built in place: no copy of a half-written Token
    t.begin = static_cast<int32_t>(i);
    t.paragraph = paragraph;
    UChar32 cp = 0;
    size_t len = 0;
    if (IsAlnumAt(s, i, &cp, &len)) {
      const bool number = IsDigit(c);
      t.kind = number ? TokenKind::kNumber : TokenKind::kWord;
      if (c < 0x80) {
        if (kAscii[c] & kAsciiUpper)
          t.flags |= kCapitalized;
        else if (kAscii[c] & kAsciiLower)
          t.flags |= kLowercase;
      } else if (u_isupper(cp) || u_istitle(cp)) {
        t.flags |= kCapitalized;
      } else if (u_islower(cp)) {
        t.flags |= kLowercase;
      }
      uint64_t h = kFnvBasis;
      size_t segment = 0;  // letters since the last inner period (for U.S.)
      bool dotted = false;
      uint8_t seen = 0;  // kAscii classes of the ASCII alphanumerics met
      bool plain = !number && c < 0x80;
      while (i < n) {
        // ASCII letters and digits: the common case, a tight loop with no call. OR-ing 0x20
        // lower-cases A-Z and leaves a-z and 0-9 as they are.
        if (s[i] < 0x80 && (kAscii[s[i]] & kAsciiAlnum)) {
          const char16_t* p = s.data() + i;
          const char16_t* const run_begin = p;
          const char16_t* const stop = s.data() + n;
          uint64_t hh = h;
          uint8_t classes = 0;
          do {
            hh = HashStep(hh, static_cast<char16_t>(*p | 0x20));
            classes |= kAscii[*p];
            ++p;
          } while (p != stop && *p < 0x80 && (kAscii[*p] & kAsciiAlnum));
          h = hh;
          seen |= classes;
          const auto run = static_cast<size_t>(p - run_begin);
          i += run;
          segment += run;
          continue;
        }
        if (IsAlnumAt(s, i, &cp, &len)) {
          for (size_t k = 0; k < len; ++k) h = HashStep(h, Fold(s[i + k]));
          i += len;
          ++segment;
          plain = false;
          continue;
        }
        char16_t d = s[i];
        if (d == u' ') break;  // the usual end of a word
        const bool next_alnum = i + 1 < n && IsAlnumAt(s, i + 1);
        if ((d == u'\'' || d == u'\u2019') && next_alnum && !number) {
          h = HashStep(h, u'\'');
          ++i;
          continue;
        }
        plain = false;  // an inner hyphen, period or comma
        if ((d == u'-' || d == u'\u2011') && next_alnum) {
          h = HashStep(h, u'-');
          ++i;
          continue;
        }
        if ((d == u',' || d == u'.') && number && i + 1 < n && IsDigit(s[i + 1])) {
          h = HashStep(h, d);
          ++i;
          continue;
        }
        // U.S., D.C., U.N.: single letters separated by periods keep their periods.
        if (d == u'.' && !number && segment == 1 && i + 2 < n && s[i + 1] < 0x80 &&
            u_isupper(s[i + 1]) && (s[i + 2] == u'.')) {
          h = HashStep(h, u'.');
          ++i;
          segment = 0;
          dotted = true;
          continue;
        }
        break;
      }
      if (dotted && i < n && s[i] == u'.') {
        h = HashStep(h, u'.');
        ++i;
        plain = false;
      }
      t.end = static_cast<int32_t>(i);
      t.hash = h;
      if (plain && !(seen & kAsciiDigit)) t.flags |= kPlainWord;
      continue;
    }
    // Punctuation: one character, or `` / '' as one mark.
    t.kind = TokenKind::kPunct;
    size_t end = i + 1;
    if ((c == u'`' || c == u'\'') && i + 1 < n && s[i + 1] == c)
      end = i + 2;
    else if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(s[i + 1]))
      end = i + 2;
    if (IsQuoteChar(c)) t.flags |= kQuoteChar;
    t.end = static_cast<int32_t>(end);
    t.hash = HashWord(s.substr(i, end - i));
    i = end;
  }
  return out;
}

namespace {

// The sentence rule shared by SplitTokenSentences and SentenceRanges: calls
// `sentence(first, last, terminal)` for each sentence as a [first, last) token range, in order;
// `terminal` is the index of the token that ended it, or -1 (paragraph or text end).
template <typename F>
void ForEachSentence(std::u16string_view s, const std::vector<Token>& tok,
                     const std::vector<Span>& no_break, F&& sentence) {
  const int32_t n = static_cast<int32_t>(tok.size());
  size_t nb = 0;  // first no_break span that may contain the current token
  int32_t first = 0;
  auto close = [&](int32_t last, int32_t terminal) {
    if (last > first) sentence(first, last, terminal);
    first = last;
  };
  for (int32_t i = 0; i < n; ++i) {
    if (i + 1 < n && tok[i + 1].paragraph != tok[i].paragraph) {
      close(i + 1, -1);
      continue;
    }
    if (tok[i].kind != TokenKind::kPunct || !IsTerminal(s[tok[i].begin])) continue;
    while (nb < no_break.size() && no_break[nb].end <= tok[i].begin) ++nb;
    if (nb < no_break.size() && no_break[nb].begin < tok[i].begin) {  // inside a quote
      // A quotation whose content ends with its own full stop, then a capitalised word after
      // the closing mark: « Nous ne céderons pas. » Le ministre a ajouté ... / "We won." The
      // coach ... — a new sentence begins after the mark.
      if (s[tok[i].begin] != u'.' || (i + 1 < n && tok[i + 1].begin < no_break[nb].end)) continue;
      int32_t j = i + 1;
      while (j < n && tok[j].Is(kQuoteChar) && tok[j].paragraph == tok[i].paragraph) ++j;
      if (j == i + 1 || j >= n || tok[j].paragraph != tok[i].paragraph ||
          !(tok[j].flags & kCapitalized))
        continue;
      close(j, i);
      i = j - 1;
      continue;
    }
    if (s[tok[i].begin] == u'.' && i > 0 && tok[i - 1].end == tok[i].begin) {
      const Token& prev = tok[i - 1];
      if (prev.kind == TokenKind::kWord &&
          ((prev.end - prev.begin == 1 && prev.IsCap()) || IsAbbreviation(prev.hash))) {
        continue;
      }
    }
    // Closing marks and brackets glued to the terminal belong to this sentence.
    int32_t j = i + 1;
    while (j < n && tok[j].begin == tok[j - 1].end && tok[j].kind == TokenKind::kPunct &&
           tok[j].paragraph == tok[i].paragraph &&
           (tok[j].Is(kQuoteChar) || s[tok[j].begin] == u')' || IsTerminal(s[tok[j].begin]))) {
      ++j;
    }
    if (j >= n) break;
    if (tok[j].paragraph != tok[i].paragraph) continue;  // handled by the paragraph rule
    const Token& next = tok[j];
    if (next.flags & kLowercase) continue;
    close(j, i);
    i = j - 1;
  }
  close(n, -1);
}

}  // namespace

void SplitTokenSentences(std::u16string_view s, const std::vector<Span>& no_break, Tokens* t) {
  t->sentences.clear();
  ForEachSentence(s, t->tokens, no_break, [t](int32_t first, int32_t last, int32_t terminal) {
    const auto id = static_cast<int32_t>(t->sentences.size());
    for (int32_t k = first; k < last; ++k) t->tokens[k].sentence = id;
    if (terminal >= 0) t->tokens[terminal].flags |= kSentenceEnd;
    t->sentences.push_back({first, last});
  });
}

std::vector<Tokens::Sentence> SentenceRanges(std::u16string_view s, const Tokens& t) {
  std::vector<Tokens::Sentence> out;
  ForEachSentence(s, t.tokens, {}, [&](int32_t first, int32_t last, int32_t) {
    out.push_back({first, last});
  });
  return out;
}

int32_t TokenAt(const Tokens& t, int32_t offset) {
  auto it = std::lower_bound(t.tokens.begin(), t.tokens.end(), offset,
                             [](const Token& a, int32_t o) { return a.begin < o; });
  return static_cast<int32_t>(it - t.tokens.begin());
}

}  // namespace attrib
