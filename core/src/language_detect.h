// Which supported language a text is in, when Options::language does not say: each language's
// data lists its most frequent function words (core/data/<lang>/detect.txt); the language whose
// list covers the largest share of the text's first words wins. Function words decide a
// language from a sentence on; a text with too few of them (a headline, a list of names) is
// undecided.
#pragma once

#include <string>

#include "tokens.h"

namespace attrib {

// The detected language code ("en", "de"), or "" when undecided. Reads at most the first
// kDetectWords words.
std::string DetectLanguage(const Tokens& tokens);

constexpr int kDetectWords = 500;

}  // namespace attrib
