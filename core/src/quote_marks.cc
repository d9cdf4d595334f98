#include "quote_marks.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>

namespace attrib {
namespace {

// How a mark behaves on its own, before context is considered.
enum class Role : uint8_t {
  kNone,
  kOpenOnly,    // „ ‚ `` 「 『 ‟ ‛ 〝
  kOpenFirst,   // “ ‘ « ‹ — open, but may close (a wrong-mark repair, or German „…“)
  kSymmetric,   // " ' ''
  kCloseFirst,  // ” ’ » › — close, but may open (Swedish ”…”, German »…«)
  kCloseOnly,   // 」 』 〞 〟
};

// A mark: its code units as one id (two ASCII units for `` and '').
enum Mark : uint8_t {
  kNoMark,
  kDq,
  kSq,
  kDdq /* '' */,
  kBackticks,
  kLdq /* “ */,
  kRdq /* ” */,
  kLsq /* ‘ */,
  kRsq /* ’ */,
  kLow9 /* „ */,
  kLowSingle /* ‚ */,
  kRev9 /* ‟ */,
  kRevSingle /* ‛ */,
  kLaquo,
  kRaquo,
  kLsaquo,
  kRsaquo,
  kCornerL,
  kCornerR,
  kWhiteCornerL,
  kWhiteCornerR,
  kDoublePrimeL,
  kDoublePrimeR,
  kLowDoublePrime,
};

struct MarkAt {
  Mark mark = kNoMark;
  int len = 1;
};

MarkAt MarkOf(std::u16string_view s, size_t i) {
  switch (s[i]) {
    case u'"':
    case u'\u05F4':  // ״ Hebrew gershayim: used as a quotation mark as " is (and as the
                     // acronym sign inside a word, צה״ל, where " is no mark either)
      return {kDq, 1};
    case u'\'':
      if (i + 1 < s.size() && s[i + 1] == u'\'') return {kDdq, 2};
      return {kSq, 1};
    case u'`':
      if (i + 1 < s.size() && s[i + 1] == u'`') return {kBackticks, 2};
      return {kNoMark, 1};
    case u'\u201C':
      return {kLdq, 1};
    case u'\u201D':
      return {kRdq, 1};
    case u'\u2018':
      return {kLsq, 1};
    case u'\u2019':
      return {kRsq, 1};
    case u'\u201E':
      return {kLow9, 1};
    case u'\u201A':
      return {kLowSingle, 1};
    case u'\u201F':
      return {kRev9, 1};
    case u'\u201B':
      return {kRevSingle, 1};
    case u'\u00AB':
      return {kLaquo, 1};
    case u'\u00BB':
      return {kRaquo, 1};
    case u'\u2039':
      return {kLsaquo, 1};
    case u'\u203A':
      return {kRsaquo, 1};
    case u'\u300C':
      return {kCornerL, 1};
    case u'\u300D':
      return {kCornerR, 1};
    case u'\u300E':
      return {kWhiteCornerL, 1};
    case u'\u300F':
      return {kWhiteCornerR, 1};
    case u'\u301D':
      return {kDoublePrimeL, 1};
    case u'\u301E':
      return {kDoublePrimeR, 1};
    case u'\u301F':
      return {kLowDoublePrime, 1};
    default:
      return {kNoMark, 1};
  }
}

Role RoleOf(Mark m) {
  switch (m) {
    case kLow9:
    case kLowSingle:
    case kBackticks:
    case kCornerL:
    case kWhiteCornerL:
    case kRev9:
    case kRevSingle:
    case kDoublePrimeL:
      return Role::kOpenOnly;
    case kLdq:
    case kLsq:
    case kLaquo:
    case kLsaquo:
      return Role::kOpenFirst;
    case kDq:
    case kSq:
    case kDdq:
      return Role::kSymmetric;
    case kRdq:
    case kRsq:
    case kRaquo:
    case kRsaquo:
      return Role::kCloseFirst;
    case kCornerR:
    case kWhiteCornerR:
    case kDoublePrimeR:
    case kLowDoublePrime:
      return Role::kCloseOnly;
    default:
      return Role::kNone;
  }
}

bool IsSingle(Mark m) {
  return m == kSq || m == kLsq || m == kRsq || m == kLowSingle || m == kRevSingle || m == kLsaquo ||
         m == kRsaquo;
}

// Can `close` end a quotation opened by `open`?
bool Closes(Mark open, Mark close) {
  switch (open) {
    case kDq:
    case kDdq:
    case kBackticks:
    case kLdq:
    case kRev9:
      return close == kDq || close == kDdq || close == kRdq || close == kLdq;
    case kRdq:
      return close == kRdq || close == kLdq;
    case kLow9:
      return close == kLdq || close == kRdq || close == kDq;
    case kSq:
      return close == kSq || close == kRsq;
    case kLsq:
    case kRevSingle:
      return close == kRsq || close == kLsq || close == kSq;
    case kRsq:
      return close == kRsq || close == kLsq;
    case kLowSingle:
      return close == kLsq || close == kRsq;
    case kLaquo:
      return close == kRaquo || close == kLaquo;
    case kRaquo:
      return close == kLaquo || close == kRaquo;
    case kLsaquo:
      return close == kRsaquo || close == kLsaquo;
    case kRsaquo:
      return close == kLsaquo || close == kRsaquo;
    case kCornerL:
      return close == kCornerR;
    case kWhiteCornerL:
      return close == kWhiteCornerR;
    case kDoublePrimeL:
      return close == kDoublePrimeR || close == kLowDoublePrime;
    default:
      return false;
  }
}

inline bool IsSpace(char16_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  return c == 0xA0 || u_isUWhiteSpace(c);
}
inline bool IsDigit(char16_t c) {
  return c >= '0' && c <= '9';
}
inline bool IsAlnum(char16_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);
  if (U16_IS_SURROGATE(c)) return true;  // letters outside the BMP, conservatively
  return u_isalnum(c);
}
inline bool IsLetter(char16_t c) {
  return IsAlnum(c) && !IsDigit(c);
}
inline bool IsClosingPunct(char16_t c) {
  return c == u',' || c == u'.' || c == u';' || c == u':' || c == u'!' || c == u'?' || c == u')' ||
         c == u']' || c == u'}' || c == u'\u2026';
}
inline bool IsOpeningContext(char16_t c) {
  return c == u'(' || c == u'[' || c == u'{' || c == u'\u2014' || c == u'\u2013' || c == u'/' ||
         c == u'-' || c == u':';
}
inline bool IsTerminalOrComma(char16_t c) {
  return c == u'.' || c == u',' || c == u'!' || c == u'?' || c == u'\u2026' || c == u';';
}

// Does a clitic ('s 't 're 'll 've 'd 'm, any case) start at s[i], ending at a word boundary?
bool IsClitic(std::u16string_view s, size_t i) {
  size_t k = i;
  while (k < s.size() && k - i < 3 && IsLetter(s[k])) ++k;
  if (k < s.size() && IsAlnum(s[k])) return false;
  std::u16string w;
  for (size_t j = i; j < k; ++j) w.push_back(s[j] | 0x20);
  return w == u"s" || w == u"t" || w == u"re" || w == u"ll" || w == u"ve" || w == u"d" || w == u"m";
}

inline bool IsDouble(Mark m) {
  return m == kDq || m == kDdq || m == kLdq || m == kRdq || m == kLow9 || m == kRev9 ||
         m == kBackticks;
}

// A quote opened by `open` is still open at a paragraph end (s[from] starts the next paragraph).
// Does it continue without being reopened, closed in a later paragraph (text with one sentence a
// line)? Yes when the first later paragraph holding a double mark holds an unmatched straight "
// (an odd number) or starts with a curly closing mark. Looks at most a few paragraphs ahead.
bool ContinuesBelow(std::u16string_view s, size_t from, Mark open) {
  if (open == kLsq) {
    // Curly singles: the first ‘ or ’ that is no apostrophe (a word right after it) decides.
    const size_t n = std::min(s.size(), from + 2000);
    int paragraphs = 0;
    for (size_t i = from; i < n; ++i) {
      const char16_t c = s[i];
      if (c == u'\n' && ++paragraphs >= 6) return false;
      if (c == u'\u2018') return false;
      if (c == u'\u2019' && (i + 1 >= s.size() || !IsAlnum(s[i + 1])) && i > 0 &&
          !(IsAlnum(s[i - 1]) && i + 1 < s.size() && IsSpace(s[i + 1]) && s[i - 1] == u's')) {
        return true;
      }
    }
    return false;
  }
  if (!IsDouble(open) || open == kLow9) return false;
  constexpr size_t kMaxLook = 2000;
  constexpr int kMaxParagraphs = 6;
  const size_t n = std::min(s.size(), from + kMaxLook);
  int paragraphs = 0;
  int straight = 0;
  bool any = false;
  for (size_t i = from; i < n; ++i) {
    const char16_t c = s[i];
    if (c == u'\n') {
      if (any) return straight % 2 == 1;
      if (++paragraphs >= kMaxParagraphs) return false;
      continue;
    }
    if (c == u'"') {
      if (i > 0 && IsDigit(s[i - 1])) continue;  // an inch mark
      any = true;
      ++straight;
    } else if (c == u'\u201D' || c == u'\u201C') {
      if (!any) return c == u'\u201D' && open != kDq && open != kDdq;
      any = true;
    }
  }
  return any && straight % 2 == 1 && n == s.size();
}

constexpr int kMaxDepth = 4;

struct Open {
  Mark mark;
  int32_t begin;  // of the opening mark (of the first paragraph for a multi-paragraph quote)
  int32_t len;
  int32_t content_begin;
  uint8_t repairs;
};

}  // namespace

