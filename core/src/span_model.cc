#include "span_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "cue_model.h"
#include "hashed_features.h"

namespace attrib {
namespace {

#include "span_model_en.inc"
static_assert(sizeof(kWeights) / sizeof(kWeights[0]) == (size_t{1} << kHashBits),
              "span_model_en.inc does not match its hash bits; retrain (tools/README.md)");

// Feature templates; the numbers are part of the model file's layout. "Out" tokens lie outside
// the candidate content (after its end, before its start), "in" tokens inside it.
enum Template : uint64_t {
  kSide = 1,      // always on: the side's prior
  kIsCurrent,     // the rule's own choice
  kOffset,        // distance in tokens from the rule's choice, bucketed, signed
  kLength,        // the content's length in tokens, bucketed
  kRuleCurrent,   // (the sieve, is the rule's choice)
  kOut1,          // the token just outside
  kOut2,          // the one after it
  kOut12,         // (out1, out2)
  kIn1,           // the content's boundary token
  kIn2,           // the one next to it inside
  kInOut,         // (in1, out1)
  kOut1Shape2,    // (out1, shape of out2)
  kOutCategory,   // a words.txt category of out1
  kOut2Category,  // a words.txt category of out2
  kInCategory,    // a words.txt category of in1
  kOutCue,        // a cue within three tokens outside
  kInsideQuote,   // the boundary splits a quotation
  kCommas,        // commas inside the content, bucketed
  kCueSide,       // the cue lies before / after the content
  kCueDistance,   // tokens between the boundary and the cue, bucketed (start side)
  kOut1Offset,    // (out1, offset bucket)
  kSentenceEdge,  // the boundary is the sentence's edge
  kCueOut1,       // (the cue's first word, out1)
  kRuleOut1,      // (the sieve, out1)
  kIn1ShapeOut1,  // (shape of in1, out1)
  kTemplates
};

constexpr int32_t kMaxShift = 8;
constexpr uint64_t kNone = 0x5bd1e995u;  // no token there (sentence edge)
constexpr uint64_t kNumber = 0x27d4eb2fu;

int SignedBucket(int32_t d) {
  const int32_t a = d < 0 ? -d : d;
  const int b = a == 0 ? 0 : a == 1 ? 1 : a == 2 ? 2 : a <= 4 ? 3 : a <= 8 ? 4 : a <= 16 ? 5 : 6;
  return d < 0 ? -b : b;
}

int LengthBucket(int32_t n) {
  static const int32_t kEdges[] = {1, 2, 3, 5, 8, 12, 20, 35};
  int b = 0;
  while (b < 8 && n > kEdges[b]) ++b;
  return b;
}

uint64_t Shape(const AttributionInput& in, int32_t j) {
  const Token& t = in.tokens->tokens[j];
  if (t.kind == TokenKind::kNumber) return 1;
  if (t.kind == TokenKind::kPunct) return t.Is(kQuoteChar) ? 2 : 3;
  // A participle or a past form (suffixes.txt): ", throwing ...", "... endorsed".
  const TokenContext c(in);
  if (c.EndsWith(j, in.lang->participle_suffixes, 3)) return 6;
  if (c.EndsWith(j, in.lang->past_suffixes, 3)) return 7;
  return t.IsCap() ? 4 : 5;
}

uint64_t RuleHash(const std::string& rule) {
  uint64_t h = 0;
  for (char ch : rule) {
    if (ch == ' ') break;  // the sieve's name, not what was appended to it
    h = HashCombine(h, static_cast<unsigned char>(ch));
  }
  return h;
}

// The token range of the attribution's content: first and last word or number token.
bool ContentTokens(const AttributionInput& in, const Attribution& a, int32_t* first,
                   int32_t* last) {
  const auto& tok = in.tokens->tokens;
  const int32_t n = static_cast<int32_t>(tok.size());
  int32_t f = TokenAt(*in.tokens, a.content.begin), l = -1;
  while (f < n && tok[f].begin < a.content.end && tok[f].kind == TokenKind::kPunct) ++f;
  for (int32_t k = f; k < n && tok[k].begin < a.content.end; ++k)
    if (tok[k].kind != TokenKind::kPunct) l = k;
  if (l < 0 || f >= n) return false;
  *first = f;
  *last = l;
  return true;
}

// What the features of every candidate of one attribution share.
struct Fixed {
  int32_t first = 0, last = 0;  // the content's first and last word tokens
  uint64_t rule = 0;            // RuleHash of the sieve
  // Commas among tokens [0, k) for every k, or nullptr (then they are counted).
  const std::vector<int32_t>* commas_before = nullptr;
};

Fixed FixedOf(const AttributionInput& in, const Attribution& a,
              const std::vector<int32_t>* commas_before) {
  Fixed f;
  ContentTokens(in, a, &f.first, &f.last);
  f.rule = RuleHash(a.rule);
  f.commas_before = commas_before;
  return f;
}

bool IsComma(const AttributionInput& in, int32_t k) {
  const Token& t = in.tokens->tokens[k];
  return t.kind == TokenKind::kPunct && in.text[t.begin] == u',';
}

// The hash of (template, side) that every feature of the template starts from.
const uint64_t* Bases(Boundary side) {
  static const auto kBases = [] {
    std::array<std::array<uint64_t, kTemplates>, 2> b{};
    for (uint64_t s = 0; s < 2; ++s)
      for (uint64_t t = 0; t < kTemplates; ++t) b[s][t] = Feature(t, s + 1);
    return b;
  }();
  return kBases[static_cast<int>(side)].data();
}

// Calls sink(index) for every hashed feature of candidate c (see BoundaryFeatures).
template <typename Sink>
void Features(const AttributionInput& in, const std::vector<uint8_t>& in_quote,
              const Attribution& a, const Fixed& fixed, Boundary side, int32_t c, int32_t current,
              int hash_bits, Sink&& sink) {
  const auto& tok = in.tokens->tokens;
  const LanguageData& L = *in.lang;
  const int32_t n = static_cast<int32_t>(tok.size());
  const int32_t sentence = tok[c].sentence;
  const uint64_t* base = Bases(side);
  auto value = [&](int32_t j) -> uint64_t {
    if (j < 0 || j >= n || tok[j].sentence != sentence) return kNone;
    return tok[j].kind == TokenKind::kNumber ? kNumber : tok[j].hash;
  };
  auto add = [&](uint64_t tmpl, uint64_t v) {
    sink(Bucket(HashCombine(base[tmpl], v), hash_bits));
  };
  // Outside is after the end, before the start.
  const int32_t step = side == Boundary::kEnd ? 1 : -1;
  const int32_t o1 = c + step, o2 = c + 2 * step, i2 = c - step;
  const uint64_t out1 = value(o1), out2 = value(o2), in1 = value(c);
  const int32_t offset = (c - current) * step;  // > 0: the content grows
  const bool is_current = c == current;
  add(kSide, 0);
  add(kIsCurrent, is_current);
  add(kOffset, static_cast<uint64_t>(SignedBucket(offset) + 8));
  const int32_t first = fixed.first, last = fixed.last;
  const int32_t length = side == Boundary::kEnd ? c - first + 1 : last - c + 1;
  add(kLength, static_cast<uint64_t>(LengthBucket(length)));
  add(kRuleCurrent, HashCombine(fixed.rule, is_current));
  add(kOut1, out1);
  add(kOut2, out2);
  add(kOut12, HashCombine(out1, out2));
  add(kIn1, in1);
  add(kIn2, value(i2));
  add(kInOut, HashCombine(in1, out1));
  add(kOut1Shape2, HashCombine(out1, out2 == kNone ? 0 : Shape(in, o2)));
  add(kRuleOut1, HashCombine(fixed.rule, out1));
  add(kIn1ShapeOut1, HashCombine(Shape(in, c), out1));
  add(kOut1Offset, HashCombine(out1, static_cast<uint64_t>(SignedBucket(offset) + 8)));
  const uint32_t categories[] = {L.pronouns(), L.aux,    L.det,          L.prep,    L.comp,
                                 L.wh,         L.clause, L.clause_break, L.relative};
  const uint32_t w_out1 = out1 != kNone ? in.info[o1].words : 0;
  const uint32_t w_out2 = out2 != kNone ? in.info[o2].words : 0;
  const uint32_t w_in1 = in.info[c].words;
  for (uint32_t k = 0; k < sizeof(categories) / sizeof(categories[0]); ++k) {
    if (w_out1 & categories[k]) add(kOutCategory, k);
    if (w_out2 & categories[k]) add(kOut2Category, k);
    if (w_in1 & categories[k]) add(kInCategory, k);
  }
  for (int32_t k = 1; k <= 3; ++k) {
    const int32_t j = c + k * step;
    if (j < 0 || j >= n || tok[j].sentence != sentence) break;
    if (in.cue_at[j] >= 0) {
      add(kOutCue, static_cast<uint64_t>(k));
      break;
    }
  }
  if (out1 != kNone && in_quote[c] && in_quote[o1]) add(kInsideQuote, 1);
  if (out1 == kNone) add(kSentenceEdge, 1);
  int32_t commas = 0;
  const int32_t from = side == Boundary::kEnd ? first : c, to = side == Boundary::kEnd ? c : last;
  if (fixed.commas_before) {
    commas = (*fixed.commas_before)[to + 1] - (*fixed.commas_before)[from];
  } else {
    for (int32_t k = from; k <= to && commas < 4; ++k) commas += IsComma(in, k);
  }
  add(kCommas, static_cast<uint64_t>(std::min(commas, 4)));
  if (a.cue >= 0) {
    const Cue& cue = (*in.cues)[a.cue];
    const bool cue_before = cue.last <= first;
    add(kCueSide, cue_before);
    add(kCueOut1, HashCombine(tok[cue.first].hash, out1));
    if (side == Boundary::kStart && cue_before)
      add(kCueDistance, static_cast<uint64_t>(LengthBucket(c - cue.last + 1)));
  }
}

}  // namespace

double SpanModel::Z(const std::vector<uint32_t>& features) const {
  int64_t sum = 0;
  for (uint32_t f : features) sum += weights[f];
  return scale * static_cast<double>(sum);
}

AttributionSpans IndexSpans(const AttributionInput& in,
                            const std::vector<Attribution>& attributions) {
  const auto& tok = in.tokens->tokens;
  const int32_t n = static_cast<int32_t>(tok.size());
  AttributionSpans out;
  out.by_sentence.resize(in.tokens->sentences.size());
  auto add = [&](Span s, int j) {
    if (s.end <= s.begin || n == 0) return;
    const int32_t tok_begin = TokenAt(*in.tokens, s.begin), tok_end = TokenAt(*in.tokens, s.end);
    const int32_t first = std::min(tok_begin, n - 1);
    const int32_t last = std::clamp(tok_end - 1, first, n - 1);
    for (int32_t k = tok[first].sentence; k <= tok[last].sentence; ++k)
      out.by_sentence[k].push_back({s, tok_begin, tok_end, j});
  };
  for (size_t j = 0; j < attributions.size(); ++j) {
    const Attribution& b = attributions[j];
    const int id = static_cast<int>(j);
    if (b.cue >= 0) add((*in.cues)[b.cue].span, -1);  // a cue stays out of every content
    if (!b.speaker.empty()) add(b.speaker.span, -1);
    add(b.marked, id);
  }
  return out;
}

bool BoundaryCandidates(const AttributionInput& in, const std::vector<Attribution>& attributions,
                        const AttributionSpans& spans, size_t i, Boundary side,
                        std::vector<int32_t>* candidates, int32_t* current) {
  candidates->clear();
  const Attribution& a = attributions[i];
  if (a.quotation >= 0 || !a.fragments.empty()) return false;
  if (a.kind != QuoteKind::kIndirect && a.kind != QuoteKind::kMixed) return false;
  int32_t first, last;
  if (!ContentTokens(in, a, &first, &last)) return false;
  const TokenContext c(in);
  if (!c.SameSentence(first, last)) return false;  // content over sentences: left as it is
  const int32_t begin = c.tok[first].begin, end = c.tok[last].end;
  int32_t lo = c.SentenceFirst(first), hi = c.SentenceLast(first) - 1;
  // What must stay outside: spans after the content bound its end, spans before it its start.
  // What lies inside (a nested report's cue and speaker) stays inside: the start moves no later
  // than its first token, the end no earlier than its last.
  int32_t inner_first = last, inner_last = first;
  for (const AttributionSpans::Entry& e : spans.by_sentence[c.tok[first].sentence]) {
    if (e.owner == static_cast<int>(i)) continue;
    const Span s = e.span;
    if (s.begin >= end) hi = std::min(hi, e.tok_begin - 1);
    if (s.end <= begin) lo = std::max(lo, e.tok_end);
    if (s.begin >= begin && s.end <= end) {
      inner_first = std::min(inner_first, e.tok_begin);
      inner_last = std::max(inner_last, e.tok_end - 1);
    }
  }
  if (side == Boundary::kEnd) {
    lo = inner_last;
    *current = last;
  } else {
    hi = inner_first;
    *current = first;
  }
  if (*current < lo || *current > hi) return false;
  // A boundary moves at most kMaxShift tokens (where nearly all gold boundaries lie; cost).
  lo = std::max(lo, *current - kMaxShift);
  hi = std::min(hi, *current + kMaxShift);
  for (int32_t k = lo; k <= hi; ++k)
    if (c.tok[k].kind != TokenKind::kPunct) candidates->push_back(k);
  return candidates->size() > 1;
}

void BoundaryFeatures(const AttributionInput& in, const std::vector<uint8_t>& in_quote,
                      const Attribution& a, Boundary side, int32_t c, int32_t current,
                      int hash_bits, std::vector<uint32_t>* out) {
  Features(in, in_quote, a, FixedOf(in, a, nullptr), side, c, current, hash_bits,
           [out](uint32_t f) { out->push_back(f); });
}

bool RefineSpans(const SpanModel& model, const AttributionInput& in, bool complementiser_out,
                 std::vector<Attribution>* attributions) {
  if (!model.refine_end && !model.refine_start) return false;
  const TokenContext ctx(in);
  const auto& tok = in.tokens->tokens;
  std::vector<uint8_t> in_quote;
  std::vector<int32_t> candidates;
  bool moved_start = false;
  const AttributionSpans spans = IndexSpans(in, *attributions);
  std::vector<int32_t> commas_before(tok.size() + 1, 0);
  for (size_t k = 0; k < tok.size(); ++k)
    commas_before[k + 1] = commas_before[k] + IsComma(in, static_cast<int32_t>(k));
  for (size_t i = 0; i < attributions->size(); ++i) {
    Attribution& a = (*attributions)[i];
    for (const Boundary side : {Boundary::kEnd, Boundary::kStart}) {
      if (!(side == Boundary::kEnd ? model.refine_end : model.refine_start)) continue;
      int32_t current;
      if (!BoundaryCandidates(in, *attributions, spans, i, side, &candidates, &current)) continue;
      if (in_quote.empty()) in_quote = TokensInQuotes(in);
      double best_z = -1e300, current_z = 0;
      int32_t best = current;
      const Fixed fixed = FixedOf(in, a, &commas_before);
      for (int32_t c : candidates) {
        int64_t sum = 0;
        Features(in, in_quote, a, fixed, side, c, current, model.hash_bits,
                 [&](uint32_t f) { sum += model.weights[f]; });
        const double z = model.scale * static_cast<double>(sum);
        if (c == current) current_z = z;
        if (z > best_z) {
          best_z = z;
          best = c;
        }
      }
      // "that" stays outside, where the sieves put it (when a word of the content follows).
      if (side == Boundary::kStart && complementiser_out && ctx.IsComp(best) &&
          best + 1 < ctx.n() && tok[best + 1].end <= a.content.end &&
          tok[best + 1].kind != TokenKind::kPunct)
        ++best;
      if (best == current || best_z - current_z < model.margin) continue;
      // Never an empty or inverted content.
      if (side == Boundary::kEnd ? tok[best].end <= a.content.begin
                                 : tok[best].begin >= a.content.end)
        continue;
      if (side == Boundary::kEnd) {
        a.content.end = tok[best].end;
      } else {
        a.content.begin = tok[best].begin;
        moved_start = true;
      }
      a.marked = a.content;
      char note[64];
      std::snprintf(note, sizeof note, " + %s %s %.2f", side == Boundary::kEnd ? "end" : "start",
                    model.name, 1.0 / (1.0 + std::exp(-(best_z - current_z))));
      a.rule += note;
    }
  }
  return moved_start;
}

const SpanModel* SpanModelFor(std::string_view language) {
  if (language.substr(0, 2) != "en") return nullptr;
  static const SpanModel model = [] {
    SpanModel m;
    m.name = kModelName;
    m.hash_bits = kHashBits;
    m.scale = kScale;
    m.weights = kWeights;
    m.margin = kMargin;
    m.refine_end = kRefineEnd;
    m.refine_start = kRefineStart;
    return m;
  }();
  return &model;
}

}  // namespace attrib
