// The editor's settings: Tools › Options › LibreOffice Writer › Attribution, stored in the
// extension's configuration schema (extension/AttribSettings.xcs, org.attrib.Settings), and
// the same for `attrib annotate --settings FILE` (JSON). Pure: no UNO; tests/writer/
// settings_test.cc. uno/component/settings_store.cc reads and writes the configuration.
//
//   Settings s;                                   // the defaults
//   std::string error = SettingsFromJson(R"({"comment_details": true})", &s);
//   Options o = s.EngineOptions();               // language, confidence, claim threshold
//   MarkStyle style = s.Style();                  // what is marked and how it reads
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "attrib/attrib.h"
#include "logic/plan.h"

namespace attrib::uno {

struct Settings {
  // Which language the engine reads: "paragraph" (each paragraph its own: its words, else the
  // language it is set in — the default), "document" (one language for the whole document, from
  // all its words) or "fixed" (fixed_language everywhere).
  std::string language_mode = "paragraph";
  std::string fixed_language = "en";
  // Which quotes Highlight marks (and footnotes name).
  bool mark_direct = true;
  bool mark_partial = true;
  bool mark_reported = true;
  // Comments carry the rule that decided and the score (a third line).
  bool comment_details = false;
  // "speakers": a colour per speaker; "single": one colour for every quote.
  std::string palette = "speakers";
  double min_quote_confidence = 0.0;
  double claim_threshold = 0.5;
  // Footnote text per language ("en", "de", "es", "fr"), with {who} for the speaker; a language
  // not here, or "", takes the catalogue's ("Quote attributed to {who}.").
  std::map<std::string, std::string> footnote_wording;

  // The engine's options for these settings (language "" unless fixed).
  Options EngineOptions() const;
  MarkStyle Style() const;
  friend bool operator==(const Settings&, const Settings&) = default;
};

// The languages language_mode and footnote_wording accept.
const std::vector<std::string>& SettingsLanguages();

// "" when `s` is valid, else what is wrong, in words for the user ("claim_threshold must be
// between 0 and 1").
std::string ValidateSettings(const Settings& s);

// Reads the keys of `json` (an object; the names of the Settings fields) over *s, which keeps
// what the JSON does not name. Returns "" or what is wrong (unknown key, wrong type, invalid
// value); *s is then unchanged.
std::string SettingsFromJson(const std::string& json, Settings* s);
nlohmann::json SettingsToJson(const Settings& s);

}  // namespace attrib::uno