std::vector<QuotationSpan> FindQuotations(std::u16string_view s) {
  std::vector<QuotationSpan> out;
  const int32_t n = static_cast<int32_t>(s.size());
  Open stack[kMaxDepth];
  int depth = 0;
  bool carry = false;  // a quote left open at the previous paragraph's end may continue
  Open carried{};
  int32_t para_begin = 0;

  auto emit = [&](const Open& o, int32_t close_begin, int32_t close_end, int d, uint8_t repairs) {
    QuotationSpan q;
    q.open = Span{o.begin, o.begin + o.len};
    q.content = Span{o.content_begin, close_begin};
    q.close = Span{close_begin, close_end};
    q.marked = Span{o.begin, close_end};
    q.depth = d;
    q.repairs = o.repairs | repairs;
    if (q.content.end > q.content.begin) out.push_back(q);
  };

  bool cont = false;  // ... or simply goes on into the next paragraph (ContinuesBelow)
  auto end_paragraph = [&](int32_t para_end) {
    carry = false;
    cont = false;
    if (depth == 0) return;
    const Open bottom = stack[0];
    depth = 0;
    // Does the next paragraph reopen the quote with a mark of the same kind?
    int32_t j = para_end + 1;
    while (j < n && IsSpace(s[j])) ++j;
    if (j < n) {
      MarkAt m = MarkOf(s, j);
      Role r = RoleOf(m.mark);
      if (m.mark != kNoMark && r != Role::kCloseOnly && IsSingle(m.mark) == IsSingle(bottom.mark) &&
          j + m.len < n && !IsSpace(s[j + m.len]) && s[j + m.len] != u'\n') {
        carry = true;
        carried = bottom;
        return;
      }
    }
    if (j < n && ContinuesBelow(s, para_end + 1, bottom.mark)) {
      cont = true;
      carried = bottom;
      carried.repairs |= kMultiParagraph;
      return;
    }
    int32_t e = para_end;
    while (e > bottom.content_begin && IsSpace(s[e - 1])) --e;
    emit(bottom, e, e, 0, kUnclosed);
  };

  int32_t i = 0;
  while (i < n) {
    char16_t c = s[i];
    if (c == u'\n') {
      end_paragraph(i);
      para_begin = i + 1;
      if (cont) {
        stack[depth++] = carried;
        cont = false;
      }
      ++i;
      continue;
    }
    // Most characters are no mark at all: skip them without the switch.
    if ((c < 0x80 && c != u'"' && c != u'\'' && c != u'`') ||
        (c >= 0x80 && c != u'\u00AB' && c != u'\u00BB' && c != u'\u05F4' &&
         (c < 0x2018 || c > 0x203A) && (c < 0x300C || c > 0x301F))) {
      ++i;
      continue;
    }
    MarkAt m = MarkOf(s, i);
    if (m.mark == kNoMark) {
      ++i;
      continue;
    }
    const int32_t after = i + m.len;
    const bool has_prev = i > para_begin;
    const char16_t p = has_prev ? s[i - 1] : u' ';
    const bool has_next = after < n && s[after] != u'\n';
    const char16_t q = has_next ? s[after] : u' ';
    const bool p_space = !has_prev || IsSpace(p) || IsOpeningContext(p);
    const bool q_space = !has_next || IsSpace(q);
    const bool q_close_punct = has_next && IsClosingPunct(q);
    const bool q_mark = has_next && MarkOf(s, after).mark != kNoMark;
    const bool left = !q_space && !q_close_punct && (p_space || !IsAlnum(p));
    const bool right = has_prev && !IsSpace(p) && (q_space || q_close_punct || q_mark);
    const Mark mk = m.mark;
    const Role role = RoleOf(mk);
    const bool single = IsSingle(mk);
    bool single_open = false;
    bool double_open = false;
    for (int d = 0; d < depth; ++d) {
      single_open = single_open || IsSingle(stack[d].mark);
      double_open = double_open || IsDouble(stack[d].mark);
    }

    // Apostrophes, primes and inch marks are not quotation marks.
    if (mk == kSq || mk == kRsq || mk == kLsq) {
      if (has_prev && has_next && IsAlnum(p) && IsAlnum(q)) {
        i = after;
        continue;
      }  // don't, 5'11
      if (has_next && IsDigit(q) && after + 1 < n && IsDigit(s[after + 1]) &&
          (after + 2 >= n || !IsDigit(s[after + 2]))) {
        i = after;  // '90s, ’08
        continue;
      }
      if (has_prev && IsAlnum(p) && !single_open) {
        i = after;
        continue;
      }  // Clintons’ / 6' tall
      if (p == u'n' && i >= para_begin + 2 && (s[i - 2] == u'\'' || s[i - 2] == u'\u2019')) {
        i = after;  // rock 'n' roll
        continue;
      }
      if (has_next && IsLetter(q) && (!has_prev || IsSpace(p)) && IsClitic(s, after)) {
        i = after;  // Lincoln 's Inn, I 'm, we 're, they 'll, you 've, he 'd (tokenised text,
                    // typos)
        continue;
      }
      if ((mk == kSq || mk == kRsq || mk == kLsq) && has_next && IsLetter(q) && p_space) {
        // 'em, 'til, 'cause, rock 'n' roll; typeset with the apostrophe (’em, rock ’n’ roll) or
        // with Word's autocorrected ‘n’ (only "n" then: ‘til… can open a quote).
        int32_t k = after;
        while (k < n && IsLetter(s[k])) ++k;
        std::u16string_view w = s.substr(after, k - after);
        const bool elision =
            w == u"em" || w == u"til" || w == u"cause" || w == u"n" || w == u"tis" || w == u"twas";
        const bool n_then_apostrophe = w == u"n" && k < n && (s[k] == u'\'' || s[k] == u'\u2019');
        if (mk == kLsq ? n_then_apostrophe : elision) {
          i = after;
          continue;
        }
      }
    }
    // A gershayim (or " for it) between two Hebrew letters is an acronym's: צה״ל, צה"ל.
    if (mk == kDq && has_prev && has_next && p >= u'\u05D0' && p <= u'\u05EA' && q >= u'\u05D0' &&
        q <= u'\u05EA') {
      i = after;
      continue;
    }
    if ((mk == kDq || mk == kDdq) && has_prev && IsDigit(p)) {
      // 5'11" or 12": an inch mark unless it can close an open double quote.
      bool closes_open = false;
      for (int d = 0; d < depth; ++d) closes_open = closes_open || Closes(stack[d].mark, mk);
      if (!closes_open) {
        i = after;
        continue;
      }
    }

    // Close? The innermost open quote this mark can close.
    int target = -1;
    for (int d = depth - 1; d >= 0; --d) {
      if (Closes(stack[d].mark, mk)) {
        target = d;
        break;
      }
      // Only skip an inner quote for a mark that cannot be anything but a closer here.
      if (role != Role::kCloseFirst && role != Role::kCloseOnly && !right) break;
    }
    if (target >= 0) {
      int32_t prev_ns = i - 1;
      while (prev_ns >= para_begin && IsSpace(s[prev_ns])) --prev_ns;
      const bool glued =
          has_next && IsLetter(q) && prev_ns >= para_begin && IsTerminalOrComma(s[prev_ns]);
      const bool spaced = has_prev && IsSpace(p) && (!has_next || q_space || q_close_punct);
      bool close_it;
      if (role == Role::kCloseFirst || role == Role::kCloseOnly) {
        close_it = true;
      } else {
        close_it = right || spaced || (!left) ||
                   (glued && target == depth - 1 && role == Role::kOpenFirst && false);
      }
      if (close_it) {
        uint8_t repairs = 0;
        if (mk == stack[target].mark && role == Role::kOpenFirst) repairs |= kWrongClose;
        if (has_next && IsAlnum(q) && !IsSpace(p)) repairs |= kGluedClose;
        if (has_next && IsAlnum(q) && IsSpace(p) && glued) repairs |= kGluedClose;
        if (has_prev && IsSpace(p)) repairs |= kSpacedClose;
        emit(stack[target], i, after, target, repairs);
        depth = target;
        i = after;
        continue;
      }
      if (left && target == depth - 1 && role != Role::kOpenOnly &&
          Closes(stack[target].mark, mk) && mk == stack[target].mark) {
        // “…  “New: the first quote was never closed; close it before this mark.
        int32_t e = i;
        while (e > stack[target].content_begin && IsSpace(s[e - 1])) --e;
        emit(stack[target], e, e, target, kUnclosed);
        depth = target;
      }
    }

    // Open? A mark padded by spaces (tokenised text: “ It is you , ” he said) opens when it
    // cannot close anything and a word follows.
    bool padded = false;
    if (target < 0 && p_space && q_space && has_next) {
      int32_t k = after;
      while (k < n && s[k] != u'\n' && IsSpace(s[k])) ++k;
      padded = k < n && IsAlnum(s[k]);
    }
    bool can_open = false;
    switch (role) {
      case Role::kOpenOnly:
        can_open = !q_space || !right || padded;
        break;
      case Role::kOpenFirst:
        can_open = left || (!right && !q_space) || padded;
        break;
      case Role::kSymmetric:
        // A straight " padded by spaces ( " Suffer any wrong ... ! " ) opens when none is open.
        can_open = left || (mk == kDq && padded && !double_open);
        break;
      case Role::kCloseFirst:
        can_open = left && p_space;
        break;
      default:
        break;
    }
    if (single && mk != kLowSingle && can_open && !padded && has_next && !IsAlnum(q) &&
        !IsOpeningContext(q) && MarkOf(s, after).mark == kNoMark) {
      can_open = false;  // a lone single mark before punctuation
    }
    if (can_open && depth < kMaxDepth) {
      Open o{mk, i, m.len, after, 0};
      if (carry && depth == 0 && !IsSingle(mk) == !IsSingle(carried.mark)) {
        int32_t k = para_begin;
        while (k < i && IsSpace(s[k])) ++k;
        if (k == i) {
          o.begin = carried.begin;
          o.len = carried.len;
          o.content_begin = carried.content_begin;
          o.mark = carried.mark;
          o.repairs = carried.repairs | kMultiParagraph;
        }
      }
      carry = false;
      stack[depth++] = o;
    }
    i = after;
  }
  end_paragraph(n);
  std::sort(out.begin(), out.end(), [](const QuotationSpan& a, const QuotationSpan& b) {
    return a.marked.begin != b.marked.begin ? a.marked.begin < b.marked.begin : a.depth < b.depth;
  });
  return out;
}

}  // namespace attrib
