// libFuzzer target for the whole analysis: every language, flag and sieve subset comes from the
// input bytes, the rest is the text (invalid UTF-8 included). Beyond "no crash, no sanitizer
// report" it checks what every adapter relies on: spans inside the text, content inside its
// marks, speaker ids valid, confidences in [0, 1], rules named, and the JSON writer accepting
// the result. Build and run: see tests/fuzz/run.sh and the README.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "attrib/attrib.h"
#include "attrib/json.h"
#include "attrib/sieves.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant violated: %s\n", what);
  std::abort();
}

bool Inside(const attrib::Span& s, int32_t size) {
  return s.begin >= 0 && s.begin <= s.end && s.end <= size;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Header: [language, models][flags][sieve mask lo][sieve mask hi][rotation]
  if (size < 5) return 0;
  static const char* kLanguages[] = {"", "en", "de", "es", "fr", "en-US", "xx"};
  attrib::Options o;
  o.language = kLanguages[(data[0] & 0x3f) % 7];
  o.cue_model = !(data[0] & 0x40);
  o.span_model = !(data[0] & 0x80);
  const uint8_t flags = data[1];
  o.find_indirect = flags & 1;
  o.report_non_speech = flags & 2;
  o.attribution_units = flags & 4;
  o.find_claims = flags & 8;
  o.min_quote_confidence = (flags >> 4) / 16.0;
  const std::vector<std::string>& all = attrib::DefaultSieves();
  const unsigned mask = data[2] | (data[3] << 8);
  if (mask != 0xffff) {  // all ones = the default (empty) list
    for (size_t i = 0; i < all.size(); ++i) {
      const std::string& s = all[(i + data[4]) % all.size()];  // rotated: order varies too
      if (mask & (1u << i)) o.sieves.push_back(s);
    }
  }
  const std::string_view text(reinterpret_cast<const char*>(data + 5), size - 5);

  attrib::Document doc;
  if (!attrib::Document::FromUtf8(text, &doc).ok()) return 0;  // invalid UTF-8: refused, fine
  attrib::Analysis a;
  const attrib::Status status = attrib::Analyze(doc, o, &a);
  if (!status.ok()) {
    Check(o.language == "xx", "only the unsupported language is refused here");
    return 0;
  }
  const int32_t n = static_cast<int32_t>(doc.text().size());
  for (const attrib::Speaker& s : a.speakers)
    for (const attrib::Span& m : s.mentions) Check(Inside(m, n), "mention inside the text");
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const attrib::Quote& q = a.quotes[i];
    Check(q.id == static_cast<int>(i), "quote ids in order");
    Check(Inside(q.content, n) && Inside(q.marked, n), "quote spans inside the text");
    Check(q.marked.begin <= q.content.begin && q.content.end <= q.marked.end,
          "content inside its marks");
    Check(!q.speaker || (*q.speaker >= 0 && *q.speaker < static_cast<int>(a.speakers.size())),
          "speaker id valid");
    Check(!q.speaker_mention || Inside(*q.speaker_mention, n), "speaker mention inside");
    Check(!q.cue || Inside(*q.cue, n), "cue inside the text");
    Check(q.confidence >= 0 && q.confidence <= 1, "confidence in [0, 1]");
    Check(q.confidence >= o.min_quote_confidence, "min_quote_confidence honoured");
    Check(!q.rule.empty(), "every quote names its rule");
    Check(o.report_non_speech || q.kind != attrib::QuoteKind::kOther, "non-speech only on request");
    Check(o.find_indirect || q.kind != attrib::QuoteKind::kIndirect, "indirect only on request");
    if (i > 0) Check(a.quotes[i - 1].content.begin <= q.content.begin, "quotes ordered");
    for (const attrib::Span& f : q.fragments) Check(Inside(f, n), "fragment inside the text");
  }
  for (const attrib::Claim& c : a.claims) {
    Check(Inside(c.span, n), "claim inside the text");
    Check(c.score >= 0 && c.score <= 1, "claim score in [0, 1]");
    Check(!c.attributed_to ||
              (*c.attributed_to >= 0 && *c.attributed_to < static_cast<int>(a.speakers.size())),
          "claim speaker valid");
  }
  Check(o.find_claims || a.claims.empty(), "claims only on request");
  std::ostringstream json;
  attrib::WriteJson(json, doc, a, attrib::OffsetUnit::kCodePoint);
  Check(!json.str().empty(), "JSON written");
  return 0;
}
