#include "logic/json.h"

#include <nlohmann/json.hpp>

#include "attrib/json.h"

namespace attrib::uno {

std::string AnalysisToJson(const Document& doc, const Analysis& a) {
  // The CLI's schema (core's one serialiser) in UTF-16 units, plus what a UNO caller cannot
  // see otherwise: the engine's version and the text as the engine received it.
  nlohmann::ordered_json out = {{"version", Version()},
                                {"text_length", doc.text().size()},
                                {"paragraphs", doc.paragraphs().size()}};
  out.update(ToJson(doc, a, OffsetUnit::kUtf16));
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ErrorJson(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

}  // namespace attrib::uno
