#include "attrib/attrib.h"

namespace attrib {

// Placeholder pipeline: the stages (quotes, cues, speakers, entities, claims) land with the
// engine issue. Until then the analysis is empty but well-formed.
Status Analyze(const Document& doc, const Options& options, Analysis* out) {
  (void)doc;
  *out = Analysis();
  out->language = options.language.empty() ? "en" : options.language;
  return Status();
}

}  // namespace attrib
