// train_cues: learns the cue model (core/src/cue_model.h) from PolNeAR's attribution cues.
//
//   train_cues --train ../shared/data/polnear/train.jsonl [--out core/src/cue_model_en.inc]
//              [--cv 5] [--keep-cut 0.1] [--add-cut 0.5] [--cv-predictions FILE]
//
// Every token the lexicon calls a cue, and every token whose word was seen inside a gold cue
// (the vocabulary), is one example: label 1 when it lies inside a gold cue span. The learner
// is tools/claims_learn.h's logistic regression (AdaGrad). With --cv K it prints, per fold
// pair of cuts, the cue figures of ../shared/eval/score.py ("cue.exact") out of fold, for the
// lexicon alone and refined by the model; with --cv-predictions it also writes the whole
// engine's out-of-fold output for every training document (attrib analyze --jsonl --units
// attribution), to be scored with score.py: the figures that choose the cuts. Deterministic:
// the same data and flags give the same bytes.
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "attrib/document.h"
#include "attrib/json.h"
#include "attrib/text.h"
#include "attribution_cv.h"
#include "claims_learn.h"
#include "cue_model.h"
#include "prepare.h"

namespace attrib {
namespace {

using attribution_cv::AddAnalysis;
using attribution_cv::AddSets;
using attribution_cv::Figures;
using attribution_cv::ParseList;
using attribution_cv::Tally;
using claims_learn::Example;
using claims_learn::Params;
using claims_learn::Weights;

struct TrainDoc : attribution_cv::GoldDoc {
  std::unique_ptr<Prepared> prepared;  // the lexicon's cues, no refinement
  std::vector<uint8_t> label;          // token -> inside a gold cue
  std::vector<uint8_t> in_quote;
};

bool ReadDocs(const std::string& path, int k, int limit, std::vector<TrainDoc>* docs) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while ((limit < 0 || static_cast<int>(docs->size()) < limit) && std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    TrainDoc d;
    if (!attribution_cv::ReadGoldDoc(j, docs->size(), k, &d)) return false;
    const std::u16string& text = d.doc.text();
    d.prepared = std::make_unique<Prepared>();
    Prepare(text, "en", CueRefinement{false, nullptr}, d.prepared.get());
    const auto& tok = d.prepared->tokens.tokens;
    d.label.assign(tok.size(), 0);
    for (const auto& [s, e] : d.cue_spans) {
      const int32_t us = d.u16_of_cp[s], ue = d.u16_of_cp[e];
      for (int32_t t = TokenAt(d.prepared->tokens, us);
           t < static_cast<int32_t>(tok.size()) && tok[t].begin < ue; ++t)
        d.label[t] = 1;
    }
    d.in_quote = TokensInQuotes(d.prepared->in);
    docs->push_back(std::move(d));
  }
  return true;
}

// Words seen inside gold cues at least `min_count` times and at least `min_rate` of their
// occurrences, in the documents outside fold `held_out`. The rate keeps out function words
// that cues contain ("to", "a") but that are mostly something else: what the engine skips
// with one probe.
std::vector<uint64_t> Vocabulary(const std::vector<TrainDoc>& docs, int held_out, int min_count,
                                 double min_rate) {
  std::map<uint64_t, std::pair<int, int>> count;  // hash -> (inside a cue, all)
  for (const TrainDoc& d : docs) {
    if (d.fold == held_out) continue;
    const auto& tok = d.prepared->tokens.tokens;
    for (size_t t = 0; t < tok.size(); ++t) {
      auto& c = count[tok[t].hash];
      c.first += d.label[t];
      ++c.second;
    }
  }
  std::vector<uint64_t> out;
  for (const auto& [h, n] : count)
    if (n.first >= min_count && n.first >= min_rate * n.second) out.push_back(h);
  return out;  // sorted: std::map order
}

// What a trained fold (or the final model) is, with the vectors CueModel points into.
struct Trained {
  std::vector<int16_t> weights;
  std::vector<uint64_t> vocabulary;
  double bias = 0, scale = 0;
  CueModel model;
};

void Bind(Trained* t, int bits, double keep_cut, double add_cut, const char* added_class) {
  CueModel& m = t->model;
  m.name = "cue-logreg:v1";
  m.hash_bits = bits;
  m.bias = t->bias;
  m.scale = t->scale;
  m.weights = t->weights.data();
  m.keep_cut = keep_cut;
  m.add_cut = add_cut;
  m.added_class = added_class;
  m.SetVocabulary(t->vocabulary.data(), static_cast<int>(t->vocabulary.size()));
}

Trained TrainOn(const std::vector<TrainDoc>& docs, int held_out, const Params& p, int bits,
                double min_rate) {
  Trained t;
  t.vocabulary = Vocabulary(docs, held_out, 2, min_rate);
  std::vector<Example> examples;
  std::vector<uint32_t> f;
  for (const TrainDoc& d : docs) {
    if (d.fold == held_out) continue;
    const AttributionInput& in = d.prepared->in;
    const auto& tok = d.prepared->tokens.tokens;
    for (int32_t i = 0; i < static_cast<int32_t>(tok.size()); ++i) {
      if (in.cue_at[i] < 0 &&
          !std::binary_search(t.vocabulary.begin(), t.vocabulary.end(), tok[i].hash))
        continue;
      f.clear();
      CueTokenFeatures(in, d.in_quote, i, bits, &f);
      examples.push_back(attribution_cv::MakeExample(f, d.label[i]));
    }
  }
  std::vector<int> rows(examples.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
  attribution_cv::Quantized q = attribution_cv::Quantize(claims_learn::Train(examples, rows, p));
  t.weights = std::move(q.weights);
  t.bias = q.bias;
  t.scale = q.scale;
  return t;
}

// score.py's cue.exact for one document's cues.
void AddCues(const TrainDoc& d, const std::vector<Cue>& cues, Tally* t) {
  attribution_cv::SpanSet pred;
  for (const Cue& c : cues) pred.insert(d.Compared(c.span));
  AddSets(d.gold_cues, pred, t);
}

}  // namespace
}  // namespace attrib

