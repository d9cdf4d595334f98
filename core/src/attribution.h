// Stage 3: attributions. Decides each quotation's kind (direct, mixed, other), finds reported
// speech without marks, and runs the named sieves of attrib/sieves.h (one unit each, in
// sieves/) to find each one's cue and speaker MENTION (a span of text; entities.h turns
// mentions into speakers).
#pragma once

#include <string>
#include <vector>

#include "attrib/options.h"
#include "attrib/result.h"
#include "token_context.h"

namespace attrib {

// Attribution::same_speaker_as while the driver still has to find the sentence's earlier
// report whose speaker this one shares ("... and added that").
constexpr int kSameSpeakerAsSentence = -2;

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
  std::string rule;  // the sieve that decided, "none", or "non-speech"
};

// Attributions ordered by content.begin. `sieves` are the enabled sieve names in order (see
// attrib/sieves.h); in.cue_at must be filled (IndexCues).
std::vector<Attribution> Attribute(const AttributionInput& in,
                                   const std::vector<std::string>& sieves, const Options& options);

}  // namespace attrib
