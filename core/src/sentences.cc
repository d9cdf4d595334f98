#include "sentences.h"

#include "tokens.h"

namespace attrib {

std::vector<Span> SplitSentences(std::u16string_view text) {
  return SentenceSpans(text, Tokenize(text));
}

}  // namespace attrib
