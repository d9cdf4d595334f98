#include "language_detect.h"

#include "lexicon.h"

namespace attrib {

std::string DetectLanguage(const Tokens& tokens) {
  constexpr int kMinHits = 2;  // one function word is chance; two make a sentence
  std::string best;
  int best_hits = 0;
  bool tie = false;
  for (const std::string& code : AvailableLanguages()) {
    const LanguageData* lang = GetLanguageData(code);
    const uint32_t frequent = lang->detect.Category("frequent");
    if (frequent == 0) continue;
    int hits = 0, words = 0;
    for (const Token& t : tokens.tokens) {
      if (t.kind != TokenKind::kWord) continue;
      if (++words > kDetectWords) break;
      hits += lang->detect.Has(t.hash, frequent);
    }
    if (hits > best_hits) {
      best = code;
      best_hits = hits;
      tie = false;
    } else if (hits == best_hits && hits > 0) {
      tie = true;
    }
  }
  return best_hits >= kMinHits && !tie ? best : std::string();
}

}  // namespace attrib
