#include "claims.h"

#include <algorithm>
#include <cmath>

#include "claim_features.h"
#include "claims_model.h"
#include "sentences.h"

namespace attrib {
namespace {

bool IsEnglish(const std::string& language) {
  return language.empty() || language == "en" || language.rfind("en-", 0) == 0 ||
         language.rfind("en_", 0) == 0;
}

double Score(std::u16string_view sentence, const ClaimModel& model, ClaimCues* cues_out) {
  thread_local ClaimFeatures features;
  ClaimCues cues;
  ExtractClaimFeatures(sentence, model.hash_bits, &features, &cues);
  if (cues_out != nullptr) *cues_out = cues;
  if (TooShortForClaim(cues)) return 0.0;
  double z = model.bias;
  const size_t n = features.index.size();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t k = features.index[i];
    if (k < static_cast<uint32_t>(model.num_weights)) {
      z += static_cast<double>(model.weights[k]) * model.scale * features.value[i];
    }
  }
  return 1.0 / (1.0 + std::exp(-z));
}

// Fills the attribution fields of `claim` (see claims.h for the order).
void Attribute(std::u16string_view sentence, const std::vector<Quote>& quotes,
               const std::vector<Speaker>& speakers, Claim* claim) {
  if (IsAgentlessReport(sentence)) {
    claim->unattributed_reason = "agentless";
    return;
  }
  const Span s = claim->span;
  const Quote* best = nullptr;
  int32_t best_overlap = 0;
  for (const Quote& q : quotes) {
    if (q.content.begin >= s.end) continue;
    if (!q.content.Overlaps(s)) continue;
    const int32_t overlap = std::min(q.content.end, s.end) - std::max(q.content.begin, s.begin);
    const bool cue_inside = q.cue.has_value() && q.cue->Overlaps(s);
    if (overlap * 3 < s.size() && !cue_inside) continue;
    if (overlap > best_overlap) {
      best = &q;
      best_overlap = overlap;
    }
  }
  if (best != nullptr && best->speaker.has_value() && *best->speaker >= 0 &&
      static_cast<size_t>(*best->speaker) < speakers.size()) {
    claim->attributed_to = *best->speaker;
    return;
  }
  claim->unattributed_reason = (best != nullptr && best->agentless) ? "agentless" : "no-speaker";
}

}  // namespace

double ScoreSentence(std::u16string_view sentence) {
  return Score(sentence, EnglishClaimModel(), nullptr);
}

std::vector<Claim> FindClaims(const Document& doc, const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options) {
  std::vector<Claim> claims;
  if (!options.find_claims || !IsEnglish(options.language)) return claims;
  const std::u16string& text = doc.text();
  const ClaimModel& model = EnglishClaimModel();
  for (const Span& s : SplitSentences(text, options.language)) {
    const std::u16string_view sentence(text.data() + s.begin, s.size());
    ClaimCues cues;
    const double score = Score(sentence, model, &cues);
    if (score < options.claim_threshold) continue;
    Claim claim;
    claim.id = static_cast<int>(claims.size());
    claim.span = s;
    claim.score = score;
    claim.kinds = ClaimKindsOf(cues);
    claim.rule = model.name;
    Attribute(sentence, quotes, speakers, &claim);
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace attrib
