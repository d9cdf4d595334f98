// train_spans: learns the content-boundary model (core/src/span_model.h) from PolNeAR.
//
//   train_spans --train ../shared/data/polnear/train.jsonl [--out core/src/span_model_en.inc]
//               [--cv 5] [--margin 0,0.5,1,2] [--cv-predictions FILE]
//
// The engine runs on every training document as it ships (lexicon, cue model, sieves); every
// attribution whose boundary the model may move (BoundaryCandidates) and that overlaps a gold
// content whose boundary is one of the candidates gives one example per candidate, label 1 for
// the gold boundary. The learner is tools/rank_learn.h's softmax ranker (the right candidate
// against the others of its boundary); the engine takes the candidate with the highest score. The
// margin and the sides to refine (end, start, both) are chosen by K-fold cross-validation on train,
// the whole engine out of fold, by score.py's content.exact F1 (--units attribution).
// Deterministic: the same data and flags give the same bytes.
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "attrib/json.h"
#include "attrib/sieves.h"
#include "attribution.h"
#include "attribution_cv.h"
#include "claims_learn.h"
#include "cue_model.h"
#include "prepare.h"
#include "rank_learn.h"
#include "span_model.h"

namespace attrib {
namespace {

using attribution_cv::Figures;

struct TrainDoc : attribution_cv::GoldDoc {
  std::unique_ptr<Prepared> prepared;     // stages 0-2 as the engine ships them
  std::vector<Attribution> attributions;  // the sieves' output, boundaries not refined
  std::vector<uint8_t> in_quote;
};

Options TrainOptions() {
  Options o;
  o.attribution_units = true;  // PolNeAR's unit
  o.find_claims = false;
  return o;
}

bool ReadDocs(const std::string& path, int k, int limit, std::vector<TrainDoc>* docs) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  const Options options = TrainOptions();
  while ((limit < 0 || static_cast<int>(docs->size()) < limit) && std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    TrainDoc d;
    if (!attribution_cv::ReadGoldDoc(j, docs->size(), k, &d)) return false;
    d.prepared = std::make_unique<Prepared>();
    Prepare(d.doc.text(), "en", CueRefinement{true, nullptr}, d.prepared.get());
    d.attributions = Attribute(d.prepared->in, DefaultSieves(), options);
    d.in_quote = TokensInQuotes(d.prepared->in);
    docs->push_back(std::move(d));
  }
  return true;
}

double Jaccard(std::pair<int32_t, int32_t> a, std::pair<int32_t, int32_t> b) {
  const int32_t inter = std::max(0, std::min(a.second, b.second) - std::max(a.first, b.first));
  const int32_t uni = std::max(a.second, b.second) - std::min(a.first, b.first);
  return uni > 0 ? static_cast<double>(inter) / uni : 0;
}

struct ExampleCounts {
  int64_t instances = 0, reachable = 0, rule_right = 0;
};

// The examples of one document: per refinable boundary with a reachable gold boundary, one per
// candidate.
void AddGroups(const TrainDoc& d, int bits, std::vector<rank_learn::Group>* groups,
               ExampleCounts* counts) {
  const AttributionInput& in = d.prepared->in;
  const auto& tok = d.prepared->tokens.tokens;
  std::vector<int32_t> candidates;
  std::vector<uint32_t> f;
  const AttributionSpans spans = IndexSpans(in, d.attributions);
  for (size_t i = 0; i < d.attributions.size(); ++i) {
    const Attribution& a = d.attributions[i];
    const auto content = d.Compared(a.content);
    // The gold content this attribution stands for: the best overlapping one.
    std::pair<int32_t, int32_t> gold{-1, -1};
    double best = 0.3;
    for (const auto& g : d.gold_contents) {
      const double j = Jaccard(content, g);
      if (j > best) {
        best = j;
        gold = g;
      }
    }
    for (const Boundary side : {Boundary::kEnd, Boundary::kStart}) {
      int32_t current;
      if (!BoundaryCandidates(in, d.attributions, spans, i, side, &candidates, &current)) continue;
      ++counts->instances;
      if (gold.first < 0) continue;
      std::vector<uint8_t> label(candidates.size(), 0);
      bool reachable = false;
      for (size_t n = 0; n < candidates.size(); ++n) {
        const int32_t c = candidates[n];
        const auto moved = side == Boundary::kEnd ? d.Compared(Span{a.content.begin, tok[c].end})
                                                  : d.Compared(Span{tok[c].begin, a.content.end});
        label[n] = side == Boundary::kEnd ? moved.second == gold.second : moved.first == gold.first;
        reachable |= label[n] != 0;
        if (label[n] && c == current) ++counts->rule_right;
      }
      if (!reachable) continue;
      ++counts->reachable;
      rank_learn::Group g;
      g.current = static_cast<int>(std::find(candidates.begin(), candidates.end(), current) -
                                   candidates.begin());
      for (size_t n = 0; n < candidates.size(); ++n) {
        f.clear();
        BoundaryFeatures(in, d.in_quote, a, side, candidates[n], current, bits, &f);
        g.candidates.push_back(attribution_cv::MakeExample(f, label[n]));
        // The nearest right candidate to the rule's choice is the one to learn (score.py's
        // trimming can make two token boundaries the same span).
        if (label[n] && (!label[g.right] || std::abs(candidates[n] - current) <
                                                std::abs(candidates[g.right] - current)))
          g.right = static_cast<int>(n);
      }
      groups->push_back(std::move(g));
    }
  }
}

// A trained fold (or the final model), with the weights SpanModel points into.
struct Trained {
  attribution_cv::Quantized q;
  SpanModel model;
};

void TrainOn(const std::vector<TrainDoc>& docs, int held_out, const claims_learn::Params& p,
             int bits, Trained* t, ExampleCounts* counts) {
  std::vector<rank_learn::Group> groups;
  for (const TrainDoc& d : docs)
    if (d.fold != held_out) AddGroups(d, bits, &groups, counts);
  claims_learn::Weights w;
  w.w = rank_learn::Train(groups, p);
  t->q = attribution_cv::Quantize(w);
  t->model.name = "span-rank:v1";
  t->model.hash_bits = bits;
  t->model.scale = t->q.scale;
  t->model.weights = t->q.weights.data();
}

}  // namespace
}  // namespace attrib

