#include "lexicon.h"

#include <algorithm>
#include <map>
#include <memory>

#include "attrib/text.h"
#include "embedded_data.h"

namespace attrib {

std::string_view FindEmbeddedFile(std::string_view path) {
  for (const EmbeddedFile* f = EmbeddedFiles(); f->path != nullptr; ++f) {
    if (path == f->path) return std::string_view(f->bytes, f->size);
  }
  return {};
}

namespace {

std::vector<std::string_view> SplitWhite(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

// Calls `entry` with the fields of every line of a data file that has two or more; "#" starts
// a comment. Every data file (cues, words, titles, suffixes, grammar) has this format.
template <typename F>
void ForEachEntry(std::string_view text, F entry) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string_view> fields = SplitWhite(line);
    if (fields.size() >= 2) entry(fields);
  }
}

}  // namespace

Lexicon::Slot* Lexicon::Insert(uint64_t key) {
  if (key == 0) key = 1;  // 0 marks an empty slot; a real chain hashing to 0 is improbable
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot());
    mask_ = slots_.size() - 1;
    used_ = 0;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      Slot* t = Insert(s.key);
      t->categories = s.categories;
      t->prefix = s.prefix;
    }
  }
  size_t i = (key ^ (key >> 31)) & mask_;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
  if (slots_[i].key == 0) {
    slots_[i].key = key;
    ++used_;
  }
  return &slots_[i];
}

Lexicon Lexicon::Parse(std::string_view text) {
  Lexicon lex;
  ForEachEntry(text, [&lex](const std::vector<std::string_view>& fields) {
    uint32_t bit = lex.Category(fields[0]);
    if (bit == 0) {
      if (lex.categories_.size() >= 32) return;
      lex.categories_.emplace_back(fields[0]);
      bit = 1u << (lex.categories_.size() - 1);
    }
    for (size_t f = 1; f < fields.size(); ++f) {
      std::string_view form = fields[f];
      uint64_t h = 0;
      int words = 0;
      size_t b = 0;
      while (b <= form.size()) {
        size_t e = form.find('_', b);
        if (e == std::string_view::npos) e = form.size();
        if (e > b) {
          if (words > 0) lex.Insert(h)->prefix = 1;
          if (words == 0) lex.first_words_.push_back(HashWordUtf8(form.substr(b, e - b)));
          h = HashCombine(h, HashWordUtf8(form.substr(b, e - b)));
          ++words;
        }
        b = e + 1;
      }
      if (words == 0) continue;
      lex.Insert(h)->categories |= bit;
      lex.max_words_ = std::max(lex.max_words_, words);
    }
  });
  return lex;
}

uint32_t Lexicon::PairCategories(uint64_t first, uint64_t second) const {
  const Slot* s = Find(HashCombine(HashCombine(0, first), second));
  return s == nullptr ? 0 : s->categories;
}

uint32_t Lexicon::Category(std::string_view name) const {
  for (size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i] == name) return 1u << i;
  }
  return 0;
}

int Lexicon::MatchAt(const std::vector<Token>& tokens, size_t i, uint32_t mask,
                     uint32_t* categories) const {
  uint64_t h = 0;
  int best = 0;
  uint32_t best_cat = 0;
  for (int k = 0; k < max_words_ && i + k < tokens.size(); ++k) {
    const Token& t = tokens[i + k];
    if (t.kind == TokenKind::kPunct) break;
    if (k > 0 && t.paragraph != tokens[i].paragraph) break;
    h = HashCombine(h, t.hash);
    const Slot* s = Find(h);
    if (s == nullptr) break;
    if (s->categories & mask) {
      best = k + 1;
      best_cat = s->categories & mask;
    }
    if (!s->prefix) break;
  }
  if (categories) *categories = best_cat;
  return best;
}

WordInfo* WordTable::Insert(uint64_t hash) {
  if (hash == 0) hash = 1;
  const uint64_t bit = (hash >> 40) & (kFilterBits - 1);
  filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  if ((used_ + 1) * 4 > keys_.size()) {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<WordInfo> old_values = std::move(values_);
    keys_.assign(std::max<size_t>(64, old_keys.size() * 2), 0);
    values_.assign(keys_.size(), WordInfo());
    mask_ = keys_.size() - 1;
    used_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) *Insert(old_keys[i]) = old_values[i];
  }
  size_t i = (hash ^ (hash >> 29)) & mask_;
  while (keys_[i] != 0 && keys_[i] != hash) i = (i + 1) & mask_;
  if (keys_[i] == 0) {
    keys_[i] = hash;
    ++used_;
  }
  return &values_[i];
}

