// `attrib analyze --jsonl`: an archive of {"id", "text", "lang"} lines in, one result line per
// input line out, in input order, on every core.
//
//   reader thread:  bytes (plain / gzip / zstd) -> batches of whole lines, a bounded window
//   N workers:      each line -> simdjson On Demand reads id, text, lang (the rest is skipped,
//                   no tree) -> Analyze -> AppendJson (no tree) -> the batch's output
//   main thread:    writes the batches in input order, --errors, the progress bar
//
// Every input line gets exactly one output line: the result, or {"id", "error"} where the
// error names the line and the reason ("line 7: invalid UTF-8 at byte 42", "not JSON (...)",
// "not a JSON object", "no \"text\" string", "empty line"). A line without an id (or whose
// id is null) is answered with the id "line:N", N its 1-based line number. Output is written
// (and so flushed) batch by batch, a batch being the lines available when it was read: one
// line written to a pipe is answered before the next is read.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analyze.h"

namespace attrib::cli {

int RunJsonl(const AnalyzeArgs& args);

// Answers one JSONL line (without its '\n'; a trailing '\r' is ignored). Reuses its parser
// and buffers from line to line; one per thread.
class LineAnalyzer {
 public:
  explicit LineAnalyzer(const AnalyzeArgs& args);
  ~LineAnalyzer();
  LineAnalyzer(const LineAnalyzer&) = delete;
  LineAnalyzer& operator=(const LineAnalyzer&) = delete;

  // Appends the answer (one line with its '\n'; several for --pretty and --format text) to
  // `*out`. Returns false for a rejected line, with the reason ("line N: ...") in `*reason`.
  bool Process(std::string_view line, int64_t number, std::string* out, std::string* reason);

 private:
  struct Impl;
  const AnalyzeArgs& args_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attrib::cli
