// Dialogue turns marked by a dash instead of quotation marks, in languages whose grammar.txt
// says dialogue-dash (Spanish and French interviews and hearings):
//   — No pensamos dimitir, respondió el portavoz.        (the turn ends before ", <cue>")
//   — ¿Habrá acuerdo? —preguntó un periodista.            (the turn ends at the next dash)
//   — Vous avez menti ! s'est exclamé un député.          (or after "!" / "?" before a cue)
//   — Son solo rumores.                                    (no cue: the whole paragraph)
// Each turn becomes a top-level QuotationSpan: `open` is the dash, `close` the closing dash or
// empty at the content's end.
#pragma once

#include <string_view>
#include <vector>

#include "cues.h"
#include "lexicon.h"
#include "quote_marks.h"
#include "tokens.h"

namespace attrib {

// The dash turns of `text`, ordered; paragraphs whose dash is followed by a quotation mark,
// or that hold a top-level quotation, are left alone.
std::vector<QuotationSpan> FindDashTurns(std::u16string_view text, const Tokens& tokens,
                                         const std::vector<Cue>& cues, const LanguageData& lang,
                                         const std::vector<QuotationSpan>& quotations);

}  // namespace attrib
