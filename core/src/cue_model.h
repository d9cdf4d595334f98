// The learned cue model: a logistic regression over hashed features of one token and its
// neighbours (CueTokenFeatures) that says whether the token belongs to an attribution cue
// ("said", "according to", "backed", "criticism of", the ":" of "X said: ..."). It refines the
// lexicon's cues (cues.h): a lexicon cue the model rejects is dropped, a run of tokens the model
// accepts that no lexicon cue covers becomes a cue. Only words seen inside cues in training
// (the model's vocabulary) are scored, so most tokens cost one table probe.
//
// Trained by tools/train_cues (tools/README.md) on PolNeAR train into cue_model_en.inc, compiled
// in; nothing is read at run time.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "token_context.h"

namespace attrib {

// A set of token hashes (open addressing, load <= 1/4): one probe for most tokens.
class HashSet64 {
 public:
  void Build(const uint64_t* keys, int n);
  bool Has(uint64_t key) const {
    if (slots_.empty() || key == 0) return false;
    for (size_t i = (key ^ (key >> 29)) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  std::vector<uint64_t> slots_;  // 0 = empty
  size_t mask_ = 0;
};

struct CueModel {
  const char* name = "";  // e.g. "cue-logreg:v1", reported in the attribution's rule
  int hash_bits = 0;      // features hashed into 2^hash_bits weights
  double bias = 0.0;
  double scale = 0.0;                  // weight = quantized * scale
  const int16_t* weights = nullptr;    // 2^hash_bits
  double keep_cut = 0.0;               // a lexicon cue stays when its best token scores >= keep_cut
  double add_cut = 1.0;                // tokens outside lexicon cues scoring >= add_cut become cues
  const char* added_class = "speech";  // the cue class (cues.txt) such a cue gets
  // Token hashes of the vocabulary; a token is scored only when its hash is in it. Call
  // SetVocabulary to fill `vocabulary`.
  HashSet64 vocabulary;

  void SetVocabulary(const uint64_t* hashes, int n) { vocabulary.Build(hashes, n); }
  bool InVocabulary(uint64_t hash) const { return vocabulary.Has(hash); }
  // Probability that token i belongs to a cue.
  double Score(const AttributionInput& in, const std::vector<uint8_t>& in_quote, int32_t i) const;
};

// The model for `language` ("en"), or nullptr when it has none.
const CueModel* CueModelFor(std::string_view language);

// in_quote[i] = 1 when token i lies inside the content of a top-level quotation.
std::vector<uint8_t> TokensInQuotes(const AttributionInput& in);

// The hashed features of token i (indices < 2^hash_bits) appended to *out. Reads the tokens,
// in.info, in.cue_at (the lexicon's cues) and `in_quote`.
void CueTokenFeatures(const AttributionInput& in, const std::vector<uint8_t>& in_quote, int32_t i,
                      int hash_bits, std::vector<uint32_t>* out);

// The lexicon's cues refined by `model` (see above); scores of every scored token in
// *token_scores when given (-1 for tokens not scored). Cues stay in token order.
std::vector<Cue> RefineCues(const CueModel& model, const AttributionInput& in,
                            std::vector<double>* token_scores = nullptr);

}  // namespace attrib
