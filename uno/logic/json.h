// The engine's result as JSON for UNO callers (org.attrib.XAttributionEngine::analyze).
// Spans stay in UTF-16 code units of Document::text() — the units of a UNO string — and the
// JSON says so with "units": "utf16". (The CLI converts to code points at its own edge.)
#pragma once

#include <string>

#include "attrib/attrib.h"

namespace attrib::uno {

// {"version", "units", "language", "text_length", "paragraphs", "speakers", "quotes", "claims"}.
// Spans are [begin, end] arrays; quote "text" is the content in UTF-8.
std::string AnalysisToJson(const Document& doc, const Analysis& analysis);

// {"error": message} — what analyze() returns instead of throwing.
std::string ErrorJson(const std::string& message);

}  // namespace attrib::uno
