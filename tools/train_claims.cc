// Trains the check-worthiness model (core/src/claims_model.h) and writes it as C++ source.
//
//   train_claims --train ../shared/data/claims/en_train.jsonl
//                --dev ../shared/data/claims/en_dev.jsonl --out core/src/claims_model_en.inc
//
// Logistic regression over ExtractClaimFeatures() (the engine's own code), AdaGrad with L2,
// a fixed shuffle seed: the same data and flags give the same bytes. The decision threshold is
// tuned on --dev exactly as ../shared/eval/score.py scores claims (documents split into
// sentences with the engine's splitter), then folded into the bias so that score 0.5 is the
// tuned cut. --grid searches the hyper-parameters on --dev and prints the table.
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "attrib/document.h"
#include "attrib/text.h"
#include "claim_features.h"
#include "claims_data.h"
#include "sentences.h"

namespace attrib {
namespace {

using claims_data::ClaimDoc;
using claims_data::ClaimTally;

struct Example {
  std::vector<uint32_t> index;
  std::vector<float> value;
  float label = 0;
};

struct DevSentence {
  int doc = 0;
  int64_t start = 0, end = 0;  // code points
  Example x;
  bool too_short = false;  // never a claim (TooShortForClaim)
};

struct Params {
  int hash_bits = 16;
  double l2 = 1e-5;
  double lr = 0.1;
  double pos_weight = 1.0;
  int epochs = 10;
  double slack = 0.0;    // F1 points given up for a higher threshold
  bool average = false;  // output the mean of the epoch-end weights
  uint32_t seed = 20240501;
};

Example Featurize(std::u16string_view s, int bits, ClaimCues* cues = nullptr) {
  ClaimFeatures f;
  ExtractClaimFeatures(s, bits, &f, cues);
  return Example{f.index, f.value, 0};
}

class Model {
 public:
  explicit Model(int bits)
      : w_(kClaimDenseFeatures + (size_t{1} << bits), 0.0), g_(w_.size(), 0.0) {}
  double Z(const Example& x) const {
    double z = b_;
    for (size_t i = 0; i < x.index.size(); ++i) z += w_[x.index[i]] * x.value[i];
    return z;
  }
  void Step(const Example& x, const Params& p) {
    const double z = Z(x);
    const double prob = 1.0 / (1.0 + std::exp(-z));
    const double g = (prob - x.label) * (x.label > 0.5 ? p.pos_weight : 1.0);
    for (size_t i = 0; i < x.index.size(); ++i) {
      const uint32_t k = x.index[i];
      const double grad = g * x.value[i] + p.l2 * w_[k];
      g_[k] += grad * grad;
      w_[k] -= p.lr * grad / std::sqrt(g_[k] + 1e-8);
    }
    gb_ += g * g;
    b_ -= p.lr * g / std::sqrt(gb_ + 1e-8);
  }
  std::vector<double> w_, g_;
  double b_ = 0, gb_ = 0;
};

// Fisher-Yates over a raw mt19937 stream: identical on every standard library.
void Shuffle(std::vector<int>* v, std::mt19937* rng) {
  for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[(*rng)() % i]);
}

struct DevResult {
  double threshold = 0.5;
  ClaimTally tally;
};

DevResult TuneThreshold(const Model& m, const std::vector<ClaimDoc>& docs,
                        const std::vector<DevSentence>& dev, double slack) {
  std::vector<double> p(dev.size());
  for (size_t i = 0; i < dev.size(); ++i) {
    p[i] = dev[i].too_short ? 0.0 : 1.0 / (1.0 + std::exp(-m.Z(dev[i].x)));
  }
  DevResult best;
  best.tally.n_gold = 1;
  std::vector<std::pair<double, ClaimTally>> tallies;
  for (int t = 5; t <= 95; ++t) {
    const double thr = t / 100.0;
    ClaimTally tally;
    size_t i = 0;
    for (size_t d = 0; d < docs.size(); ++d) {
      std::vector<std::pair<int64_t, int64_t>> pred;
      for (; i < dev.size() && dev[i].doc == static_cast<int>(d); ++i) {
        if (p[i] >= thr) pred.emplace_back(dev[i].start, dev[i].end);
      }
      tally.Add(docs[d].claims, pred);
    }
    tallies.emplace_back(thr, tally);
    if (tally.F1() > best.tally.F1() + 1e-9) best = DevResult{thr, tally};
  }
  // News prose is not debate talk: among cuts within `slack` F1 points of the best, take the
  // highest, so the model marks fewer sentences where the dev data cannot tell the cuts apart.
  const double floor = best.tally.F1() - slack;
  for (const auto& [thr, tally] : tallies) {
    if (thr > best.threshold && tally.F1() >= floor) best = DevResult{thr, tally};
  }
  return best;
}

// Share of the scorable sentences of `probe` (unlabelled news, e.g. PolNeAR dev) marked at
// `threshold`: a diagnostic of how the debate-trained model behaves on news prose.
double MarkedShare(const Model& m, const std::vector<DevSentence>& probe, double threshold) {
  int marked = 0, scorable = 0;
  for (const DevSentence& s : probe) {
    if (s.too_short) continue;
    ++scorable;
    if (1.0 / (1.0 + std::exp(-m.Z(s.x))) >= threshold) ++marked;
  }
  return scorable ? static_cast<double>(marked) / scorable : 0.0;
}

std::vector<DevSentence> DevSentences(const std::vector<ClaimDoc>& docs, int bits) {
  std::vector<DevSentence> out;
  for (size_t d = 0; d < docs.size(); ++d) {
    Document doc;
    if (!Document::FromUtf8(docs[d].text, &doc).ok()) continue;
    const std::u16string& text = doc.text();
    const std::vector<int32_t> cp = Utf16ToCodePointOffsets(text);
    for (const Span& s : SplitSentences(text)) {
      DevSentence ds;
      ds.doc = static_cast<int>(d);
      ds.start = cp[s.begin];
      ds.end = cp[s.end];
      ClaimCues cues;
      ds.x = Featurize(std::u16string_view(text).substr(s.begin, s.size()), bits, &cues);
      ds.too_short = TooShortForClaim(cues);
      out.push_back(std::move(ds));
    }
  }
  return out;
}

std::vector<Example> TrainExamples(const std::vector<ClaimDoc>& docs, int bits) {
  std::vector<Example> out;
  for (const ClaimDoc& d : docs) {
    std::u16string text;
    if (!Utf8ToUtf16(d.text, &text).ok() || d.claims.empty()) continue;
    Example x = Featurize(text, bits);
    x.label = d.claims[0].checkworthy ? 1.0f : 0.0f;
    out.push_back(std::move(x));
  }
  return out;
}

// Trains for p.epochs; calls `each(epoch, model)` after every epoch.
template <typename F>
Model Train(const std::vector<Example>& train, const Params& p, F each) {
  Model m(p.hash_bits);
  std::mt19937 rng(p.seed);
  std::vector<int> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  Model avg(p.hash_bits);
  for (int e = 1; e <= p.epochs; ++e) {
    Shuffle(&order, &rng);
    for (int i : order) m.Step(train[i], p);
    if (!p.average) {
      each(e, m);
      continue;
    }
    // Running mean of the epoch-end weights: smoother than the last epoch's.
    for (size_t k = 0; k < m.w_.size(); ++k) avg.w_[k] += (m.w_[k] - avg.w_[k]) / e;
    avg.b_ += (m.b_ - avg.b_) / e;
    each(e, avg);
  }
  return p.average ? avg : m;
}

int WriteModel(const std::string& path, const Model& m, const Params& p, const DevResult& r,
               const std::string& command, size_t n_train) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return 1;
  }
  double max_abs = 1e-9;
  for (double w : m.w_) max_abs = std::max(max_abs, std::fabs(w));
  const double scale = max_abs / 32767.0;
  const double bias = m.b_ - std::log(r.threshold / (1.0 - r.threshold));
  std::fprintf(
      f,
      "// GENERATED by tools/train_claims — do not edit. Check-worthiness model, English.\n"
      "//\n"
      "// Regenerate (from the repository root, with a build dir `build`):\n"
      "//   %s\n"
      "//\n"
      "// Data: CheckThat! 2024 task 1 English (ClaimBuster debate sentences), research use;\n"
      "// ../shared/data/claims/en_train.jsonl (%zu sentences) to train, en_dev.jsonl to tune.\n"
      "// The data is not in this repository.\n"
      "// Logistic regression, AdaGrad lr=%g, l2=%g, pos_weight=%g, epochs=%d, seed=%u,\n"
      "// 2^%d hashed uni/bigram buckets + %d hand features; weights int16 * kScale.\n"
      "// Dev (score.py \"claims\", check-worthy class): P=%.1f R=%.1f F1=%.1f at raw threshold\n"
      "// %.2f (the highest cut within %g F1 points of the best: news prose is denser in\n"
      "// factual sentences than debate talk), folded into kBias so that score 0.5 is that cut.\n",
      command.c_str(), n_train, p.lr, p.l2, p.pos_weight, p.epochs, p.seed, p.hash_bits,
      kClaimDenseFeatures, r.tally.P(), r.tally.R(), r.tally.F1(), r.threshold, p.slack);
  std::fprintf(f, "constexpr const char* kModelName = \"logreg:v1\";\n");
  std::fprintf(f, "constexpr int kHashBits = %d;\n", p.hash_bits);
  std::fprintf(f, "constexpr float kBias = %.9gf;\n", bias);
  std::fprintf(f, "constexpr float kScale = %.9gf;\n", scale);
  std::fprintf(f, "constexpr int16_t kWeights[] = {\n");
  for (size_t i = 0; i < m.w_.size(); ++i) {
    const long q = std::lround(m.w_[i] / scale);
    std::fprintf(f, "%ld,%s", q, (i % 24 == 23) ? "\n" : "");
  }
  std::fprintf(f, "\n};\n");
  std::fclose(f);
  return 0;
}

