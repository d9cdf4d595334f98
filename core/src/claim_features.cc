#include "claim_features.h"

#include <unicode/uchar.h>

#include <array>
#include <cmath>

#include "tokens.h"

namespace attrib {
namespace {

// Lexicon classes; a word may belong to several.
enum Lex : uint32_t {
  kFuture = 1u << 0,
  kModal = 1u << 1,
  kCommit = 1u << 2,
  kComparative = 1u << 3,
  kSuperlative = 1u << 4,
  kCausal = 1u << 5,
  kFirstSingular = 1u << 6,
  kFirstPlural = 1u << 7,
  kSecond = 1u << 8,
  kOpinion = 1u << 9,
  kHedge = 1u << 10,
  kNegation = 1u << 11,
  kMonth = 1u << 12,
  kWeekday = 1u << 13,
  kTime = 1u << 14,
  kNumberWord = 1u << 15,
  kPercent = 1u << 16,
  kMoney = 1u << 17,
  kCourtesy = 1u << 18,
  kSpeech = 1u << 19,
  kHave = 1u << 20,
  kDeterminer = 1u << 21,  // the, its, their ... (before a superlative)
  kIt = 1u << 22,
  kBe = 1u << 23,
  kThat = 1u << 24,
  kParticiple = 1u << 25,  // irregular past participles: spoken, been, done ...
  kBy = 1u << 26,
  kThan = 1u << 27,
  kTo = 1u << 28,
  kTimeUnit = 1u << 29,  // year, week, month ... (after last/next/past)
  kTimeLead = 1u << 30,  // last, next, past, previous, coming
  kAdverb = 1u << 31,    // also, further, widely ... (inside "it was also added")
};

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

constexpr uint64_t HashUnit(uint64_t h, char16_t c) {
  return (h ^ c) * kFnvPrime;
}

constexpr uint64_t HashWord(std::u16string_view w) {
  uint64_t h = kFnvOffset;
  for (char16_t c : w) h = HashUnit(h, c);
  return h;
}

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

struct LexEntry {
  std::u16string_view word;
  uint32_t classes;
};

// Lower-case, straight apostrophe. Kept small on purpose: the n-grams carry the vocabulary,
// the lexicon only the classes the hand features and the kinds need.
constexpr LexEntry kLexicon[] = {
    {u"will", kFuture},
    {u"'ll", kFuture},
    {u"shall", kFuture},
    {u"won't", kFuture | kNegation},
    {u"gonna", kFuture},
    {u"i'll", kFuture | kFirstSingular},
    {u"we'll", kFuture | kFirstPlural},
    {u"you'll", kFuture | kSecond},
    {u"he'll", kFuture},
    {u"she'll", kFuture},
    {u"they'll", kFuture},
    {u"it'll", kFuture},
    {u"would", kModal},
    {u"could", kModal},
    {u"should", kModal},
    {u"might", kModal},
    {u"may", kModal},
    {u"must", kModal},
    {u"can", kModal},
    {u"wouldn't", kModal | kNegation},
    {u"couldn't", kModal | kNegation},
    {u"shouldn't", kModal | kNegation},
    {u"can't", kModal | kNegation},
    {u"cannot", kModal | kNegation},
    {u"plan", kCommit},
    {u"plans", kCommit},
    {u"planned", kCommit},
    {u"planning", kCommit},
    {u"intend", kCommit},
    {u"intends", kCommit},
    {u"intended", kCommit},
    {u"expect", kCommit},
    {u"expects", kCommit},
    {u"expected", kCommit},
    {u"promise", kCommit},
    {u"promised", kCommit},
    {u"promises", kCommit},
    {u"pledge", kCommit},
    {u"pledged", kCommit},
    {u"vow", kCommit},
    {u"vowed", kCommit},
    {u"commit", kCommit},
    {u"committed", kCommit},
    {u"commitment", kCommit},
    {u"ready", kCommit},
    {u"prepared", kCommit},
    {u"forecast", kCommit},
    {u"predict", kCommit},
    {u"predicted", kCommit},
    {u"projected", kCommit},
    {u"anticipated", kCommit | kSpeech},
    {u"upcoming", kCommit},
    {u"soon", kCommit},
    {u"more", kComparative},
    {u"less", kComparative},
    {u"fewer", kComparative},
    {u"than", kComparative | kThan},
    {u"beyond", kComparative},
    {u"compared", kComparative},
    {u"versus", kComparative},
    {u"vs", kComparative},
    {u"twice", kComparative | kNumberWord},
    {u"double", kComparative | kNumberWord},
    {u"doubled", kComparative | kNumberWord},
    {u"tripled", kComparative | kNumberWord},
    {u"better", kComparative},
    {u"worse", kComparative},
    {u"higher", kComparative},
    {u"lower", kComparative},
    {u"larger", kComparative},
    {u"smaller", kComparative},
    {u"bigger", kComparative},
    {u"greater", kComparative},
    {u"increase", kComparative},
    {u"increased", kComparative},
    {u"decrease", kComparative},
    {u"decreased", kComparative},
    {u"rise", kComparative},
    {u"rose", kComparative},
    {u"fell", kComparative},
    {u"grew", kComparative},
    {u"cut", kComparative},
    {u"cuts", kComparative},
    {u"most", kSuperlative},
    {u"least", kSuperlative},
    {u"best", kSuperlative},
    {u"worst", kSuperlative},
    {u"record", kSuperlative},
    {u"largest", kSuperlative},
    {u"biggest", kSuperlative},
    {u"highest", kSuperlative},
    {u"lowest", kSuperlative},
    {u"greatest", kSuperlative},
    {u"fastest", kSuperlative},
    {u"only", kSuperlative},
    {u"because", kCausal},
    {u"caused", kCausal},
    {u"cause", kCausal},
    {u"causes", kCausal},
    {u"due", kCausal},
    {u"led", kCausal},
    {u"leads", kCausal},
    {u"result", kCausal},
    {u"resulted", kCausal},
    {u"therefore", kCausal},
    {u"thus", kCausal},
    {u"consequently", kCausal},
    {u"blame", kCausal},
    {u"blamed", kCausal},
    {u"thanks", kCausal | kCourtesy},
    {u"since", kTime},
    {u"i", kFirstSingular},
    {u"me", kFirstSingular},
    {u"my", kFirstSingular | kDeterminer},
    {u"mine", kFirstSingular},
    {u"i'm", kFirstSingular},
    {u"i've", kFirstSingular},
    {u"i'd", kFirstSingular},
    {u"myself", kFirstSingular},
    {u"we", kFirstPlural},
    {u"us", kFirstPlural},
    {u"our", kFirstPlural | kDeterminer},
    {u"ours", kFirstPlural},
    {u"we're", kFirstPlural},
    {u"we've", kFirstPlural},
    {u"we'd", kFirstPlural},
    {u"you", kSecond},
    {u"your", kSecond | kDeterminer},
    {u"you're", kSecond},
    {u"you've", kSecond},
    {u"think", kOpinion},
    {u"believe", kOpinion},
    {u"feel", kOpinion},
    {u"hope", kOpinion},
    {u"want", kOpinion},
    {u"wish", kOpinion},
    {u"love", kOpinion},
    {u"guess", kOpinion},
    {u"agree", kOpinion},
    {u"disagree", kOpinion},
    {u"sure", kOpinion},
    {u"frankly", kOpinion},
    {u"honestly", kOpinion},
    {u"proud", kOpinion},
    {u"opinion", kOpinion},
    {u"wonderful", kOpinion},
    {u"great", kOpinion},
    {u"maybe", kHedge},
    {u"perhaps", kHedge},
    {u"probably", kHedge},
    {u"possibly", kHedge},
    {u"not", kNegation},
    {u"never", kNegation},
    {u"no", kNegation},
    {u"nothing", kNegation},
    {u"january", kMonth},
    {u"february", kMonth},
    {u"march", kMonth},
    {u"april", kMonth},
    {u"june", kMonth},
    {u"july", kMonth},
    {u"august", kMonth},
    {u"september", kMonth},
    {u"october", kMonth},
    {u"november", kMonth},
    {u"december", kMonth},
    {u"jan", kMonth},
    {u"feb", kMonth},
    {u"aug", kMonth},
    {u"sept", kMonth},
    {u"oct", kMonth},
    {u"nov", kMonth},
    {u"dec", kMonth},
    {u"monday", kWeekday},
    {u"tuesday", kWeekday},
    {u"wednesday", kWeekday},
    {u"thursday", kWeekday},
    {u"friday", kWeekday},
    {u"saturday", kWeekday},
    {u"sunday", kWeekday},
    {u"ago", kTime},
    {u"yesterday", kTime},
    {u"decade", kTime | kTimeUnit},
    {u"decades", kTime | kTimeUnit},
    {u"century", kTime | kTimeUnit},
    {u"centuries", kTime | kTimeUnit},
    {u"history", kTime},
    {u"historic", kTime},
    {u"historical", kTime},
    {u"historically", kTime},
    {u"annual", kTime},
    {u"anniversary", kTime},
    {u"formerly", kTime},
    {u"previously", kTime},
    {u"year", kTimeUnit},
    {u"years", kTimeUnit},
    {u"month", kTimeUnit},
    {u"months", kTimeUnit},
    {u"week", kTimeUnit},
    {u"weeks", kTimeUnit},
    {u"summer", kTimeUnit},
    {u"winter", kTimeUnit},
    {u"spring", kTimeUnit},
    {u"fall", kTimeUnit},
    {u"term", kTimeUnit},
    {u"administration", kTimeUnit},
    {u"last", kTimeLead},
    {u"next", kTimeLead},
    {u"past", kTimeLead},
    {u"previous", kTimeLead},
    {u"coming", kTimeLead},
    {u"hundred", kNumberWord},
    {u"hundreds", kNumberWord},
    {u"thousand", kNumberWord},
    {u"thousands", kNumberWord},
    {u"million", kNumberWord},
    {u"millions", kNumberWord},
    {u"billion", kNumberWord},
    {u"billions", kNumberWord},
    {u"trillion", kNumberWord},
    {u"trillions", kNumberWord},
    {u"dozen", kNumberWord},
    {u"dozens", kNumberWord},
    {u"half", kNumberWord},
    {u"quarter", kNumberWord},
    {u"majority", kNumberWord},
    {u"average", kNumberWord},
    {u"percent", kPercent},
    {u"percentage", kPercent},
    {u"dollars", kMoney},
    {u"dollar", kMoney},
    {u"cents", kMoney},
    {u"euros", kMoney},
    {u"euro", kMoney},
    {u"pounds", kMoney},
    {u"budget", kMoney},
    {u"deficit", kMoney},
    {u"debt", kMoney},
    {u"taxes", kMoney},
    {u"tax", kMoney},
    {u"thank", kCourtesy},
    {u"applause", kCourtesy},
    {u"ladies", kCourtesy},
    {u"gentlemen", kCourtesy},
    {u"congratulations", kCourtesy},
    {u"laughter", kCourtesy},
    {u"said", kSpeech | kParticiple},
    {u"says", kSpeech},
    {u"told", kSpeech | kParticiple},
    {u"according", kSpeech},
    {u"added", kSpeech},
    {u"stated", kSpeech},
    {u"reported", kSpeech},
    {u"announced", kSpeech},
    {u"indicated", kSpeech},
    {u"insisted", kSpeech},
    {u"noted", kSpeech},
    {u"stressed", kSpeech},
    {u"mentioned", kSpeech},
    {u"claimed", kSpeech},
    {u"argued", kSpeech},
    {u"explained", kSpeech},
    {u"emphasized", kSpeech},
    {u"confirmed", kSpeech},
    {u"revealed", kSpeech},
    {u"suggested", kSpeech},
    {u"estimated", kSpeech},
    {u"alleged", kSpeech},
    {u"learned", kSpeech},
    {u"recalled", kSpeech},
    {u"has", kHave},
    {u"have", kHave},
    {u"had", kHave},
    {u"hasn't", kHave | kNegation},
    {u"haven't", kHave | kNegation},
    {u"'ve", kHave},
    {u"the", kDeterminer},
    {u"its", kDeterminer},
    {u"their", kDeterminer},
    {u"his", kDeterminer},
    {u"her", kDeterminer},
    {u"it", kIt},
    {u"is", kBe},
    {u"was", kBe},
    {u"were", kBe},
    {u"are", kBe},
    {u"been", kBe | kParticiple},
    {u"be", kBe},
    {u"being", kBe},
    {u"that", kThat},
    {u"spoken", kParticiple},
    {u"done", kParticiple},
    {u"taken", kParticiple},
    {u"given", kParticiple},
    {u"seen", kParticiple},
    {u"made", kParticiple},
    {u"gone", kParticiple},
    {u"known", kParticiple},
    {u"shown", kParticiple},
    {u"written", kParticiple},
    {u"become", kParticiple},
    {u"won", kParticiple},
    {u"lost", kParticiple},
    {u"put", kParticiple},
    {u"held", kParticiple},
    {u"understood", kParticiple},
    {u"thought", kParticiple},
    {u"built", kParticiple},
    {u"sent", kParticiple},
    {u"paid", kParticiple},
    {u"spent", kParticiple},
    {u"brought", kParticiple},
    {u"kept", kParticiple},
    {u"left", kParticiple},
    {u"met", kParticiple},
    {u"run", kParticiple},
    {u"voted", kParticiple},
    {u"by", kBy},
    {u"to", kTo},
    {u"also", kAdverb},
    {u"further", kAdverb},
    {u"widely", kAdverb},
    {u"already", kAdverb},
    {u"reportedly", kAdverb},
    {u"later", kAdverb},
    {u"then", kAdverb},
    {u"even", kAdverb},
};

// Open addressing over the word hashes, built once: one probe per token on the hot path.
class LexiconTable {
 public:
  LexiconTable() {
    for (const LexEntry& e : kLexicon) {
      const uint64_t h = HashWord(e.word);
      size_t i = Slot(h);
      while (slots_[i].key != 0 && slots_[i].key != h) i = (i + 1) & kMask;
      slots_[i].key = h;
      slots_[i].classes |= e.classes;
    }
  }
  uint32_t Find(uint64_t h) const {
    for (size_t i = Slot(h);; i = (i + 1) & kMask) {
      if (slots_[i].key == h) return slots_[i].classes;
      if (slots_[i].key == 0) return 0;
    }
  }

