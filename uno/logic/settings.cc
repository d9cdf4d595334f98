#include "logic/settings.h"

#include <algorithm>

namespace attrib::uno {

const std::vector<std::string>& SettingsLanguages() {
  static const std::vector<std::string> kLanguages = {"en", "de", "es", "fr"};
  return kLanguages;
}

namespace {

bool Known(const std::string& language) {
  const std::vector<std::string>& all = SettingsLanguages();
  return std::find(all.begin(), all.end(), language) != all.end();
}

}  // namespace

Options Settings::EngineOptions() const {
  Options o;
  if (language_mode == "fixed") o.language = fixed_language;
  o.min_quote_confidence = min_quote_confidence;
  o.claim_threshold = claim_threshold;
  return o;
}

MarkStyle Settings::Style() const {
  MarkStyle style;
  style.details = comment_details;
  style.speaker_colours = palette != "single";
  style.direct = mark_direct;
  style.mixed = mark_partial;
  style.indirect = mark_reported;
  for (const auto& [language, text] : footnote_wording) {
    if (!text.empty()) style.footnote_wording[language] = text;
  }
  return style;
}

std::string ValidateSettings(const Settings& s) {
  if (s.language_mode != "paragraph" && s.language_mode != "document" &&
      s.language_mode != "fixed") {
    return "language_mode must be paragraph, document or fixed, not \"" + s.language_mode + "\"";
  }
  if (!Known(s.fixed_language)) {
    return "fixed_language must be one of en, de, es, fr, not \"" + s.fixed_language + "\"";
  }
  if (s.palette != "speakers" && s.palette != "single") {
    return "palette must be speakers or single, not \"" + s.palette + "\"";
  }
  if (!(s.min_quote_confidence >= 0.0 && s.min_quote_confidence <= 1.0)) {
    return "min_quote_confidence must be between 0 and 1";
  }
  if (!(s.claim_threshold >= 0.0 && s.claim_threshold <= 1.0)) {
    return "claim_threshold must be between 0 and 1";
  }
  for (const auto& [language, text] : s.footnote_wording) {
    if (!Known(language)) return "footnote_wording: no language \"" + language + "\"";
    if (!text.empty() && text.find("{who}") == std::string::npos) {
      return "footnote_wording." + language + " must contain {who}, where the speaker goes";
    }
  }
  return "";
}

nlohmann::json SettingsToJson(const Settings& s) {
  return {{"language_mode", s.language_mode},
          {"fixed_language", s.fixed_language},
          {"mark_direct", s.mark_direct},
          {"mark_partial", s.mark_partial},
          {"mark_reported", s.mark_reported},
          {"comment_details", s.comment_details},
          {"palette", s.palette},
          {"min_quote_confidence", s.min_quote_confidence},
          {"claim_threshold", s.claim_threshold},
          {"footnote_wording", s.footnote_wording}};
}

std::string SettingsFromJson(const std::string& json, Settings* s) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "the settings are not a JSON object";
  Settings out = *s;
  for (const auto& [key, value] : j.items()) {
    auto text = [&, &key = key, &value = value](std::string* field) -> std::string {
      if (!value.is_string()) return key + " must be a string";
      *field = value.get<std::string>();
      return "";
    };
    auto flag = [&, &key = key, &value = value](bool* field) -> std::string {
      if (!value.is_boolean()) return key + " must be true or false";
      *field = value.get<bool>();
      return "";
    };
    auto number = [&, &key = key, &value = value](double* field) -> std::string {
      if (!value.is_number()) return key + " must be a number";
      *field = value.get<double>();
      return "";
    };
    std::string error;
    if (key == "language_mode") {
      error = text(&out.language_mode);
    } else if (key == "fixed_language") {
      error = text(&out.fixed_language);
    } else if (key == "mark_direct") {
      error = flag(&out.mark_direct);
    } else if (key == "mark_partial") {
      error = flag(&out.mark_partial);
    } else if (key == "mark_reported") {
      error = flag(&out.mark_reported);
    } else if (key == "comment_details") {
      error = flag(&out.comment_details);
    } else if (key == "palette") {
      error = text(&out.palette);
    } else if (key == "min_quote_confidence") {
      error = number(&out.min_quote_confidence);
    } else if (key == "claim_threshold") {
      error = number(&out.claim_threshold);
    } else if (key == "footnote_wording") {
      if (!value.is_object()) return "footnote_wording must be an object of language: text";
      for (const auto& [language, wording] : value.items()) {
        if (!wording.is_string()) return "footnote_wording." + language + " must be a string";
        out.footnote_wording[language] = wording.get<std::string>();
      }
    } else {
      error = "unknown setting \"" + key + "\"";
    }
    if (!error.empty()) return error;
  }
  if (std::string error = ValidateSettings(out); !error.empty()) return error;
  *s = std::move(out);
  return "";
}

}  // namespace attrib::uno
