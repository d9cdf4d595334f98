// Stage 0: tokens. A linear scan of Document::text() into words, numbers and punctuation, with
// a case-folded hash per token (lexicon lookups are hashed, never string compares) and the
// sentence and paragraph each token belongs to. The text is not normalised: every token is a
// span of the original text, so no offset map is needed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "attrib/document.h"

namespace attrib {

enum class TokenKind : uint8_t {
  kWord,    // letters, digits, inner apostrophes/hyphens/periods: don't, U.S., build-up
  kNumber,  // 2014, 3.5, 1,000
  kPunct,   // any other single character (quote marks included), or `` and ''
};

enum TokenFlag : uint8_t {
  kCapitalized = 1,  // first letter upper case
  kLowercase = 2,    // first letter lower case
  kQuoteChar = 4,    // a quotation mark character (role decided by the quote stage)
  kSentenceEnd = 8,  // . ! ? … that end a sentence (set by SplitTokenSentences)
  kPlainWord = 16,   // a word of ASCII letters and inner apostrophes only ("don't", "Biden")
};

struct Token {
  int32_t begin = 0;
  int32_t end = 0;
  uint64_t hash = 0;  // of the case-folded text, ’ folded to '
  TokenKind kind = TokenKind::kPunct;
  uint8_t flags = 0;
  int32_t paragraph = 0;
  int32_t sentence = 0;  // index into Tokens::sentences

  bool Is(uint8_t flag) const { return (flags & flag) != 0; }
  bool IsWord() const { return kind == TokenKind::kWord; }
  bool IsCap() const { return kind == TokenKind::kWord && (flags & kCapitalized); }
};

struct Tokens {
  std::vector<Token> tokens;
  // Sentences as [first, last) token index ranges, in order.
  struct Sentence {
    int32_t first = 0;
    int32_t last = 0;
  };
  std::vector<Sentence> sentences;
};

// The hash Token::hash uses, for lexicon entries: case-folded, ’ and ‘ folded to '.
uint64_t HashWord(std::u16string_view word);
// The same over UTF-8 (lexicon files).
uint64_t HashWordUtf8(std::string_view word);
// HashWordUtf8 of an ASCII word, at compile time: `constexpr uint64_t kSaid = HashAscii("said");`
constexpr uint64_t HashAscii(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : word) {
    const char f = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    h = (h ^ static_cast<uint64_t>(static_cast<unsigned char>(f))) * 0x100000001b3ULL;
  }
  return h;
}
// Combines the hashes of consecutive words of a multi-word expression.
inline uint64_t HashCombine(uint64_t seq, uint64_t word) {
  return (seq ^ (word + 0x9e3779b97f4a7c15ULL + (seq << 6) + (seq >> 2))) * 0x100000001b3ULL;
}

// Tokenizes `text`; linear time. Sentences are split by SplitTokenSentences.
Tokens Tokenize(std::u16string_view text);

// Splits sentences at . ! ? … followed by a capital, a digit, an opening mark or a paragraph
// break, except after abbreviations ("Mr.", "Sen.", single initials) and never inside the
// spans in `no_break` (quotations), which must be sorted and disjoint. Fills Token::sentence.
void SplitTokenSentences(std::u16string_view text, const std::vector<Span>& no_break, Tokens* t);

// The same sentences as [first, last) token ranges, without protecting quotations (a quote of
// three sentences gives three): what claims are scored on. Reads only `t.tokens`.
std::vector<Tokens::Sentence> SentenceRanges(std::u16string_view text, const Tokens& t);

// Index of the first token whose begin >= offset (tokens.size() if none). O(log n).
int32_t TokenAt(const Tokens& t, int32_t offset);

}  // namespace attrib
