#include "sentences.h"

#include "tokens.h"

namespace attrib {

std::vector<Span> SplitSentences(std::u16string_view text) {
  const Tokens t = Tokenize(text);
  std::vector<Span> out;
  for (const Tokens::Sentence& s : SentenceRanges(text, t))
    out.push_back(Span{t.tokens[s.first].begin, t.tokens[s.last - 1].end});
  return out;
}

}  // namespace attrib
