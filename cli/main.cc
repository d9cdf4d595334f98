// attrib — the command line: analyze text to JSON, annotate documents through LibreOffice.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyze.h"
#include "attrib/attrib.h"
#include "attrib/sieves.h"
#ifdef ATTRIB_HAVE_ANNOTATE
#include "annotate.h"
#endif

namespace {

constexpr const char* kFooter = R"(exit codes:
  0  success
  1  internal error; the output could not be written
  2  bad command line
  3  bad input (unreadable, invalid UTF-8, binary)
  4  --jsonl: some lines were rejected (each answered with {"id", "error"})
  5  annotate: LibreOffice missing, failed or timed out
  6  annotate: output written, but protected parts were left unmarked (the report's "skipped")
)";

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Option values the engine would refuse are usage errors (exit 2), found before any work.
const CLI::Validator kKnownLanguage(
    [](std::string& value) -> std::string {
      const std::string base = value.substr(0, value.find_first_of("-_"));
      for (const std::string& lang : attrib::SupportedLanguages())
        if (base == lang) return "";
      return "unsupported language: " + value +
             " (supported: " + JoinNames(attrib::SupportedLanguages()) + ")";
    },
    "LANG");
const CLI::Validator kKnownSieve(
    [](std::string& value) -> std::string {
      if (attrib::IsKnownSieve(value)) return "";
      return "unknown sieve: " + value + " (known: " + JoinNames(attrib::DefaultSieves()) + ")";
    },
    "SIEVE");

// Engine options shared by every subcommand that analyses text.
void AddEngineOptions(CLI::App* cmd, attrib::Options* o) {
  cmd->add_option("--lang", o->language,
                  "language of the text (default: a JSONL line's \"lang\", else detected per "
                  "document, else en)")
      ->check(kKnownLanguage);
  cmd->add_option("--min-confidence", o->min_quote_confidence, "drop quotes below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--claim-threshold", o->claim_threshold,
                  "calibrated check-worthiness cut (default 0.5: even odds; the model's "
                  "cross-validated F1 optimum is 0.32)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("!--no-claims", o->find_claims, "do not score check-worthy claims");
  cmd->add_flag("!--no-indirect", o->find_indirect, "do not report reported speech without marks");
  cmd->add_flag("!--no-cue-model", o->cue_model,
                "cues from the lexicon alone, not refined by the learned cue model");
  cmd->add_flag("!--no-span-model", o->span_model,
                "reported speech's content boundaries from the sieves alone, not moved by the "
                "learned boundary model");
  cmd->add_flag("--non-speech", o->report_non_speech, "also report titles and scare quotes");
  cmd->add_option_function<std::string>(
         "--units",
         [o](const std::string& units) { o->attribution_units = units == "attribution"; },
         "quote (default): one result per quotation, as an editor reads them; attribution: one "
         "per attribution relation, interrupted quotes joined (PolNeAR's convention)")
      ->check(CLI::IsMember({"quote", "attribution"}));
  cmd->add_option("--sieves", o->sieves,
                  "attribution sieves to run, in order within each stage (default: all): " +
                      JoinNames(attrib::DefaultSieves()))
      ->delimiter(',')
      ->check(kKnownSieve);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace attrib::cli;
  CLI::App app{"attrib — who said what: quote, speaker and claim attribution for news text"};
  app.footer(kFooter);
  app.require_subcommand(1);
  int exit_code = kExitOk;

  app.add_subcommand("version", "print the version")->callback([] {
    std::cout << "attrib " << attrib::Version() << "\n";
  });

  AnalyzeArgs analyze;
  std::string format = "json";
  CLI::App* a = app.add_subcommand("analyze", "find quotes, speakers and claims; print JSON");
  a->add_option("FILE", analyze.input, "UTF-8 text, paragraphs separated by line breaks; - = stdin")
      ->required();
  a->add_flag("--jsonl", analyze.jsonl,
              "FILE holds one {\"id\", \"text\", \"lang\"} object a line (plain, .gz or .zst); "
              "one result or {\"id\", \"error\"} line per input line; no id = \"line:N\"");
  a->add_option("--format", format, "json (default) or text, a view for people")
      ->check(CLI::IsMember({"json", "text"}));
  a->add_flag("--pretty", analyze.pretty, "indent the JSON");
  a->add_option("-j,--jobs", analyze.jobs,
                "--jsonl: lines analysed in parallel, output in input order (default: all cores)")
      ->check(CLI::Range(1, 1024));
  a->add_option("--errors", analyze.errors_file,
                "--jsonl: write the rejected input lines, verbatim, to this file (their reasons "
                "stay in the output; stderr then gets only a count)");
  AddEngineOptions(a, &analyze.options);
  a->callback([&] {
    analyze.format = format == "text" ? Format::kText : Format::kJson;
    exit_code = RunAnalyze(analyze);
  });

#ifdef ATTRIB_HAVE_ANNOTATE
  AnnotateArgs annotate;
  annotate.commands = {"highlight", "footnotes"};
  CLI::App* n = app.add_subcommand(
      "annotate",
      "mark a document (.odt, .ott, .fodt, .docx, .doc, .rtf, .txt) in a private headless "
      "LibreOffice");
  // A missing input or a folder is bad input (exit 3), said by RunAnnotate like analyze's.
  n->add_option("IN", annotate.input, "document to annotate")->required();
  n->add_option("-o,--output", annotate.output, "where to save: .odt, .docx, .doc, .rtf or .pdf")
      ->required();
  n->add_option("--json", annotate.json_report, "also write what was marked as JSON");
  n->add_option("--commands", annotate.commands,
                "highlight, claims, footnotes, clear (run in the order given)")
      ->delimiter(',');
  n->add_option("--oxt", annotate.oxt, "the extension to install (default: the built attrib.oxt)");
  int timeout = 0;
  CLI::Option* timeout_option = n->add_option(
      "--timeout", timeout,
      "give up after this many seconds (default: 300, and 120 more per MB of the input file)");
  n->add_flag("-q,--quiet", annotate.quiet, "no progress messages");
  n->add_flag("--in-place", annotate.in_place, "allow -o to be the input (replaced safely)");
  // The settings of Writer's Tools > Options > Attribution page (README "Options").
  n->add_option("--sources", annotate.sources_file,
                "also write the sources (speaker, role, anonymous, counts, first quote, page) "
                "as .csv or .json");
  n->add_option("--settings", annotate.settings_file,
                "a JSON file of settings, as the Writer options page has them (README)");
  nlohmann::json flags = nlohmann::json::object();
  std::string language_mode, fixed_language, palette;
  double min_confidence = 0, claim_threshold = 0;
  std::vector<std::string> wordings;
  bool details = false, no_direct = false, no_partial = false, no_reported = false;
  CLI::Option* o_mode =
      n->add_option("--language-mode", language_mode, "paragraph (default), document or fixed");
  CLI::Option* o_fixed = n->add_option("--fixed-language", fixed_language,
                                       "en, de, es or fr: the language for --language-mode fixed");
  CLI::Option* o_palette =
      n->add_option("--palette", palette, "speakers (a colour each, default) or single");
  CLI::Option* o_min = n->add_option("--min-confidence", min_confidence,
                                     "leave out quotes below this confidence (0-1)");
  CLI::Option* o_claim = n->add_option("--claim-threshold", claim_threshold,
                                       "mark claims from this score (0-1; default 0.5)");
  CLI::Option* o_wording = n->add_option(
      "--footnote-wording", wordings,
      "LANG=TEXT: the footnote's words in that language, {who} for the speaker (repeatable)");
  CLI::Option* o_details =
      n->add_flag("--comment-details", details, "comments name the rule that decided");
  CLI::Option* o_nd = n->add_flag("--no-direct", no_direct, "do not mark direct quotes");
  CLI::Option* o_np = n->add_flag("--no-partial", no_partial, "do not mark partial quotes");
  CLI::Option* o_nr = n->add_flag("--no-reported", no_reported, "do not mark reported speech");
  n->callback([&] {
    if (o_mode->count() > 0) flags["language_mode"] = language_mode;
    if (o_fixed->count() > 0) flags["fixed_language"] = fixed_language;
    if (o_palette->count() > 0) flags["palette"] = palette;
    if (o_min->count() > 0) flags["min_quote_confidence"] = min_confidence;
    if (o_claim->count() > 0) flags["claim_threshold"] = claim_threshold;
    if (o_details->count() > 0) flags["comment_details"] = details;
    if (o_nd->count() > 0) flags["mark_direct"] = !no_direct;
    if (o_np->count() > 0) flags["mark_partial"] = !no_partial;
    if (o_nr->count() > 0) flags["mark_reported"] = !no_reported;
    if (o_wording->count() > 0) {
      nlohmann::json w = nlohmann::json::object();
      for (const std::string& lw : wordings) {
        const size_t eq = lw.find('=');
        w[lw.substr(0, eq)] = eq == std::string::npos ? "" : lw.substr(eq + 1);
      }
      flags["footnote_wording"] = w;
    }
    if (!flags.empty()) annotate.settings_json = flags.dump();
    if (timeout_option->count() > 0) annotate.timeout_seconds = timeout;
    exit_code = RunAnnotate(annotate);
  });
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "attrib: " << e.what() << "\n";
    return kExitFailure;
  }
  return exit_code;
}
