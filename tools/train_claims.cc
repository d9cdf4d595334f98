// Trains the check-worthiness model (core/src/claims_model.h) and writes it as C++ source.
//
//   train_claims --train ../shared/data/claims/en_train.jsonl --out core/src/claims_model_en.inc
//                [--dev ../shared/data/claims/en_dev.jsonl] [--probe NEWS.jsonl]
//
// Logistic regression over ExtractClaimFeatures() (the engine's own code), AdaGrad with L2
// (claims_learn.h). Everything is chosen by K-fold cross-validation on --train alone: for every
// point of a small grid (l2, positive-class weight, averaged weights, epochs) the out-of-fold
// raw scores of all train sentences are calibrated by Platt scaling and the cut with the best
// check-worthy F1 (as ../shared/eval/score.py computes it) is found; the grid point with the
// best cross-validated F1 wins. The model is then trained on all of --train; the calibration
// (a, b) and the cut fitted on its out-of-fold scores are written beside the weights. --dev and
// --probe are only checks: printed, never used to choose anything. Deterministic: the same data
// and flags give the same bytes.
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "attrib/document.h"
#include "attrib/text.h"
#include "claim_features.h"
#include "claims_data.h"
#include "claims_learn.h"
#include "sentences.h"

namespace attrib {
namespace {

using claims_data::ClaimDoc;
using claims_data::ClaimTally;
using claims_learn::EvalSentence;
using claims_learn::Example;
using claims_learn::Params;
using claims_learn::Platt;
using claims_learn::Weights;

Example Featurize(std::u16string_view s, int bits, ClaimCues* cues = nullptr) {
  ClaimFeatures f;
  ExtractClaimFeatures(s, bits, &f, cues);
  return Example{f.index, f.value, 0};
}

// The documents' sentences as the engine splits them (SplitSentences), in document order.
std::vector<EvalSentence> Sentences(const std::vector<ClaimDoc>& docs, int bits) {
  std::vector<EvalSentence> out;
  for (size_t d = 0; d < docs.size(); ++d) {
    Document doc;
    if (!Document::FromUtf8(docs[d].text, &doc).ok()) continue;
    const std::u16string& text = doc.text();
    const std::vector<int32_t> cp = Utf16ToCodePointOffsets(text);
    for (const Span& s : SplitSentences(text)) {
      EvalSentence e;
      e.doc = static_cast<int>(d);
      e.start = cp[s.begin];
      e.end = cp[s.end];
      ClaimCues cues;
      e.x = Featurize(std::u16string_view(text).substr(s.begin, s.size()), bits, &cues);
      e.too_short = TooShortForClaim(cues);
      out.push_back(std::move(e));
    }
  }
  return out;
}

// Engine scores of `sentences` under `w` calibrated by `platt` (0 for too short ones).
std::vector<double> Scores(const Weights& w, const Platt& platt,
                           const std::vector<EvalSentence>& sentences) {
  std::vector<double> out(sentences.size(), 0.0);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!sentences[i].too_short) out[i] = platt(w.Z(sentences[i].x));
  }
  return out;
}

// Share of the scorable sentences of unlabelled news marked at `cut`.
double MarkedShare(const std::vector<EvalSentence>& probe, const std::vector<double>& score,
                   double cut) {
  int marked = 0, scorable = 0;
  for (size_t i = 0; i < probe.size(); ++i) {
    if (probe[i].too_short) continue;
    ++scorable;
    if (score[i] >= cut) ++marked;
  }
  return scorable ? static_cast<double>(marked) / scorable : 0.0;
}

// The training data: one example per labelled train document (its whole text), its fold, and
// the documents' sentences for the score.py-style figures.
struct TrainSet {
  std::vector<ClaimDoc> docs;  // those with a label and valid UTF-8
  std::vector<Example> examples;
  std::vector<int> fold;  // per document/example
  std::vector<EvalSentence> sentences;
};

TrainSet MakeTrainSet(const std::vector<ClaimDoc>& all, int bits, int k) {
  TrainSet t;
  for (const ClaimDoc& d : all) {
    std::u16string text;
    if (!Utf8ToUtf16(d.text, &text).ok() || d.claims.empty()) continue;
    Example x = Featurize(text, bits);
    x.label = d.claims[0].checkworthy ? 1.0f : 0.0f;
    t.fold.push_back(claims_learn::FoldOf(d.id, t.docs.size(), k));
    t.docs.push_back(d);
    t.examples.push_back(std::move(x));
  }
  t.sentences = Sentences(t.docs, bits);
  return t;
}

