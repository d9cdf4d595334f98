// The learning half of tools/train_claims: logistic regression by AdaGrad (optionally with
// averaged weights), Platt calibration, deterministic K-fold assignment, and the claim figures
// of ../shared/eval/score.py over a whole sweep of cuts. Header-only, so that tests/core can
// test the learner on problems with a known answer (claims_learn_test.cc).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "claims_data.h"

namespace attrib::claims_learn {

// A sparse example: parallel index/value arrays (as ClaimFeatures), label 0 or 1.
struct Example {
  std::vector<uint32_t> index;
  std::vector<float> value;
  float label = 0;
};

struct Params {
  size_t dim = 0;           // number of weights (every index < dim)
  double l2 = 1e-5;         // L2 penalty, applied to the weights an example touches
  double lr = 0.1;          // AdaGrad base rate (the per-weight rate decays as 1/sqrt(sum g^2))
  double pos_weight = 1.0;  // loss weight of label-1 examples
  int epochs = 10;
  bool average = false;  // score with the mean of the weights over all steps so far
  uint32_t seed = 20240501;
};

// Weights to score with: z = b + sum w[index] * value.
struct Weights {
  std::vector<double> w;
  double b = 0;
  double Z(const Example& x) const {
    double z = b;
    for (size_t i = 0; i < x.index.size(); ++i) z += w[x.index[i]] * x.value[i];
    return z;
  }
};

inline double Sigmoid(double z) {
  return 1.0 / (1.0 + std::exp(-z));
}

// AdaGrad on the weighted logistic loss. With averaging, u accumulates step * update so that
// the mean of the weights after every step is w - u / steps (the averaged-perceptron trick:
// O(non-zeros) a step).
class Learner {
 public:
  explicit Learner(size_t dim) : w_(dim, 0.0), g_(dim, 0.0), u_(dim, 0.0) {}
  double Z(const Example& x) const {
    double z = b_;
    for (size_t i = 0; i < x.index.size(); ++i) z += w_[x.index[i]] * x.value[i];
    return z;
  }
  void Step(const Example& x, const Params& p) {
    const double prob = Sigmoid(Z(x));
    const double g = (prob - x.label) * (x.label > 0.5f ? p.pos_weight : 1.0);
    for (size_t i = 0; i < x.index.size(); ++i) {
      const uint32_t k = x.index[i];
      const double grad = g * x.value[i] + p.l2 * w_[k];
      g_[k] += grad * grad;
      const double delta = -p.lr * grad / std::sqrt(g_[k] + 1e-8);
      w_[k] += delta;
      u_[k] += static_cast<double>(steps_) * delta;
    }
    gb_ += g * g;
    const double delta = -p.lr * g / std::sqrt(gb_ + 1e-8);
    b_ += delta;
    ub_ += static_cast<double>(steps_) * delta;
    ++steps_;
  }
  // The current weights, or their mean over all steps so far.
  Weights Get(bool average) const {
    Weights out{w_, b_};
    if (!average || steps_ <= 1) return out;
    const double c = static_cast<double>(steps_);
    for (size_t k = 0; k < out.w.size(); ++k) out.w[k] -= u_[k] / c;
    out.b -= ub_ / c;
    return out;
  }

 private:
  std::vector<double> w_, g_, u_;
  double b_ = 0, gb_ = 0, ub_ = 0;
  int64_t steps_ = 1;
};

// Fisher-Yates over a raw mt19937 stream: identical on every standard library.
inline void Shuffle(std::vector<int>* v, std::mt19937* rng) {
  for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[(*rng)() % i]);
}

// Trains on examples[rows] for p.epochs epochs (a fresh seeded shuffle each epoch); calls
// each(epoch, weights) after every epoch and returns the last epoch's weights.
template <typename F>
Weights Train(const std::vector<Example>& examples, const std::vector<int>& rows, const Params& p,
              F each) {
  Learner m(p.dim);
  std::mt19937 rng(p.seed);
  std::vector<int> order = rows;
  Weights w;
  for (int e = 1; e <= p.epochs; ++e) {
    Shuffle(&order, &rng);
    for (int i : order) m.Step(examples[i], p);
    w = m.Get(p.average);
    each(e, w);
  }
  return w;
}
inline Weights Train(const std::vector<Example>& examples, const std::vector<int>& rows,
                     const Params& p) {
  return Train(examples, rows, p, [](int, const Weights&) {});
}

// Platt scaling: p = Sigmoid(a * z + b) fitted to labels by Newton's method on the log loss,
// with Platt's smoothed targets (N+ + 1) / (N+ + 2) and 1 / (N- + 2) (Lin, Lin & Weng 2007).
struct Platt {
  double a = 1.0;
  double b = 0.0;
  double operator()(double z) const { return Sigmoid(a * z + b); }
};

