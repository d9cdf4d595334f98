// The registry of sieves: every sieve by name, in the default order. A sieve's name is the
// `rule` its attributions carry.
#include "attrib/sieves.h"
#include "sieve.h"

namespace attrib {

const std::vector<SieveInfo>& AllSieves() {
  static const std::vector<SieveInfo> kSieves = {
      // Stage 1: direct quotations.
      {"cue-after-quote", CueAfterQuote},
      {"cue-before-quote", CueBeforeQuote},
      {"cue-in-sentence", CueInSentence},
      {"colon-frame", ColonFrame},
      {"turn-continuation", TurnContinuation},
      {"subject-after-quote", SubjectAfterQuote},
      {"paragraph-lead", ParagraphLead},
      // Stage 2: reported speech. indirect-trailing before indirect-that: "..., said John
      // Smith." is a trailing speaker, not a clause "John Smith".
      {"according-to", nullptr, AccordingTo},
      {"indirect-trailing", nullptr, IndirectTrailing},
      {"indirect-that", nullptr, IndirectThat},
      {"agentless", nullptr, Agentless},
      {"verb-object", nullptr, VerbObject},
      // Stage 3: sentences without a cue.
      {"reported-continuation", nullptr, nullptr, ReportedContinuation},
      // Stage 4: quoted fragments.
      {"mixed-fragment", nullptr, nullptr, nullptr, MixedFragment},
  };
  return kSieves;
}

const SieveInfo* FindSieve(std::string_view name) {
  for (const SieveInfo& s : AllSieves())
    if (s.name == name) return &s;
  return nullptr;
}

const std::vector<std::string>& DefaultSieves() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const SieveInfo& s : AllSieves()) names.emplace_back(s.name);
    return names;
  }();
  return kNames;
}

bool IsKnownSieve(std::string_view name) {
  return FindSieve(name) != nullptr;
}

}  // namespace attrib
