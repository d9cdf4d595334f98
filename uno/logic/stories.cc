#include "logic/stories.h"

#include <algorithm>
#include <map>

namespace attrib::uno {

Status AnalyseStories(const std::vector<WriterParagraph>& paragraphs, const Options& options,
                      std::vector<StoryAnalysis>* parts, EditPlan* plan,
                      const std::vector<std::string>* story_names) {
  parts->clear();
  *plan = EditPlan();
  int quote_base = 0, claim_base = 0;
  const int32_t n = static_cast<int32_t>(paragraphs.size());
  for (int32_t first = 0; first < n;) {
    int32_t end = first + 1;
    while (end < n && paragraphs[end].story == paragraphs[first].story) ++end;
    const std::vector<WriterParagraph> story(paragraphs.begin() + first, paragraphs.begin() + end);
    StoryAnalysis part;
    part.first = first;
    part.input = DocumentOf(story);
    if (Status s = Analyze(part.input, options, &part.analysis); !s.ok()) return s;
    EditPlan p = PlanEdits(part.input, part.analysis, story);
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
