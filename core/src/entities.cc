#include "entities.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "attrib/text.h"
#include "noun_phrases.h"

namespace attrib {
namespace {

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// How far back (code points) a role noun alone may refer to the person named last.
constexpr int32_t kRoleAnaphoraReach = 600;

struct Entity {
  std::string name;
  std::string role;
  bool anonymous = false;
  bool person = false;
  bool org = false;
  uint64_t surname = 0;
  uint64_t first = 0;
  Gender gender = Gender::kUnknown;  // from honorifics, gendered role nouns, first names
  std::vector<uint64_t> words;       // lower-cased words of role and description
  std::vector<Span> mentions;
  bool speaks = false;
};

struct Resolver {
  const AttributionInput& in;
  const std::vector<Token>& tok;
  const LanguageData& L;
  std::vector<Entity> ents;
  std::vector<std::pair<int, int32_t>> subjects;  // (entity, offset) candidates for pronouns
  int last_quote_speaker = -1;
  int32_t last_quote_end = -1;
  int32_t last_quote_para = -1000;
  std::vector<int> speaker_history;  // entities of attributions, in order
  std::unordered_map<uint64_t, std::vector<int>> by_surname;
  std::unordered_map<std::string, int> org_by_name;
  std::vector<std::pair<int32_t, int32_t>> segs_;  // Link's comma segments, reused

  explicit Resolver(const AttributionInput& i) : in(i), tok(i.tokens->tokens), L(*i.lang) {}

  uint32_t W(int32_t i) const { return in.info[i].words; }
  uint32_t T(int32_t i) const { return in.info[i].titles; }
  std::string Text(int32_t a, int32_t b) const {  // tokens [a, b)
    if (a >= b) return "";
    return Utf16ToUtf8(in.text.substr(tok[a].begin, tok[b - 1].end - tok[a].begin));
  }
  bool Punct(int32_t i, char16_t c) const {
    return tok[i].kind == TokenKind::kPunct && in.text[tok[i].begin] == c;
  }
  // Two or more letters, every one upper case ASCII: "RN", "FBI".
  bool Acronym(int32_t i) const {
    std::u16string_view w = in.text.substr(tok[i].begin, tok[i].end - tok[i].begin);
    return w.size() >= 2 &&
           std::all_of(w.begin(), w.end(), [](char16_t ch) { return ch >= u'A' && ch <= u'Z'; });
  }
  uint64_t Surname(int32_t i) const {
    std::u16string_view w = in.text.substr(tok[i].begin, tok[i].end - tok[i].begin);
    if (w.size() > 2 && (w[w.size() - 2] == u'\'' || w[w.size() - 2] == u'\u2019') &&
        (w.back() == u's' || w.back() == u'S'))
      w = w.substr(0, w.size() - 2);
    return HashWord(w);
  }

  void AddMention(int e, Span s) {
    auto& m = ents[e].mentions;
    if (m.empty() || m.back() != s) m.push_back(s);  // sorted and made unique at the end
  }

  // The gender the words of [a, b) state: "Mrs.", "spokeswoman", "Hillary"; unknown when they
  // state none or both.
  Gender GenderOf(int32_t a, int32_t b) const {
    bool male = false, female = false;
    for (int32_t i = a; i < b; ++i) {
      if (tok[i].kind != TokenKind::kWord) continue;
      male = male || (T(i) & L.male);
      female = female || (T(i) & L.female);
    }
    return male == female ? Gender::kUnknown : (male ? Gender::kMale : Gender::kFemale);
  }
  void NoteGender(int e, int32_t a, int32_t b) {
    if (e >= 0 && ents[e].gender == Gender::kUnknown) ents[e].gender = GenderOf(a, b);
  }
  // False when entity `e` is known to be of the other gender than the pronoun's.
  bool Agrees(int e, Gender pronoun) const {
    return pronoun == Gender::kUnknown || ents[e].gender == Gender::kUnknown ||
           ents[e].gender == pronoun;
  }

