// Check-worthy claims: every sentence is scored by a small learned model (claims_model.h over
// claim_features.h); those at or above Options::claim_threshold become Claims with rule-based
// kinds and an attribution taken from the quotes that cover them.
//
//   std::vector<Claim> claims = FindClaims(doc, analysis.quotes, analysis.speakers, options);
//
// Attribution, in order:
//   1. an agentless reporting frame in the sentence ("It was added that ...", "... were also
//      indicated.") -> unattributed, reason "agentless";
//   2. the quote whose content overlaps the sentence most (at least a third of the sentence,
//      or any overlap when the quote's cue is inside the sentence): its speaker, or
//      "agentless" when the quote is marked agentless, else "no-speaker";
//   3. otherwise unattributed, reason "no-speaker".
// The model is English; for another Options::language FindClaims returns nothing.
#pragma once

#include <string_view>
#include <vector>

#include "attrib/document.h"
#include "attrib/options.h"
#include "attrib/result.h"
#include "tokens.h"

namespace attrib {

// Claims of `doc`, ordered by span, ids 0..n-1. Empty when !options.find_claims.
std::vector<Claim> FindClaims(const Document& doc, const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options);

// The same over sentences already split (SplitSentences() of doc.text(), in order): lets
// Analyze() share its split with the quote stage. Spans outside the text are ignored.
std::vector<Claim> FindClaims(const Document& doc, const std::vector<Span>& sentences,
                              const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options);

// The same over the engine's own tokens and sentence ranges (SentenceRanges): what Analyze()
// uses, so that the text is tokenized once.
std::vector<Claim> FindClaims(const Document& doc, const Tokens& tokens,
                              const std::vector<Tokens::Sentence>& sentences,
                              const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options);

// Check-worthiness of one sentence in [0, 1], calibrated (Platt scaling on cross-validated
// scores): the probability that a sentence like those of CheckThat! train (debate talk) is
// check-worthy; 0.5 means even odds. News prose is not debate talk: read it as a ranking there.
// The default Options::claim_threshold is 0.5 (mark what is more likely check-worthy than not),
// fixed in advance, not tuned; the model's own cross-validated F1-optimal cut (ClaimModel::cut,
// 0.32 today) is lower because the check-worthy class is a quarter of the data.
double ScoreSentence(std::u16string_view sentence);

}  // namespace attrib