// The cross-validated result of one grid point at one epoch count.
struct CvResult {
  Params params;
  Platt platt;
  double cut = 0.5;
  ClaimTally tally;
  std::vector<double> score;  // calibrated out-of-fold score of every train sentence
};

// The editor-facing default cut (Options::claim_threshold), fixed in advance: even odds.
constexpr double kEditorCut = 0.5;

// K-fold cross-validation of `grid` point `p` for epochs 1..p.epochs: the out-of-fold raw scores
// of every example and sentence are calibrated and swept; returns the best epoch count's result.
CvResult CrossValidate(const TrainSet& t, const claims_learn::ClaimSweep& sweep, Params p, int k) {
  const size_t n = t.examples.size();
  // oof_z[e][i]: raw out-of-fold score of example i after e+1 epochs; likewise for sentences.
  std::vector<std::vector<double>> oof_z(p.epochs, std::vector<double>(n, 0.0));
  std::vector<std::vector<double>> oof_s(p.epochs, std::vector<double>(t.sentences.size(), 0.0));
  for (int f = 0; f < k; ++f) {
    std::vector<int> rows;
    for (size_t i = 0; i < n; ++i) {
      if (t.fold[i] != f) rows.push_back(static_cast<int>(i));
    }
    claims_learn::Train(t.examples, rows, p, [&](int e, const Weights& w) {
      for (size_t i = 0; i < n; ++i) {
        if (t.fold[i] == f) oof_z[e - 1][i] = w.Z(t.examples[i]);
      }
      for (size_t s = 0; s < t.sentences.size(); ++s) {
        if (t.fold[t.sentences[s].doc] == f) oof_s[e - 1][s] = w.Z(t.sentences[s].x);
      }
    });
  }
  std::vector<float> labels(n);
  for (size_t i = 0; i < n; ++i) labels[i] = t.examples[i].label;
  CvResult best;
  best.tally.n_gold = 1;
  for (int e = 1; e <= p.epochs; ++e) {
    const Platt platt = claims_learn::FitPlatt(oof_z[e - 1], labels);
    std::vector<double> score(t.sentences.size(), 0.0);
    for (size_t s = 0; s < score.size(); ++s) {
      if (!t.sentences[s].too_short) score[s] = platt(oof_s[e - 1][s]);
    }
    const auto [cut, tally] = sweep.Best(score);
    if (tally.F1() > best.tally.F1() + 1e-9) {
      best.params = p;
      best.params.epochs = e;
      best.platt = platt;
      best.cut = cut;
      best.tally = tally;
      best.score = std::move(score);
    }
  }
  return best;
}

// The weights as the engine holds them: int16 * scale.
struct Quantized {
  std::vector<int16_t> q;
  double scale = 1.0;
  Weights AsWeights(double bias) const {
    Weights w;
    w.b = bias;
    w.w.resize(q.size());
    for (size_t i = 0; i < q.size(); ++i) w.w[i] = q[i] * scale;
    return w;
  }
};

Quantized Quantize(const Weights& w) {
  double max_abs = 1e-9;
  for (double x : w.w) max_abs = std::max(max_abs, std::fabs(x));
  Quantized out;
  out.scale = max_abs / 32767.0;
  out.q.resize(w.w.size());
  for (size_t i = 0; i < w.w.size(); ++i) {
    out.q[i] = static_cast<int16_t>(std::lround(w.w[i] / out.scale));
  }
  return out;
}

