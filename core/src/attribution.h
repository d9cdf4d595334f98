// Stage 3: attributions. Decides each quotation's kind (direct, mixed, other), finds reported
// speech without marks, and runs the named sieves of attrib/sieves.h to find each one's cue
// and speaker MENTION (a span of text; entities.h turns mentions into speakers).
#pragma once

#include <string>
#include <vector>

#include "attrib/options.h"
#include "attrib/result.h"
#include "cues.h"
#include "lexicon.h"
#include "quote_marks.h"
#include "tokens.h"

namespace attrib {

// A noun phrase as tokens [first, last) and its text span.
struct Phrase {
  int32_t first = -1;
  int32_t last = -1;
  Span span;
  bool empty() const { return last <= first; }
};

struct Attribution {
  QuoteKind kind = QuoteKind::kDirect;
  Span content;                 // without marks
  Span marked;                  // with marks (== content for indirect speech)
  std::vector<Span> fragments;  // pieces of an interrupted quotation (attribution units)
  int quotation = -1;           // index into the quotations, -1 for indirect speech
  int cue = -1;                 // index into the cues, -1 = none
  Phrase speaker;               // the speaker mention, empty = none found here
  int same_speaker_as = -1;     // speaker taken from this earlier attribution
  bool agentless = false;
  double confidence = 0.0;
  std::string rule;
};

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

// Fills in->cue_at (and in->info when empty); call once before Attribute and the phrase helpers.
void IndexCues(AttributionInput* in);

// Attributions ordered by content.begin. `sieves` are the enabled sieve names in order.
std::vector<Attribution> Attribute(const AttributionInput& in,
                                   const std::vector<std::string>& sieves, const Options& options);

// Noun-phrase helpers shared with the entity stage.
// The noun phrase ending at token `last_token` (inclusive), not before `floor`; appositions
// to its left ("the spokeswoman for the NSC, Emily Horne") are included.
Phrase PhraseBefore(const AttributionInput& in, int32_t last_token, int32_t floor);
// The noun phrase starting at token `first_token`, with appositions ("Sara Walker, 44, a
// home-care aide") when `appositions`.
Phrase PhraseAfter(const AttributionInput& in, int32_t first_token, int32_t limit,
                   bool appositions);

}  // namespace attrib
