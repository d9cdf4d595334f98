// The learner of tools/train_claims (tools/claims_learn.h) on problems with a known answer.
#include "../../tools/claims_learn.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace attrib::claims_learn {
namespace {

std::vector<int> AllRows(size_t n) {
  std::vector<int> rows(n);
  for (size_t i = 0; i < n; ++i) rows[i] = static_cast<int>(i);
  return rows;
}

// Uniform in [lo, hi) from a raw mt19937 stream (identical on every standard library).
double Uniform(std::mt19937* rng, double lo, double hi) {
  return lo + (hi - lo) * ((*rng)() / 4294967296.0);
}

// Two sparse features, label 1 iff x0 - x1 > 0.2 (margin 0.1 kept): separable, all right.
TEST(ClaimsLearnTest, SeparableDataIsLearnedExactly) {
  std::mt19937 rng(7);
  std::vector<Example> data;
  while (data.size() < 2000) {
    const double a = Uniform(&rng, -1, 1), b = Uniform(&rng, -1, 1);
    if (std::fabs(a - b - 0.2) < 0.1) continue;
    data.push_back(
        Example{{0, 1}, {static_cast<float>(a), static_cast<float>(b)}, a - b > 0.2 ? 1.0f : 0.0f});
  }
  for (bool average : {false, true}) {
    Params p;
    p.dim = 2;
    p.l2 = 0;
    p.lr = 0.5;
    p.epochs = 30;
    p.average = average;
    const Weights w = Train(data, AllRows(data.size()), p);
    int right = 0;
    for (const Example& x : data) right += (w.Z(x) > 0) == (x.label > 0.5f);
    EXPECT_EQ(right, static_cast<int>(data.size())) << "average=" << average;
    EXPECT_GT(w.w[0], 0);
    EXPECT_LT(w.w[1], 0);
  }
}

// One feature, P(label) = Sigmoid(2x - 1): the maximum-likelihood weights are near (2, -1).
TEST(ClaimsLearnTest, OneDimensionalLogisticWeights) {
  std::mt19937 rng(11);
  std::vector<Example> data;
  for (int i = 0; i < 40000; ++i) {
    const double x = Uniform(&rng, -3, 3);
    const float y = Uniform(&rng, 0, 1) < Sigmoid(2 * x - 1) ? 1.0f : 0.0f;
    data.push_back(Example{{0}, {static_cast<float>(x)}, y});
  }
  Params p;
  p.dim = 1;
  p.l2 = 0;
  p.lr = 0.1;
  p.epochs = 10;
  p.average = true;
  const Weights w = Train(data, AllRows(data.size()), p);
  EXPECT_NEAR(w.w[0], 2.0, 0.15);
  EXPECT_NEAR(w.b, -1.0, 0.15);
}

TEST(ClaimsLearnTest, PlattRecoversKnownCalibration) {
  std::mt19937 rng(3);
  std::vector<double> z;
  std::vector<float> label;
  for (int i = 0; i < 50000; ++i) {
    z.push_back(Uniform(&rng, -4, 4));
    label.push_back(Uniform(&rng, 0, 1) < Sigmoid(1.5 * z.back() - 0.7) ? 1.0f : 0.0f);
  }
  const Platt platt = FitPlatt(z, label);
  EXPECT_NEAR(platt.a, 1.5, 0.06);
  EXPECT_NEAR(platt.b, -0.7, 0.06);
  EXPECT_NEAR(platt(0.0), Sigmoid(platt.b), 1e-15);
}

TEST(ClaimsLearnTest, DeterministicTrainingAndFolds) {
  std::vector<Example> data;
  std::mt19937 rng(5);
  for (int i = 0; i < 500; ++i) {
    const auto k = static_cast<uint32_t>(rng() % 50);
    data.push_back(Example{{k, 50 + k % 7}, {1.0f, 0.5f}, k % 3 == 0 ? 1.0f : 0.0f});
  }
  Params p;
  p.dim = 57;
  p.epochs = 5;
  p.average = true;
  const Weights a = Train(data, AllRows(data.size()), p), b = Train(data, AllRows(data.size()), p);
  EXPECT_EQ(a.w, b.w);
  EXPECT_EQ(a.b, b.b);
  EXPECT_EQ(FoldOf("ct24_t1/en/train/30313", 0, 5), FoldOf("ct24_t1/en/train/30313", 9, 5));
  int per_fold[2] = {0, 0};
  for (int i = 0; i < 1000; ++i) ++per_fold[FoldOf("", i, 2)];
  EXPECT_GT(per_fold[0], 400);
  EXPECT_GT(per_fold[1], 400);
}

// score.py's tally, swept: equal to ClaimTally on the same marks.
TEST(ClaimsLearnTest, SweepMatchesClaimTally) {
  std::vector<claims_data::ClaimDoc> docs(3);
  docs[0].claims = {{0, 10, true}};
  docs[1].claims = {{0, 10, false}};
  docs[2].claims = {{0, 10, true}, {11, 20, true}};
  std::vector<EvalSentence> s(4);
  s[0] = EvalSentence{0, 0, 10, {}, false};
  s[1] = EvalSentence{1, 0, 10, {}, false};
  s[2] = EvalSentence{2, 0, 10, {}, false};
  s[3] = EvalSentence{2, 11, 20, {}, false};
  const std::vector<double> score = {0.9, 0.6, 0.2, 0.7};
  const ClaimSweep sweep(docs, s);
  for (double cut : {0.1, 0.5, 0.65, 0.8, 0.95}) {
    claims_data::ClaimTally want;
    for (size_t d = 0; d < docs.size(); ++d) {
      std::vector<std::pair<int64_t, int64_t>> pred;
      for (size_t i = 0; i < s.size(); ++i) {
        if (s[i].doc == static_cast<int>(d) && score[i] >= cut)
          pred.emplace_back(s[i].start, s[i].end);
      }
      want.Add(docs[d].claims, pred);
    }
    const claims_data::ClaimTally got = sweep.At(score, cut);
    EXPECT_EQ(got.n_pred, want.n_pred) << cut;
    EXPECT_EQ(got.tp_pred, want.tp_pred) << cut;
    EXPECT_EQ(got.tp_gold, want.tp_gold) << cut;
    EXPECT_EQ(got.n_gold, want.n_gold) << cut;
  }
}

}  // namespace
}  // namespace attrib::claims_learn
