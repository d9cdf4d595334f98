// The engine's result as JSON for UNO callers (org.attrib.XAttributionEngine::analyze).
// The schema is the CLI's (core/include/attrib/json.h), with spans in UTF-16 code units of
// Document::text() — the units of a UNO string — and "offsets": "utf16" saying so.
#pragma once

#include <string>

#include "attrib/attrib.h"

namespace attrib::uno {

// {"version", "text_length", "paragraphs", "lang", "offsets": "utf16", "speakers", "quotes",
//  "claims"}; a quote's "start"/"end" cover its content, "text" is that content in UTF-8.
std::string AnalysisToJson(const Document& doc, const Analysis& analysis);

// {"error": message} — what analyze() returns instead of throwing.
std::string ErrorJson(const std::string& message);

}  // namespace attrib::uno
