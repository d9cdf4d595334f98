// Attrib — who said what in a news text.
//
// The engine is a plain C++ library: give it a document as paragraphs of UTF-16 text and it
// returns the speakers, the quotations (direct, mixed, indirect) attributed to them, and the
// check-worthy claims. It knows nothing about LibreOffice; uno/ and cli/ are adapters.
//
//   attrib::Document doc = attrib::Document::FromUtf8("“We are ready,” Horne said.");
//   attrib::Analysis result;
//   attrib::Status status = attrib::Analyze(doc, attrib::Options(), &result);
//   if (!status.ok()) { ... status.message() ... }
//   for (const attrib::Quote& q : result.quotes) { ... q.content, q.speaker ... }
//
// SPANS. Every span is half-open [begin, end) in UTF-16 code units of Document::text(): the
// paragraphs joined by a single U+000A. This is what Writer hands out (OUString) so the UNO
// adapter needs no conversion; Document::Locate() maps an offset to (paragraph, offset).
// Adapters that report code points (the CLI's JSON) convert at their edge with
// Utf16ToCodePointOffsets() in attrib/text.h, and nowhere else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attrib/document.h"
#include "attrib/options.h"
#include "attrib/result.h"
#include "attrib/status.h"

namespace attrib {

// Runs the analysis stages selected in `options` on `doc`, filling `*out` (cleared first).
// Never throws for any input; returns an error status only for unusable options: an unknown
// sieve name, an unsupported language, a confidence outside [0, 1]. The message names the
// valid choices.
Status Analyze(const Document& doc, const Options& options, Analysis* out);

// The languages the engine has data for (core/data/<lang>/), e.g. {"de", "en"}. Options::language
// accepts these and their regional forms ("en-US", "de_AT").
std::vector<std::string> SupportedLanguages();

// The supported language `text` is in, by its frequent function words (as Options::language ""
// decides it), or "" when too few of them decide (a headline, a name, a number). Reads at most
// the first 500 words. For callers that choose the language per part of a document (the Writer
// extension: per paragraph).
std::string DetectTextLanguage(std::u16string_view text);

// The engine's version, e.g. "0.1.0".
const char* Version();

}  // namespace attrib
