#include "sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <memory>

namespace attrib {
namespace {

bool IsSpace(char16_t c) {
  return u_isUWhiteSpace(c);
}

// Titles and abbreviations common in news copy that ICU's own list lacks.
constexpr const char16_t* kExtraAbbreviations[] = {
    u"Dr.",   u"Gov.", u"Sen.", u"Rep.", u"Gen.",  u"Lt.",   u"Col.",  u"Sgt.",  u"Capt.",
    u"Prof.", u"Rev.", u"Hon.", u"Jr.",  u"Sr.",   u"St.",   u"Mt.",   u"Ft.",   u"Inc.",
    u"Corp.", u"Ltd.", u"Co.",  u"vs.",  u"Jan.",  u"Feb.",  u"Aug.",  u"Sept.", u"Sep.",
    u"Oct.",  u"Nov.", u"Dec.", u"Adm.", u"Supt.", u"Gens.", u"Sens.", u"Reps.", u"Atty.",
};

void AddTrimmed(int32_t begin, int32_t end, std::u16string_view text, std::vector<Span>* out) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (begin < end) out->push_back(Span{begin, end});
}

// One break iterator per language and thread: creating one costs ~50 µs.
icu::BreakIterator* IteratorFor(const std::string& language) {
  thread_local std::string cached_language;
  thread_local std::unique_ptr<icu::BreakIterator> cached;
  if (cached && cached_language == language) return cached.get();
  UErrorCode err = U_ZERO_ERROR;
  // "@ss=standard" turns on the abbreviation suppressions shipped with ICU.
  const std::string tag = (language.empty() ? std::string("en") : language) + "@ss=standard";
  icu::Locale locale(tag.c_str());
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, err));
  if (U_FAILURE(err)) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(locale, err));
  if (U_SUCCESS(err) && builder) {
    for (const char16_t* abbreviation : kExtraAbbreviations) {
      builder->suppressBreakAfter(icu::UnicodeString(reinterpret_cast<const UChar*>(abbreviation)),
                                  err);
      err = U_ZERO_ERROR;  // "already present" is fine
    }
    icu::BreakIterator* filtered = builder->wrapIteratorWithFilter(base.release(), err);
    if (U_SUCCESS(err) && filtered) base.reset(filtered);
  }
  if (!base) return nullptr;
  cached.reset(base.release());
  cached_language = language;
  return cached.get();
}

}  // namespace

std::vector<Span> SplitSentences(std::u16string_view text, const std::string& language) {
  std::vector<Span> out;
  icu::BreakIterator* it = IteratorFor(language);
  // Paragraph by paragraph: a sentence never crosses U+000A.
  int32_t para_begin = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (para_begin <= n) {
    int32_t para_end = para_begin;
    while (para_end < n && text[para_end] != u'\n') ++para_end;
    if (para_end > para_begin) {
      if (it == nullptr) {
        AddTrimmed(para_begin, para_end, text, &out);
      } else {
        icu::UnicodeString para(false, reinterpret_cast<const UChar*>(text.data() + para_begin),
                                para_end - para_begin);
        it->setText(para);
        int32_t prev = it->first();
        for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
          AddTrimmed(para_begin + prev, para_begin + b, text, &out);
          prev = b;
        }
        it->setText(icu::UnicodeString());  // do not keep a pointer to `text`
      }
    }
    para_begin = para_end + 1;
  }
  return out;
}

}  // namespace attrib