int main(int argc, char** argv) {
  using namespace attrib;
  std::string train_path, out_path, predictions_path;
  int k = 5, bits = 16, epochs = 8;
  double l2 = 1e-6, lr = 0.1;
  std::vector<double> keep_cuts = {0.0, 0.1, 0.2, 0.3, 0.4}, add_cuts = {0.6, 0.7, 0.8, 2.0};
  std::vector<std::string> added_classes = {"report", "object", "speech"};
  int limit = -1;
  double min_rate = 0.1;
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
    else if (a == "--keep-cut")
      keep_cuts = ParseList(next());
    else if (a == "--add-cut")
      add_cuts = ParseList(next());
    else if (a == "--added-class") {
      added_classes.clear();
      std::string v = next();
      for (size_t b = 0, e; b <= v.size(); b = e + 1) {
        e = v.find(',', b);
        if (e == std::string::npos) e = v.size();
        added_classes.push_back(v.substr(b, e - b));
      }
    } else if (a == "--limit")
      limit = std::stoi(next());
    else if (a == "--min-rate")
      min_rate = std::stod(next());
    else if (a == "--cv-predictions")
      predictions_path = next();
    else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
  }
  if (train_path.empty() || k < 2) {
    std::fprintf(stderr,
                 "usage: train_cues --train POLNEAR_TRAIN.jsonl [--out MODEL.inc] [--cv 5]\n"
                 "       [--keep-cut 0,0.1] [--add-cut 0.5,0.7] [--added-class report,object]\n"
                 "       [--cv-predictions FILE] [--bits 16] [--epochs 8] [--l2 1e-6] [--limit N]\n"
                 "       [--min-rate 0.1]\n"
                 "Cuts and the added cues' class are chosen by --cv cross-validation on TRAIN\n"
                 "(mean of content/source/cue exact F1, whole engine out of fold). --limit N\n"
                 "reads only the first N documents (for tests).\n");
    return 2;
  }
  std::vector<TrainDoc> docs;
  if (!ReadDocs(train_path, k, limit, &docs)) {
    std::fprintf(stderr, "cannot read %s\n", train_path.c_str());
    return 1;
  }
  Params p;
  p.dim = size_t{1} << bits;
  p.l2 = l2;
  p.lr = lr;
  p.epochs = epochs;
  std::printf("%zu documents, %d folds\n", docs.size(), k);

  // Out-of-fold cue figures for each pair of cuts, and the lexicon alone.
  std::vector<Trained> folds(k);
  for (int f = 0; f < k; ++f) folds[f] = TrainOn(docs, f, p, bits, min_rate);
  {
    // Token level, out of fold: how well the model tells cue tokens, and how many gold cue
    // tokens are candidates at all.
    int64_t gold_tokens = 0, candidate_gold = 0;
    Tally at[5];
    const double cuts[5] = {0.3, 0.4, 0.5, 0.6, 0.7};
    for (int f = 0; f < k; ++f) {
      Bind(&folds[f], bits, 0, 2, "speech");
      for (const TrainDoc& d : docs) {
        if (d.fold != f) continue;
        std::vector<double> score;
        RefineCues(folds[f].model, d.prepared->in, &score);
        for (size_t t = 0; t < score.size(); ++t) {
          gold_tokens += d.label[t];
          if (score[t] >= 0) candidate_gold += d.label[t];
          for (int c = 0; c < 5; ++c) {
            const bool pos = score[t] >= cuts[c];
            at[c].tp += pos && d.label[t];
            at[c].pred += pos;
            at[c].gold += d.label[t];
          }
        }
      }
    }
    std::printf("gold cue tokens %" PRId64 ", candidates %" PRId64 "\n", gold_tokens,
                candidate_gold);
    for (int c = 0; c < 5; ++c)
      std::printf("token level at %.1f: P=%.1f R=%.1f F1=%.1f\n", cuts[c], at[c].P(), at[c].R(),
                  at[c].F1());
  }
  Options options;
  options.attribution_units = true;
  options.find_claims = false;
  // The whole engine out of fold: every document analysed with the model of the folds that
  // did not see it.
  auto evaluate = [&](bool refine, double keep, double add, const std::string& added_class,
                      Tally* cue_list, std::ofstream* out) {
    Figures f;
    std::string line;
    for (int fold = 0; fold < k; ++fold) {
      Bind(&folds[fold], bits, keep, add, added_class.c_str());  // (the fold's own copy)
      for (const TrainDoc& d : docs) {
        if (d.fold != fold) continue;
        if (cue_list)
          AddCues(d, refine ? RefineCues(folds[fold].model, d.prepared->in) : d.prepared->cues,
                  cue_list);
        Analysis a;
        AnalyzeWith(d.doc, options, CueRefinement{refine, &folds[fold].model},
                    SpanRefinement{false, nullptr}, &a);
        AddAnalysis(d, a, &f);
        if (out) {
          line.clear();
          AppendJson(&line, d.doc, a, OffsetUnit::kCodePoint, nlohmann::json(d.id).dump());
          *out << line << "\n";
        }
      }
    }
    return f;
  };
  auto print = [](const char* what, const Tally& list, const Figures& f) {
    std::printf(
        "cv %s: cue list P=%.1f R=%.1f; content.exact F1=%.1f source.exact F1=%.1f "
        "cue.exact F1=%.1f (P=%.1f R=%.1f) mean=%.2f\n",
        what, list.P(), list.R(), f.content.F1(), f.source.F1(), f.cue.F1(), f.cue.P(), f.cue.R(),
        f.Mean());
    std::fflush(stdout);
  };
  Tally lexicon_list;
  const Figures lexicon = evaluate(false, 0, 2, "speech", &lexicon_list, nullptr);
  print("lexicon alone", lexicon_list, lexicon);
  double best_keep = 0, best_add = 2;
  std::string best_class = added_classes[0];
  Figures best = lexicon;
  for (const std::string& cls : added_classes) {
    for (double keep : keep_cuts) {
      for (double add : add_cuts) {
        Tally list;
        const Figures f = evaluate(true, keep, add, cls, &list, nullptr);
        char what[96];
        std::snprintf(what, sizeof what, "keep>=%.2f add>=%.2f as %s", keep, add, cls.c_str());
        print(what, list, f);
        if (f.Mean() > best.Mean() + 1e-9) {
          best = f;
          best_keep = keep;
          best_add = add;
          best_class = cls;
        }
      }
    }
  }
  std::printf(
      "chosen: keep>=%.2f add>=%.2f as %s (mean of content/source/cue exact F1 %.2f, "
      "lexicon alone %.2f)\n",
      best_keep, best_add, best_class.c_str(), best.Mean(), lexicon.Mean());
  const std::string& added_class = best_class;
  if (!predictions_path.empty()) {
    std::ofstream out(predictions_path);
    evaluate(true, best_keep, best_add, added_class, nullptr, &out);
  }
  if (!out_path.empty()) {
    Trained final_model = TrainOn(docs, -1, p, bits, min_rate);
    std::FILE* f = std::fopen(out_path.c_str(), "w");
    if (f == nullptr) {
      std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
      return 1;
    }
    std::fprintf(f,
                 "// GENERATED by tools/train_cues — do not edit. Cue model, English.\n//\n"
                 "// Regenerate (from the repository root, with a build dir `build`):\n"
                 "//   build/tools/train_cues%s\n//\n"
                 "// Data: PolNeAR train (%zu articles, ../shared/data/polnear/train.jsonl; not in "
                 "this repository).\n"
                 "// Logistic regression (tools/claims_learn.h), AdaGrad lr=%g, l2=%g, epochs=%d; "
                 "2^%d hashed features\n// (cue_model.cc), weights int16 * kScale. Vocabulary: "
                 "words inside >= 2 gold cues and\n// inside one in >= %g of their occurrences.\n"
                 "// Cuts chosen by %d-fold cross-validation on train, whole engine out of fold "
                 "(--units attribution):\n"
                 "//   lexicon alone: content.exact F1 %.1f, source.exact %.1f, cue.exact %.1f\n"
                 "//   with the model: content.exact F1 %.1f, source.exact %.1f, cue.exact %.1f\n",
                 command.c_str(), docs.size(), lr, l2, epochs, bits, min_rate, k,
                 lexicon.content.F1(), lexicon.source.F1(), lexicon.cue.F1(), best.content.F1(),
                 best.source.F1(), best.cue.F1());
    std::fprintf(f, "constexpr const char* kModelName = \"cue-logreg:v1\";\n");
    std::fprintf(f, "constexpr int kHashBits = %d;\n", bits);
    std::fprintf(f, "constexpr double kBias = %.17g;\n", final_model.bias);
    std::fprintf(f, "constexpr double kScale = %.17g;\n", final_model.scale);
    std::fprintf(f, "constexpr double kKeepCut = %.17g;\n", best_keep);
    std::fprintf(f, "constexpr double kAddCut = %.17g;\n", best_add);
    std::fprintf(f, "constexpr const char* kAddedClass = \"%s\";\n", added_class.c_str());
    std::fprintf(f, "constexpr int16_t kWeights[] = {");
    for (size_t i = 0; i < final_model.weights.size(); ++i)
      std::fprintf(f, "%s%d,", i % 20 == 0 ? "\n" : "", final_model.weights[i]);
    std::fprintf(f, "\n};\nconstexpr uint64_t kVocabulary[] = {");
    for (size_t i = 0; i < final_model.vocabulary.size(); ++i)
      std::fprintf(f, "%s0x%016" PRIx64 "ULL,", i % 4 == 0 ? "\n" : "", final_model.vocabulary[i]);
    std::fprintf(f, "\n};\n");
    std::fclose(f);
  }
  return 0;
}
