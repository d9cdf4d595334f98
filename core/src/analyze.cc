#include <algorithm>

#include "attrib/attrib.h"
#include "attrib/sieves.h"
#include "attribution.h"
#include "claims.h"
#include "cues.h"
#include "entities.h"
#include "language_detect.h"
#include "lexicon.h"
#include "quote_marks.h"
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

Status Analyze(const Document& doc, const Options& options, Analysis* out) {
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

  // Stage 0: tokens (language independent), then the language when not given.
  Tokens tokens = Tokenize(text);
  std::string language = options.language;
  if (language.empty()) language = DetectLanguage(tokens);
  if (language.empty()) language = "en";  // undecided: too few function words
  const LanguageData* lang = GetLanguageData(language);
  out->language = language;

  // Stage 1: quotation marks (language independent).
  std::vector<QuotationSpan> quotations = FindQuotations(text);
  // Stage 2: sentences, cues.
  std::vector<Span> no_break;
  for (const auto& q : quotations)
    if (q.depth == 0) no_break.push_back(q.content);
  SplitTokenSentences(text, no_break, &tokens);
  std::vector<WordInfo> info = LookupWords(tokens, *lang);
  std::vector<Cue> cues = FindCues(tokens, *lang, &info);
  // Stage 3: attributions; stage 4: entities.
  AttributionInput in{text, &tokens, &quotations, &cues, lang, {}, std::move(info)};
  IndexCues(&in);
  std::vector<Attribution> attributions = Attribute(in, sieves, options);
  EntityResult entities = ResolveSpeakers(in, attributions);
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
    q.fragments = a.fragments;
    out->quotes.push_back(std::move(q));
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