  // The entity for the non-pronoun phrase [a, b); -1 when it names nobody.
  int Link(int32_t a, int32_t b, Span span) {
    // "Angaben der Polizei", "nach Meinung Russlands": a source noun names what was said; the
    // speaker is its complement (the mention keeps the whole phrase).
    int32_t first = a;
    while (first < b && (W(first) & L.det)) ++first;
    if (first + 1 < b && (W(first) & L.source_noun)) {
      a = (W(first + 1) & L.np_link) ? first + 2 : first + 1;
      if (a < b && (W(a) & L.det) && !(W(a) & L.np_link)) ++a;
    }
    const int e = LinkPhrase(a, b, span);
    NoteGender(e, a, b);
    return e;
  }

  int LinkPhrase(int32_t a, int32_t b, Span span) {
    // Comma segments (not inside parentheses).
    std::vector<std::pair<int32_t, int32_t>>& segs = segs_;  // reused: Link does not recurse
    segs.clear();
    int32_t s = a;
    int paren = 0;
    for (int32_t i = a; i < b; ++i) {
      if (Punct(i, u'(')) ++paren;
      if (Punct(i, u')')) --paren;
      if (paren == 0 && Punct(i, u',')) {
        if (i > s) segs.push_back({s, i});
        s = i + 1;
      }
    }
    if (b > s) segs.push_back({s, b});
    // A name: the last run of capitalised words of a segment, ending it, minus titles.
    for (size_t si = 0; si < segs.size(); ++si) {
      auto [sa, sb] = segs[si];
      int32_t last = sb - 1;
      while (last >= sa && tok[last].kind == TokenKind::kPunct) {
        if (Punct(last, u')')) {
          while (last >= sa && !Punct(last, u'(')) --last;
        }
        --last;
      }
      if (last < sa || !tok[last].IsCap()) continue;
      int32_t r = last;
      while (r - 1 >= sa &&
             (tok[r - 1].IsCap() || (Punct(r - 1, u'.') && r - 2 >= sa && tok[r - 2].IsCap()) ||
              Punct(r - 1, u'-')))
        --r;
      if (W(r) & L.det) ++r;
      // A name that complements a role ("La ministre de la Culture, Rachida Dati", "the
      // director of the FBI, James Comey") is not the person when a later segment follows, nor
      // a single word ending the phrase ("le ministère de la Santé", "ein Sprecher der
      // Verkehrsbetriebe", "the Secretary of State"; "Secretary of State Antony Blinken" keeps
      // its name).
      if (si + 1 < segs.size() || r == last) {
        int32_t p = r - 1;
        if (p >= sa && (W(p) & L.det) && !(W(p) & L.np_link)) --p;
        // A particle between capitalised names is part of the name: "François Villeroy de
        // Galhau" (where every noun is capitalised the word before says nothing).
        const bool particle = r == last && p - 1 >= sa && tok[p - 1].IsCap() &&
                              !L.nouns_capitalized && si + 1 == segs.size();
        if (p >= sa && (W(p) & L.np_link) && !particle) continue;
      }
      // An acronym after a plain lower-case noun names what the noun is of, not a person:
      // "la présidente du groupe RN", "the leader of the party's group GOP".
      if (r == last && r - 1 >= sa && tok[r - 1].kind == TokenKind::kWord && Acronym(r) &&
          (tok[r - 1].flags & kLowercase) && !(T(r - 1) & (L.title | L.person)) &&
          !(W(r - 1) & (L.det | L.np_link | L.prep)) && !L.nouns_capitalized) {
        continue;
      }
      // Titles at the front of the run belong to the role.
      int32_t name_first = r;
      for (int32_t i = r; i <= last; ++i) {
        if ((T(i) & L.title) && i < last) name_first = i + 1;
      }
      while (name_first <= last && tok[name_first].kind == TokenKind::kPunct) ++name_first;
      if (name_first > last) continue;
      if (T(last) & L.org) {
        // An organisation: "The New York Post", "the White House".
        if (segs.size() == 1 && sa + 1 >= r) {
          std::string name = Text(r, last + 1);
          if (auto it = org_by_name.find(name); it != org_by_name.end()) {
            AddMention(it->second, span);
            return it->second;
          }
          org_by_name[name] = static_cast<int>(ents.size());
          Entity en;
          en.name = name;
          en.org = true;
          ents.push_back(std::move(en));
          AddMention(static_cast<int>(ents.size()) - 1, span);
          return static_cast<int>(ents.size()) - 1;
        }
        continue;
      }
      if (T(last) & L.person) continue;  // "White House member" ends on a role noun
      // A person.
      int32_t role_a = sa, role_b = name_first;
      while (role_b > role_a && tok[role_b - 1].kind == TokenKind::kPunct &&
             !Punct(role_b - 1, u'.'))
        --role_b;
      while (role_a < role_b && (W(role_a) & L.det)) ++role_a;
      std::string role = Text(role_a, role_b);
      // A role from another segment ("Ned Price, State Department spokesman"), unless the
      // phrase coordinates appositions ("The presidents of Russia, Vladimir Putin, and of the
      // United States, Joe Biden": which role is whose is not that simple).
      bool coordinated = false;
      for (const auto& [x, y] : segs)
        coordinated = coordinated || (x < y && (W(x) & L.coordinator()));
      {
        // The coordination may go on after the mention: "..., Vladimir Putin, and of ...".
        const int32_t n = static_cast<int32_t>(tok.size());
        int32_t k = b;
        if (k < n && Punct(k, u',')) ++k;
        coordinated = coordinated || (k < n && (W(k) & L.coordinator()));
      }
      if (role.empty() && !coordinated) {
        for (size_t so = 0; so < segs.size(); ++so) {
          if (so == si) continue;
          int32_t x = segs[so].first, y = segs[so].second;
          while (x < y && (W(x) & L.det)) ++x;
          if (x < y && tok[x].kind != TokenKind::kNumber && !(W(x) & L.relative_person)) {
            role = Text(x, y);
            break;
          }
        }
      }
      uint64_t sur = Surname(last);
      uint64_t first = 0;
      int32_t name_words = 0;
      for (int32_t i = name_first; i <= last; ++i) name_words += tok[i].kind == TokenKind::kWord;
      if (name_words >= 2) first = tok[name_first].hash;
      int found = -1;
      std::vector<int>& same = by_surname[sur];
      int tried = 0;  // the latest few namesakes only: bounded cost per mention
      for (auto it = same.rbegin(); it != same.rend() && tried++ < 16; ++it) {
        const Entity& en = ents[*it];
        if (first != 0 && en.first != 0 && en.first != first) continue;
        found = *it;
        break;
      }
      if (found < 0) {
        Entity en;
        en.person = true;
        en.surname = sur;
        ents.push_back(std::move(en));
        found = static_cast<int>(ents.size()) - 1;
        same.push_back(found);
      }
      Entity& en = ents[found];
      std::string name = Text(name_first, last + 1);
      if (name.size() > en.name.size() && name_words <= 4) en.name = name;
      if (first != 0) en.first = first;
      if (en.role.empty() && !role.empty()) en.role = role;
      for (int32_t i = role_a; i < role_b; ++i)
        if (tok[i].kind == TokenKind::kWord) en.words.push_back(tok[i].hash);
      AddMention(found, span);
      return found;
    }
    // A description: "a senior White House member", "the Russian president", "sources".
    std::vector<uint64_t> words;
    int32_t head = -1;
    for (int32_t i = a; i < b; ++i) {
      if (tok[i].kind != TokenKind::kWord) continue;
      if (W(i) & (L.det | L.prep)) continue;
      words.push_back(tok[i].hash);
      head = i;
    }
    if (words.empty() || head < 0) return -1;
    bool has_person_noun = false;
    for (int32_t i = a; i < b; ++i)
      has_person_noun = has_person_noun || (T(i) & (L.person | L.title));
    if (!has_person_noun) {
      // A source that is not a person: "the report", "the website", "a new poll".
      Entity en;
      en.name = Text(a, b);
      en.org = true;
      en.words = std::move(words);
      ents.push_back(std::move(en));
      AddMention(static_cast<int>(ents.size()) - 1, span);
      return static_cast<int>(ents.size()) - 1;
    }
    const bool definite = tok[a].kind == TokenKind::kWord && (W(a) & L.definite);
    if (definite) {
      int best = -1;
      const int oldest = std::max(0, static_cast<int>(ents.size()) - 200);  // recent entities only
      for (int e = static_cast<int>(ents.size()) - 1; e >= oldest && best < 0; --e) {
        const Entity& en = ents[e];
        if (en.words.empty()) continue;
        size_t common = 0;
        bool head_match = false;
        for (uint64_t w : words) {
          if (std::find(en.words.begin(), en.words.end(), w) != en.words.end()) {
            ++common;
            if (w == tok[head].hash) head_match = true;
          }
        }
        if (en.person && head_match && common == words.size())
          best = e;
        else if (en.anonymous && (head_match || common * 2 >= words.size()) &&
                 common * 2 >= words.size())
          best = e;
      }
      // A role noun alone refers back to the person named last ("Didier Deschamps a regretté
      // … Le sélectionneur a ajouté"), in languages whose grammar.txt says role-anaphora.
      // Its complement does not count: "la présidente du groupe RN".
      size_t before_link = 0;
      for (int32_t i = a; i < b && !(W(i) & L.np_link); ++i)
        before_link += tok[i].kind == TokenKind::kWord && !(W(i) & L.det);
      if (best < 0 && L.role_anaphora && (words.size() <= 2 || before_link <= 1)) {
        int32_t latest = -1;
        for (int e = static_cast<int>(ents.size()) - 1; e >= oldest; --e) {
          const Entity& en = ents[e];
          if (!en.person || en.anonymous) continue;
          for (auto m = en.mentions.rbegin(); m != en.mentions.rend(); ++m) {
            if (*m == span) {  // linked here before (the same mention met again)
              latest = INT32_MAX;
              best = e;
              break;
            }
            if (m->end > span.begin) continue;
            if (span.begin - m->end <= kRoleAnaphoraReach && m->begin > latest) {
              latest = m->begin;
              best = e;
            }
            break;
          }
          if (latest == INT32_MAX) break;
        }
      }
      if (best >= 0) {
        AddMention(best, span);
        return best;
      }
    }
    Entity en;
    en.anonymous = true;
    en.name = Text(a, b);
    en.words = std::move(words);
    ents.push_back(std::move(en));
    AddMention(static_cast<int>(ents.size()) - 1, span);
    return static_cast<int>(ents.size()) - 1;
  }

