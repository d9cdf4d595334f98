// The engine has no global mutable state: the same documents analysed on 8 threads at once, each
// in its own order, give byte-identical results to one thread (attrib analyze -j relies on it).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "attrib/attrib.h"
#include "attrib/json.h"

namespace attrib {
namespace {

struct Input {
  std::string text, lang;
};

std::vector<Input> ReadInputs() {
  std::vector<Input> inputs;
  for (const char* file : {"/data/polnear/dev.jsonl", "/data/redewiedergabe/nonfiction_dev.jsonl",
                           "/data/litbank/litbank.jsonl"}) {
    std::ifstream in(std::string(ATTRIB_SHARED_DIR) + file);
    int n = 0;
    for (std::string line; std::getline(in, line) && n < 40; ++n) {
      auto j = nlohmann::json::parse(line);
      inputs.push_back({j["text"].get<std::string>(), j.value("lang", "")});
    }
  }
  return inputs;
}

std::string AnalyzeToJson(const Input& input, bool units) {
  Document doc;
  if (!Document::FromUtf8(input.text, &doc).ok()) return "bad UTF-8";
  Options options;
  options.language = input.lang;
  options.attribution_units = units;
  Analysis analysis;
  if (Status s = Analyze(doc, options, &analysis); !s.ok()) return s.message();
  std::string out;
  AppendJson(&out, doc, analysis, OffsetUnit::kCodePoint);
  return out;
}

TEST(ThreadsTest, EightThreadsGiveTheResultsOfOne) {
  const std::vector<Input> inputs = ReadInputs();
  ASSERT_GE(inputs.size(), 100u);
  std::vector<std::string> expected;
  size_t quotes = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    expected.push_back(AnalyzeToJson(inputs[i], i % 2 == 1));
    quotes += expected.back().find("\"type\"") != std::string::npos;
  }
  EXPECT_GT(quotes, inputs.size() / 2);  // real results, not empty ones

  constexpr int kThreads = 8;
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(inputs.size()));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread starts elsewhere and walks the other way on odd threads, so different
      // documents (and languages) run at the same moment.
      const size_t n = inputs.size();
      for (size_t k = 0; k < n; ++k) {
        const size_t i = t % 2 ? (n - 1 - (k + 13 * t) % n) : (k + 13 * t) % n;
        got[t][i] = AnalyzeToJson(inputs[i], i % 2 == 1);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      ASSERT_EQ(got[t][i], expected[i]) << "thread " << t << ", document " << i;
    }
  }
}

}  // namespace
}  // namespace attrib
