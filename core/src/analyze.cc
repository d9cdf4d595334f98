#include <algorithm>
#include <cstdio>

#include "attrib/attrib.h"
#include "attrib/sieves.h"
#include "attribution.h"
#include "claims.h"
#include "cue_model.h"
#include "cues.h"
#include "entities.h"
#include "language_detect.h"
#include "lexicon.h"
#include "prepare.h"
#include "quote_marks.h"
#include "span_model.h"
#include "tokens.h"

namespace attrib {

namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::vector<std::string> SupportedLanguages() {
  return AvailableLanguages();
}

std::string DetectTextLanguage(std::u16string_view text) {
  // kDetectWords words fit in far fewer units than this; the cut only bounds the tokenising.
  constexpr size_t kMaxUnits = 16 * kDetectWords;
  return DetectLanguage(Tokenize(text.substr(0, std::min(text.size(), kMaxUnits))));
}

Status Analyze(const Document& doc, const Options& options, Analysis* out) {
  return AnalyzeWith(doc, options, CueRefinement{options.cue_model, nullptr},
                     SpanRefinement{options.span_model, nullptr}, out);
}

Status AnalyzeWith(const Document& doc, const Options& options, CueRefinement refinement,
                   SpanRefinement spans, Analysis* out) {
  *out = Analysis();
  for (const std::string& s : options.sieves) {
    if (!IsKnownSieve(s))
      return Status::Error("unknown sieve: " + s + " (known: " + JoinNames(DefaultSieves()) + ")");
  }
  if (options.min_quote_confidence < 0 || options.min_quote_confidence > 1) {
    return Status::Error("min_quote_confidence must be in [0, 1]");
  }
  if (!options.language.empty() && GetLanguageData(options.language) == nullptr) {
    return Status::Error("unsupported language: " + options.language +
                         " (supported: " + JoinNames(AvailableLanguages()) + ")");
  }
  const std::vector<std::string>& sieves =
      options.sieves.empty() ? DefaultSieves() : options.sieves;
  const std::u16string& text = doc.text();

  // Stages 0–2: tokens, language, quotation marks, sentences, cues (prepare.h).
  Prepared prepared;
  Prepare(text, options.language, refinement, &prepared);
  const std::string& language = prepared.language;
  out->language = language;
  const AttributionInput& in = prepared.in;
  const Tokens& tokens = prepared.tokens;
  const std::vector<Cue>& cues = prepared.cues;
  // Stage 3: attributions; stage 4: entities.
  std::vector<Attribution> attributions = Attribute(in, sieves, options);
  EntityResult entities = ResolveSpeakers(in, attributions);
  bool reorder = false;
  if (spans.enabled) {
    // Stage 4b: the learned model moves reported speech's content boundaries (span_model.h),
    // after the speakers were found on the sieves' spans.
    const SpanModel* model = spans.model ? spans.model : SpanModelFor(language);
    if (model != nullptr)
      reorder = RefineSpans(*model, in, !options.attribution_units, &attributions);
  }
  out->speakers = std::move(entities.speakers);
  for (size_t i = 0; i < attributions.size(); ++i) {
    const Attribution& a = attributions[i];
    if (a.confidence < options.min_quote_confidence) continue;
    if (a.kind == QuoteKind::kOther && !options.report_non_speech) continue;
    Quote q;
    q.id = static_cast<int>(out->quotes.size());
    q.kind = a.kind;
    q.content = a.content;
    q.marked = a.marked;
    q.speaker = entities.speaker_of[i];
    if (q.speaker) q.speaker_mention = entities.mention_of[i];
    if (a.cue >= 0) q.cue = cues[a.cue].span;
    q.agentless = a.agentless;
    q.confidence = std::clamp(a.confidence, 0.0, 1.0);
    q.rule = a.rule;
    if (a.cue >= 0 && cues[a.cue].learned_by != nullptr) {
      // The cue came from the cue model: name it and its score ("indirect-that + cue
      // cue-logreg:v1 0.83").
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", cues[a.cue].model_score);
      q.rule += std::string(" + cue ") + cues[a.cue].learned_by + " " + score;
    }
    q.fragments = a.fragments;
    out->quotes.push_back(std::move(q));
  }
  if (reorder) {
    std::stable_sort(out->quotes.begin(), out->quotes.end(), [](const Quote& a, const Quote& b) {
      return a.content.begin < b.content.begin;
    });
    for (size_t i = 0; i < out->quotes.size(); ++i) out->quotes[i].id = static_cast<int>(i);
  }
  // Stage 5: claims, scored on the same tokens (English only; see claims.h).
  if (options.find_claims) {
    Options analysed = options;
    analysed.language = language;  // the claim model knows English only
    out->claims =
        FindClaims(doc, tokens, SentenceRanges(text, tokens), out->quotes, out->speakers, analysed);
  }
  return Status();
}

}  // namespace attrib
