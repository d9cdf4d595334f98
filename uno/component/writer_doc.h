// Reading a Writer document for the engine and applying an EditPlan to it. Works the same
// in-process (the component) and over a UNO bridge (the integration tests use it to apply plans
// of their own making to real documents).
//
//   DocParagraphs doc = ReadParagraphs(text_document);
//   attrib::Document input = DocumentOf(doc.paragraphs);
//   ... Analyze ...
//   EditPlan plan = PlanEdits(input, analysis, doc.paragraphs);
//   ApplyMarks(text_document, doc, plan);   // inside an UndoStep
#pragma once

#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <functional>
#include <string>
#include <vector>

#include "logic/plan.h"

namespace attrib::uno {

struct DocParagraphs {
  std::vector<WriterParagraph> paragraphs;                         // what the engine reads
  std::vector<css::uno::Reference<css::text::XTextRange>> starts;  // each paragraph's start
};

// Body text in order, table cells row by row (nested tables too). Paragraph text is the join of
// its text portions, mapped to cursor steps (see logic/text_map.h).
DocParagraphs ReadParagraphs(const css::uno::Reference<css::text::XTextDocument>& doc);

// A collapsed cursor at `pos`.
css::uno::Reference<css::text::XTextRange> RangeAt(const DocParagraphs& doc, const Position& pos);
// A cursor selecting [begin, end); clipped to begin's paragraph when end is in another text.
css::uno::Reference<css::text::XTextRange> RangeOf(const DocParagraphs& doc, const Position& begin,
                                                   const Position& end);

struct ApplyCounts {
  int marks = 0;
  int comments = 0;
  int footnotes = 0;
  int removed = 0;
  std::vector<std::string> skipped;
};

// Highlights + comments of plan.marks. Each highlighted run carries a bookmark
// "attrib:h<quote>.<run>:<original background>" so that Clear restores it exactly.
ApplyCounts ApplyMarks(const css::uno::Reference<css::text::XTextDocument>& doc,
                       const DocParagraphs& paragraphs, const EditPlan& plan);
// Footnotes of plan.footnotes, each holding a bookmark named PlannedFootnote::name.
ApplyCounts ApplyFootnotes(const css::uno::Reference<css::text::XTextDocument>& doc,
                           const DocParagraphs& paragraphs, const EditPlan& plan);

// Removes what the extension made: highlights (restoring the original background) and
// comments, and/or footnotes. Returns how many marks were removed.
int ClearMarks(const css::uno::Reference<css::text::XTextDocument>& doc, bool highlights,
               bool footnotes);

// Runs `edit` as ONE undo step named `title`, with change tracking off (restored after) and the
// controllers locked. If `edit` throws, what it did is undone and the exception rethrown.
void UndoStep(const css::uno::Reference<css::text::XTextDocument>& doc, const rtl::OUString& title,
              const std::function<void()>& edit);

}  // namespace attrib::uno