  int ResolvePronoun(int32_t t, bool neuter) {
    const Gender g = (W(t) & L.pron_m)   ? Gender::kMale
                     : (W(t) & L.pron_f) ? Gender::kFemale
                                         : Gender::kUnknown;
    const int32_t pos = tok[t].begin;
    const int32_t para = tok[t].paragraph;
    if (neuter) {
      int looked = 0;
      for (auto it = speaker_history.rbegin(); it != speaker_history.rend() && looked++ < 50;
           ++it) {
        if (*it >= 0 && (ents[*it].org || ents[*it].anonymous)) return *it;
      }
      return speaker_history.empty() ? -1 : speaker_history.back();
    }
    // A subject earlier in the same sentence (the first one: "Biden will ..., to whom he will").
    const int32_t sentence_begin = tok[in.tokens->sentences[tok[t].sentence].first].begin;
    int first_in_sentence = -1;
    int looked = 0;  // every look-back below is bounded in candidates
    for (auto it = subjects.rbegin();
         it != subjects.rend() && it->second >= sentence_begin && looked++ < 64; ++it) {
      if (it->second < pos && !ents[it->first].org && Agrees(it->first, g))
        first_in_sentence = it->first;
    }
    if (first_in_sentence >= 0) return first_in_sentence;
    looked = 0;
    for (auto it = subjects.rbegin(); it != subjects.rend() && looked++ < 64; ++it) {
      if (it->second >= pos) continue;
      if (it->second <= last_quote_end) break;
      if (!ents[it->first].org && Agrees(it->first, g)) return it->first;
    }
    if (last_quote_speaker >= 0 && para - last_quote_para <= 4 && Agrees(last_quote_speaker, g))
      return last_quote_speaker;
    looked = 0;
    for (auto it = subjects.rbegin(); it != subjects.rend() && looked++ < 200; ++it) {
      if (it->second < pos && !ents[it->first].org && Agrees(it->first, g)) return it->first;
    }
    return -1;
  }
};

bool InsideAny(const std::vector<Span>& spans, int32_t offset) {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](int32_t o, const Span& s) { return o < s.begin; });
  return it != spans.begin() && (it - 1)->Contains(offset);
}

}  // namespace

