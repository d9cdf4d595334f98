// Word lists and the cue lexicon, read from the embedded language data (core/data/<lang>/).
// A data file has one entry a line: "CATEGORY FORM FORM ...", "#" starts a comment, and the
// words of a multi-word FORM are joined by "_" ("told_reporters"). Lookups are hashed over
// tokens (tokens.h), longest form first; building a lexicon is the only allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokens.h"

namespace attrib {

class Lexicon {
 public:
  // Parses a data file; unknown lines are ignored. Up to 32 categories.
  static Lexicon Parse(std::string_view text);

  // The category's bit (0 when the file has no such category).
  uint32_t Category(std::string_view name) const;
  // Length in tokens of the longest form starting at token `i` whose categories intersect
  // `mask` (0 = none); its categories in *categories.
  int MatchAt(const std::vector<Token>& tokens, size_t i, uint32_t mask,
              uint32_t* categories) const;
  // Categories of the one-word form with this hash (0 = not in the lexicon).
  uint32_t WordCategories(uint64_t hash) const {
    const Slot* s = Find(HashCombine(0, hash));
    return s == nullptr ? 0 : s->categories;
  }
  // Categories of the two-word form "first_second" (0 = not in the lexicon): a separable verb
  // whose particle comes later ("teilte ... mit").
  uint32_t PairCategories(uint64_t first, uint64_t second) const;
  bool Has(uint64_t hash, uint32_t mask) const { return (WordCategories(hash) & mask) != 0; }
  size_t size() const { return used_; }
  // Token hashes of the first word of every form (one-word forms included).
  const std::vector<uint64_t>& FirstWords() const { return first_words_; }

 private:
  // One open-addressing table (linear probing, power-of-two size) for whole forms and proper
  // prefixes of multi-word forms: a lookup is one or two cache lines, no allocation.
  struct Slot {
    uint64_t key = 0;         // HashCombine chain of the form's words; 0 = empty
    uint32_t categories = 0;  // of the whole form (0 when only a prefix)
    uint32_t prefix = 0;      // 1 when some longer form starts with it
  };
  const Slot* Find(uint64_t key) const {
    if (slots_.empty() || key == 0) return nullptr;
    for (size_t i = (key ^ (key >> 31)) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  Slot* Insert(uint64_t key);

  std::vector<std::string> categories_;
  std::vector<uint64_t> first_words_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
  int max_words_ = 0;
};

// What the lexicons say about one token, found with one hashed lookup (LanguageData::Word).
struct WordInfo {
  uint32_t words = 0;      // categories in LanguageData::words
  uint32_t titles = 0;     // categories in LanguageData::titles
  uint32_t cue_first = 0;  // 1 when a cue form starts with this word
};

// Token hash -> WordInfo for every word of the language's lexicons; open addressing.
class WordTable {
 public:
  WordInfo* Insert(uint64_t hash);
  // Load factor <= 1/4: a miss (most words) usually costs one probe.
  WordInfo Find(uint64_t hash) const {
    const uint64_t bit = (hash >> 40) & (kFilterBits - 1);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1) || hash == 0) return WordInfo();
    for (size_t i = (hash ^ (hash >> 29)) & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == hash) return values_[i];
      if (keys_[i] == 0) return WordInfo();
    }
  }

 private:
  // One bit per (hash >> 40) mod kFilterBits: most words are in no lexicon, and this 1 KB
  // filter answers that without touching the table.
  static constexpr uint64_t kFilterBits = 8192;
  uint64_t filter_[kFilterBits / 64] = {};
  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<WordInfo> values_;
  size_t mask_ = 0;
  size_t used_ = 0;
};

