// Stages 0–2 of Analyze() — tokens, language, quotation marks, sentences, cues — in one place,
// so that the trainers in tools/ see exactly the input the attribution stage sees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attrib/attrib.h"
#include "cues.h"
#include "lexicon.h"
#include "quote_marks.h"
#include "token_context.h"
#include "tokens.h"

namespace attrib {

struct CueModel;
struct SpanModel;

// Owns the stages' results; `in` points into the other members, so a Prepared never moves.
struct Prepared {
  Prepared() = default;
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  std::string language;  // analysed ("en" when detection was undecided)
  Tokens tokens;
  std::vector<QuotationSpan> quotations;
  std::vector<Cue> cues;
  AttributionInput in;  // text, tokens, quotations, cues, language data, cue_at, info
};

// Which model refines the lexicon's cues (cue_model.h: each kept, dropped, or a cue added).
struct CueRefinement {
  bool enabled = true;              // false: the lexicon's cues alone
  const CueModel* model = nullptr;  // nullptr: the analysed language's own (CueModelFor)
};

// Which model moves the content boundaries of reported speech (span_model.h).
struct SpanRefinement {
  bool enabled = true;               // false: the sieves' boundaries alone
  const SpanModel* model = nullptr;  // nullptr: the analysed language's own (SpanModelFor)
};

// Runs stages 0–2 on `text`. `language` "" = detect; otherwise it must have data
// (GetLanguageData), as Analyze() checks first.
void Prepare(std::u16string_view text, const std::string& language, CueRefinement refinement,
             Prepared* p);

// Analyze() (attrib.h) with the given refinements instead of Options::cue_model and
// Options::span_model: what the trainers' cross-validation runs.
Status AnalyzeWith(const Document& doc, const Options& options, CueRefinement refinement,
                   SpanRefinement spans, Analysis* out);

}  // namespace attrib