EntityResult ResolveSpeakers(const AttributionInput& in, const std::vector<Attribution>& attrs) {
  Resolver r(in);
  const auto& tok = in.tokens->tokens;
  const int32_t n = static_cast<int32_t>(tok.size());
  EntityResult res;
  res.speaker_of.assign(attrs.size(), std::nullopt);
  res.mention_of.assign(attrs.size(), std::nullopt);

  std::vector<Span> quoted;
  for (const auto& q : *in.quotations)
    if (q.depth == 0) quoted.push_back(q.content);

  // Events in text order: names (kind 0), sentence subjects (1), attributions (2).
  struct Event {
    int32_t pos;
    int kind;
    int32_t a, b;  // phrase tokens, or attribution index in a
  };
  std::vector<Event> events;
  // Person names: runs of two or more capitalised words.
  for (int32_t i = 0; i < n;) {
    if (!tok[i].IsCap() || InsideAny(quoted, tok[i].begin)) {
      ++i;
      continue;
    }
    int32_t j = i;
    int words = 0;
    while (
        j < n && tok[j].paragraph == tok[i].paragraph &&
        (tok[j].IsCap() || (tok[j].kind == TokenKind::kPunct && in.text[tok[j].begin] == u'.' &&
                            j > i && tok[j - 1].end == tok[j].begin &&
                            tok[j - 1].end - tok[j - 1].begin <= 3 && !tok[j].Is(kSentenceEnd)))) {
      words += tok[j].kind == TokenKind::kWord;
      ++j;
    }
    if (words >= 2) {
      int32_t a = i;
      if (r.W(a) & (r.L.det | r.L.intro | r.L.prep)) ++a;  // "Laut Polizei", "Selon Claire Morel"
      // Lower-case titles just before: "spokesman Ned Price".
      if (a < j) events.push_back({tok[a].begin, 0, a, j});
    }
    i = j;
  }
  // Sentence subjects outside quotations.
  const TokenContext np(in);
  for (const auto& s : in.tokens->sentences) {
    if (s.last <= s.first || InsideAny(quoted, tok[s.first].begin)) continue;
    int32_t start = s.first;
    uint32_t w0 = r.W(start);
    if ((w0 & (r.L.prep | r.L.intro)) && !(w0 & r.L.det)) {
      int32_t k = start;
      while (k < s.last && k < start + 12 &&
             !(tok[k].kind == TokenKind::kPunct && in.text[tok[k].begin] == u','))
        ++k;
      if (k < s.last && k < start + 12)
        start = k + 1;
      else if (w0 & r.L.prep)
        continue;
    }
    if (start >= s.last || tok[start].Is(kQuoteChar)) continue;
    Phrase p = PhraseAfter(np, start, s.last, true);
    if (p.empty()) continue;
    events.push_back({p.span.begin, 1, p.first, p.last});
  }
  for (size_t i = 0; i < attrs.size(); ++i) {
    const Attribution& a = attrs[i];
    int32_t pos = a.speaker.empty() ? a.content.begin : a.speaker.span.begin;
    if (a.kind == QuoteKind::kDirect && !a.speaker.empty()) pos = std::max(pos, a.content.begin);
    events.push_back({pos, 2, static_cast<int32_t>(i), 0});
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return x.pos != y.pos ? x.pos < y.pos : x.kind < y.kind;
  });

  std::vector<int> ent_of(attrs.size(), -1);
  std::vector<bool> decided(attrs.size(), false);
  for (const Event& ev : events) {
    if (ev.kind == 0) {
      Span sp{tok[ev.a].begin, tok[ev.b - 1].end};
      int e = r.Link(ev.a, ev.b, sp);
      (void)e;
      continue;
    }
    if (ev.kind == 1) {
      if (ev.b - ev.a == 1 && (r.W(ev.a) & r.L.pronouns())) continue;
      int e = r.Link(ev.a, ev.b, Span{tok[ev.a].begin, tok[ev.b - 1].end});
      if (e >= 0) r.subjects.push_back({e, tok[ev.a].begin});
      continue;
    }
    const size_t i = static_cast<size_t>(ev.a);
    const Attribution& a = attrs[i];
    int e = -1;
    if (a.same_speaker_as >= 0 && static_cast<size_t>(a.same_speaker_as) < attrs.size()) {
      e = ent_of[a.same_speaker_as];
      if (e >= 0) res.mention_of[i] = res.mention_of[a.same_speaker_as];
    } else if (!a.speaker.empty()) {
      const Phrase& p = a.speaker;
      res.mention_of[i] = p.span;
      if (p.last - p.first == 1 && (r.W(p.first) & r.L.pronouns())) {
        e = r.ResolvePronoun(p.first, (r.W(p.first) & r.L.pron_n) != 0);
        if (e >= 0) r.AddMention(e, p.span);
      } else if (p.last - p.first == 1 && (r.W(p.first) & r.L.relative)) {
        // "Cruz, who says": the antecedent right before it (and its comma).
        int32_t k = p.first - 1;
        if (k >= 0 && tok[k].kind == TokenKind::kPunct) --k;
        if (k >= 0) {
          const int32_t floor = std::max(in.tokens->sentences[tok[k].sentence].first, k - 24);
          Phrase ante = PhraseBefore(np, k, floor);
          if (!ante.empty()) {
            e = r.Link(ante.first, ante.last, ante.span);
            if (e >= 0) r.AddMention(e, p.span);
          }
        }
      } else {
        e = r.Link(p.first, p.last, p.span);
        if (e >= 0) r.subjects.push_back({e, p.span.begin});
      }
    }
    if (a.agentless) e = -1;
    ent_of[i] = e;
    decided[i] = true;
    if (e >= 0) {
      r.ents[e].speaks = true;
      r.speaker_history.push_back(e);
      if (a.kind == QuoteKind::kDirect || a.kind == QuoteKind::kMixed) {
        r.last_quote_speaker = e;
        r.last_quote_end = a.marked.end;
        int32_t t = TokenAt(*in.tokens, a.content.begin);
        r.last_quote_para = t < n ? tok[t].paragraph : r.last_quote_para;
      }
    }
  }
  // Late links (a fragment whose host report comes later in the event order).
  for (size_t i = 0; i < attrs.size(); ++i) {
    int k = attrs[i].same_speaker_as;
    int guard = 0;
    while (ent_of[i] < 0 && k >= 0 && guard++ < 8 && !attrs[i].agentless) {
      if (ent_of[k] >= 0) {
        ent_of[i] = ent_of[k];
        res.mention_of[i] = res.mention_of[k];
        r.ents[ent_of[i]].speaks = true;
        break;
      }
      k = attrs[k].same_speaker_as;
    }
  }
  // Speakers: the entities that speak, in order of first mention.
  std::vector<int> new_id(r.ents.size(), -1);
  std::vector<int> order;
  for (size_t e = 0; e < r.ents.size(); ++e)
    if (r.ents[e].speaks) order.push_back(static_cast<int>(e));
  for (int e : order) {
    auto& m = r.ents[e].mentions;
    std::sort(m.begin(), m.end());
    m.erase(std::unique(m.begin(), m.end()), m.end());
  }
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    return r.ents[x].mentions.front().begin < r.ents[y].mentions.front().begin;
  });
  for (int e : order) {
    Speaker s;
    s.id = static_cast<int>(res.speakers.size());
    new_id[e] = s.id;
    const Entity& en = r.ents[e];
    s.name = en.name;
    s.role = en.role;
    s.anonymous = en.anonymous;
    s.mentions = en.mentions;
    res.speakers.push_back(std::move(s));
  }
  for (size_t i = 0; i < attrs.size(); ++i) {
    if (ent_of[i] >= 0 && new_id[ent_of[i]] >= 0) res.speaker_of[i] = new_id[ent_of[i]];
  }
  return res;
}

}  // namespace attrib
