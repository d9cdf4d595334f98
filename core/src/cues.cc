#include "cues.h"

namespace attrib {

std::vector<Cue> FindCues(const Tokens& t, const LanguageData& lang) {
  std::vector<Cue> out;
  const auto& tok = t.tokens;
  const uint32_t all = ~0u;
  for (size_t i = 0; i < tok.size(); ++i) {
    if (tok[i].kind != TokenKind::kWord) continue;
    uint32_t classes = 0;
    int len = lang.cues.MatchAt(tok, i, all, &classes);
    if (len == 0) continue;
    const bool sentence_start = i == 0 || tok[i - 1].sentence != tok[i].sentence;
    // "The Post", "State Department": a capitalised cue word mid-sentence is a name.
    if (tok[i].IsCap() && !sentence_start && !(classes & lang.source)) continue;
    if (i > 0 && tok[i - 1].sentence == tok[i].sentence && !(classes & lang.source)) {
      const uint32_t prev = lang.words.WordCategories(tok[i - 1].hash);
      // "the report", "a statement", "of the state": determiners make it a noun.
      if ((prev & lang.det) && !(prev & (lang.pronouns() | lang.comp))) {
        continue;
      }
    }
    Cue c;
    c.first = static_cast<int32_t>(i);
    c.last = static_cast<int32_t>(i + len);
    c.span = Span{tok[i].begin, tok[i + len - 1].end};
    c.classes = classes;
    out.push_back(c);
    i += len - 1;
  }
  return out;
}

}  // namespace attrib
