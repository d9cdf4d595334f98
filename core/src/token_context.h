// What the attribution stages read: the text, its tokens, the quotations and cues found in it,
// and what the lexicons say of every token (AttributionInput); and TokenContext, the questions
// the noun-phrase grammar (noun_phrases.h) and the sieves (sieves/) ask of one token.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "cues.h"
#include "lexicon.h"
#include "quote_marks.h"
#include "tokens.h"

namespace attrib {

// Cost bounds. Every scan of the grammar and the sieves is limited in tokens so that the cost
// per quotation or cue is bounded whatever the input (one "sentence" of a million tokens,
// thousands of quotes in one paragraph). Real sentences and noun phrases are far shorter.
constexpr int32_t kWindow = 100;    // tokens looked at around a quote or cue in its sentence
constexpr int32_t kMaxPhrase = 24;  // tokens of one noun-phrase segment

struct AttributionInput {
  std::u16string_view text;
  const Tokens* tokens = nullptr;
  const std::vector<QuotationSpan>* quotations = nullptr;
  const std::vector<Cue>* cues = nullptr;
  const LanguageData* lang = nullptr;
  std::vector<int> cue_at;  // token -> index of the cue covering it, -1; filled by IndexCues
  // token -> what the lexicons say of it (LookupWords); IndexCues fills it when empty. The
  // sieves never hash a word twice.
  std::vector<WordInfo> info;
};

// Fills in->cue_at (and in->info when empty); call once before building a TokenContext.
void IndexCues(AttributionInput* in);

// A noun phrase as tokens [first, last) and its text span.
struct Phrase {
  int32_t first = -1;
  int32_t last = -1;
  Span span;
  bool empty() const { return last <= first; }
};

// Read-only view of an AttributionInput with the word-class tests every rule uses. Cheap to
// build; holds references only.
struct TokenContext {
  const AttributionInput& in;
  const std::vector<Token>& tok;
  const LanguageData& L;
  const std::vector<int>& cue_at;  // token -> cue index covering it, -1

  explicit TokenContext(const AttributionInput& i)
      : in(i), tok(i.tokens->tokens), L(*i.lang), cue_at(i.cue_at) {}

  int32_t n() const { return static_cast<int32_t>(tok.size()); }
  char16_t ch(int32_t i) const { return in.text[tok[i].begin]; }
  std::u16string_view Text(int32_t i) const {
    return in.text.substr(tok[i].begin, tok[i].end - tok[i].begin);
  }
  bool IsPunct(int32_t i, char16_t c) const {
    return tok[i].kind == TokenKind::kPunct && ch(i) == c;
  }
  uint32_t W(int32_t i) const { return in.info[i].words; }   // words.txt categories
  uint32_t T(int32_t i) const { return in.info[i].titles; }  // titles.txt categories
  // True when token i is a word of words.txt category `category` (a LanguageData bit).
  bool Is(int32_t i, uint32_t category) const { return (W(i) & category) != 0; }
  // True when token i ends with one of `suffixes` after a stem of at least `min_stem` units.
  bool EndsWith(int32_t i, const std::vector<std::u16string>& suffixes, size_t min_stem) const {
    const std::u16string_view w = Text(i);
    for (const std::u16string& s : suffixes)
      if (w.size() >= s.size() + min_stem && w.substr(w.size() - s.size()) == s) return true;
    return false;
  }
  bool IsPronoun(int32_t i) const { return (W(i) & L.pronouns()) != 0; }
  bool IsCue(int32_t i) const { return cue_at[i] >= 0; }
  const Cue& CueAt(int32_t i) const { return (*in.cues)[cue_at[i]]; }
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
  // The part of token i's sentence that the rules look at: at most kWindow tokens either side.
  int32_t SentenceFirst(int32_t i) const {
    return std::max(in.tokens->sentences[tok[i].sentence].first, i - kWindow);
  }
  int32_t SentenceLast(int32_t i) const {
    return std::min(in.tokens->sentences[tok[i].sentence].last, i + 1 + kWindow);
  }
  // A cue that introduces speech (or names a source: "according to").
  bool SpeechLike(const Cue& cue) const {
    return (cue.classes & (L.speech_like() | L.source)) != 0;
  }
};

}  // namespace attrib