int main(int argc, char** argv) {
  using namespace attrib;
  std::string train_path, out_path, predictions_path;
  int k = 5, bits = 16, epochs = 10, limit = -1;
  double l2 = 1e-6, lr = 0.1;
  std::vector<double> margins = {0, 0.5, 1, 1.5, 2, 3};
  std::string command;
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--train")
      train_path = next();
    else if (a == "--out")
      out_path = next();
    else if (a == "--cv")
      k = std::stoi(next());
    else if (a == "--bits")
      bits = std::stoi(next());
    else if (a == "--epochs")
      epochs = std::stoi(next());
    else if (a == "--l2")
      l2 = std::stod(next());
    else if (a == "--margin")
      margins = attribution_cv::ParseList(next());
    else if (a == "--limit")
      limit = std::stoi(next());
    else if (a == "--cv-predictions")
      predictions_path = next();
    else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
  }
  if (train_path.empty() || k < 2 || bits < 8 || bits > 24) {
    std::fprintf(stderr,
                 "usage: train_spans --train POLNEAR_TRAIN.jsonl [--out MODEL.inc] [--cv 5]\n"
                 "       [--margin 0,0.5,1] [--cv-predictions FILE] [--bits 16] [--epochs 10]\n"
                 "       [--l2 1e-6] [--limit N]\n"
                 "The margin and the sides refined are chosen by --cv cross-validation on TRAIN\n"
                 "(content.exact F1, whole engine out of fold). --limit N reads only the first N\n"
                 "documents (for tests).\n");
    return 2;
  }
  std::vector<TrainDoc> docs;
  if (!ReadDocs(train_path, k, limit, &docs)) {
    std::fprintf(stderr, "cannot read %s\n", train_path.c_str());
    return 1;
  }
  claims_learn::Params p;
  p.dim = size_t{1} << bits;
  p.l2 = l2;
  p.lr = lr;
  p.epochs = epochs;
  std::printf("%zu documents, %d folds\n", docs.size(), k);
  std::vector<Trained> folds(k);
  ExampleCounts counts;
  for (int f = 0; f < k; ++f) TrainOn(docs, f, p, bits, &folds[f], &counts);
  {
    // Boundary level, out of fold: how often the rule and the model pick the gold boundary
    // where it is among the candidates.
    int64_t groups = 0, rule_right = 0, model_right = 0;
    for (int f = 0; f < k; ++f) {
      std::vector<double> w(folds[f].q.weights.begin(), folds[f].q.weights.end());
      for (const TrainDoc& d : docs) {
        if (d.fold != f) continue;
        std::vector<rank_learn::Group> held;
        ExampleCounts unused;
        AddGroups(d, bits, &held, &unused);
        for (const rank_learn::Group& g : held) {
          ++groups;
          rule_right += g.candidates[g.current].label > 0.5f;
          model_right += g.candidates[rank_learn::Best(w, g)].label > 0.5f;
        }
      }
    }
    std::printf("boundaries out of fold with the gold one among the candidates: %" PRId64
                "; the rule's right %" PRId64 ", the model's best right %" PRId64 "\n",
                groups, rule_right, model_right);
  }

  const Options options = TrainOptions();
  auto evaluate = [&](bool refine, bool end, bool start, double margin, std::ofstream* out) {
    Figures fig;
    std::string line;
    for (int fold = 0; fold < k; ++fold) {
      SpanModel& m = folds[fold].model;
      m.margin = margin;
      m.refine_end = end;
      m.refine_start = start;
      for (const TrainDoc& d : docs) {
        if (d.fold != fold) continue;
        Analysis a;
        AnalyzeWith(d.doc, options, CueRefinement{true, nullptr}, SpanRefinement{refine, &m}, &a);
        AddAnalysis(d, a, &fig);
        if (out) {
          line.clear();
          AppendJson(&line, d.doc, a, OffsetUnit::kCodePoint, nlohmann::json(d.id).dump());
          *out << line << "\n";
        }
      }
    }
    return fig;
  };
  auto print = [](const char* what, const Figures& f) {
    std::printf(
        "cv %s: content.exact P=%.1f R=%.1f F1=%.2f; source.exact F1=%.1f cue.exact F1=%.1f\n",
        what, f.content.P(), f.content.R(), f.content.F1(), f.source.F1(), f.cue.F1());
    std::fflush(stdout);
  };
  const Figures rules = evaluate(false, false, false, 0, nullptr);
  print("sieves alone", rules);
  Figures best = rules;
  bool best_end = false, best_start = false;
  double best_margin = 1e9;
  const struct {
    const char* name;
    bool end, start;
  } sides[] = {{"end", true, false}, {"start", false, true}, {"both", true, true}};
  for (const auto& s : sides) {
    for (double margin : margins) {
      const Figures f = evaluate(true, s.end, s.start, margin, nullptr);
      char what[64];
      std::snprintf(what, sizeof what, "%s, margin %.2f", s.name, margin);
      print(what, f);
      if (f.content.F1() > best.content.F1() + 1e-9) {
        best = f;
        best_end = s.end;
        best_start = s.start;
        best_margin = margin;
      }
    }
  }
  std::printf("chosen: end %d start %d margin %.2f (content.exact F1 %.2f, sieves alone %.2f)\n",
              best_end, best_start, best_margin, best.content.F1(), rules.content.F1());
  if (!predictions_path.empty()) {
    std::ofstream out(predictions_path);
    evaluate(true, best_end, best_start, best_margin, &out);
  }
  if (!out_path.empty()) {
    Trained final_model;
    ExampleCounts all;
    TrainOn(docs, -1, p, bits, &final_model, &all);
    std::FILE* f = std::fopen(out_path.c_str(), "w");
    if (f == nullptr) {
      std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
      return 1;
    }
    std::fprintf(
        f,
        "// GENERATED by tools/train_spans — do not edit. Content-boundary model, English.\n//\n"
        "// Regenerate (from the repository root, with a build dir `build`):\n"
        "//   build/tools/train_spans%s\n//\n"
        "// Data: PolNeAR train (%zu articles, ../shared/data/polnear/train.jsonl; not in this "
        "repository).\n"
        "// Softmax ranker over boundary candidates (tools/rank_learn.h), AdaGrad lr=%g, "
        "l2=%g, epochs=%d;\n// 2^%d hashed features (span_model.cc), weights int16 * kScale.\n"
        "// Sides and margin chosen by %d-fold cross-validation on train, whole engine out of "
        "fold\n// (--units attribution): content.exact F1 %.2f with the sieves' boundaries, "
        "%.2f with the model.\n",
        command.c_str(), docs.size(), lr, l2, epochs, bits, k, rules.content.F1(),
        best.content.F1());
    std::fprintf(f, "constexpr const char* kModelName = \"span-rank:v1\";\n");
    std::fprintf(f, "constexpr int kHashBits = %d;\n", bits);
    std::fprintf(f, "constexpr double kScale = %.17g;\n", final_model.q.scale);
    std::fprintf(f, "constexpr double kMargin = %.17g;\n", best_margin);
    std::fprintf(f, "constexpr bool kRefineEnd = %s;\n", best_end ? "true" : "false");
    std::fprintf(f, "constexpr bool kRefineStart = %s;\n", best_start ? "true" : "false");
    std::fprintf(f, "constexpr int16_t kWeights[] = {");
    for (size_t i = 0; i < final_model.q.weights.size(); ++i)
      std::fprintf(f, "%s%d,", i % 20 == 0 ? "\n" : "", final_model.q.weights[i]);
    std::fprintf(f, "\n};\n");
    std::fclose(f);
  }
  return 0;
}
