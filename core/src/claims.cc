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

namespace {

// Claims over sentences [0, count): score(i, &cues) scores sentence i, span(i) is its span.
template <typename ScoreFn, typename SpanFn>
std::vector<Claim> Collect(size_t count, ScoreFn&& score, SpanFn&& span,
                           const std::vector<Quote>& quotes, const std::vector<Speaker>& speakers,
                           const Options& options) {
  std::vector<Claim> claims;
  const QuoteIndex quote_index(quotes);
  for (size_t i = 0; i < count; ++i) {
    ClaimCues cues;
    const double value = score(i, &cues);
    if (value < options.claim_threshold) continue;
    Claim claim;
    claim.id = static_cast<int>(claims.size());
    claim.span = span(i);
    claim.score = value;
    claim.kinds = ClaimKindsOf(cues);
    claim.rule = EnglishClaimModel().name;
    Attribute(cues, quote_index, speakers, &claim);
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace

std::vector<Claim> FindClaims(const Document& doc, const std::vector<Span>& sentences,
                              const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options) {
  if (!options.find_claims || !IsEnglish(options.language)) return {};
  const std::u16string& text = doc.text();
  const auto size = static_cast<int32_t>(text.size());
  const ClaimModel& model = EnglishClaimModel();
  return Collect(
      sentences.size(),
      [&](size_t i, ClaimCues* cues) {
        const Span s = sentences[i];
        if (s.begin < 0 || s.end > size || s.empty()) return -1.0;
        return Score(std::u16string_view(text.data() + s.begin, s.size()), model, cues);
      },
      [&](size_t i) { return sentences[i]; }, quotes, speakers, options);
}

std::vector<Claim> FindClaims(const Document& doc, const Tokens& tokens,
                              const std::vector<Tokens::Sentence>& sentences,
                              const std::vector<Quote>& quotes,
                              const std::vector<Speaker>& speakers, const Options& options) {
  if (!options.find_claims || !IsEnglish(options.language)) return {};
  const std::u16string& text = doc.text();
  const ClaimModel& model = EnglishClaimModel();
  const auto n = static_cast<int32_t>(tokens.tokens.size());
  const Token* tok = tokens.tokens.data();
  return Collect(
      sentences.size(),
      [&](size_t i, ClaimCues* cues) {
        const Tokens::Sentence s = sentences[i];
        if (s.first < 0 || s.last > n || s.first >= s.last) return -1.0;
        return ScoreClaimTokens(text, tok + s.first, tok + s.last, model.hash_bits, model.weights,
                                model.num_weights, model.bias, model.scale, cues);
      },
      [&](size_t i) {
        return Span{tok[sentences[i].first].begin, tok[sentences[i].last - 1].end};
      },
      quotes, speakers, options);
}

}  // namespace attrib
