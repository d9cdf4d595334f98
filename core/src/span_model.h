// The learned content-boundary model. The report sieves find reported speech and its cue well,
// but where its content ends ("that he cannot support Trump|, throwing a wrench in ...") and
// begins ("Mr. Obama's comment |that ...") they decide by a few fixed stops. For an attribution
// whose content is not a quotation's, this model ranks the word tokens of its sentence as the
// content's last (or first) token: a linear score over hashed features of the boundary — the
// tokens on both sides, punctuation, word categories, the distance from the rule's choice, the
// content's length, the rule — and moves the boundary when its best candidate beats the rule's
// by the model's margin. The rule then names the model ("indirect-that + end span-rank:v1 0.91").
//
// Trained by tools/train_spans (tools/README.md) on PolNeAR train into span_model_en.inc,
// compiled in; the margin and the sides it refines are chosen by cross-validation there.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "attribution.h"
#include "token_context.h"

namespace attrib {

enum class Boundary : uint8_t { kEnd = 0, kStart = 1 };

struct SpanModel {
  const char* name = "";  // e.g. "span-rank:v1", reported in the attribution's rule
  int hash_bits = 0;
  double scale = 0.0;                // weight = quantized * scale
  const int16_t* weights = nullptr;  // 2^hash_bits
  double margin = 1e9;               // move a boundary when best z - rule's z >= margin
  bool refine_end = false, refine_start = false;

  // The linear score of one candidate's features.
  double Z(const std::vector<uint32_t>& features) const;
};

// The model for `language` ("en"), or nullptr when it has none.
const SpanModel* SpanModelFor(std::string_view language);

// The candidates for one boundary of attributions[i] as token indices — for kEnd the content
// would end with token c, for kStart begin with it — in order, and in *current the one the
// rule chose. The content never takes in its own cue or speaker, nor another attribution's
// content, cue or speaker. False when it is not refined (a quotation's content, an interrupted
// quotation, content beyond its sentence) or has no other candidate.
// `spans` is IndexSpans(in, attributions).
struct AttributionSpans {
  struct Entry {
    Span span;
    int32_t tok_begin = 0, tok_end = 0;  // TokenAt of span.begin and span.end
    int owner = -1;  // the attribution whose content it is; -1 for cues and speakers
  };
  // Sentence -> every cue, speaker and content touching it.
  std::vector<std::vector<Entry>> by_sentence;
};
AttributionSpans IndexSpans(const AttributionInput& in,
                            const std::vector<Attribution>& attributions);
bool BoundaryCandidates(const AttributionInput& in, const std::vector<Attribution>& attributions,
                        const AttributionSpans& spans, size_t i, Boundary side,
                        std::vector<int32_t>* candidates, int32_t* current);

// The hashed features (indices < 2^hash_bits) of candidate c for `side` of `a`, appended to
// *out; `in_quote` is TokensInQuotes(in) (cue_model.h).
void BoundaryFeatures(const AttributionInput& in, const std::vector<uint8_t>& in_quote,
                      const Attribution& a, Boundary side, int32_t c, int32_t current,
                      int hash_bits, std::vector<uint32_t>* out);

// Moves the content boundaries of the attributions as `model` says (see above); returns true
// when a content's begin moved (the order by begin may have changed). `complementiser_out`:
// content never begins with its complementiser ("that"), as the engine's quote units have it;
// PolNeAR's attribution units, which the model learned, keep it.
bool RefineSpans(const SpanModel& model, const AttributionInput& in, bool complementiser_out,
                 std::vector<Attribution>* attributions);

}  // namespace attrib
