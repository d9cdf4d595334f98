// The attribution driver: decides each quotation's kind, then runs the enabled sieves
// (sieves/) stage by stage and keeps what lies between the stages — which cues are taken, how
// deeply reports nest, the speaker shared within a sentence, the attribution units.
#include "attribution.h"

#include <algorithm>

#include "sieves/sieve.h"

namespace attrib {
namespace {

constexpr int kMaxNestedReports = 3;  // indirect contents that may cover one token

struct QuoteInfo {
  int32_t open_tok = 0;   // token of the opening mark
  int32_t close_tok = 0;  // first token after the closing mark
  QuoteKind kind = QuoteKind::kOther;
};

// The kind of each top-level quotation: direct (a whole utterance), mixed (a fragment inside a
// sentence) or other (a title, a scare quote), from its words, its punctuation and the cues
// next to it.
std::vector<QuoteInfo> ClassifyQuotations(const TokenContext& c, const std::vector<int>& top) {
  const auto& quotes = *c.in.quotations;
  const auto& cues = *c.in.cues;
  const int32_t n = c.n();
  std::vector<QuoteInfo> info(quotes.size());
  for (size_t ti = 0; ti < top.size(); ++ti) {
    const QuotationSpan& q = quotes[top[ti]];
    QuoteInfo& qi = info[top[ti]];
    qi.open_tok = TokenAt(*c.in.tokens, q.open.begin);
    qi.close_tok = TokenAt(*c.in.tokens, q.close.end);
    if (qi.close_tok > 0 && qi.close_tok <= n && q.close.empty())
      qi.close_tok = TokenAt(*c.in.tokens, q.content.end);
    if (qi.open_tok >= n) continue;
    // Content words.
    int32_t cf = qi.open_tok + 1, cl = TokenAt(*c.in.tokens, q.content.end);
    int words = 0, caps = 0, long_words = 0, long_caps = 0;
    for (int32_t k = cf; k < cl && k < n; ++k) {
      if (c.tok[k].kind != TokenKind::kPunct) {
        ++words;
        if (c.tok[k].IsCap() || c.tok[k].kind == TokenKind::kNumber) ++caps;
        if (c.tok[k].kind == TokenKind::kWord && c.tok[k].end - c.tok[k].begin >= 4) {
          ++long_words;
          long_caps += c.tok[k].IsCap();
        }
      }
    }
    if (words == 0) continue;
    int32_t last_ns = q.content.end - 1;
    while (last_ns > q.content.begin &&
           (c.in.text[last_ns] == u' ' || c.in.text[last_ns] == u'\u00A0'))
      --last_ns;
    const char16_t last_ch = c.in.text[last_ns];
    const bool ends_punct = last_ch == u'.' || last_ch == u',' || last_ch == u'!' ||
                            last_ch == u'?' || last_ch == u'\u2026' || last_ch == u'\u2014' ||
                            last_ch == u'-';
    const bool starts_upper =
        cf < n && (c.tok[cf].IsCap() || c.tok[cf].kind == TokenKind::kNumber ||
                   c.tok[cf].kind == TokenKind::kPunct);
    // Before the opener in its sentence, after any earlier quotation.
    int32_t sfirst = c.SentenceFirst(qi.open_tok);
    if (ti > 0) {
      const QuotationSpan& pq = quotes[top[ti - 1]];
      int32_t pc = TokenAt(*c.in.tokens, pq.close.end);
      if (pc > sfirst && pc <= qi.open_tok) sfirst = pc;
    }
    int32_t b = qi.open_tok - 1;
    bool before_empty = b < sfirst;
    bool before_colon = !before_empty && (c.IsPunct(b, u':'));
    bool before_cue_comma = false;
    if (!before_empty && (c.IsPunct(b, u',') || c.IsPunct(b, u':'))) {
      for (int32_t k = b - 1; k >= sfirst && k >= b - 8; --k) {
        if (c.IsCue(k) && c.SpeechLike(cues[c.cue_at[k]])) {
          before_cue_comma = true;
          break;
        }
      }
    }
    const bool before_cue = !before_empty && c.IsCue(b) && c.SpeechLike(cues[c.cue_at[b]]);
    // After the closer: a cue right there makes it a direct quotation even mid-sentence.
    bool after_cue = false;
    for (int32_t k = qi.close_tok;
         k < n && k < qi.close_tok + 8 && c.tok[k].paragraph == c.tok[qi.open_tok].paragraph; ++k) {
      if (c.tok[k].Is(kQuoteChar) || c.tok[k].Is(kSentenceEnd)) break;
      if (c.IsCue(k) && c.SpeechLike(cues[c.cue_at[k]])) {
        after_cue = true;
        break;
      }
    }
    // A title: every word capitalised, or (headline style, "Legend in the Coal Fields.") every
    // word of four letters or more, when no cue stands next to it.
    // Dialogue ("Good Night, Mary!") has commas, "!" or "?"; a title seldom does.
    bool spoken_punct = last_ch == u',' || last_ch == u'!' || last_ch == u'?';
    for (int32_t k = cf; k < cl && k < n && !spoken_punct; ++k) spoken_punct = c.IsPunct(k, u',');
    const bool headline = long_words >= 2 && long_caps == long_words && words <= 8 && !after_cue &&
                          !before_cue && !before_cue_comma && !before_colon && !spoken_punct;
    // Where every noun is capitalised (German), one capitalised word says nothing of a title:
    // "nannte den Bericht eine „Zeitungsente“".
    const bool one_noun = c.L.nouns_capitalized && words == 1;
    const bool title_case = (caps == words && words <= 8 && !ends_punct && !one_noun) || headline;
    QuoteKind kind;
    if ((before_empty || before_cue_comma || (before_cue && starts_upper) ||
         (before_colon && starts_upper)) &&
        (ends_punct || words >= 4 || after_cue || before_cue_comma)) {
      kind = QuoteKind::kDirect;
      if (title_case && !after_cue && !before_cue_comma) kind = QuoteKind::kOther;
    } else if (after_cue && ends_punct && starts_upper && words >= 3) {
      kind = QuoteKind::kDirect;
    } else if (title_case) {
      kind = QuoteKind::kOther;
    } else {
      bool cue_before = false;
      for (int32_t k = c.SentenceFirst(qi.open_tok); k < qi.open_tok; ++k)
        cue_before = cue_before || c.IsCue(k);
      // Or after it in the sentence: "Von „mutwilliger Täuschung“ sprechen Medien".
      for (int32_t k = qi.close_tok; k < c.SentenceLast(qi.open_tok) && !cue_before; ++k)
        cue_before = c.IsCue(k) && c.SpeechLike(cues[c.cue_at[k]]);
      kind = (cue_before || words >= 3) ? QuoteKind::kMixed : QuoteKind::kOther;
    }
    qi.kind = kind;
  }
  return info;
}

// PolNeAR's unit: one record per attribution relation. A direct quotation followed, in the
// same paragraph, by another whose only words between are its own attribution ("“A,” she
// said. “B.”") is one record spanning both; a fragment inside reported speech makes the
// report kMixed and is not reported on its own.
void MergeIntoAttributionUnits(const TokenContext& c, std::vector<Attribution>* attrs) {
  auto& out = *attrs;
  const auto& cues = *c.in.cues;
  std::vector<bool> drop(out.size(), false);
  std::vector<int> directs;
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i].kind == QuoteKind::kDirect) directs.push_back(static_cast<int>(i));
  std::sort(directs.begin(), directs.end(),
            [&](int x, int y) { return out[x].content.begin < out[y].content.begin; });
  std::vector<int> redirect(out.size(), -1);
  int head = -1;
  for (size_t k = 0; k < directs.size(); ++k) {
    const int i = directs[k];
    Attribution& b = out[i];
    if (head >= 0) {
      Attribution& a = out[head];
      const int32_t gap_begin = a.marked.end, gap_end = b.marked.begin;
      const int32_t ta = TokenAt(*c.in.tokens, gap_begin), tb = TokenAt(*c.in.tokens, gap_end);
      bool same_para =
          ta <= tb && tb < c.n() && ta < c.n() && c.tok[ta].paragraph == c.tok[tb].paragraph &&
          c.tok[TokenAt(*c.in.tokens, a.content.begin)].paragraph == c.tok[tb].paragraph;
      const bool cue_in_gap =
          a.cue >= 0 && cues[a.cue].span.begin >= gap_begin && cues[a.cue].span.end <= gap_end;
      const bool b_follows = b.same_speaker_as == head || b.cue == a.cue || b.cue < 0 ||
                             (b.same_speaker_as >= 0 && redirect[b.same_speaker_as] == head);
      if (same_para && cue_in_gap && b_follows && tb - ta <= 60) {
        if (a.fragments.empty()) a.fragments.push_back(a.content);
        a.fragments.push_back(b.content);
        a.content.end = b.content.end;
        a.marked.end = b.marked.end;
        drop[i] = true;
        redirect[i] = head;
        continue;
      }
    }
    head = i;
  }
  // Fragments inside reported speech.
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].kind != QuoteKind::kMixed || out[i].same_speaker_as < 0) continue;
    Attribution& host = out[out[i].same_speaker_as];
    if (host.kind == QuoteKind::kIndirect || host.kind == QuoteKind::kMixed) {
      host.kind = QuoteKind::kMixed;
      drop[i] = true;
    }
  }
  std::vector<int> pos(out.size(), -1);
  std::vector<Attribution> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    if (drop[i]) continue;
    pos[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(out[i]));
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (drop[i] && redirect[i] >= 0) pos[i] = pos[redirect[i]];
  }
  for (auto& a : kept) {
    if (a.same_speaker_as >= 0) a.same_speaker_as = pos[a.same_speaker_as];
  }
  out = std::move(kept);
}

}  // namespace

