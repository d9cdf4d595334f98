// The engine's result as JSON — the one serialiser used by the CLI and the UNO service.
//
// Schema (one object per document):
//   {"id": "...", "lang": "en", "offsets": "codepoint" | "utf16",
//    "speakers": [{"id": 0, "name": "Emily Horne", "role": "...", "anonymous": false,
//                  "mentions": [[s, e], ...]}],
//    "quotes": [{"id": 0, "type": "direct|mixed|indirect|other", "start": s, "end": e,
//                "marked": [s, e], "speaker": 0 | null, "speaker_mention": [s, e] | null,
//                "cue": [s, e] | null, "agentless": false, "confidence": 0.93,
//                "rule": "cue-after-quote", "text": "...",
//                "fragments": [[s, e], ...]   (only for a quote in several pieces)}],
//    "claims": [{"id": 0, "start": s, "end": e, "score": 0.87, "kinds": ["comparison"],
//                "attributed_to": 0 | null, "unattributed_reason": "agentless" | null,
//                "rule": "..."}]}
// A quote's [start, end) covers its content WITHOUT the quote marks; "marked" includes them.
// All spans are half-open; "offsets" says their unit.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "attrib/document.h"
#include "attrib/result.h"

namespace attrib {

enum class OffsetUnit {
  kCodePoint,  // Unicode code points: what the CLI prints and score.py reads
  kUtf16,      // UTF-16 code units: what Writer and UNO strings count
};

// The whole result as a JSON value (for pretty printing, embedding, tests).
nlohmann::ordered_json ToJson(const Document& doc, const Analysis& analysis, OffsetUnit unit,
                              const std::string& id = "", bool include_text = true);

// The same JSON, compact, written element by element: memory stays proportional to one
// element, not to the whole result (50 MB inputs). `id` is omitted when null.
void WriteJson(std::ostream& os, const Document& doc, const Analysis& analysis, OffsetUnit unit,
               const nlohmann::ordered_json& id = nullptr, bool include_text = true);

// The same bytes as ToJson(...).dump(), appended to `*out` without building a JSON value (what
// `attrib analyze --jsonl` writes for each line). `id_json` is the id already written as JSON
// ("\"doc-1\"", "7"); empty = no id.
void AppendJson(std::string* out, const Document& doc, const Analysis& analysis, OffsetUnit unit,
                std::string_view id_json = {}, bool include_text = true);

// `utf8` as a JSON string with dump()'s escapes: quote, backslash, \b \t \n \f \r, other
// control characters as \u00xx; everything else verbatim. `utf8` must be valid UTF-8.
void AppendJsonString(std::string* out, std::string_view utf8);

// A number as dump() writes it (shortest round-trip digits; "null" for NaN and infinities).
void AppendJsonNumber(std::string* out, double value);

}  // namespace attrib