int Main(int argc, char** argv) {
  std::string train_path, dev_path, out_path, probe_path;
  Params p;
  bool grid = false;
  std::string command = "build/tools/train_claims";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--train")
      train_path = next();
    else if (a == "--dev")
      dev_path = next();
    else if (a == "--out")
      out_path = next();
    else if (a == "--bits")
      p.hash_bits = std::atoi(next().c_str());
    else if (a == "--l2")
      p.l2 = std::atof(next().c_str());
    else if (a == "--lr")
      p.lr = std::atof(next().c_str());
    else if (a == "--pos-weight")
      p.pos_weight = std::atof(next().c_str());
    else if (a == "--epochs")
      p.epochs = std::atoi(next().c_str());
    else if (a == "--seed")
      p.seed = static_cast<uint32_t>(std::atol(next().c_str()));
    else if (a == "--probe")
      probe_path = next();
    else if (a == "--slack")
      p.slack = std::atof(next().c_str());
    else if (a == "--grid")
      grid = true;
    else if (a == "--average")
      p.average = true;
    else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
    if (a != "--grid" && a != "--average")
      command += " " + a + " " + argv[i];
    else
      command += " " + a;
  }
  if (train_path.empty() || dev_path.empty()) {
    std::fprintf(
        stderr,
        "usage: train_claims --train TRAIN.jsonl --dev DEV.jsonl [--out MODEL.inc] [--grid]\n"
        "       [--bits 16] [--l2 1e-5] [--lr 0.1] [--pos-weight 1] [--epochs 10] [--seed N]\n");
    return 2;
  }
  std::vector<ClaimDoc> train_docs, dev_docs, probe_docs;
  if (!probe_path.empty() && !claims_data::ReadClaimDocs(probe_path, &probe_docs)) {
    std::fprintf(stderr, "cannot read %s\n", probe_path.c_str());
    return 1;
  }
  if (!claims_data::ReadClaimDocs(train_path, &train_docs) ||
      !claims_data::ReadClaimDocs(dev_path, &dev_docs)) {
    std::fprintf(stderr, "cannot read %s or %s\n", train_path.c_str(), dev_path.c_str());
    return 1;
  }
  if (grid) {
    for (int bits : {16, 18}) {
      std::vector<Example> train = TrainExamples(train_docs, bits);
      std::vector<DevSentence> dev = DevSentences(dev_docs, bits);
      std::vector<DevSentence> probe = DevSentences(probe_docs, bits);
      for (double l2 : {0.0, 1e-6, 1e-5, 1e-4}) {
        for (double lr : {0.05, 0.2}) {
          for (double pw : {1.0, 1.5, 2.5}) {
            Params q = p;
            q.hash_bits = bits;
            q.l2 = l2;
            q.lr = lr;
            q.pos_weight = pw;
            q.epochs = 15;
            Train(train, q, [&](int e, const Model& m) {
              if (e % 3 != 0) return;
              DevResult r = TuneThreshold(m, dev_docs, dev, p.slack);
              std::printf(
                  "bits=%d l2=%g lr=%g pw=%g epochs=%d thr=%.2f P=%.1f R=%.1f F1=%.2f "
                  "marked=%.3f\n",
                  bits, l2, lr, pw, e, r.threshold, r.tally.P(), r.tally.R(), r.tally.F1(),
                  MarkedShare(m, probe, r.threshold));
              std::fflush(stdout);
            });
          }
        }
      }
    }
    return 0;
  }
  std::vector<Example> train = TrainExamples(train_docs, p.hash_bits);
  std::vector<DevSentence> dev = DevSentences(dev_docs, p.hash_bits);
  std::vector<DevSentence> probe = DevSentences(probe_docs, p.hash_bits);
  Model m = Train(train, p, [&](int e, const Model& model) {
    DevResult r = TuneThreshold(model, dev_docs, dev, p.slack);
    std::printf("epoch %d: thr=%.2f P=%.1f R=%.1f F1=%.2f marked=%.3f\n", e, r.threshold,
                r.tally.P(), r.tally.R(), r.tally.F1(), MarkedShare(model, probe, r.threshold));
  });
  DevResult r = TuneThreshold(m, dev_docs, dev, p.slack);
  std::printf("final: thr=%.2f P=%.1f R=%.1f F1=%.2f (%zu train, %zu dev sentences)\n", r.threshold,
              r.tally.P(), r.tally.R(), r.tally.F1(), train.size(), dev.size());
  if (!out_path.empty()) return WriteModel(out_path, m, p, r, command, train.size());
  return 0;
}

}  // namespace
}  // namespace attrib

int main(int argc, char** argv) {
  return attrib::Main(argc, argv);
}