inline Platt FitPlatt(const std::vector<double>& z, const std::vector<float>& label) {
  double n_pos = 0, n_neg = 0;
  for (float y : label) (y > 0.5f ? n_pos : n_neg) += 1;
  const double hi = (n_pos + 1) / (n_pos + 2), lo = 1 / (n_neg + 2);
  auto softplus = [](double y) {
    return y > 0 ? y + std::log1p(std::exp(-y)) : std::log1p(std::exp(y));
  };
  auto loss = [&](double a, double b) {
    double f = 0;
    for (size_t i = 0; i < z.size(); ++i) {
      const double y = a * z[i] + b;
      f += softplus(y) - (label[i] > 0.5f ? hi : lo) * y;
    }
    return f;
  };
  Platt out{0.0, std::log((n_pos + 1) / (n_neg + 1))};
  double f = loss(out.a, out.b);
  for (int iter = 0; iter < 100; ++iter) {
    double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    for (size_t i = 0; i < z.size(); ++i) {
      const double p = out(z[i]);
      const double d = p - (label[i] > 0.5f ? hi : lo);
      const double h = p * (1 - p);
      ga += d * z[i];
      gb += d;
      haa += h * z[i] * z[i];
      hab += h * z[i];
      hbb += h;
    }
    if (std::fabs(ga) < 1e-7 && std::fabs(gb) < 1e-7) break;
    const double det = haa * hbb - hab * hab;
    const double da = -(hbb * ga - hab * gb) / det, db = -(haa * gb - hab * ga) / det;
    double step = 1.0;
    while (step > 1e-10) {
      const double fa = out.a + step * da, fb = out.b + step * db;
      const double fn = loss(fa, fb);
      if (fn < f + 1e-4 * step * (ga * da + gb * db)) {
        out = Platt{fa, fb};
        f = fn;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return out;
}

// The fold of an example in K-fold cross-validation: FNV-1a of its id (stable when the file is
// reordered), or of its index when it has none.
inline int FoldOf(const std::string& id, size_t index, int k) {
  const std::string key = id.empty() ? std::to_string(index) : id;
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return static_cast<int>(h % static_cast<uint64_t>(k));
}

// One sentence of an evaluated document, as ../shared/eval/score.py sees the engine's output.
struct EvalSentence {
  int doc = 0;
  int64_t start = 0, end = 0;  // code points
  Example x;
  bool too_short = false;  // never a claim (TooShortForClaim)
};

// score.py's "claims" figures for every cut at once: which sentences count, which are true
// positives, and which sentences find each check-worthy gold claim (cover at least half of it).
class ClaimSweep {
 public:
  ClaimSweep(const std::vector<claims_data::ClaimDoc>& docs,
             const std::vector<EvalSentence>& sentences) {
    counts_.assign(sentences.size(), 0);
    hit_.assign(sentences.size(), 0);
    for (size_t s = 0; s < sentences.size(); ++s) {
      const EvalSentence& e = sentences[s];
      const std::vector<claims_data::GoldClaim>& gold = docs[e.doc].claims;
      counts_[s] = gold.empty() ? 0 : 1;
      for (const claims_data::GoldClaim& c : gold) {
        if (c.checkworthy && std::min(c.end, e.end) > std::max(c.start, e.start)) hit_[s] = 1;
      }
    }
    // Sentences are in document order: the covering ones of a document are contiguous.
    size_t s0 = 0;
    for (size_t d = 0; d < docs.size(); ++d) {
      while (s0 < sentences.size() && sentences[s0].doc < static_cast<int>(d)) ++s0;
      for (const claims_data::GoldClaim& c : docs[d].claims) {
        if (!c.checkworthy) continue;
        std::vector<int> cover;
        for (size_t s = s0; s < sentences.size() && sentences[s].doc == static_cast<int>(d); ++s) {
          const EvalSentence& e = sentences[s];
          if (std::max<int64_t>(0, std::min(c.end, e.end) - std::max(c.start, e.start)) * 2 >=
              c.end - c.start) {
            cover.push_back(static_cast<int>(s));
          }
        }
        cover_.push_back(std::move(cover));
      }
    }
  }
  // The tally when the sentences scoring >= cut are marked (`score` per sentence).
  claims_data::ClaimTally At(const std::vector<double>& score, double cut) const {
    claims_data::ClaimTally t;
    for (size_t s = 0; s < score.size(); ++s) {
      if (!counts_[s] || score[s] < cut) continue;
      ++t.n_pred;
      t.tp_pred += hit_[s];
    }
    for (const std::vector<int>& cover : cover_) {
      ++t.n_gold;
      for (int s : cover) {
        if (score[s] >= cut) {
          ++t.tp_gold;
          break;
        }
      }
    }
    return t;
  }
  // The cut in {0.01, ..., 0.99} with the best F1 (the highest of equals), and its tally.
  std::pair<double, claims_data::ClaimTally> Best(const std::vector<double>& score) const {
    std::pair<double, claims_data::ClaimTally> best{0.5, At(score, 0.5)};
    double best_f1 = -1;
    for (int c = 1; c <= 99; ++c) {
      const claims_data::ClaimTally t = At(score, c / 100.0);
      if (t.F1() >= best_f1 - 1e-12) {
        best = {c / 100.0, t};
        best_f1 = t.F1();
      }
    }
    return best;
  }

 private:
  std::vector<uint8_t> counts_, hit_;
  std::vector<std::vector<int>> cover_;
};

}  // namespace attrib::claims_learn
