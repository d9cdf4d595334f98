// Stage 2: cues. Reporting verbs and phrases found in the tokens with the language's cue
// lexicon (core/data/<lang>/cues.txt). Nouns that share a verb's form ("the report", "a
// statement") are filtered out by their left context.
#pragma once

#include <cstdint>
#include <vector>

#include "attrib/document.h"
#include "lexicon.h"
#include "tokens.h"

namespace attrib {

struct Cue {
  int32_t first = 0;  // tokens [first, last)
  int32_t last = 0;
  Span span;             // of the cue words in the text, with the auxiliaries before them and a
                         // tail after them: "has also said", "said in a statement"
  uint32_t classes = 0;  // bits of LanguageData::cues (speech, tell, belief, ...)
  float model_score = -1;  // the cue model's score (cue_model.h); -1 = not scored
  const char* learned_by = nullptr;  // the cue model's name when it found this cue, not the lexicon
};

// Cues in token order. Linear in the number of tokens. `info`, when given, is
// LookupWords(tokens, lang) (saves looking the words up again).
std::vector<Cue> FindCues(const Tokens& tokens, const LanguageData& lang,
                          const std::vector<WordInfo>* info = nullptr);

}  // namespace attrib
