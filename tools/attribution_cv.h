// What the attribution trainers (train_cues, train_spans) share: PolNeAR-style gold documents
// read from JSONL, score.py's exact-span figures (content, source, cue) computed the same way,
// and quantized weights for a model file. Header-only, like claims_learn.h.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "attrib/attrib.h"
#include "attrib/document.h"
#include "attrib/text.h"
#include "claims_learn.h"

namespace attrib::attribution_cv {

using SpanSet = std::set<std::pair<int32_t, int32_t>>;

// Score.py's trim set.
inline bool Trimmed(char32_t c) {
  static const std::u32string kTrim =
      U" \t\r\n\u00a0\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a"
      U"\u300c\u300d\u300e\u300f\u301d\u301e.,;:!?\u2026";
  return kTrim.find(c) != std::u32string::npos;
}

// Score.py's trim of [s, e) (code points).
inline std::pair<int32_t, int32_t> Trim(const std::u32string& t, int32_t s, int32_t e) {
  while (s < e && Trimmed(t[s])) ++s;
  while (e > s && Trimmed(t[e - 1])) --e;
  return {s, e};
}

// One annotated document: its text in the engine's form and as code points, and the gold
// spans, trimmed, in code points.
struct GoldDoc {
  std::string id;
  Document doc;
  std::u32string cps;
  std::vector<int32_t> cp_of_u16;  // UTF-16 offset -> code point offset
  std::vector<int32_t> u16_of_cp;  // code point offset -> UTF-16 offset
  SpanSet gold_cues, gold_contents, gold_sources;
  std::vector<std::pair<int32_t, int32_t>> cue_spans;  // untrimmed gold cues, code points
  int fold = 0;

  // A UTF-16 span of the text as score.py compares it: trimmed code points.
  std::pair<int32_t, int32_t> Compared(Span s) const {
    return Trim(cps, cp_of_u16[s.begin], cp_of_u16[s.end]);
  }
};

// Fills *d from one JSONL object {"id", "text", "quotes": [...]}; its fold of k by its id.
inline bool ReadGoldDoc(const nlohmann::json& j, size_t index, int k, GoldDoc* d) {
  d->id = j.value("id", std::string());
  if (!Document::FromUtf8(j.value("text", std::string()), &d->doc).ok()) return false;
  const std::u16string& text = d->doc.text();
  d->cp_of_u16 = Utf16ToCodePointOffsets(text);
  d->u16_of_cp.assign(d->cp_of_u16.back() + 1, static_cast<int32_t>(text.size()));
  for (int32_t u = static_cast<int32_t>(text.size()); u >= 0; --u)
    d->u16_of_cp[d->cp_of_u16[u]] = u;
  for (size_t u = 0; u < text.size(); ++u) {
    char32_t c = text[u];
    if (c >= 0xD800 && c < 0xDC00 && u + 1 < text.size()) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[u + 1] - 0xDC00);
      ++u;
    }
    d->cps.push_back(c);
  }
  const int32_t n = static_cast<int32_t>(d->cps.size());
  for (const auto& q : j.value("quotes", nlohmann::json::array())) {
    auto span = [&](const char* s, const char* e, SpanSet* out) {
      if (!q.contains(s) || q[s].is_null()) return;
      const int32_t b = q[s].get<int32_t>(), f = q[e].get<int32_t>();
      if (b >= 0 && f <= n && b <= f) out->insert(Trim(d->cps, b, f));
    };
    span("start", "end", &d->gold_contents);
    span("speaker_start", "speaker_end", &d->gold_sources);
    if (!q.contains("cue_start") || q["cue_start"].is_null()) continue;
    const int32_t s = q["cue_start"].get<int32_t>(), e = q["cue_end"].get<int32_t>();
    if (s < 0 || e > n || s >= e) continue;
    d->gold_cues.insert(Trim(d->cps, s, e));
    d->cue_spans.push_back({s, e});
  }
  d->fold = claims_learn::FoldOf(d->id, index, k);
  return true;
}

struct Tally {
  int64_t tp = 0, pred = 0, gold = 0;
  double P() const { return pred ? 100.0 * tp / pred : 0; }
  double R() const { return gold ? 100.0 * tp / gold : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

inline void AddSets(const SpanSet& gold, const SpanSet& pred, Tally* t) {
  for (const auto& s : pred) t->tp += gold.count(s);
  t->pred += static_cast<int64_t>(pred.size());
  t->gold += static_cast<int64_t>(gold.size());
}

// score.py's content.exact, source.exact and cue.exact.
struct Figures {
  Tally content, source, cue;
  double Mean() const { return (content.F1() + source.F1() + cue.F1()) / 3; }
};

inline void AddAnalysis(const GoldDoc& d, const Analysis& a, Figures* f) {
  SpanSet content, source, cue;
  for (const Quote& q : a.quotes) {
    content.insert(d.Compared(q.content));
    if (q.speaker_mention) source.insert(d.Compared(*q.speaker_mention));
    if (q.cue) cue.insert(d.Compared(*q.cue));
  }
  AddSets(d.gold_contents, content, &f->content);
  AddSets(d.gold_sources, source, &f->source);
  AddSets(d.gold_cues, cue, &f->cue);
}

// Weights as int16 * scale, the form the model files hold.
struct Quantized {
  std::vector<int16_t> weights;
  double bias = 0, scale = 0;
};

inline Quantized Quantize(const claims_learn::Weights& w) {
  Quantized q;
  double max_abs = 1e-9;
  for (double x : w.w) max_abs = std::max(max_abs, std::fabs(x));
  q.scale = max_abs / 32767.0;
  q.weights.resize(w.w.size());
  for (size_t i = 0; i < w.w.size(); ++i)
    q.weights[i] = static_cast<int16_t>(std::lround(w.w[i] / q.scale));
  q.bias = w.b;
  return q;
}

// "0.1,0.5" -> {0.1, 0.5}.
inline std::vector<double> ParseList(const std::string& s) {
  std::vector<double> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    out.push_back(std::stod(s.substr(i, j - i)));
    i = j + 1;
  }
  return out;
}

// Sparse example from feature indices (repeated indices summed).
inline claims_learn::Example MakeExample(std::vector<uint32_t> f, float label) {
  std::sort(f.begin(), f.end());
  claims_learn::Example x;
  for (uint32_t k : f) {
    if (!x.index.empty() && x.index.back() == k) {
      x.value.back() += 1;
      continue;
    }
    x.index.push_back(k);
    x.value.push_back(1);
  }
  x.label = label;
  return x;
}

}  // namespace attrib::attribution_cv
