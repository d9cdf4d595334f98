// `attrib analyze`: text or JSONL in, JSON (or a human-readable view) out.
#pragma once

#include <string>

#include "attrib/options.h"

namespace attrib::cli {

// Exit codes scripts can rely on (also listed in `attrib --help`).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,       // internal error
  kExitUsage = 2,         // bad flags
  kExitBadInput = 3,      // unreadable file, invalid UTF-8, binary data
  kExitSomeLinesBad = 4,  // --jsonl: some lines were rejected (each got an "error" object)
  kExitOffice = 5,        // annotate: LibreOffice missing, failed, or timed out
};

enum class Format { kJson, kText };

struct AnalyzeArgs {
  std::string input = "-";  // file path or "-" for stdin
  bool jsonl = false;       // one {"id", "text", ...} object a line
  Format format = Format::kJson;
  bool pretty = false;
  Options options;
};

int RunAnalyze(const AnalyzeArgs& args);

}  // namespace attrib::cli