 private:
  static constexpr size_t kSize = 1024;  // > 2x the lexicon: short probe runs
  static constexpr size_t kMask = kSize - 1;
  static size_t Slot(uint64_t h) { return static_cast<size_t>(h ^ (h >> 29)) & kMask; }
  struct SlotEntry {  // key and classes on one cache line
    uint64_t key = 0;
    uint32_t classes = 0;
  };
  SlotEntry slots_[kSize] = {};
};
static_assert(sizeof(kLexicon) / sizeof(kLexicon[0]) * 2 < 1024, "grow LexiconTable::kSize");

const LexiconTable& Lexicon() {
  static const LexiconTable* table = new LexiconTable();
  return *table;
}

enum class TokKind : uint8_t { kWord, kNumber, kSymbol };

struct Tok {
  uint64_t hash = 0;   // of the lower-cased form (numbers: of their shape)
  uint32_t lex = 0;    // Lex classes
  int32_t length = 0;  // in UTF-16 units
  int32_t value = -1;  // numbers: value if a plain integer < 10000, else -1
  TokKind kind = TokKind::kWord;
  char16_t symbol = 0;  // kSymbol: the character
  bool capitalized = false;
  bool ends_ed = false;
  bool ends_est = false;
  bool ends_nt = false;  // n't
  bool decade = false;   // "1990s"
};

// ASCII character classes, one table load instead of a chain of comparisons.
enum AsciiClass : uint8_t { kAsciiLetter = 1, kAsciiUpper = 2, kAsciiDigit = 4, kAsciiKept = 8 };

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAsciiLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAsciiLetter | kAsciiUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  for (char c : {'?', '!', '%', '$', ':'}) t[static_cast<unsigned char>(c)] = kAsciiKept;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();

bool IsLetter(char16_t c) {
  if (c < 0x80) return kAsciiClasses[c] & kAsciiLetter;
  if (c >= 0xD800 && c <= 0xDFFF) return true;  // astral letters are rare; keep them in words
  return u_isalpha(c);
}

bool IsDigit(char16_t c) {
  return c >= u'0' && c <= u'9';
}

char16_t Lower(char16_t c) {
  if (c < 0x80) return (c >= u'A' && c <= u'Z') ? static_cast<char16_t>(c + 32) : c;
  if (c >= 0xD800 && c <= 0xDFFF) return c;
  return static_cast<char16_t>(u_tolower(c));
}

bool IsUpper(char16_t c) {
  if (c < 0x80) return kAsciiClasses[c] & kAsciiUpper;
  return u_isupper(c);
}

// Symbols that carry meaning for claims; other punctuation is skipped.
bool IsKeptSymbol(char16_t c) {
  if (c < 0x80) return kAsciiClasses[c] & kAsciiKept;
  return c == u'\u20AC' || c == u'\u00A3';
}

// Shapes that stand for numbers in the n-grams.
constexpr uint64_t kShapeYear = HashWord(u"#year");
constexpr uint64_t kShapeDecade = HashWord(u"#decade");
constexpr uint64_t kShapeSmall = HashWord(u"#n1");
constexpr uint64_t kShapeMid = HashWord(u"#n2");
constexpr uint64_t kShapeLarge = HashWord(u"#n3");
constexpr uint64_t kShapeDecimal = HashWord(u"#dec");
constexpr uint64_t kBos = HashWord(u"<s>");
constexpr uint64_t kEos = HashWord(u"</s>");

// Appends the claim tokens of `s` to `toks`.
void AppendToks(std::u16string_view s, std::vector<Tok>* toks) {
  const LexiconTable& lexicon = Lexicon();
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    char16_t c = s[i];
    if (c < 0x80 && kAsciiClasses[c] == 0) {  // space, skipped punctuation
      ++i;
      continue;
    }
    if (IsLetter(c)) {
      Tok& t = toks->emplace_back();  // built in place: no copy of a half-written Tok
      t.capitalized = IsUpper(c);
      uint64_t h = kFnvOffset;
      size_t b = i;
      char16_t prev2 = 0, prev1 = 0, last = 0;
      while (i < n) {
        char16_t d = s[i];
        if (d < 0x80) {
          if (kAsciiClasses[d] & kAsciiLetter) {
            d |= 0x20;  // lower case
          } else if (!(d == u'\'' && i + 1 < n && IsLetter(s[i + 1]))) {
            break;
          }
        } else if (IsLetter(d)) {
          d = Lower(d);
        } else if (d == u'\u2019' && i + 1 < n && IsLetter(s[i + 1])) {
          d = u'\'';
        } else {
          break;
        }
        h = HashUnit(h, d);
        prev2 = prev1;
        prev1 = last;
        last = d;
        ++i;
      }
      t.length = static_cast<int32_t>(i - b);
      t.hash = h;
      t.ends_ed = t.length > 3 && prev1 == u'e' && last == u'd';
      t.ends_est = t.length > 4 && prev2 == u'e' && prev1 == u's' && last == u't';
      t.ends_nt = t.length > 3 && prev2 == u'n' && prev1 == u'\'' && last == u't';
      t.lex = lexicon.Find(h);
      if (t.ends_nt) t.lex |= kNegation;
    } else if (IsDigit(c)) {
      Tok& t = toks->emplace_back();  // built in place: no copy of a half-written Tok
      t.kind = TokKind::kNumber;
      size_t b = i;
      int64_t value = 0;
      int digits = 0;
      bool decimal = false, grouped = false;
      while (i < n) {
        char16_t d = s[i];
        if (IsDigit(d)) {
          if (value < 100000000) value = value * 10 + (d - u'0');
          ++digits;
          ++i;
        } else if ((d == u',' || d == u'.') && i + 1 < n && IsDigit(s[i + 1])) {
          if (d == u'.')
            decimal = true;
          else
            grouped = true;
          ++i;
        } else {
          break;
        }
      }
      t.length = static_cast<int32_t>(i - b);
      if (i < n && s[i] == u's' && digits == 4 && !decimal && !grouped &&
          (i + 1 == n || !IsLetter(s[i + 1]))) {
        t.decade = true;  // 1990s
        ++i;
      }
      if (!decimal && !grouped && value < 10000) t.value = static_cast<int32_t>(value);
      if (t.decade) {
        t.hash = kShapeDecade;
      } else if (decimal) {
        t.hash = kShapeDecimal;
      } else if (digits == 4 && !grouped && value >= 1800 && value <= 2099) {
        t.hash = kShapeYear;
      } else if (digits == 1) {
        t.hash = kShapeSmall;
      } else if (digits <= 3 && !grouped) {
        t.hash = kShapeMid;
      } else {
        t.hash = kShapeLarge;
      }
      // Glued units: "5%", "10bn" — the letters become their own word token next round.
    } else if (IsKeptSymbol(c)) {
      Tok& t = toks->emplace_back();  // built in place: no copy of a half-written Tok
      t.kind = TokKind::kSymbol;
      t.symbol = c;
      t.length = 1;
      t.hash = HashUnit(kFnvOffset, c);
      if (c == u'%') t.lex = kPercent;
      if (c == u'$' || c == u'\u20AC' || c == u'\u00A3') t.lex = kMoney;
      ++i;
    } else {
      ++i;
    }
  }
}

inline char16_t FoldPlain(char16_t c) {  // a character of a kPlainWord token, lower-cased
  return c == u'\u2019' ? u'\'' : static_cast<char16_t>(c | 0x20);
}

// The claim tokens of the engine's tokens [b, e) over `text`. A plain word (most of them)
// maps directly: the token stage hashed the same lower-cased letters. Anything else is
// tokenized on its own text, which gives what AppendToks over the whole sentence gives: no
// claim token crosses an engine token boundary (claim words are letters and inner apostrophes,
// numbers digits with inner , and .; both stay inside one engine token).
void ToksFromTokens(std::u16string_view text, const Token* b, const Token* e,
                    std::vector<Tok>* toks) {
  toks->clear();
  const LexiconTable& lexicon = Lexicon();
  for (const Token* t = b; t != e; ++t) {
    if (t->flags & kPlainWord) {
      Tok& k = toks->emplace_back();
      const int32_t n = t->end - t->begin;
      const char16_t* w = text.data() + t->begin;
      const char16_t last = FoldPlain(w[n - 1]);
      const char16_t prev1 = n > 1 ? FoldPlain(w[n - 2]) : 0;
      const char16_t prev2 = n > 2 ? FoldPlain(w[n - 3]) : 0;
      k.hash = t->hash;
      k.length = n;
      k.capitalized = (t->flags & kCapitalized) != 0;
      k.ends_ed = n > 3 && prev1 == u'e' && last == u'd';
      k.ends_est = n > 4 && prev2 == u'e' && prev1 == u's' && last == u't';
      k.ends_nt = n > 3 && prev2 == u'n' && prev1 == u'\'' && last == u't';
      k.lex = lexicon.Find(k.hash);
      if (k.ends_nt) k.lex |= kNegation;
    } else if (t->kind == TokenKind::kPunct && t->end - t->begin == 1 && text[t->begin] < 0x80 &&
               kAsciiClasses[text[t->begin]] == 0) {
      continue;  // skipped punctuation: . , " ( ...
    } else {
      AppendToks(text.substr(t->begin, t->end - t->begin), toks);
    }
  }
}

// Claim tokens of a sentence on its own (training, ScoreSentence): through the engine's
// tokenizer, exactly as Analyze() gets them.
void SentenceToks(std::u16string_view sentence, std::vector<Tok>* toks) {
  thread_local Tokens engine_tokens;
  engine_tokens = Tokenize(sentence);
  ToksFromTokens(sentence, engine_tokens.tokens.data(),
                 engine_tokens.tokens.data() + engine_tokens.tokens.size(), toks);
}

bool Agentless(const std::vector<Tok>& toks) {
  const size_t n = toks.size();
  auto lex = [&](size_t k) -> uint32_t { return k < n ? toks[k].lex : 0; };
  auto participle = [&](size_t k) {
    return k < n && toks[k].kind == TokKind::kWord &&
           (toks[k].ends_ed || (toks[k].lex & (kParticiple | kSpeech))) && !(toks[k].lex & kBe);
  };
  for (size_t k = 0; k < n; ++k) {
    // it (is|was|has been|had been|will be) [also ...] PARTICIPLE that
    if (lex(k) & kIt) {
      size_t j = k + 1;
      while (j < n && (lex(j) & (kHave | kFuture | kModal | kAdverb))) ++j;
      if (!(lex(j) & kBe)) continue;
      ++j;
      if (lex(j) & kBe) ++j;  // "has been"
      while (j < n && (lex(j) & kAdverb)) ++j;
      if (participle(j) && (lex(j + 1) & kThat)) return true;
    }
    // "... were also indicated." — a passive of saying with no "by" agent
    if ((lex(k) & kBe) && k > 0) {
      size_t j = k + 1;
      while (j < n && (lex(j) & kAdverb)) ++j;
      if (j < n && (lex(j) & kSpeech) && toks[j].ends_ed && !(lex(j + 1) & kBy) &&
          !(lex(k - 1) & kIt)) {
        return true;
      }
    }
  }
  return false;
}

// Fills `cues` from the tokens (context patterns need neighbours, hence a second pass).
void Count(const std::vector<Tok>& toks, ClaimCues* cues) {
  *cues = ClaimCues();
  cues->agentless = Agentless(toks);
  const size_t n = toks.size();
  auto lex = [&](size_t k) -> uint32_t { return k < n ? toks[k].lex : 0; };
  bool first_word = true;
  for (size_t k = 0; k < n; ++k) {
    const Tok& t = toks[k];
    if (t.kind == TokKind::kSymbol) {
      if (t.symbol == u'?') ++cues->questions;
      if (t.symbol == u'!') ++cues->exclamations;
      if (t.lex & kPercent) ++cues->percents;
      if (t.lex & kMoney) ++cues->money;
      continue;
    }
    if (t.kind == TokKind::kNumber) {
      const bool near_month = (k > 0 && (lex(k - 1) & kMonth)) || (lex(k + 1) & kMonth);
      if (t.hash == kShapeYear || t.decade) {
        ++cues->years;
      } else if (near_month && t.value >= 1 && t.value <= 31) {
        ++cues->dates;
      } else {
        ++cues->numbers;
      }
      first_word = false;
      continue;
    }
    const uint32_t c = t.lex;
    ++cues->words;
    if (t.capitalized && !first_word && !(c & kFirstSingular)) ++cues->capitalized;
    first_word = false;
    cues->future += (c & kFuture) != 0;
    cues->modals += (c & kModal) != 0;
    cues->commitments += (c & kCommit) != 0;
    // "going to", "about to"
    if (t.length == 5 && (lex(k + 1) & kTo) && t.hash == HashWord(u"going")) ++cues->future;
    if ((c & kComparative) && !(c & kThan)) ++cues->comparatives;
    if ((c & kThan) && k > 0 && !(lex(k - 1) & kComparative)) ++cues->comparatives;  // "-er than"
    cues->superlatives += (c & kSuperlative) != 0;
    if (t.ends_est && !(c & kSuperlative) && k > 0 && (lex(k - 1) & kDeterminer)) {
      ++cues->superlatives;  // "the longest"
    }
    cues->causal += (c & kCausal) != 0;
    cues->first_singular += (c & kFirstSingular) != 0;
    cues->first_plural += (c & kFirstPlural) != 0;
    cues->second_person += (c & kSecond) != 0;
    cues->opinion += (c & kOpinion) != 0;
    cues->hedges += (c & kHedge) != 0;
    cues->negations += (c & kNegation) != 0;
    cues->dates += (c & kMonth) != 0;
    cues->dates += (c & kWeekday) != 0;
    cues->time_refs += (c & kTime) != 0;
    if ((c & kTimeLead) && (lex(k + 1) & kTimeUnit)) ++cues->time_refs;  // "last year"
    cues->number_words += (c & kNumberWord) != 0;
    cues->percents += (c & kPercent) != 0;
    cues->money += (c & kMoney) != 0;
    cues->courtesy += (c & kCourtesy) != 0;
    cues->speech_cues += (c & kSpeech) != 0;
    if (t.ends_ed) ++cues->past_ed;
    if (c & kHave) {
      size_t j = k + 1;
      while (j < n && (lex(j) & (kAdverb | kNegation))) ++j;
      if (j < n && toks[j].kind == TokKind::kWord && (toks[j].ends_ed || (lex(j) & kParticiple))) {
        ++cues->perfect;  // "has spoken", "have engaged"
      }
    }
  }
}

thread_local std::vector<Tok> tl_tokens;

inline uint32_t Bucket(uint64_t h, int hash_bits) {
  return kClaimDenseFeatures + static_cast<uint32_t>(Mix(h) >> (64 - hash_bits));
}

float Flag(int count) {
  return count > 0 ? 1.0f : 0.0f;
}

// The features of a tokenized sentence, in order, as sink(index, value): the dense hand
// features that are not 0, then the hashed n-grams. The one definition of the features, shared
// by ExtractClaimFeatures (training) and ScoreClaimFeatures (the engine).
template <typename Sink>
void EmitFeatures(const std::vector<Tok>& toks, const ClaimCues& cues, int hash_bits, Sink&& sink) {
  // Dense hand features.
  float dense[kClaimDenseFeatures] = {};
  const int quantity = cues.numbers + cues.number_words + cues.percents + cues.money;
  dense[0] = Flag(cues.numbers);
  dense[1] = std::log1p(static_cast<float>(cues.numbers));
  dense[2] = Flag(cues.number_words);
  dense[3] = Flag(cues.percents);
  dense[4] = Flag(cues.money);
  dense[5] = Flag(cues.years);
  dense[6] = Flag(cues.dates);
  dense[7] = Flag(cues.time_refs);
  dense[8] = Flag(cues.comparatives);
  dense[9] = Flag(cues.superlatives);
  dense[10] = Flag(cues.future);
  dense[11] = Flag(cues.commitments);
  dense[12] = Flag(cues.modals);
  dense[13] = Flag(cues.causal);
  dense[14] = Flag(cues.first_singular);
  dense[15] = Flag(cues.first_plural);
  dense[16] = Flag(cues.second_person);
  dense[17] = Flag(cues.opinion);
  dense[18] = Flag(cues.hedges);
  dense[19] = Flag(cues.negations);
  dense[20] = Flag(cues.questions);
  dense[21] = Flag(cues.exclamations);
  dense[22] = Flag(cues.capitalized);
  dense[23] = std::log1p(static_cast<float>(cues.capitalized));
  dense[24] = Flag(cues.perfect);
  dense[25] = Flag(cues.past_ed);
  dense[26] = Flag(cues.courtesy);
  dense[27] = Flag(cues.speech_cues);
  const int w = cues.words + cues.numbers;
  const int length_bucket = w <= 3    ? 0
                            : w <= 6  ? 1
                            : w <= 10 ? 2
                            : w <= 16 ? 3
                            : w <= 25 ? 4
                            : w <= 40 ? 5
                                      : 6;
  dense[28 + length_bucket] = 1.0f;
  dense[35] = cues.words > 0 ? static_cast<float>(cues.capitalized) / cues.words : 0.0f;
  dense[36] = Flag(quantity);
  dense[37] = Flag(cues.first_singular) * Flag(cues.opinion);
  dense[38] = std::log1p(static_cast<float>(w)) / 4.0f;
  dense[39] = Flag(cues.years + cues.dates) * Flag(cues.capitalized);
  for (int i = 0; i < kClaimDenseFeatures; ++i) {
    if (dense[i] != 0.0f) sink(static_cast<uint32_t>(i), dense[i]);
  }

  // Hashed uni- and bigrams over the token stream, with sentence boundaries. Values are
  // 1/sqrt(#n-grams) so that long news sentences do not outscore short ones by sheer length.
  const size_t ngrams = 2 * toks.size() + 1;
  const float v = 1.0f / std::sqrt(static_cast<float>(ngrams));
  uint64_t prev = kBos;
  for (const Tok& t : toks) {
    sink(Bucket(t.hash ^ 0x5bd1e995ull, hash_bits), v);
    sink(Bucket(prev * 31 + t.hash, hash_bits), v);
    prev = t.hash;
  }
  sink(Bucket(prev * 31 + kEos, hash_bits), v);
}

}  // namespace

