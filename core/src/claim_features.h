// Features of one sentence for the check-worthiness scorer, and the rule-based claim kinds.
//
// One pass over the sentence's tokens (the engine's, tokens.h) yields words, numbers and symbols;
// each token is looked up once in a small lexicon (future/modal words, comparatives, months, causal
// connectives, ...) whose hits are counted in ClaimCues. The cues become a few dense "hand"
// features and decide the ClaimKinds; lower-cased word uni- and bigrams are hashed into a
// fixed-size space. The trainer (tools/train_claims.cc) and the engine share this code, so the
// committed weights always match the features.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "attrib/result.h"
#include "tokens.h"

namespace attrib {

// Counts of what the lexicon and the token shapes found in one sentence.
struct ClaimCues {
  int words = 0;           // word tokens
  int numbers = 0;         // digit tokens that are not years or days of a date
  int number_words = 0;    // hundred, million, percent, dozens, half, twice ...
  int percents = 0;        // "%", "percent", "per cent"
  int money = 0;           // "$", "€", "£", dollars, euros ...
  int years = 0;           // 1800..2099, "1990s"
  int dates = 0;           // month names, weekdays, "December 23"
  int time_refs = 0;       // ago, yesterday, last year, decade, century, history ...
  int comparatives = 0;    // more, less, than, beyond, compared, "-er than" ...
  int superlatives = 0;    // most, best, record, "the highest" ...
  int future = 0;          // will, 'll, going to, shall
  int commitments = 0;     // plans to, ready to, expected to, promised, pledge ...
  int modals = 0;          // would, could, should, might, may, must, can
  int causal = 0;          // because, led to, due to, caused, as a result ...
  int first_singular = 0;  // I, me, my
  int first_plural = 0;    // we, us, our
  int second_person = 0;   // you, your
  int opinion = 0;         // think, believe, feel, hope, want ...
  int hedges = 0;          // maybe, perhaps, probably
  int negations = 0;       // not, never, no, n't
  int questions = 0;       // "?"
  int exclamations = 0;    // "!"
  int capitalized = 0;     // capitalised words not first in the sentence (names, places)
  int perfect = 0;         // has/have/had + past participle: "has spoken"
  int past_ed = 0;         // words ending in -ed
  int courtesy = 0;        // thank, applause, ladies, gentlemen, congratulations
  int speech_cues = 0;     // said, says, told, according, added, stated ...
  bool agentless = false;  // IsAgentlessReport()
};

// Dense hand features occupy indices [0, kClaimDenseFeatures); hashed n-grams follow.
inline constexpr int kClaimDenseFeatures = 40;

// A sparse feature vector: parallel index/value arrays (indices may repeat: hash collisions
// and repeated n-grams simply add up).
struct ClaimFeatures {
  std::vector<uint32_t> index;
  std::vector<float> value;
  void clear() {
    index.clear();
    value.clear();
  }
};

// Tokenizes `sentence` and fills `cues`. Linear, allocation-free apart from `cues`.
void CountClaimCues(std::u16string_view sentence, ClaimCues* cues);

// Features of `sentence` with n-grams hashed into 2^hash_bits buckets (indices offset by
// kClaimDenseFeatures). `cues` (may be null) receives the cue counts of the same pass.
void ExtractClaimFeatures(std::u16string_view sentence, int hash_bits, ClaimFeatures* out,
                          ClaimCues* cues);

// The check-worthiness of `sentence` under a logistic regression over exactly the features of
// ExtractClaimFeatures: 1 / (1 + exp(-z)), z = bias + the sum, in feature order, of
// double(weights[index]) * scale * value over indices < num_weights; 0 when
// TooShortForClaim(cues). No feature vector is built. `cues` (may be null) as above.
double ScoreClaimFeatures(std::u16string_view sentence, int hash_bits, const int16_t* weights,
                          int num_weights, double bias, double scale, ClaimCues* cues);

// The same over the engine's tokens [first, last) of `text` (a sentence of Analyze()'s
// tokens): no second tokenization. Equal to ScoreClaimFeatures on the sentence's text.
double ScoreClaimTokens(std::u16string_view text, const Token* first, const Token* last,
                        int hash_bits, const int16_t* weights, int num_weights, double bias,
                        double scale, ClaimCues* cues);

// Sentences of fewer than 4 words and numbers are attribution tags and fragments ("He asked.",
// "It indicated."): no checkable content, and outside the training data (none has < 4 words).
// They score 0.
inline bool TooShortForClaim(const ClaimCues& cues) {
  return cues.words + cues.numbers + cues.years + cues.dates < 4;
}

// The kinds the cues support, in ClaimKind order, no duplicates.
std::vector<ClaimKind> ClaimKindsOf(const ClaimCues& cues);

// True for agentless reporting frames at the start of `sentence`: "It was added that ...",
// "It has been anticipated that ...", "It is expected that ..."; and sentences whose main verb
// is an agentless passive of saying: "Plans ... were also indicated." (no "by ...").
bool IsAgentlessReport(std::u16string_view sentence);

}  // namespace attrib
