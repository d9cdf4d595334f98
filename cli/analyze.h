// `attrib analyze`: text or JSONL in, JSON (or a human-readable view) out.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "attrib/attrib.h"

namespace attrib::cli {

// Exit codes scripts can rely on (also listed in `attrib --help`).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,       // internal error
  kExitUsage = 2,         // bad flags
  kExitBadInput = 3,      // unreadable file, invalid UTF-8, binary data
  kExitSomeLinesBad = 4,  // --jsonl: some lines were rejected (each got an "error" object)
  kExitOffice = 5,        // annotate: LibreOffice missing, failed, or timed out
  // annotate: written, but parts were left as they were because they are protected (read-only
  // document, protected section, password-protected change recording, drawing text): the
  // report's "skipped" and stderr say which and why.
  kExitSkipped = 6,
};

enum class Format { kJson, kText };

struct AnalyzeArgs {
  std::string input = "-";  // file path or "-" for stdin
  bool jsonl = false;       // one {"id", "text", ...} object a line
  Format format = Format::kJson;
  bool pretty = false;
  int jobs = 0;             // --jsonl: analysis threads; 0 = one per core
  std::string errors_file;  // --jsonl: where the rejected input lines go, verbatim ("" = none)
  Options options;
};

int RunAnalyze(const AnalyzeArgs& args);

// Shared by the whole-file and the JSONL paths.
Status AnalyzeUtf8(std::string_view text, const Options& options, Document* doc, Analysis* out);
void PrintText(const Document& doc, const Analysis& a, std::ostream& os);

}  // namespace attrib::cli