std::string Fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string Fmt(const char* format, ...) {
  char buf[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  return buf;
}

std::string ModelSource(const Quantized& q, double bias, const CvResult& cv, int k, int bits,
                        const std::string& command, size_t n_train, const std::string& grid,
                        const std::string& checks) {
  std::string s;
  s += "// GENERATED by tools/train_claims — do not edit. Check-worthiness model, English.\n";
  s += "//\n// Regenerate (from the repository root, with a build dir `build`):\n";
  s += "//   " + command + "\n//\n";
  s +=
      Fmt("// Data: CheckThat! 2024 task 1 English (ClaimBuster debate sentences), research use;\n"
          "// ../shared/data/claims/en_train.jsonl (%zu sentences). The data is not in this "
          "repository.\n",
          n_train);
  s += Fmt(
      "// Logistic regression, AdaGrad lr=%g, l2=%g, pos_weight=%g, epochs=%d, averaged=%s,\n"
      "// seed=%u, 2^%d hashed uni/bigram buckets + %d hand features; weights int16 * kScale.\n",
      cv.params.lr, cv.params.l2, cv.params.pos_weight, cv.params.epochs,
      cv.params.average ? "yes" : "no", cv.params.seed, bits, kClaimDenseFeatures);
  s += Fmt(
      "// Chosen by %d-fold cross-validation on en_train alone (grid: %s).\n"
      "// Cross-validated check-worthy F1 at kCut (score.py \"claims\"): P=%.1f R=%.1f F1=%.1f.\n",
      k, grid.c_str(), cv.tally.P(), cv.tally.R(), cv.tally.F1());
  s += checks;
  s += "//\n// score = 1 / (1 + exp(-(kCalibrationA * z + kCalibrationB))), where\n";
  s += "// z = kBias + sum of kWeights[i] * kScale * feature_i is the raw logit: a calibrated\n";
  s += "// probability (Platt scaling fitted on the out-of-fold z) that a sentence like those of\n";
  s += "// CheckThat! train is check-worthy. kCut is the cut on that score with the best\n";
  s += "// cross-validated F1; Options::claim_threshold defaults to it.\n";
  s += "constexpr const char* kModelName = \"logreg:v2\";\n";
  s += Fmt("constexpr int kHashBits = %d;\n", bits);
  s += Fmt("constexpr double kBias = %.17g;\n", bias);
  s += Fmt("constexpr double kScale = %.17g;\n", q.scale);
  s += Fmt("constexpr double kCalibrationA = %.17g;\n", cv.platt.a);
  s += Fmt("constexpr double kCalibrationB = %.17g;\n", cv.platt.b);
  s += Fmt("constexpr double kCut = %.2f;\n", cv.cut);
  s += "constexpr int16_t kWeights[] = {\n";
  for (size_t i = 0; i < q.q.size(); ++i) {
    s += std::to_string(q.q[i]) + ",";
    if (i % 24 == 23) s += "\n";
  }
  s += "\n};\n";
  return s;
}

std::vector<double> ParseList(const std::string& s) {
  std::vector<double> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::atof(item.c_str()));
  return out;
}

std::string ListText(const std::vector<double>& v) {
  std::string out;
  for (double x : v) out += (out.empty() ? "" : "/") + Fmt("%g", x);
  return out;
}

