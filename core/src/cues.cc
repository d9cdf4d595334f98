#include "cues.h"

namespace attrib {
namespace {

// "Lindsey Graham Says Trump Could Address Clean Energy": a headline in title case, where a
// capital says nothing about names. Every word of four letters or more is capitalised, and
// there are at least three of them.
bool IsTitleCase(const Tokens& t, int32_t sentence) {
  const auto& s = t.sentences[sentence];
  int long_words = 0;
  for (int32_t k = s.first; k < s.last; ++k) {
    const Token& w = t.tokens[k];
    if (w.kind != TokenKind::kWord || w.end - w.begin < 4) continue;
    if (!w.IsCap()) return false;
    ++long_words;
  }
  return long_words >= 3;
}

// "Die Polizei teilte am Abend mit": the particle of a separable verb stem at token i, later in
// its clause (before any punctuation, at most 12 words on); -1 when there is none.
int32_t SeparatedParticle(const Tokens& t, const LanguageData& lang, size_t i) {
  const auto& tok = t.tokens;
  for (size_t j = i + 1; j < tok.size() && j <= i + 12; ++j) {
    if (tok[j].kind == TokenKind::kPunct || tok[j].sentence != tok[i].sentence) break;
    // The particle ends the clause: "teilte er mit.", not "teilte das Brot mit dem Hund".
    const bool clause_end = j + 1 >= tok.size() || tok[j + 1].kind == TokenKind::kPunct ||
                            tok[j + 1].sentence != tok[j].sentence;
    if (clause_end && lang.cues.PairCategories(tok[i].hash, tok[j].hash) != 0)
      return static_cast<int32_t>(j);
  }
  return -1;
}

}  // namespace

std::vector<Cue> FindCues(const Tokens& t, const LanguageData& lang,
                          const std::vector<WordInfo>* info) {
  std::vector<Cue> out;
  const auto& tok = t.tokens;
  std::vector<WordInfo> own;
  if (info == nullptr || info->size() != tok.size()) {
    own = LookupWords(t, lang);
    info = &own;
  }
  const std::vector<WordInfo>& w = *info;
  const uint32_t all = ~0u;
  int32_t title_sentence = -1;  // the last sentence tested by IsTitleCase, and its answer
  bool title_case = false;
  for (size_t i = 0; i < tok.size(); ++i) {
    if (!w[i].cue_first) continue;
    uint32_t classes = 0;
    int len = lang.cues.MatchAt(tok, i, all, &classes);
    const int32_t particle = len == 0 && lang.separable_verbs ? SeparatedParticle(t, lang, i) : -1;
    if (particle >= 0) {
      len = 1;
      classes = lang.cues.PairCategories(tok[i].hash, tok[particle].hash);
    }
    if (len == 0) continue;
    const bool sentence_start = i == 0 || tok[i - 1].sentence != tok[i].sentence;
    // "The Post", "State Department": a capitalised cue word mid-sentence is a name.
    if (tok[i].IsCap() && !sentence_start && !(classes & lang.source)) {
      if (tok[i].sentence != title_sentence && !t.sentences.empty()) {
        title_sentence = tok[i].sentence;
        title_case = IsTitleCase(t, title_sentence);
      }
      if (!title_case) continue;
    }
    if (i > 0 && tok[i - 1].sentence == tok[i].sentence && !(classes & lang.source)) {
      const uint32_t prev = w[i - 1].words;
      // "the report", "a statement", "of the state": determiners make it a noun.
      if ((prev & lang.det) && !(prev & (lang.pronouns() | lang.comp))) {
        continue;
      }
    }
    if ((classes & lang.that_only) && !(i + len < tok.size() && (w[i + len].words & lang.comp)))
      continue;
    if ((classes & lang.after_comma) &&
        !(i > 0 && tok[i - 1].kind == TokenKind::kPunct && tok[i - 1].hash == HashAscii(",") &&
          i + len < tok.size() && tok[i + len].kind == TokenKind::kWord))
      continue;
    if (classes & lang.needs_source_noun) {
      // "nach Angaben der Polizei" (a source noun within the next three words) or "seiner
      // Meinung nach" (right before).
      bool noun = i > 0 && (w[i - 1].words & lang.source_noun);
      for (size_t j = i + len; j < tok.size() && j < i + len + 3 && !noun; ++j)
        noun = (w[j].words & lang.source_noun) != 0;
      if (!noun) continue;
    }
    Cue c;
    c.first = static_cast<int32_t>(i);
    c.last = static_cast<int32_t>(i + len);
    c.span = Span{tok[i].begin, tok[particle >= 0 ? particle : i + len - 1].end};
    // The reported span takes in auxiliaries and adverbs before the verb ("has also said", "is
    // expected") and a fixed tail after it ("said in a statement"), as news annotation does.
    for (size_t j = i, steps = 0; j > 0 && steps < 4; --j, ++steps) {
      const Token& p = tok[j - 1];
      if (p.kind != TokenKind::kWord || p.sentence != tok[i].sentence) break;
      if (!(w[j - 1].words & lang.aux)) break;
      // An auxiliary that carries its subject ("a-t-il déclaré") is the cue's last one; any
      // other pronoun is the speaker, not the cue.
      const bool carrier = (w[j - 1].words & lang.pronouns()) != 0;
      if (carrier && j != i) break;
      if (!out.empty() && out.back().last > static_cast<int32_t>(j - 1)) break;
      c.span.begin = p.begin;
      if (carrier) break;
    }
    uint32_t tail_classes = 0;
    // ("hieß es in einer Erklärung": after an impersonal cue the tail is the source.)
    if (int tail = lang.words.MatchAt(tok, i + len, lang.cue_tail, &tail_classes);
        tail > 0 && !(classes & lang.impersonal))
      c.span.end = tok[i + len + tail - 1].end;
    c.classes = classes;
    out.push_back(c);
    i += len - 1;
  }
  return out;
}

}  // namespace attrib
