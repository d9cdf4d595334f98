// A listwise ranker: among the candidates of a group (the boundaries of one content span) one
// is right; the model scores z = w . x for each and is trained by AdaGrad on the softmax
// cross-entropy of the right one (the conditional-logit / ListNet-top-1 loss). Header-only so
// that tests/core can check it on problems with a known answer (rank_learn_test.cc).
#pragma once

#include <cmath>
#include <random>
#include <vector>

#include "claims_learn.h"

namespace attrib::rank_learn {

using claims_learn::Example;

struct Group {
  std::vector<Example> candidates;  // Example::label is ignored
  int right = 0;                    // index of the right candidate
  int current = 0;                  // index of the rule's choice (for reports)
};

// Weights by AdaGrad on sum over groups of -log softmax(z)[right], L2 on the touched weights;
// p.dim, p.lr, p.l2, p.epochs and p.seed are used (a fresh seeded shuffle each epoch).
inline std::vector<double> Train(const std::vector<Group>& groups, const claims_learn::Params& p) {
  std::vector<double> w(p.dim, 0.0), g2(p.dim, 0.0);
  std::vector<int> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::mt19937 rng(p.seed);
  std::vector<double> z;
  for (int e = 0; e < p.epochs; ++e) {
    claims_learn::Shuffle(&order, &rng);
    for (int gi : order) {
      const Group& g = groups[gi];
      const size_t n = g.candidates.size();
      if (n < 2) continue;
      z.assign(n, 0.0);
      double top = -1e300;
      for (size_t c = 0; c < n; ++c) {
        const Example& x = g.candidates[c];
        for (size_t i = 0; i < x.index.size(); ++i) z[c] += w[x.index[i]] * x.value[i];
        top = std::max(top, z[c]);
      }
      double sum = 0;
      for (double& v : z) sum += (v = std::exp(v - top));
      // d loss / d z_c = softmax_c - [c == right]; sparse per-candidate updates.
      for (size_t c = 0; c < n; ++c) {
        const double d = z[c] / sum - (static_cast<int>(c) == g.right ? 1.0 : 0.0);
        if (std::fabs(d) < 1e-6) continue;
        const Example& x = g.candidates[c];
        for (size_t i = 0; i < x.index.size(); ++i) {
          const uint32_t k = x.index[i];
          const double grad = d * x.value[i] + p.l2 * w[k];
          g2[k] += grad * grad;
          w[k] -= p.lr * grad / std::sqrt(g2[k] + 1e-8);
        }
      }
    }
  }
  return w;
}

// The index of the highest-scoring candidate (the first of equals).
inline int Best(const std::vector<double>& w, const Group& g) {
  int best = 0;
  double best_z = -1e300;
  for (size_t c = 0; c < g.candidates.size(); ++c) {
    const Example& x = g.candidates[c];
    double z = 0;
    for (size_t i = 0; i < x.index.size(); ++i) z += w[x.index[i]] * x.value[i];
    if (z > best_z) {
      best_z = z;
      best = static_cast<int>(c);
    }
  }
  return best;
}

}  // namespace attrib::rank_learn
