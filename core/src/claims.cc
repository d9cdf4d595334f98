#include "claims.h"

#include <algorithm>
#include <climits>
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
  return ScoreClaimFeatures(sentence, model.hash_bits, model.weights, model.num_weights, model.bias,
                            model.scale, cues_out);
}

// The quotes ordered by content.begin, with the running maximum of their ends, so that the
// quotes overlapping a span are found by two binary searches (documents may hold thousands).
class QuoteIndex {
 public:
  explicit QuoteIndex(const std::vector<Quote>& quotes) {
    order_.reserve(quotes.size());
    for (const Quote& q : quotes) order_.push_back(&q);
    std::stable_sort(order_.begin(), order_.end(), [](const Quote* a, const Quote* b) {
      return a->content.begin < b->content.begin;
    });
    int32_t max_end = INT32_MIN;
    for (const Quote* q : order_) {
      max_end = std::max(max_end, q->content.end);
      max_end_.push_back(max_end);
    }
  }
  // Calls f(quote) for every quote whose content overlaps `s`.
  template <typename F>
  void ForOverlapping(Span s, F f) const {
    size_t lo = std::upper_bound(max_end_.begin(), max_end_.end(), s.begin) - max_end_.begin();
    for (size_t i = lo; i < order_.size() && order_[i]->content.begin < s.end; ++i) {
      if (order_[i]->content.Overlaps(s)) f(*order_[i]);
    }
  }

 private:
  std::vector<const Quote*> order_;
  std::vector<int32_t> max_end_;
};

// Fills the attribution fields of `claim` (see claims.h for the order).
void Attribute(const ClaimCues& cues, const QuoteIndex& quotes,
               const std::vector<Speaker>& speakers, Claim* claim) {
  if (cues.agentless) {
    claim->unattributed_reason = "agentless";
    return;
  }
  const Span s = claim->span;
  const Quote* best = nullptr;
  int32_t best_overlap = 0;
  quotes.ForOverlapping(s, [&](const Quote& q) {
    const int32_t overlap = std::min(q.content.end, s.end) - std::max(q.content.begin, s.begin);
    const bool cue_inside = q.cue.has_value() && q.cue->Overlaps(s);
    if (overlap * 3 < s.size() && !cue_inside) return;
    if (overlap > best_overlap) {
      best = &q;
      best_overlap = overlap;
    }
  });
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
  if (!options.find_claims || !IsEnglish(options.language)) return {};
  return FindClaims(doc, SplitSentences(doc.text()), quotes, speakers, options);
}

std::vector<Claim> FindClaims(const Document& doc, const std::vector<Span>& sentences,
                              const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options) {
  std::vector<Claim> claims;
  if (!options.find_claims || !IsEnglish(options.language)) return claims;
  const std::u16string& text = doc.text();
  const auto size = static_cast<int32_t>(text.size());
  const ClaimModel& model = EnglishClaimModel();
  const QuoteIndex quote_index(quotes);
  for (const Span& s : sentences) {
    if (s.begin < 0 || s.end > size || s.empty()) continue;
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
    Attribute(cues, quote_index, speakers, &claim);
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace attrib
