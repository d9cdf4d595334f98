// One Options struct, passed by value, with documented defaults. The CLI's flags and the
// Writer extension's settings both fill this struct; there is no global state.
#pragma once

#include <string>
#include <vector>

namespace attrib {

struct Options {
  // BCP-47 language of the text ("en", "de", "en-US"); one of SupportedLanguages() (attrib.h),
  // else Analyze() returns an error. "" = detect from the text's frequent function words
  // (core/data/<lang>/detect.txt), per document; "en" when too few decide (a table, a headline).
  // Analysis::language reports the language analysed.
  std::string language;

  // Quotes whose confidence is below this are dropped from the result.
  double min_quote_confidence = 0.0;
  // Report reported speech without quotation marks ("X said that ...").
  bool find_indirect = true;
  // Refine the cue lexicon's cues with the learned cue model where the language has one
  // (English: trained on PolNeAR, tools/README.md): a lexicon cue the model rejects is dropped,
  // a cue the lexicon lacks is added (its quotes' `rule` then names the model and its score).
  // false = the lexicon's cues alone.
  bool cue_model = true;
  // Let the learned content-boundary model (English: trained on PolNeAR, tools/README.md) move
  // where reported speech's content begins and ends; its quotes' `rule` then names the model.
  // false = the sieves' boundaries alone.
  bool span_model = true;
  // Report titles, nicknames and scare quotes (kind kOther, low confidence).
  bool report_non_speech = false;

  // Score check-worthy claims; sentences scoring >= claim_threshold are reported. The score is a
  // calibrated probability of check-worthiness (0.5 = even odds on debate-like text). The
  // editor-facing default is 0.5, fixed in advance: mark a sentence when it is more likely
  // check-worthy than not. It is separate from the model's cross-validated F1-optimal cut
  // (EnglishClaimModel().cut, kCut in claims_model_en.inc, 0.32 today): lower it to that to see
  // more marks.
  bool find_claims = true;
  double claim_threshold = 0.5;

  // How quotations become Quote records.
  //   false (default): one Quote per quotation in marks. “A,” she said. “B.” gives two direct
  //     quotes; a quoted fragment inside reported speech gives a kMixed Quote for the fragment
  //     and a kIndirect Quote for the clause around it.
  //   true: one Quote per attribution relation (PolNeAR's convention): the pieces of a quotation
  //     interrupted by its own attribution become one Quote spanning them (Quote::fragments
  //     lists the pieces), and reported speech holding a quoted fragment is one kMixed Quote
  //     covering the clause. Reported speech keeps its complementiser: "X said [that Y]"
  //     (by default the content is "Y").
  bool attribution_units = false;

  // Attribution sieves to run, by name: exactly these, in this order within each stage (see
  // attrib/sieves.h). Empty = DefaultSieves(). An unknown name makes Analyze() return an error.
  std::vector<std::string> sieves;
};

}  // namespace attrib