int Main(int argc, char** argv) {
  std::string train_path, dev_path, out_path, probe_path;
  int k = 5, bits = 16, max_epochs = 20;
  long limit = -1;
  uint32_t seed = 20240501;
  double lr = 0.1;
  std::vector<double> l2s = {1e-6, 1e-5, 1e-4}, pos_weights = {1.0, 1.5, 2.0},
                      averages = {0.0, 1.0};
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
    else if (a == "--probe")
      probe_path = next();
    else if (a == "--cv")
      k = std::atoi(next().c_str());
    else if (a == "--limit")
      limit = std::atol(next().c_str());
    else if (a == "--bits")
      bits = std::atoi(next().c_str());
    else if (a == "--epochs")
      max_epochs = std::atoi(next().c_str());
    else if (a == "--seed")
      seed = static_cast<uint32_t>(std::atol(next().c_str()));
    else if (a == "--lr")
      lr = std::atof(next().c_str());
    else if (a == "--l2")
      l2s = ParseList(next());
    else if (a == "--pos-weight")
      pos_weights = ParseList(next());
    else if (a == "--average")
      averages = ParseList(next());
    else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
    command += " " + a + " " + argv[i];
  }
  if (train_path.empty() || k < 2 || max_epochs < 1 || l2s.empty() || pos_weights.empty() ||
      averages.empty()) {
    std::fprintf(
        stderr,
        "usage: train_claims --train TRAIN.jsonl [--out MODEL.inc] [--dev DEV.jsonl]\n"
        "       [--probe NEWS.jsonl] [--cv 5] [--limit N] [--epochs 20] [--l2 1e-6,1e-5,1e-4]\n"
        "       [--pos-weight 1,1.5,2] [--average 0,1] [--lr 0.1] [--bits 16] [--seed N]\n"
        "Everything is chosen by --cv-fold cross-validation on TRAIN; DEV and NEWS are\n"
        "only printed as checks. --limit N trains on the first N documents (for tests).\n");
    return 2;
  }
  std::vector<ClaimDoc> train_docs, dev_docs, probe_docs;
  if (!claims_data::ReadClaimDocs(train_path, &train_docs) ||
      (!dev_path.empty() && !claims_data::ReadClaimDocs(dev_path, &dev_docs)) ||
      (!probe_path.empty() && !claims_data::ReadClaimDocs(probe_path, &probe_docs))) {
    std::fprintf(stderr, "cannot read %s, %s or %s\n", train_path.c_str(), dev_path.c_str(),
                 probe_path.c_str());
    return 1;
  }
  if (limit >= 0 && static_cast<size_t>(limit) < train_docs.size()) train_docs.resize(limit);
  const TrainSet t = MakeTrainSet(train_docs, bits, k);
  const claims_learn::ClaimSweep sweep(t.docs, t.sentences);
  std::printf("%zu train examples, %zu sentences, %d folds\n", t.examples.size(),
              t.sentences.size(), k);

  // The grid, cross-validated on train.
  CvResult best;
  best.tally.n_gold = 1;
  for (double avg : averages) {
    for (double l2 : l2s) {
      for (double pw : pos_weights) {
        Params p;
        p.dim = static_cast<size_t>(kClaimDenseFeatures) + (size_t{1} << bits);
        p.l2 = l2;
        p.lr = lr;
        p.pos_weight = pw;
        p.epochs = max_epochs;
        p.average = avg != 0.0;
        p.seed = seed;
        const CvResult r = CrossValidate(t, sweep, p, k);
        std::printf(
            "cv: average=%d l2=%g pos_weight=%g -> epochs=%d cut=%.2f P=%.1f R=%.1f F1=%.2f "
            "(platt a=%.3f b=%.3f)\n",
            p.average ? 1 : 0, l2, pw, r.params.epochs, r.cut, r.tally.P(), r.tally.R(),
            r.tally.F1(), r.platt.a, r.platt.b);
        std::fflush(stdout);
        if (r.tally.F1() > best.tally.F1() + 1e-9) best = r;
      }
    }
  }
  std::printf(
      "chosen: average=%d l2=%g pos_weight=%g epochs=%d; CV cut=%.2f P=%.1f R=%.1f "
      "F1=%.2f; platt a=%.6f b=%.6f\n",
      best.params.average ? 1 : 0, best.params.l2, best.params.pos_weight, best.params.epochs,
      best.cut, best.tally.P(), best.tally.R(), best.tally.F1(), best.platt.a, best.platt.b);

  const ClaimTally at_default = sweep.At(best.score, kEditorCut);
  std::printf("cv at the editor default %.2f: P=%.1f R=%.1f F1=%.2f\n", kEditorCut,
              at_default.P(), at_default.R(), at_default.F1());

  // The model: all of train, the chosen point; the engine's quantized weights.
  std::vector<int> all(t.examples.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  const Weights trained = claims_learn::Train(t.examples, all, best.params);
  const Quantized q = Quantize(trained);
  const Weights engine = q.AsWeights(trained.b);

  // Checks only: nothing below changes the model.
  std::string checks;
  if (!dev_docs.empty()) {
    const std::vector<EvalSentence> dev = Sentences(dev_docs, bits);
    const std::vector<double> score = Scores(engine, best.platt, dev);
    const ClaimTally d = claims_learn::ClaimSweep(dev_docs, dev).At(score, best.cut);
    std::printf("check, en_dev at cut %.2f: P=%.1f R=%.1f F1=%.2f (%zu sentences)\n", best.cut,
                d.P(), d.R(), d.F1(), dev.size());
    const ClaimTally e = claims_learn::ClaimSweep(dev_docs, dev).At(score, kEditorCut);
    std::printf("check, en_dev at the editor default %.2f: P=%.1f R=%.1f F1=%.2f\n", kEditorCut,
                e.P(), e.R(), e.F1());
    checks += Fmt("// Check only (never used to choose): en_dev at kCut P=%.1f R=%.1f F1=%.1f.\n",
                  d.P(), d.R(), d.F1());
  }
  if (!probe_docs.empty()) {
    const std::vector<EvalSentence> probe = Sentences(probe_docs, bits);
    const double share = MarkedShare(probe, Scores(engine, best.platt, probe), best.cut);
    std::printf("check, news sentences marked at cut %.2f: %.1f%% (%zu sentences)\n", best.cut,
                100 * share, probe.size());
    std::printf("check, news sentences marked at the editor default %.2f: %.1f%%\n", kEditorCut,
                100 * MarkedShare(probe, Scores(engine, best.platt, probe), kEditorCut));
  }
  if (out_path.empty()) return 0;
  const std::string source = ModelSource(
      q, trained.b, best, k, bits, command, t.examples.size(),
      Fmt("l2 %s, pos_weight %s, averaged %s, epochs 1-%d, lr %g", ListText(l2s).c_str(),
          ListText(pos_weights).c_str(), ListText(averages).c_str(), max_epochs, lr),
      checks);
  FILE* f = std::fopen(out_path.c_str(), "wb");
  if (f == nullptr || std::fwrite(source.data(), 1, source.size(), f) != source.size()) {
    std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
    if (f != nullptr) std::fclose(f);
    return 1;
  }
  std::fclose(f);
  return 0;
}

}  // namespace
}  // namespace attrib

int main(int argc, char** argv) {
  return attrib::Main(argc, argv);
}
