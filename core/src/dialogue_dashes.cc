#include "dialogue_dashes.h"

namespace attrib {
namespace {

bool IsDash(char16_t c) {
  return c == u'\u2014' || c == u'\u2013' || c == u'\u2015';
}

}  // namespace

std::vector<QuotationSpan> FindDashTurns(std::u16string_view text, const Tokens& tokens,
                                         const std::vector<Cue>& cues, const LanguageData& lang,
                                         const std::vector<QuotationSpan>& quotations) {
  std::vector<QuotationSpan> out;
  const auto& tok = tokens.tokens;
  const auto n = static_cast<int32_t>(tok.size());
  // Token -> a speech cue starts there.
  std::vector<bool> cue_starts(tok.size(), false);
  for (const Cue& c : cues)
    if (c.classes & lang.speech_like()) cue_starts[c.first] = true;
  auto cue_follows = [&](int32_t k, int32_t end) {  // a cue within two tokens after k
    for (int32_t t = k + 1; t < end && t <= k + 3; ++t) {
      if (cue_starts[t]) return true;
      if (tok[t].kind != TokenKind::kWord || !(lang.Word(tok[t].hash).words & lang.aux)) break;
    }
    return false;
  };
  size_t qi = 0;
  for (int32_t i = 0; i < n;) {
    int32_t end = i;  // the paragraph's tokens [i, end)
    while (end < n && tok[end].paragraph == tok[i].paragraph) ++end;
    const int32_t para_begin = tok[i].begin, para_end = tok[end - 1].end;
    while (qi < quotations.size() && quotations[qi].marked.end <= para_begin) ++qi;
    bool quoted = false;
    for (size_t q = qi; q < quotations.size() && quotations[q].marked.begin < para_end; ++q)
      quoted = quoted || quotations[q].depth == 0;
    if (!quoted && end - i >= 3 && tok[i].kind == TokenKind::kPunct && IsDash(text[tok[i].begin]) &&
        !IsDash(text[tok[i + 1].begin]) && !tok[i + 1].Is(kQuoteChar)) {
      QuotationSpan s;
      s.open = Span{tok[i].begin, tok[i].end};
      s.content.begin = tok[i + 1].begin;
      int32_t close_at = -1, content_end = para_end;
      for (int32_t k = i + 2; k < end; ++k) {
        const char16_t ch = text[tok[k].begin];
        if (tok[k].kind != TokenKind::kPunct) continue;
        if (IsDash(ch)) {
          close_at = k;
          content_end = tok[k].begin;
          break;
        }
        if ((ch == u',' || ch == u'!' || ch == u'?' || ch == u'\u2026') && cue_follows(k, end)) {
          content_end = ch == u',' ? tok[k].begin : tok[k].end;
          break;
        }
      }
      while (content_end > s.content.begin &&
             (text[content_end - 1] == u' ' || text[content_end - 1] == u'\u00A0'))
        --content_end;
      s.content.end = content_end;
      if (close_at >= 0) {
        s.close = Span{tok[close_at].begin, tok[close_at].end};
      } else {
        s.close = Span{content_end, content_end};
        s.repairs = kUnclosed;
      }
      s.marked = Span{s.open.begin, close_at >= 0 ? s.close.end : content_end};
      if (s.content.end > s.content.begin) out.push_back(s);
    }
    i = end;
  }
  return out;
}

}  // namespace attrib
