#include "language_detect.h"

#include <memory>
#include <vector>

#include "lexicon.h"

namespace attrib {
namespace {

// Token hash -> the languages whose detect.txt lists the word (bit i = AvailableLanguages()[i]),
// open addressing: one probe per word, however many languages there are.
class FrequentWords {
 public:
  FrequentWords() : languages_(AvailableLanguages()) {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    for (size_t l = 0; l < languages_.size() && l < 32; ++l) {
      const Lexicon& detect = GetLanguageData(languages_[l])->detect;
      const uint32_t frequent = detect.Category("frequent");
      if (frequent == 0) continue;
      for (uint64_t h : detect.FirstWords())
        if (detect.Has(h, frequent)) entries.push_back({h, 1u << l});
    }
    size_t size = 64;
    while (size < entries.size() * 4) size *= 2;
    keys_.assign(size, 0);
    masks_.assign(size, 0);
    for (const auto& [h, bit] : entries) {
      size_t i = Slot(h);
      while (keys_[i] != 0 && keys_[i] != h) i = (i + 1) & (size - 1);
      keys_[i] = h;
      masks_[i] |= bit;
    }
  }
  uint32_t Languages(uint64_t h) const {
    for (size_t i = Slot(h);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == h) return masks_[i];
      if (keys_[i] == 0) return 0;
    }
  }
  const std::vector<std::string>& languages() const { return languages_; }

 private:
  size_t Slot(uint64_t h) const { return (h ^ (h >> 29)) & (keys_.size() - 1); }
  std::vector<std::string> languages_;
  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<uint32_t> masks_;
};

}  // namespace

std::string DetectLanguage(const Tokens& tokens) {
  constexpr int kMinHits = 2;  // one function word is chance; two make a sentence
  static const FrequentWords* table = new FrequentWords();
  const std::vector<std::string>& languages = table->languages();
  std::vector<int> hits(languages.size(), 0);
  int words = 0;
  for (const Token& t : tokens.tokens) {
    if (t.kind != TokenKind::kWord || t.hash == 0) continue;
    if (++words > kDetectWords) break;
    for (uint32_t m = table->Languages(t.hash); m != 0; m &= m - 1) ++hits[__builtin_ctz(m)];
  }
  int best = -1, best_hits = 0;
  bool tie = false;
  for (size_t l = 0; l < languages.size(); ++l) {
    if (hits[l] > best_hits) {
      best = static_cast<int>(l);
      best_hits = hits[l];
      tie = false;
    } else if (hits[l] == best_hits && hits[l] > 0) {
      tie = true;
    }
  }
  return best >= 0 && best_hits >= kMinHits && !tie ? languages[best] : std::string();
}

}  // namespace attrib
