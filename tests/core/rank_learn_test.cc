// The listwise ranker of tools/rank_learn.h (the span model's learner) on problems with a known
// answer.
#include "../../tools/rank_learn.h"

#include <gtest/gtest.h>

#include <random>

namespace attrib::rank_learn {
namespace {

// Groups of 6 candidates with 8 binary features each; the right one is the argmax of a hidden
// weight vector, so a linear ranker can get every group right.
std::vector<Group> Separable(uint32_t seed, int n, const std::vector<double>& hidden) {
  std::mt19937 rng(seed);
  std::vector<Group> out;
  for (int g = 0; g < n; ++g) {
    Group group;
    double best = -1e9;
    for (int c = 0; c < 6; ++c) {
      Example x;
      double z = 0;
      for (uint32_t f = 0; f < hidden.size(); ++f) {
        if (rng() % 2) {
          x.index.push_back(f);
          x.value.push_back(1);
          z += hidden[f];
        }
      }
      if (z > best + 1e-9) {
        best = z;
        group.right = c;
      }
      group.candidates.push_back(x);
    }
    out.push_back(group);
  }
  return out;
}

TEST(RankLearnTest, LearnsASeparableRankingAndGeneralises) {
  const std::vector<double> hidden = {3.1, -2.2, 1.3, 0.4, -0.9, 2.6, -1.7, 0.15};
  const std::vector<Group> train = Separable(1, 2000, hidden), test = Separable(2, 500, hidden);
  claims_learn::Params p;
  p.dim = hidden.size();
  p.lr = 0.5;
  p.l2 = 0;
  p.epochs = 20;
  const std::vector<double> w = Train(train, p);
  int right = 0;
  for (const Group& g : test) right += Best(w, g) == g.right;
  EXPECT_GE(right, 490) << "of 500 held-out groups";
  // The sign of every weight is the hidden one's.
  for (size_t f = 0; f < hidden.size(); ++f) EXPECT_EQ(w[f] > 0, hidden[f] > 0) << f;
}

TEST(RankLearnTest, SameDataSameWeightsAndSingletonsAreSkipped) {
  const std::vector<double> hidden = {1, -1, 2, 0.5};
  std::vector<Group> groups = Separable(3, 200, hidden);
  Group single;
  single.candidates.resize(1);
  single.candidates[0].index = {0};
  single.candidates[0].value = {1};
  groups.push_back(single);  // nothing to rank: no gradient
  claims_learn::Params p;
  p.dim = hidden.size();
  p.epochs = 3;
  EXPECT_EQ(Train(groups, p), Train(groups, p));
  std::vector<Group> only_single = {single};
  const std::vector<double> w = Train(only_single, p);
  for (double x : w) EXPECT_EQ(x, 0);
}

}  // namespace
}  // namespace attrib::rank_learn
