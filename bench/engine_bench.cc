// Engine throughput on PolNeAR dev news text, against a `wc -w`-style word count over the
// same bytes in the same run (the baseline), at 1x, 2x and 4x the ~4 MB corpus to show
// linear growth. Run: bench/run.sh (prints MB/s, ratios and peak memory).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "attrib/attrib.h"
#include "claims.h"
#include "sentences.h"

namespace {

// PolNeAR dev texts repeated `times` times (times = 10 is the ~4 MB corpus).
const std::vector<std::string>& Corpus(int times) {
  static std::vector<std::string> base = [] {
    std::vector<std::string> docs;
    std::ifstream in(ATTRIB_SHARED_DIR "/data/polnear/dev.jsonl");
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text")) docs.push_back(j["text"].get<std::string>());
    }
    return docs;
  }();
  static std::vector<std::vector<std::string>> cache(64);
  auto& c = cache[times];
  if (c.empty()) {
    for (int i = 0; i < times; ++i) c.insert(c.end(), base.begin(), base.end());
  }
  return c;
}

int64_t Bytes(const std::vector<std::string>& docs) {
  int64_t n = 0;
  for (const auto& d : docs) n += static_cast<int64_t>(d.size());
  return n;
}

void ReportMemory(benchmark::State& state) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Baseline: what `wc -w` does — count runs of non-space bytes.
void BM_WordCountBaseline(benchmark::State& state) {
  const auto& docs = Corpus(static_cast<int>(state.range(0)));
  int64_t words = 0;
  for (auto _ : state) {
    words = 0;
    for (const auto& d : docs) {
      bool in_word = false;
      for (unsigned char c : d) {
        bool space = std::isspace(c);
        words += (!space && !in_word);
        in_word = !space;
      }
    }
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(state.iterations() * Bytes(docs));
  state.counters["words"] = static_cast<double>(words);
}

void RunAnalyze(benchmark::State& state, attrib::Options options) {
  const auto& docs = Corpus(static_cast<int>(state.range(0)));
  size_t quotes = 0, claims = 0;
  for (auto _ : state) {
    quotes = claims = 0;
    for (const auto& text : docs) {
      attrib::Document doc;
      attrib::Analysis result;
      if (!attrib::Document::FromUtf8(text, &doc).ok()) state.SkipWithError("bad UTF-8");
      attrib::Analyze(doc, options, &result);
      quotes += result.quotes.size();
      claims += result.claims.size();
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(docs));
  state.counters["quotes"] = static_cast<double>(quotes);
  state.counters["claims"] = static_cast<double>(claims);
  ReportMemory(state);
}

// The full analysis: quotes, speakers, entities and claims.
void BM_AnalyzeFull(benchmark::State& state) {
  RunAnalyze(state, attrib::Options());
}

// Without claim scoring: the difference to BM_AnalyzeFull is the claim scorer's cost.
void BM_AnalyzeNoClaims(benchmark::State& state) {
  attrib::Options options;
  options.find_claims = false;
  RunAnalyze(state, options);
}

// Claim scoring alone over sentences split beforehand (no quotes): the scorer's own speed.
void BM_ClaimScoring(benchmark::State& state) {
  const auto& texts = Corpus(static_cast<int>(state.range(0)));
  std::vector<attrib::Document> docs(texts.size());
  std::vector<std::vector<attrib::Span>> sentences(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    attrib::Document::FromUtf8(texts[i], &docs[i]);
    sentences[i] = attrib::SplitSentences(docs[i].text());
  }
  const attrib::Options options;
  size_t claims = 0;
  for (auto _ : state) {
    claims = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      claims += attrib::FindClaims(docs[i], sentences[i], {}, {}, options).size();
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(texts));
  state.counters["claims"] = static_cast<double>(claims);
}

// Adversarial input: the CLI test's single-line chunk (quotes of every kind, stray and unpaired
// marks, one "sentence" with no end) repeated to `range(0)` MB as ONE paragraph. Time at 1, 2
// and 4 MB must grow linearly (2x, 4x).
void BM_Adversarial(benchmark::State& state) {
  const std::string chunk =
      "\u201CPrices rose 5% in 2014,\u201D the minister said, and \"officials\" 'agreed' "
      "\u201D\u201C ";
  std::string text;
  const size_t size = static_cast<size_t>(state.range(0)) * 1000000;
  while (text.size() + chunk.size() <= size) text += chunk;
  attrib::Document doc;
  if (!attrib::Document::FromUtf8(text, &doc).ok()) state.SkipWithError("bad UTF-8");
  size_t quotes = 0;
  for (auto _ : state) {
    attrib::Analysis result;
    attrib::Analyze(doc, attrib::Options(), &result);
    quotes = result.quotes.size();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["quotes"] = static_cast<double>(quotes);
  ReportMemory(state);
}

// 10 = the ~4 MB corpus; 20 and 40 show how cost grows.
BENCHMARK(BM_WordCountBaseline)->Arg(10)->Arg(20)->Arg(40)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeFull)->Arg(10)->Arg(20)->Arg(40)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeNoClaims)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClaimScoring)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Adversarial)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
