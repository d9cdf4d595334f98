// Word lists and the cue lexicon, read from the embedded language data (core/data/<lang>/).
// A data file has one entry a line: "CATEGORY FORM FORM ...", "#" starts a comment, and the
// words of a multi-word FORM are joined by "_" ("told_reporters"). Lookups are hashed over
// tokens (tokens.h), longest form first; building a lexicon is the only allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tokens.h"

namespace attrib {

class Lexicon {
 public:
  // Parses a data file; unknown lines are ignored. Up to 32 categories.
  static Lexicon Parse(std::string_view text);

  // The category's bit (0 when the file has no such category).
  uint32_t Category(std::string_view name) const;
  // Length in tokens of the longest form starting at token `i` whose categories intersect
  // `mask` (0 = none); its categories in *categories.
  int MatchAt(const std::vector<Token>& tokens, size_t i, uint32_t mask, uint32_t* categories) const;
  // Categories of the one-word form with this hash (0 = not in the lexicon).
  uint32_t WordCategories(uint64_t hash) const;
  bool Has(uint64_t hash, uint32_t mask) const { return (WordCategories(hash) & mask) != 0; }
  size_t size() const { return forms_.size(); }

 private:
  std::vector<std::string> categories_;
  std::unordered_map<uint64_t, uint32_t> forms_;  // hash of a whole form -> categories
  std::unordered_set<uint64_t> prefixes_;          // hashes of proper prefixes of forms
  int max_words_ = 0;
};

// All data of one language. Built once from the embedded files; immutable after that.
struct LanguageData {
  std::string language;
  Lexicon cues;    // cues.txt
  Lexicon words;   // words.txt
  Lexicon titles;  // titles.txt
  // Cue classes (bits of `cues`).
  uint32_t speech = 0, tell = 0, write = 0, ask = 0, belief = 0, report = 0, object = 0, source = 0;
  // Word categories (bits of `words` / `titles`).
  uint32_t pron_m = 0, pron_f = 0, pron_n = 0, pron_p = 0, pron_1 = 0, aux = 0, det = 0, prep = 0,
           clause = 0, comp = 0, intro = 0, addressee = 0, cue_tail = 0;
  uint32_t title = 0, person = 0, org = 0;
  uint32_t pronouns() const { return pron_m | pron_f | pron_n | pron_p | pron_1; }
  uint32_t speech_like() const { return speech | tell | write | ask; }
};

// The data for `language` ("en", "en-US" -> "en"); nullptr when the language has none.
const LanguageData* GetLanguageData(std::string_view language);
// Languages with data, e.g. {"en"}.
std::vector<std::string> AvailableLanguages();

}  // namespace attrib
