// `attrib annotate`: runs the extension's commands on a document in a private headless
// LibreOffice and saves the result. Built only when the UNO part is (ATTRIB_HAVE_ANNOTATE).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attrib::cli {

struct AnnotateArgs {
  std::string input;                   // .odt .ott .fodt .docx .doc .rtf .txt (UTF-8)
  std::string output;                  // .odt .docx .doc .rtf .pdf: format from the extension
  std::string json_report;             // "" = none; else write what was marked as JSON
  std::vector<std::string> commands;   // e.g. {"highlight", "footnotes"}
  std::string oxt;                     // "" = the attrib.oxt installed beside the binary / built
  std::optional<int> timeout_seconds;  // > 0; none: DefaultTimeoutSeconds() of the input
  bool quiet = false;
  bool in_place = false;  // -o may name the input (written through a temporary file)
  // The editor's settings (uno/logic/settings.h): a JSON file of them, then single ones from
  // flags as JSON members over it ({"comment_details": true}); the Writer options page's
  // settings are not read (annotate runs its own private LibreOffice profile).
  std::string settings_file;
  std::string sources_file;   // "" = none; .csv or .json: the sources report (logic/sources.h)
  std::string settings_json;  // flags, a JSON object ("" = none)
};

// The timeout when none is given, sized from the input file: 300 s, and 120 s more per MB of
// it (a compressed .odt/.docx MB is 3-10 MB of text; a 1 MB paragraph's .odt is ~0.3 MB).
int DefaultTimeoutSeconds(uintmax_t input_bytes);

// Returns the process exit code; prints progress and errors to stderr. Options are checked
// before LibreOffice starts; LibreOffice opens a private copy of the input (no lock file is
// ever left beside it), and the output is written under a temporary name, then renamed.
int RunAnnotate(const AnnotateArgs& args);

}  // namespace attrib::cli
