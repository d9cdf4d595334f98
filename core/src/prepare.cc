#include "prepare.h"

#include <algorithm>

#include "cue_model.h"
#include "dialogue_dashes.h"
#include "language_detect.h"

namespace attrib {

void Prepare(std::u16string_view text, const std::string& language, CueRefinement refinement,
             Prepared* p) {
  // Stage 0: tokens (language independent), then the language when not given.
  p->tokens = Tokenize(text);
  p->language = language;
  if (p->language.empty()) p->language = DetectLanguage(p->tokens);
  if (p->language.empty()) p->language = "en";  // undecided: too few function words
  const LanguageData* lang = GetLanguageData(p->language);

  // Stage 1: quotation marks (language independent).
  p->quotations = FindQuotations(text);
  // Stage 2: sentences (never broken inside a quotation), cues.
  std::vector<Span> no_break;
  for (const auto& q : p->quotations)
    if (q.depth == 0) no_break.push_back(q.content);
  SplitTokenSentences(text, no_break, &p->tokens);
  std::vector<WordInfo> info = LookupWords(p->tokens, *lang);
  p->cues = FindCues(p->tokens, *lang, &info);
  if (lang->dialogue_dash) {
    // Dialogue turns after a dash need the cues to end; sentences and cues are redone around
    // them only when the text has some.
    std::vector<QuotationSpan> turns =
        FindDashTurns(text, p->tokens, p->cues, *lang, p->quotations);
    if (!turns.empty()) {
      p->quotations.insert(p->quotations.end(), turns.begin(), turns.end());
      std::stable_sort(p->quotations.begin(), p->quotations.end(),
                       [](const QuotationSpan& a, const QuotationSpan& b) {
                         return a.marked.begin < b.marked.begin;
                       });
      no_break.clear();
      for (const auto& q : p->quotations)
        if (q.depth == 0) no_break.push_back(q.content);
      SplitTokenSentences(text, no_break, &p->tokens);
      info = LookupWords(p->tokens, *lang);
      p->cues = FindCues(p->tokens, *lang, &info);
    }
  }
  p->in = AttributionInput{text, &p->tokens, &p->quotations, &p->cues, lang, {}, std::move(info)};
  IndexCues(&p->in);
  if (!refinement.enabled) return;
  const CueModel* model = refinement.model ? refinement.model : CueModelFor(p->language);
  if (model == nullptr) return;
  p->cues = RefineCues(*model, p->in);
  IndexCues(&p->in);
}

}  // namespace attrib
