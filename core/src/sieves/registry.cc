// The registry of sieves: every sieve by name, in the default order. A sieve's name is the
// `rule` its attributions carry.
#include "attrib/sieves.h"
#include "sieve.h"

namespace attrib {

const std::vector<SieveInfo>& AllSieves() {
  static const std::vector<SieveInfo> kSieves = {
      // Stage 1: direct quotations.
      {"cue-after-quote", CueAfterQuote, nullptr, nullptr},
      {"cue-before-quote", CueBeforeQuote, nullptr, nullptr},
      {"cue-in-sentence", CueInSentence, nullptr, nullptr},
      {"turn-continuation", TurnContinuation, nullptr, nullptr},
      {"subject-after-quote", SubjectAfterQuote, nullptr, nullptr},
      {"paragraph-lead", ParagraphLead, nullptr, nullptr},
      // Stage 2: reported speech. indirect-trailing before indirect-that: "..., said John
      // Smith." is a trailing speaker, not a clause "John Smith".
      {"according-to", nullptr, AccordingTo, nullptr},
      {"indirect-trailing", nullptr, IndirectTrailing, nullptr},
      {"indirect-that", nullptr, IndirectThat, nullptr},
      {"agentless", nullptr, Agentless, nullptr},
      // Stage 3: quoted fragments.
      {"mixed-fragment", nullptr, nullptr, MixedFragment},
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
