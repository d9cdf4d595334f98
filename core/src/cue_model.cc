#include "cue_model.h"

#include <algorithm>
#include <cmath>

#include "hashed_features.h"

namespace attrib {
namespace {

#include "cue_model_en.inc"
static_assert(sizeof(kWeights) / sizeof(kWeights[0]) == (size_t{1} << kHashBits),
              "cue_model_en.inc does not match its hash bits; retrain (tools/README.md)");

// Feature templates; the numbers are part of the model file's layout.
enum Template : uint64_t {
  kWord = 1,          // the token
  kPrev,              // the token before it
  kNext,              // the token after it
  kPrev2,             // two before
  kNext2,             // two after
  kPrevWord,          // (before, token)
  kWordNext,          // (token, after)
  kShapePrevWord,     // (shape of the one before, token)
  kLexClass,          // a cue class of the lexicon cue covering the token
  kLexPosition,       // first / inner token of a lexicon cue, or none
  kInQuote,           // inside a quotation's content
  kInQuoteWord,       // (inside, token)
  kPrevCategory,      // a words.txt category of the token before
  kNextCategory,      // a words.txt category of the token after
  kSuffix3,           // the token's last three characters
  kSentenceFirst,     // first token of its sentence
  kWordNextQuote,     // (token, a quotation mark follows)
  kWordPrevQuote,     // (token, a quotation mark precedes)
  kWordNextComp,      // (token, a complementiser follows)
  kWordPrevCategory,  // (token, a words.txt category of the token before)
  kNextWordLexCue,    // (token, a lexicon cue starts within the next three tokens)
};

constexpr uint64_t kBoundary = 0x5bd1e995u;  // no token there (sentence edge)
constexpr uint64_t kNumber = 0x27d4eb2fu;

uint64_t Shape(const Token& t) {
  if (t.kind == TokenKind::kNumber) return 1;
  if (t.kind == TokenKind::kPunct) return t.Is(kQuoteChar) ? 2 : 3;
  return t.IsCap() ? 4 : 5;
}

}  // namespace

void HashSet64::Build(const uint64_t* keys, int n) {
  size_t size = 16;
  while (size < static_cast<size_t>(n) * 4) size *= 2;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (int k = 0; k < n; ++k) {
    if (keys[k] == 0) continue;
    size_t i = (keys[k] ^ (keys[k] >> 29)) & mask_;
    while (slots_[i] != 0 && slots_[i] != keys[k]) i = (i + 1) & mask_;
    slots_[i] = keys[k];
  }
}

std::vector<uint8_t> TokensInQuotes(const AttributionInput& in) {
  const auto& tok = in.tokens->tokens;
  std::vector<uint8_t> out(tok.size(), 0);
  for (const QuotationSpan& q : *in.quotations) {
    if (q.depth != 0) continue;
    for (int32_t k = TokenAt(*in.tokens, q.content.begin);
         k < static_cast<int32_t>(tok.size()) && tok[k].begin < q.content.end; ++k)
      out[k] = 1;
  }
  return out;
}

void CueTokenFeatures(const AttributionInput& in, const std::vector<uint8_t>& in_quote, int32_t i,
                      int hash_bits, std::vector<uint32_t>* out) {
  const auto& tok = in.tokens->tokens;
  const LanguageData& L = *in.lang;
  const int32_t n = static_cast<int32_t>(tok.size());
  const int32_t sentence = tok[i].sentence;
  auto value = [&](int32_t j) -> uint64_t {
    if (j < 0 || j >= n || tok[j].sentence != sentence) return kBoundary;
    return tok[j].kind == TokenKind::kNumber ? kNumber : tok[j].hash;
  };
  auto add = [&](uint64_t tmpl, uint64_t v) {
    out->push_back(Bucket(Feature(tmpl, v), hash_bits));
  };
  const uint64_t w = value(i), prev = value(i - 1), next = value(i + 1);
  add(kWord, w);
  add(kPrev, prev);
  add(kNext, next);
  add(kPrev2, value(i - 2));
  add(kNext2, value(i + 2));
  add(kPrevWord, HashCombine(prev, w));
  add(kWordNext, HashCombine(w, next));
  add(kShapePrevWord, HashCombine(i > 0 && prev != kBoundary ? Shape(tok[i - 1]) : 0, w));
  const int cue = in.cue_at[i];
  if (cue >= 0) {
    const Cue& c = (*in.cues)[cue];
    for (uint32_t b = 0; b < 32; ++b)
      if (c.classes >> b & 1) add(kLexClass, b);
    add(kLexPosition, c.first == i ? 1 : 2);
  } else {
    add(kLexPosition, 0);
  }
  add(kInQuote, in_quote[i]);
  add(kInQuoteWord, HashCombine(in_quote[i], w));
  const uint32_t prev_words = prev != kBoundary ? in.info[i - 1].words : 0;
  const uint32_t next_words = next != kBoundary ? in.info[i + 1].words : 0;
  const uint32_t categories[] = {L.pronouns(), L.aux, L.det, L.prep, L.comp, L.addressee, L.wh};
  for (uint32_t k = 0; k < sizeof(categories) / sizeof(categories[0]); ++k) {
    if (prev_words & categories[k]) {
      add(kPrevCategory, k);
      add(kWordPrevCategory, HashCombine(w, k));
    }
    if (next_words & categories[k]) add(kNextCategory, k);
  }
  if (tok[i].kind == TokenKind::kWord && tok[i].end - tok[i].begin > 4) {
    uint64_t h = 0;
    for (int32_t k = tok[i].end - 3; k < tok[i].end; ++k) h = HashCombine(h, in.text[k] | 0x20);
    add(kSuffix3, h);
  }
  if (i == 0 || tok[i - 1].sentence != sentence) add(kSentenceFirst, 1);
  if (i + 1 < n && tok[i + 1].Is(kQuoteChar)) add(kWordNextQuote, w);
  if (i > 0 && tok[i - 1].Is(kQuoteChar)) add(kWordPrevQuote, w);
  if (next_words & L.comp) add(kWordNextComp, w);
  for (int32_t k = i + 1; k < n && k <= i + 3; ++k) {
    if (in.cue_at[k] >= 0 && in.cue_at[k] != cue) {
      add(kNextWordLexCue, w);
      break;
    }
  }
}

double CueModel::Score(const AttributionInput& in, const std::vector<uint8_t>& in_quote,
                       int32_t i) const {
  thread_local std::vector<uint32_t> features;
  features.clear();
  features.reserve(64);
  CueTokenFeatures(in, in_quote, i, hash_bits, &features);
  int64_t sum = 0;
  for (uint32_t f : features) sum += weights[f];
  const double z = bias + scale * static_cast<double>(sum);
  return 1.0 / (1.0 + std::exp(-z));
}

std::vector<Cue> RefineCues(const CueModel& model, const AttributionInput& in,
                            std::vector<double>* token_scores) {
  const auto& tok = in.tokens->tokens;
  const int32_t n = static_cast<int32_t>(tok.size());
  const std::vector<uint8_t> in_quote = TokensInQuotes(in);
  std::vector<double> score(tok.size(), -1.0);
  for (int32_t i = 0; i < n; ++i)
    if (in.cue_at[i] >= 0 || model.InVocabulary(tok[i].hash))
      score[i] = model.Score(in, in_quote, i);
  // Tokens a lexicon cue's span covers with its auxiliaries and tail ("has also said in a
  // statement"): the lexicon already decided them, so no learned cue is made there.
  std::vector<uint8_t> lexicon_span(tok.size(), 0);
  for (const Cue& c : *in.cues) {
    for (int32_t k = TokenAt(*in.tokens, c.span.begin); k < n && tok[k].begin < c.span.end; ++k)
      lexicon_span[k] = 1;
  }
  const uint32_t added_classes = in.lang->cues.Category(model.added_class);
  std::vector<Cue> out;
  const std::vector<Cue>& cues = *in.cues;
  for (int32_t i = 0; i < n;) {
    if (in.cue_at[i] >= 0) {
      const Cue& c = cues[in.cue_at[i]];
      double best = -1;
      for (int32_t k = c.first; k < c.last; ++k) best = std::max(best, score[k]);
      if (best >= model.keep_cut) {
        out.push_back(c);
        out.back().model_score = static_cast<float>(best);
      }
      i = std::max(c.last, i + 1);
      continue;
    }
    // Only words become learned cues: a learned ":" made "Photo: Peter Klaunzer" a quote.
    if (score[i] < model.add_cut || tok[i].kind != TokenKind::kWord) {
      ++i;
      continue;
    }
    // A run of accepted tokens outside lexicon cues, within one sentence.
    Cue c;
    c.first = i;
    double best = score[i];
    int32_t k = i + 1;
    while (k < n && in.cue_at[k] < 0 && score[k] >= model.add_cut &&
           tok[k].kind == TokenKind::kWord && tok[k].sentence == tok[i].sentence)
      best = std::max(best, score[k++]);
    c.last = k;
    i = k;
    // Next to a lexicon cue ("hasn't" before "said") the run belongs to that cue.
    bool next_to_lexicon =
        (c.first > 0 && in.cue_at[c.first - 1] >= 0) || (c.last < n && in.cue_at[c.last] >= 0);
    for (int32_t m = c.first; m < c.last && !next_to_lexicon; ++m)
      next_to_lexicon = lexicon_span[m] != 0;
    if (next_to_lexicon) continue;
    c.span = Span{tok[c.first].begin, tok[c.last - 1].end};
    c.classes = added_classes;
    c.model_score = static_cast<float>(best);
    c.learned_by = model.name;
    out.push_back(c);
  }
  if (token_scores) *token_scores = std::move(score);
  return out;
}

const CueModel* CueModelFor(std::string_view language) {
  if (language.substr(0, 2) != "en") return nullptr;
  static const CueModel model = [] {
    CueModel m;
    m.name = kModelName;
    m.hash_bits = kHashBits;
    m.bias = kBias;
    m.scale = kScale;
    m.weights = kWeights;
    m.keep_cut = kKeepCut;
    m.add_cut = kAddCut;
    m.added_class = kAddedClass;
    m.SetVocabulary(kVocabulary, static_cast<int>(sizeof(kVocabulary) / sizeof(kVocabulary[0])));
    return m;
  }();
  return &model;
}

}  // namespace attrib
