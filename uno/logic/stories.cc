#include "logic/stories.h"

#include <algorithm>
#include <map>

#include "logic/catalog.h"

namespace attrib::uno {

std::vector<std::string> ParagraphLanguages(const std::vector<WriterParagraph>& paragraphs,
                                            const Options& options) {
  const size_t n = paragraphs.size();
  if (!options.language.empty()) return std::vector<std::string>(n, options.language);
  const std::vector<std::string> supported = SupportedLanguages();
  auto is_supported = [&](const std::string& language) {
    return std::find(supported.begin(), supported.end(), language) != supported.end();
  };
  std::vector<std::string> out(n);
  // Whether a paragraph has words at all: an empty line or a rule of dashes decides nothing,
  // whatever language it is set in (else it would cut a story's run in two).
  auto has_letters = [](std::u16string_view text) {
    return std::any_of(text.begin(), text.end(), [](char16_t c) {
      return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c >= 0xC0;
    });
  };
  for (size_t i = 0; i < n; ++i) {
    if (!has_letters(paragraphs[i].map.text())) continue;
    out[i] = DetectTextLanguage(paragraphs[i].map.text());
    if (out[i].empty()) {
      const std::string set = PrimaryLanguage(paragraphs[i].language);
      if (is_supported(set)) out[i] = set;
    }
  }
  // Undecided paragraphs take the language before them in their story, then the one after.
  for (size_t i = 1; i < n; ++i) {
    if (out[i].empty() && paragraphs[i].story == paragraphs[i - 1].story) out[i] = out[i - 1];
  }
  for (size_t i = n; i-- > 1;) {
    if (out[i - 1].empty() && paragraphs[i].story == paragraphs[i - 1].story) out[i - 1] = out[i];
  }
  return out;
}

std::string DocumentLanguage(const std::vector<WriterParagraph>& paragraphs) {
  std::u16string text;
  for (const WriterParagraph& p : paragraphs) {
    if (text.size() > 16384) break;  // DetectTextLanguage reads the first 500 words
    text += p.map.text();
    text += u'\n';
  }
  if (std::string detected = DetectTextLanguage(text); !detected.empty()) return detected;
  std::map<std::string, int> set;
  for (const WriterParagraph& p : paragraphs) ++set[PrimaryLanguage(p.language)];
  const std::vector<std::string> supported = SupportedLanguages();
  std::string best;
  int most = 0;
  for (const auto& [language, n] : set) {
    if (n > most && std::find(supported.begin(), supported.end(), language) != supported.end()) {
      best = language;
      most = n;
    }
  }
  return best;
}

Status AnalyseStories(const std::vector<WriterParagraph>& paragraphs, const Options& options,
                      std::vector<StoryAnalysis>* parts, EditPlan* plan,
                      const std::vector<std::string>* story_names, const MarkStyle& style) {
  parts->clear();
  *plan = EditPlan();
  int quote_base = 0, claim_base = 0;
  const int32_t n = static_cast<int32_t>(paragraphs.size());
  const std::vector<std::string> languages = ParagraphLanguages(paragraphs, options);
  for (int32_t first = 0; first < n;) {
    int32_t end = first + 1;
    while (end < n && paragraphs[end].story == paragraphs[first].story &&
           languages[end] == languages[first]) {
      ++end;
    }
    const std::vector<WriterParagraph> story(paragraphs.begin() + first, paragraphs.begin() + end);
    StoryAnalysis part;
    part.first = first;
    part.input = DocumentOf(story);
    Options run = options;
    run.language = languages[first];
    if (Status s = Analyze(part.input, run, &part.analysis); !s.ok()) return s;
    EditPlan p = PlanEdits(part.input, part.analysis, story, style);
    ShiftParagraphs(&p, first);
    OffsetIds(&p, quote_base, claim_base);
    part.quote_base = quote_base;
    part.claim_base = claim_base;
    for (const Quote& q : part.analysis.quotes)
      quote_base = std::max(quote_base, part.quote_base + q.id + 1);
    for (const Claim& c : part.analysis.claims)
      claim_base = std::max(claim_base, part.claim_base + c.id + 1);
    auto append = [](auto& to, auto& from) {
      to.insert(to.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
    };
    append(plan->marks, p.marks);
    append(plan->claims, p.claims);
    append(plan->footnotes, p.footnotes);
    const int32_t id = paragraphs[first].story;
    if (story_names != nullptr && id >= 0 && id < static_cast<int32_t>(story_names->size())) {
      for (std::string& why : p.skipped) why = (*story_names)[id] + ": " + why;
    }
    append(plan->skipped, p.skipped);
    parts->push_back(std::move(part));
    first = end;
  }
  return Status();
}

std::vector<SkippedStory> DropLocked(EditPlan* plan, const std::vector<WriterParagraph>& paragraphs,
                                     const std::vector<std::string>& story_names) {
  struct Lost {
    int32_t order;  // first paragraph seen, for document order
    int quotes = 0, claims = 0, footnotes = 0;
  };
  std::map<std::pair<int32_t, std::string>, Lost> lost;
  auto locked = [&](int32_t paragraph) -> const std::string* {
    if (paragraph < 0 || paragraph >= static_cast<int32_t>(paragraphs.size())) return nullptr;
    const WriterParagraph& p = paragraphs[paragraph];
    return p.locked.empty() ? nullptr : &p.locked;
  };
  auto count = [&](int32_t paragraph) -> Lost& {
    const WriterParagraph& p = paragraphs[paragraph];
    auto [it, fresh] = lost.try_emplace({p.story, p.locked}, Lost{paragraph});
    it->second.order = std::min(it->second.order, paragraph);
    return it->second;
  };
  // Drops the pieces in locked paragraphs; a piece's paragraphs share one text, and a locked
  // section may start inside it: any locked paragraph in it drops the piece.
  auto drop_pieces = [&](std::vector<Piece>& pieces, bool claim) {
    const size_t before = pieces.size();
    int32_t where = -1;
    std::erase_if(pieces, [&](const Piece& x) {
      for (int32_t p = x.begin.paragraph; p <= x.end.paragraph; ++p) {
        if (locked(p) != nullptr) {
          if (where < 0) where = p;
          return true;
        }
      }
      return false;
    });
    if (pieces.size() == before) return false;
    Lost& l = count(where);
    (claim ? l.claims : l.quotes) += 1;
    return pieces.empty();
  };
  std::erase_if(plan->marks, [&](PlannedMark& m) { return drop_pieces(m.pieces, false); });
  std::erase_if(plan->claims, [&](PlannedClaim& c) { return drop_pieces(c.pieces, true); });
  std::erase_if(plan->footnotes, [&](const PlannedFootnote& f) {
    if (locked(f.at.paragraph) == nullptr) return false;
    count(f.at.paragraph).footnotes += 1;
    return true;
  });
  std::vector<std::pair<int32_t, SkippedStory>> out;
  for (const auto& [key, l] : lost) {
    const auto& [story, why] = key;
    std::string name = story >= 0 && story < static_cast<int32_t>(story_names.size())
                           ? story_names[story]
                           : "story " + std::to_string(story);
    std::string what;
    auto add = [&](int k, const char* one, const char* many) {
      if (k == 0) return;
      what += (what.empty() ? "" : ", ") + std::to_string(k) + " " + (k == 1 ? one : many);
    };
    add(l.quotes, "quote", "quotes");
    add(l.claims, "claim", "claims");
    add(l.footnotes, "footnote", "footnotes");
    out.push_back({l.order, {std::move(name), why + ": " + what + " not marked"}});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<SkippedStory> result;
  for (auto& [order, s] : out) result.push_back(std::move(s));
  return result;
}

}  // namespace attrib::uno