// All data of one language. Built once from the embedded files; immutable after that.
struct LanguageData {
  std::string language;
  Lexicon cues;          // cues.txt
  Lexicon words;         // words.txt
  Lexicon titles;        // titles.txt
  Lexicon detect;        // detect.txt: frequent function words that identify the language
  WordTable word_table;  // every one-word entry of the three, for Word()
  WordInfo Word(uint64_t token_hash) const { return word_table.Find(token_hash); }
  // Cue classes (bits of `cues`).
  uint32_t speech = 0, tell = 0, write = 0, ask = 0, belief = 0, report = 0, object = 0, source = 0,
           to_infinitive = 0, that_only = 0, source_before = 0,
           after_comma = 0,   // a cue only right after a comma ("…“, so der Minister")
      needs_source_noun = 0,  // a cue only next to a source noun ("nach Angaben X")
      impersonal = 0;         // no agent: "heißt es" (a source may follow: "in der Rede")
  // Word categories (bits of `words` / `titles`).
  uint32_t pron_m = 0, pron_f = 0, pron_n = 0, pron_p = 0, pron_1 = 0, aux = 0, det = 0, prep = 0,
           clause = 0, comp = 0, intro = 0, addressee = 0, cue_tail = 0, wh = 0, clause_break = 0,
           relative = 0;
  // Function words the rules name, one grammatical role each (words.txt).
  uint32_t np_link = 0,       // joins noun-phrase segments: "spokeswoman for the NSC"
      np_link_article = 0,    // a link that holds its article: "la régie des transports"
      infinitive_marker = 0,  // "pledged to remain"
      expletive = 0,          // the empty subject of a passive report: "It was added"
      conj_and = 0,           // "and": lists, "... and added that"
      conj_but = 0,           // "but": ", but pledged to", ", but X was furious"
      as_lead = 0,            // "As The Washington Post reported, ..."
      conditional = 0,        // "said if elected" opens no embedded question
      say = 0,                // the plain speech verb: its object is a clause
      say_participle = 0,     // its participle ("saying")
      relative_person = 0,    // "who": opens an apposition about a person
      definite = 0,           // "the Russian president": refers back to an entity
      subjunctive = 0,        // the mood of reported speech (German Konjunktiv I)
      source_noun = 0,        // "Angaben", "Meinung": make "nach" cite a source
      aux_verb = 0,           // finite auxiliaries ("hatte ... gesagt")
      reflexive = 0,          // "äußerte sich Merkel"
      adverb = 0,             // opens a clause before its verb: "Dabei sagte er"
      time = 0;               // says when, ends a noun phrase: "a déclaré Borne mardi"
  // Grammar switches (grammar.txt).
  bool comma_clause_reports = false;  // "sagte, die Union benötige ...": a clause after a comma
  bool source_mid_sentence = false;   // "bestehe laut Polizei nicht mehr": the whole sentence
  bool verb_second = false;           // "Am Montag sagte der Minister": subject after the verb
  bool nouns_capitalized = false;     // German nouns: "der Minister zufrieden" ends at "Minister"
  bool separable_verbs = false;       // "teilte die Polizei mit": a cue's particle comes later
  bool dropped_subject = false;       // "«…», ha insistido.": the subject may be left out
  bool role_anaphora = false;  // "Le sélectionneur a ajouté": a role noun names the person before
  bool dialogue_dash = false;  // "— No pensamos dimitir, respondió X.": a dash opens a turn
  bool object_reports = false;  // "Sanders supports raising the wage": the verb-object sieve
  // Word endings the rules test (suffixes.txt).
  std::vector<std::u16string> participle_suffixes,  // "speaking", "saying"
      adverb_suffixes,                              // "Frustratedly", "Indeed"-like openers
      past_suffixes,                                // "tried", "accused"
      negation_suffixes;                            // "hasn't"
  uint32_t title = 0, person = 0, org = 0, male = 0, female = 0;
  uint32_t pronouns() const { return pron_m | pron_f | pron_n | pron_p | pron_1; }
  uint32_t coordinator() const { return conj_and | conj_but; }
  uint32_t speech_like() const { return speech | tell | write | ask; }
};

// What the lexicons say of each token (WordInfo() for punctuation and numbers).
std::vector<WordInfo> LookupWords(const Tokens& tokens, const LanguageData& lang);

// The data for `language` ("en", "en-US" -> "en"); nullptr when the language has none.
const LanguageData* GetLanguageData(std::string_view language);
// Languages with data, e.g. {"en"}.
std::vector<std::string> AvailableLanguages();

}  // namespace attrib