namespace {

// suffixes.txt: "CATEGORY SUFFIX SUFFIX ..." a line.
void ParseSuffixes(std::string_view text, LanguageData* d) {
  ForEachEntry(text, [d](const std::vector<std::string_view>& fields) {
    const std::string_view category = fields[0];
    std::vector<std::u16string>* list = category == "participle" ? &d->participle_suffixes
                                        : category == "adverb"   ? &d->adverb_suffixes
                                        : category == "past"     ? &d->past_suffixes
                                        : category == "negation" ? &d->negation_suffixes
                                                                 : nullptr;
    if (list == nullptr) return;
    for (size_t f = 1; f < fields.size(); ++f) {
      std::u16string suffix;
      if (Utf8ToUtf16(fields[f], &suffix).ok()) list->push_back(std::move(suffix));
    }
  });
}

// grammar.txt: "KEY yes|no" a line.
void ParseGrammar(std::string_view text, LanguageData* d) {
  ForEachEntry(text, [d](const std::vector<std::string_view>& fields) {
    const bool yes = fields[1] == "yes";
    if (fields[0] == "comma-clause-reports") d->comma_clause_reports = yes;
    if (fields[0] == "source-mid-sentence") d->source_mid_sentence = yes;
    if (fields[0] == "verb-second") d->verb_second = yes;
    if (fields[0] == "nouns-capitalized") d->nouns_capitalized = yes;
    if (fields[0] == "separable-verbs") d->separable_verbs = yes;
    if (fields[0] == "dropped-subject") d->dropped_subject = yes;
    if (fields[0] == "dialogue-dash") d->dialogue_dash = yes;
    if (fields[0] == "role-anaphora") d->role_anaphora = yes;
    if (fields[0] == "object-reports") d->object_reports = yes;
  });
}

std::unique_ptr<LanguageData> Build(const std::string& lang) {
  std::string_view cues = FindEmbeddedFile(lang + "/cues.txt");
  if (cues.empty()) return nullptr;
  auto d = std::make_unique<LanguageData>();
  d->language = lang;
  d->cues = Lexicon::Parse(cues);
  d->words = Lexicon::Parse(FindEmbeddedFile(lang + "/words.txt"));
  d->titles = Lexicon::Parse(FindEmbeddedFile(lang + "/titles.txt"));
  d->detect = Lexicon::Parse(FindEmbeddedFile(lang + "/detect.txt"));
  for (uint64_t h : d->words.FirstWords())
    d->word_table.Insert(h)->words = d->words.WordCategories(h);
  for (uint64_t h : d->titles.FirstWords())
    d->word_table.Insert(h)->titles = d->titles.WordCategories(h);
  for (uint64_t h : d->cues.FirstWords()) d->word_table.Insert(h)->cue_first = 1;
  const Lexicon& c = d->cues;
  d->speech = c.Category("speech");
  d->tell = c.Category("tell");
  d->write = c.Category("write");
  d->ask = c.Category("ask");
  d->belief = c.Category("belief");
  d->report = c.Category("report");
  d->object = c.Category("object");
  d->source = c.Category("source");
  d->to_infinitive = c.Category("to-infinitive");
  d->that_only = c.Category("that-only");
  d->source_before = c.Category("source-before");
  d->after_comma = c.Category("after-comma");
  d->needs_source_noun = c.Category("needs-source-noun");
  d->impersonal = c.Category("impersonal");
  const Lexicon& w = d->words;
  d->pron_m = w.Category("pronoun-m");
  d->pron_f = w.Category("pronoun-f");
  d->pron_n = w.Category("pronoun-n");
  d->pron_p = w.Category("pronoun-p");
  d->pron_1 = w.Category("pronoun-1");
  d->aux = w.Category("aux");
  d->det = w.Category("det");
  d->prep = w.Category("prep");
  d->clause = w.Category("clause");
  d->comp = w.Category("comp");
  d->intro = w.Category("intro");
  d->addressee = w.Category("addressee");
  d->cue_tail = w.Category("cue-tail");
  d->wh = w.Category("wh");
  d->clause_break = w.Category("clause-break");
  d->relative = w.Category("relative");
  d->np_link = w.Category("np-link");
  d->np_link_article = w.Category("np-link-article");
  d->infinitive_marker = w.Category("infinitive-marker");
  d->expletive = w.Category("expletive");
  d->conj_and = w.Category("conj-and");
  d->conj_but = w.Category("conj-but");
  d->as_lead = w.Category("as-lead");
  d->conditional = w.Category("conditional");
  d->say = w.Category("say");
  d->say_participle = w.Category("say-participle");
  d->relative_person = w.Category("relative-person");
  d->definite = w.Category("definite");
  d->subjunctive = w.Category("subjunctive");
  d->source_noun = w.Category("source-noun");
  d->aux_verb = w.Category("aux-verb");
  d->reflexive = w.Category("reflexive");
  d->adverb = w.Category("adverb");
  d->time = w.Category("time");
  ParseSuffixes(FindEmbeddedFile(lang + "/suffixes.txt"), d.get());
  ParseGrammar(FindEmbeddedFile(lang + "/grammar.txt"), d.get());
  d->title = d->titles.Category("title");
  d->person = d->titles.Category("person");
  d->org = d->titles.Category("org");
  d->male = d->titles.Category("male");
  d->female = d->titles.Category("female");
  return d;
}

const std::map<std::string, std::unique_ptr<LanguageData>>& All() {
  static const auto* all = [] {
    auto* m = new std::map<std::string, std::unique_ptr<LanguageData>>();
    for (const EmbeddedFile* f = EmbeddedFiles(); f->path != nullptr; ++f) {
      std::string_view p = f->path;
      size_t slash = p.find('/');
      if (slash == std::string_view::npos || p.substr(slash + 1) != "cues.txt") continue;
      std::string lang(p.substr(0, slash));
      if (auto d = Build(lang)) (*m)[lang] = std::move(d);
    }
    return m;
  }();
  return *all;
}

}  // namespace

std::vector<WordInfo> LookupWords(const Tokens& tokens, const LanguageData& lang) {
  std::vector<WordInfo> out(tokens.tokens.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (tokens.tokens[i].kind == TokenKind::kWord) out[i] = lang.Word(tokens.tokens[i].hash);
  }
  return out;
}

const LanguageData* GetLanguageData(std::string_view language) {
  std::string lang(language.substr(0, language.find_first_of("-_")));
  for (char& ch : lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto& all = All();
  auto it = all.find(lang);
  return it == all.end() ? nullptr : it->second.get();
}

std::vector<std::string> AvailableLanguages() {
  std::vector<std::string> out;
  for (const auto& [k, v] : All()) out.push_back(k);
  return out;
}

}  // namespace attrib