void CountClaimCues(std::u16string_view sentence, ClaimCues* cues) {
  SentenceToks(sentence, &tl_tokens);
  Count(tl_tokens, cues);
}

void ExtractClaimFeatures(std::u16string_view sentence, int hash_bits, ClaimFeatures* out,
                          ClaimCues* cues_out) {
  out->clear();
  std::vector<Tok>& toks = tl_tokens;
  SentenceToks(sentence, &toks);
  ClaimCues cues;
  Count(toks, &cues);
  EmitFeatures(toks, cues, hash_bits, [out](uint32_t index, float value) {
    out->index.push_back(index);
    out->value.push_back(value);
  });
  if (cues_out != nullptr) *cues_out = cues;
}

namespace {

double Score(const std::vector<Tok>& toks, int hash_bits, const int16_t* weights, int num_weights,
             double bias, double scale, ClaimCues* cues_out) {
  ClaimCues cues;
  Count(toks, &cues);
  if (cues_out != nullptr) *cues_out = cues;
  if (TooShortForClaim(cues)) return 0.0;
  double z = bias;
  const auto limit = static_cast<uint32_t>(num_weights);
  EmitFeatures(toks, cues, hash_bits, [&](uint32_t k, float value) {
    if (k < limit) z += static_cast<double>(weights[k]) * scale * value;
  });
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace

double ScoreClaimFeatures(std::u16string_view sentence, int hash_bits, const int16_t* weights,
                          int num_weights, double bias, double scale, ClaimCues* cues_out) {
  SentenceToks(sentence, &tl_tokens);
  return Score(tl_tokens, hash_bits, weights, num_weights, bias, scale, cues_out);
}

double ScoreClaimTokens(std::u16string_view text, const Token* first, const Token* last,
                        int hash_bits, const int16_t* weights, int num_weights, double bias,
                        double scale, ClaimCues* cues_out) {
  ToksFromTokens(text, first, last, &tl_tokens);
  return Score(tl_tokens, hash_bits, weights, num_weights, bias, scale, cues_out);
}

std::vector<ClaimKind> ClaimKindsOf(const ClaimCues& c) {
  std::vector<ClaimKind> kinds;
  if (c.numbers + c.number_words + c.percents + c.money > 0) kinds.push_back(ClaimKind::kQuantity);
  if (c.comparatives + c.superlatives > 0) kinds.push_back(ClaimKind::kComparison);
  if (c.future + c.commitments > 0) kinds.push_back(ClaimKind::kPrediction);
  if (c.years + c.dates + c.time_refs > 0) kinds.push_back(ClaimKind::kDatedEvent);
  if (c.causal > 0) kinds.push_back(ClaimKind::kCausal);
  return kinds;
}

bool IsAgentlessReport(std::u16string_view sentence) {
  SentenceToks(sentence, &tl_tokens);
  return Agentless(tl_tokens);
}

}  // namespace attrib
