// The engine's output. Each stage has its own result type (quote spans, mentions,
// attributions); Analysis gathers what adapters need. Spans: see attrib/attrib.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attrib/document.h"

namespace attrib {

enum class QuoteKind {
  kDirect,    // a full quotation in marks, its attribution outside: “We are ready,” she said.
  kMixed,     // a quoted fragment inside reported speech: he said they were “prepared”.
  kIndirect,  // reported speech without marks: X said that ...; according to X, ...
  kOther,     // marks that are not speech: titles, nicknames, scare quotes (low confidence).
};
const char* QuoteKindName(QuoteKind kind);  // "direct", "mixed", "indirect", "other"

// One real-world speaker; all its mentions merged.
struct Speaker {
  int id = 0;              // index in Analysis::speakers
  std::string name;        // canonical name, UTF-8: "Emily Horne", "a senior White House member"
  std::string role;        // "spokeswoman for the National Security Council", or ""
  bool anonymous = false;  // an unnamed source ("a senior official", "sources")
  std::vector<Span> mentions;  // every mention in the text, in order
};

struct Quote {
  int id = 0;  // index in Analysis::quotes
  QuoteKind kind = QuoteKind::kDirect;
  Span content;                         // the quoted words, quote marks excluded
  Span marked;                          // with its marks (== content for indirect speech)
  std::optional<int> speaker;           // Speaker::id; nullopt = unattributed
  std::optional<Span> speaker_mention;  // the mention that decided ("he", "Horne")
  std::optional<Span> cue;              // "said", "according to", "told reporters"
  bool agentless = false;               // "It was added that ..." — no agent given
  double confidence = 0.0;              // in [0, 1]
  std::string rule;                     // the stage/sieve that decided, e.g. "cue-after-quote"
  // With Options::attribution_units, the pieces of an interrupted quotation (content spans, in
  // order); empty otherwise and for one-piece quotes.
  std::vector<Span> fragments;
};

enum class ClaimKind {
  kQuantity,    // numbers, statistics, amounts
  kComparison,  // comparatives, superlatives, "far beyond"
  kPrediction,  // predictions, commitments: will, plans to, is ready to
  kDatedEvent,  // a dated or historical event
  kCausal,      // because, led to, caused
};
const char* ClaimKindName(ClaimKind kind);  // "quantity", "comparison", ...

struct Claim {
  int id = 0;
  Span span;           // the sentence or clause
  double score = 0.0;  // check-worthiness in [0, 1]
  std::vector<ClaimKind> kinds;
  std::optional<int> attributed_to;  // Speaker::id
  std::string unattributed_reason;   // "" when attributed; "agentless", "no-speaker"
  std::string rule;                  // what decided, e.g. "model:logreg+features"
};

struct Analysis {
  std::string language;  // the language analysed
  std::vector<Speaker> speakers;
  std::vector<Quote> quotes;  // ordered by content.begin
  std::vector<Claim> claims;  // ordered by span.begin
};

}  // namespace attrib