namespace {

// Orders attributions by content.begin (stable); same_speaker_as indices follow.
void SortByContent(std::vector<Attribution>* attributions) {
  std::vector<Attribution>& out = *attributions;
  std::vector<int> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return out[x].content.begin < out[y].content.begin; });
  std::vector<int> pos(out.size());
  for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = static_cast<int>(i);
  std::vector<Attribution> sorted;
  sorted.reserve(out.size());
  for (int o : order) {
    sorted.push_back(std::move(out[o]));
    if (sorted.back().same_speaker_as >= 0)
      sorted.back().same_speaker_as = pos[sorted.back().same_speaker_as];
  }
  out = std::move(sorted);
}

}  // namespace

void IndexCues(AttributionInput* in) {
  const auto& tok = in->tokens->tokens;
  if (in->info.size() != tok.size()) in->info = LookupWords(*in->tokens, *in->lang);
  in->cue_at.assign(tok.size(), -1);
  for (size_t c = 0; c < in->cues->size(); ++c) {
    for (int32_t k = (*in->cues)[c].first; k < (*in->cues)[c].last; ++k)
      in->cue_at[k] = static_cast<int>(c);
  }
}

std::vector<Attribution> Attribute(const AttributionInput& in,
                                   const std::vector<std::string>& sieves, const Options& options) {
  TokenContext c(in);
  const auto& quotes = *in.quotations;
  const auto& cues = *in.cues;
  const int32_t n = c.n();
  std::vector<const SieveInfo*> quote_sieves, report_sieves, sentence_sieves, fragment_sieves;
  for (const std::string& name : sieves) {
    const SieveInfo* s = FindSieve(name);  // Analyze() refuses unknown names
    if (s == nullptr) continue;
    if (s->quote) quote_sieves.push_back(s);
    if (s->report) report_sieves.push_back(s);
    if (s->sentence) sentence_sieves.push_back(s);
    if (s->fragment) fragment_sieves.push_back(s);
  }

  std::vector<int> top;  // indices of depth-0 quotations
  for (size_t qi = 0; qi < quotes.size(); ++qi) {
    if (quotes[qi].depth == 0) top.push_back(static_cast<int>(qi));
  }
  const std::vector<QuoteInfo> info = ClassifyQuotations(c, top);
  std::vector<Attribution> out;
  std::vector<bool> cue_used(cues.size(), false);
  std::vector<int> reports_by_begin;
  std::vector<int> ending_in_sentence;
  const SieveContext ctx{c,   options,  quotes,           top,
                         out, cue_used, reports_by_begin, ending_in_sentence};

  // Stage 1: direct quotations.
  for (size_t ti = 0; ti < top.size(); ++ti) {
    const int qx = top[ti];
    const QuoteInfo& qi = info[qx];
    if (qi.kind != QuoteKind::kDirect) continue;
    const DirectQuotation dq{static_cast<int>(ti), qi.open_tok, qi.close_tok,
                             c.tok[std::min(qi.open_tok, n - 1)].paragraph};
    Attribution a;
    for (const SieveInfo* sieve : quote_sieves) {
      Attribution candidate;
      if (!sieve->quote(ctx, dq, &candidate)) continue;
      a = std::move(candidate);
      a.rule = std::string(sieve->name);
      break;
    }
    if (a.rule.empty()) {
      a.rule = "none";
      a.confidence = 0.3;
    }
    a.kind = QuoteKind::kDirect;
    a.content = quotes[qx].content;
    a.marked = quotes[qx].marked;
    a.quotation = qx;
    // A lead sentence's cue with a clause of its own ("He said states will decide first.")
    // also reports that clause: the report sieves may still use it.
    const bool shared_lead = a.rule == "paragraph-lead" && a.cue >= 0 &&
                             c.SentenceLast(cues[a.cue].last) - cues[a.cue].last >= 4 &&
                             !c.IsPunct(cues[a.cue].last, u':');
    if (a.cue >= 0 && !shared_lead) cue_used[a.cue] = true;
    out.push_back(std::move(a));
  }

  // Stage 2: reported speech without marks, one cue at a time in text order.
  const size_t first_indirect = out.size();
  // Token ranges of the latest indirect contents, to bound how deeply reports nest.
  std::vector<std::pair<int32_t, int32_t>> recent_reports;
  if (options.find_indirect && !report_sieves.empty()) {
    for (size_t ci = 0; ci < cues.size(); ++ci) {
      if (cue_used[ci] || ctx.InsideQuote(cues[ci].span.begin)) continue;
      const ReportFrame frame = AnalyzeReportFrame(ctx, static_cast<int>(ci));
      Attribution a;
      TokenRange range;
      for (const SieveInfo* sieve : report_sieves) {
        Attribution candidate;
        TokenRange candidate_range;
        if (!sieve->report(ctx, frame, &candidate, &candidate_range)) continue;
        a = std::move(candidate);
        a.rule = std::string(sieve->name);
        range = candidate_range;
        break;
      }
      if (a.rule.empty()) continue;
      int32_t cb = range.first, ce = range.last;
      while (cb < ce && c.tok[cb].kind == TokenKind::kPunct && !c.tok[cb].Is(kQuoteChar)) ++cb;
      if (cb >= ce || ce - cb < 2) continue;
      int covering = 0;
      for (const auto& [rb, re] : recent_reports) covering += rb <= cb && cb < re;
      if (covering >= kMaxNestedReports) continue;
      if (recent_reports.size() >= 8) recent_reports.erase(recent_reports.begin());
      recent_reports.push_back({cb, ce});
      a.kind = QuoteKind::kIndirect;
      a.cue = static_cast<int>(ci);
      a.content = Span{c.tok[cb].begin, c.tok[ce - 1].end};
      a.marked = a.content;
      cue_used[ci] = true;
      out.push_back(std::move(a));
    }
  }
  // Reports after "to" or "and"/"but" ("in an attempt to defend that ...", "... and added
  // that") share the speaker of the sentence's earlier attribution.
  for (size_t i = first_indirect; i < out.size(); ++i) {
    if (out[i].same_speaker_as != kSameSpeakerAsSentence) continue;
    out[i].same_speaker_as = -1;
    const int32_t sent = c.tok[cues[out[i].cue].first].sentence;
    int best = -1;
    for (size_t j = i; j-- > 0;) {  // indirect ones are in cue order; directs come first
      if (out[j].cue < 0) continue;
      const Cue& cj = cues[out[j].cue];
      if (j >= first_indirect && c.tok[cj.first].sentence < sent) {
        j = first_indirect;
        continue;
      }
      if (c.tok[cj.first].sentence == sent && cj.first < cues[out[i].cue].first) {
        best = static_cast<int>(j);
        break;
      }
      if (j < first_indirect && j + 64 < first_indirect) break;
    }
    if (best >= 0) {
      out[i].same_speaker_as = best;
    } else {
      // No earlier report: the subject of the first clause ("Er rief die Polizei und teilte
      // mit, dass ...").
      const Cue& cue = cues[out[i].cue];
      out[i].speaker = ClauseSubject(c, c.SentenceFirst(cue.first), cue.first - 1);
      if (out[i].speaker.empty()) out[i].rule = "none";
    }
  }

  // Stage 3: sentences no attribution covers, in order (each may continue the one before).
  if (options.find_indirect && !sentence_sieves.empty()) {
    const auto& sentences = in.tokens->sentences;
    std::vector<bool> covered(n + 1, false);
    ending_in_sentence.assign(sentences.size(), -1);
    auto record = [&](size_t i) {
      const int32_t first = TokenAt(*in.tokens, out[i].content.begin);
      const int32_t last = std::min(TokenAt(*in.tokens, out[i].content.end), n);
      for (int32_t t = first; t < last; ++t) covered[t] = true;
      if (last > first) {
        int& e = ending_in_sentence[c.tok[last - 1].sentence];
        if (e < 0 || out[e].content.end <= out[i].content.end) e = static_cast<int>(i);
      }
    };
    for (size_t i = 0; i < out.size(); ++i) record(i);
    for (size_t si = 0; si < sentences.size(); ++si) {
      int32_t first = sentences[si].first, last = sentences[si].last;
      while (last > first && c.tok[last - 1].kind == TokenKind::kPunct &&
             !c.tok[last - 1].Is(kQuoteChar))
        --last;
      if (last - first < 3) continue;
      bool free = true;
      for (int32_t t = first; t < last && free; ++t) free = !covered[t] && !c.IsCue(t);
      if (!free) continue;
      const SentenceCandidate candidate{static_cast<int>(si), first, last};
      for (const SieveInfo* sieve : sentence_sieves) {
        Attribution a;
        if (!sieve->sentence(ctx, candidate, &a)) continue;
        a.rule = std::string(sieve->name);
        const Span content{c.tok[first].begin, c.tok[last - 1].end};
        // A run of sentences the same sieve continues is one attribution ("Er wisse nicht, ...
        // Die Sperre sei aufgehoben.").
        const int prev = a.same_speaker_as;
        if (prev >= 0 && out[prev].rule == a.rule) {
          out[prev].content.end = content.end;
          out[prev].marked.end = content.end;
          record(prev);
          break;
        }
        a.kind = QuoteKind::kIndirect;
        a.content = content;
        a.marked = content;
        out.push_back(std::move(a));
        record(out.size() - 1);
        break;
      }
    }
  }

  // Stage 4: quoted fragments, and (with Options::report_non_speech) titles and scare quotes.
  for (size_t j = first_indirect; j < out.size(); ++j)
    if (out[j].kind == QuoteKind::kIndirect) reports_by_begin.push_back(static_cast<int>(j));
  std::stable_sort(reports_by_begin.begin(), reports_by_begin.end(),
                   [&](int x, int y) { return out[x].content.begin < out[y].content.begin; });
  for (size_t ti = 0; ti < top.size(); ++ti) {
    const int qx = top[ti];
    const QuoteInfo& qi = info[qx];
    if (qi.kind != QuoteKind::kMixed &&
        !(qi.kind == QuoteKind::kOther && options.report_non_speech))
      continue;
    Attribution a;
    if (qi.kind == QuoteKind::kOther) {
      a.content = quotes[qx].content;
      a.marked = quotes[qx].marked;
      a.rule = "non-speech";
      a.confidence = 0.2;
    } else {
      const Fragment fragment{qx, qi.open_tok, qi.close_tok};
      for (const SieveInfo* sieve : fragment_sieves) {
        Attribution candidate;
        candidate.content = quotes[qx].content;
        candidate.marked = quotes[qx].marked;
        if (!sieve->fragment(ctx, fragment, &candidate)) continue;
        a = std::move(candidate);
        a.rule = std::string(sieve->name);
        break;
      }
      if (a.rule.empty()) continue;
    }
    a.kind = qi.kind;
    a.quotation = qx;
    out.push_back(std::move(a));
  }
  for (Attribution& a : out) {
    if (!a.speaker.empty()) a.speaker = TrimMention(c, a.speaker);
  }
  if (options.attribution_units) MergeIntoAttributionUnits(c, &out);
  SortByContent(&out);
  return out;
}

}  // namespace attrib
