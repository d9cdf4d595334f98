// The document's stories for the engine: body (with its tables and sections), each header and
// footer, text frame, text box, drawing shape and user footnote/endnote is analysed BY ITSELF
// (a quote left open at the end of the body must not run on into a header), and the plans are
// joined with quote and claim ids kept unique. Parts Attrib may not change (a protected
// section, a drawing shape's text, which holds no comment) are analysed too, and what would
// have been marked there is dropped from the plan and said (SkippedStory). Pure logic, no UNO.
//
//   std::vector<StoryAnalysis> parts;
//   EditPlan plan;
//   Status s = AnalyseStories(paragraphs, Options(), &parts, &plan);
//   std::vector<SkippedStory> skipped = DropLocked(&plan, paragraphs, story_names);
#pragma once

#include <string>
#include <vector>

#include "attrib/attrib.h"
#include "logic/plan.h"

namespace attrib::uno {

// The engine's run on one story: paragraphs [first, first + input.paragraphs().size()) of the
// slice given to AnalyseStories; its quote/claim ids plus the bases are the plan's ids.
struct StoryAnalysis {
  int32_t first = 0;
  Document input;
  Analysis analysis;
  int quote_base = 0;
  int claim_base = 0;
};

// The language the engine reads each paragraph in. Options::language set: that, everywhere.
// "" (the document's language): a paragraph's own words when they decide a supported language
// (DetectTextLanguage: a German paragraph left at Writer's default English is read as German),
// else the language it is set in (WriterParagraph::language) when the engine supports it, else
// the language of the paragraph before it in the same story (the one after it for a story's
// first paragraphs: a headline; an empty line whatever it is set in); "" when nothing in the story
// decides (the engine then detects, English when undecided).
std::vector<std::string> ParagraphLanguages(const std::vector<WriterParagraph>& paragraphs,
                                            const Options& options);

// The one language of the whole of `paragraphs` (the settings' "document" mode): what the
// words of its first paragraphs decide (DetectTextLanguage), else the language most of its
// paragraphs are set in when the engine supports it, else "".
std::string DocumentLanguage(const std::vector<WriterParagraph>& paragraphs);

// Runs the engine on each run of consecutive paragraphs with the same WriterParagraph::story and
// the same language (ParagraphLanguages: a mixed document is read per paragraph), and joins the
// plans (ShiftParagraphs, OffsetIds: each story's ids follow the previous story's).
// With `story_names` (by WriterParagraph::story), what a story's plan skipped is said with the
// story's name first ("header (Default Page Style): footnote for quote 0: ..."; the ids in
// those messages are the story's own).
// Comments and footnotes are worded in the language each run was analysed in.
Status AnalyseStories(const std::vector<WriterParagraph>& paragraphs, const Options& options,
                      std::vector<StoryAnalysis>* parts, EditPlan* plan,
                      const std::vector<std::string>* story_names = nullptr,
                      const MarkStyle& style = {});

// A part of the document Attrib left as it was, and why ("document" for the whole of it).
struct SkippedStory {
  std::string story;   // "body", "header (Default Page Style)", "shape 'Shape 1'", "document"
  std::string reason;  // "protected section 'Legal': 1 quote, 2 claims not marked"
  friend bool operator==(const SkippedStory&, const SkippedStory&) = default;
};

// Drops every piece of plan's marks and claims that lies in a locked paragraph
// (WriterParagraph::locked), the marks and claims left with no piece, and footnotes planned in
// a locked paragraph. Returns one SkippedStory per (story, lock) that lost something, in
// document order; `story_names[WriterParagraph::story]` names the story ("story N" when out of
// range). `paragraphs` are the whole document's, which the plan's positions index.
std::vector<SkippedStory> DropLocked(EditPlan* plan, const std::vector<WriterParagraph>& paragraphs,
                                     const std::vector<std::string>& story_names);

}  // namespace attrib::uno
