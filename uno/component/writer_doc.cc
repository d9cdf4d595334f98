#include "component/writer_doc.h"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/util/XRefreshable.hpp>
#include <cstdio>

#include "component/report.h"
#include "component/strings.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

constexpr char kHighlightTag = 'h';
constexpr char kFootnoteTag = 'f';
const OUString kBackColor("CharBackColor");

bool Supports(const Reference<css::uno::XInterface>& x, const char* service) {
  Reference<css::lang::XServiceInfo> info(x, UNO_QUERY);
  return info.is() && info->supportsService(OUString::createFromAscii(service));
}

void ReadText(const Reference<css::text::XText>& text, DocParagraphs* out) {
  Reference<css::container::XEnumerationAccess> access(text, UNO_QUERY_THROW);
  Reference<css::container::XEnumeration> elements = access->createEnumeration();
  while (elements->hasMoreElements()) {
    Reference<css::uno::XInterface> element(elements->nextElement(), UNO_QUERY);
    if (Reference<css::text::XTextTable> table{element, UNO_QUERY}; table.is()) {
      for (const OUString& name : table->getCellNames()) {
        ReadText(Reference<css::text::XText>(table->getCellByName(name), UNO_QUERY_THROW), out);
      }
      continue;
    }
    if (!Supports(element, "com.sun.star.text.Paragraph")) continue;
    WriterParagraph paragraph;
    Reference<css::container::XEnumerationAccess> para(element, UNO_QUERY_THROW);
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    while (portions->hasMoreElements()) {
      Reference<css::beans::XPropertySet> props(portions->nextElement(), UNO_QUERY_THROW);
      OUString type;
      props->getPropertyValue("TextPortionType") >>= type;
      Reference<css::text::XTextRange> range(props, UNO_QUERY_THROW);
      PieceKind kind = PortionKind(ToU16(type));
      paragraph.map.Append(kind, kind == PieceKind::kEmpty ? u"" : ToU16(range->getString()));
    }
    out->paragraphs.push_back(std::move(paragraph));
    out->starts.push_back(Reference<css::text::XTextRange>(element, UNO_QUERY_THROW)->getStart());
  }
}

// Moves a collapsed cursor `steps` to the right (goRight takes a sal_Int16).
void StepRight(const Reference<css::text::XTextCursor>& cursor, int32_t steps, bool expand) {
  while (steps > 0) {
    sal_Int16 n = static_cast<sal_Int16>(std::min<int32_t>(steps, 0x7fff));
    cursor->goRight(n, expand);
    steps -= n;
  }
}

Reference<css::lang::XMultiServiceFactory> Factory(
    const Reference<css::text::XTextDocument>& doc) {
  return Reference<css::lang::XMultiServiceFactory>(doc, UNO_QUERY_THROW);
}

Reference<css::text::XTextContent> NewBookmark(const Reference<css::text::XTextDocument>& doc,
                                               const OUString& name) {
  Reference<css::text::XTextContent> bookmark(
      Factory(doc)->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
  Reference<css::container::XNamed>(bookmark, UNO_QUERY_THROW)->setName(name);
  return bookmark;
}

// "attrib:h12.0:d" — the run's background had no direct value; "...:FFE699" — it had that one.
OUString HighlightName(int quote, int run, bool had_default, sal_Int32 original) {
  char buf[64];
  if (had_default) {
    std::snprintf(buf, sizeof buf, "%s%c%d.%d:d", kMarkPrefix, kHighlightTag, quote, run);
  } else {
    std::snprintf(buf, sizeof buf, "%s%c%d.%d:%08X", kMarkPrefix, kHighlightTag, quote, run,
                  static_cast<unsigned>(original));
  }
  return OUString::createFromAscii(buf);
}

bool IsOurs(const OUString& name, char tag) {
  OUString prefix = OUString::createFromAscii(kMarkPrefix) + OUString(sal_Unicode(tag));
  return name.startsWith(prefix);
}

// Puts one bookmark per run of equal original background over `range`; the name records the
// original ("attrib:h<quote>.<run>:d" or ":<AARRGGBB>"). Runs are read before any colour is set,
// so overlapping quotes all record the user's own background.
int RecordOriginals(const Reference<css::text::XTextDocument>& doc,
                    const Reference<css::text::XTextRange>& range, int quote) {
  struct Run {
    Reference<css::text::XTextRange> start, end;
    bool had_default;
    sal_Int32 original;
  };
  std::vector<Run> runs;
  Reference<css::container::XEnumerationAccess> access(range, UNO_QUERY_THROW);
  Reference<css::container::XEnumeration> paras = access->createEnumeration();
  while (paras->hasMoreElements()) {
    Reference<css::container::XEnumerationAccess> para(paras->nextElement(), UNO_QUERY);
    if (!para.is()) continue;  // a table inside the range: its cells are marked on their own
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    while (portions->hasMoreElements()) {
      Reference<css::text::XTextRange> portion(portions->nextElement(), UNO_QUERY_THROW);
      Reference<css::beans::XPropertyState> state(portion, UNO_QUERY_THROW);
      Reference<css::beans::XPropertySet> props(portion, UNO_QUERY_THROW);
      bool had_default =
          state->getPropertyState(kBackColor) != css::beans::PropertyState_DIRECT_VALUE;
      sal_Int32 original = -1;
      props->getPropertyValue(kBackColor) >>= original;
      if (!runs.empty() && runs.back().had_default == had_default &&
          (had_default || runs.back().original == original)) {
        runs.back().end = portion->getEnd();
      } else {
        runs.push_back(Run{portion->getStart(), portion->getEnd(), had_default, original});
      }
    }
  }
  Reference<css::text::XText> text = range->getText();
  int index = 0;
  for (const Run& run : runs) {
    Reference<css::text::XTextCursor> cursor = text->createTextCursorByRange(run.start);
    cursor->gotoRange(run.end, true);
    if (cursor->isCollapsed()) continue;
    text->insertTextContent(cursor.get(),
                            NewBookmark(doc, HighlightName(quote, index++, run.had_default,
                                                           run.original)),
                            true);
  }
  return index;
}

void Dispose(const Reference<css::uno::XInterface>& x) {
  Reference<css::lang::XComponent>(x, UNO_QUERY_THROW)->dispose();
}

}  // namespace

DocParagraphs ReadParagraphs(const Reference<css::text::XTextDocument>& doc) {
  DocParagraphs out;
  ReadText(doc->getText(), &out);
  return out;
}

Reference<css::text::XTextRange> RangeAt(const DocParagraphs& doc, const Position& pos) {
  const Reference<css::text::XTextRange>& start = doc.starts.at(pos.paragraph);
  Reference<css::text::XTextCursor> cursor = start->getText()->createTextCursorByRange(start);
  StepRight(cursor, pos.step, false);
  return cursor.get();
}

Reference<css::text::XTextRange> RangeOf(const DocParagraphs& doc, const Position& begin,
                                         const Position& end) {
  const Reference<css::text::XTextRange>& start = doc.starts.at(begin.paragraph);
  Reference<css::text::XText> text = start->getText();
  Reference<css::text::XTextCursor> cursor = text->createTextCursorByRange(start);
  StepRight(cursor, begin.step, false);
  Reference<css::text::XTextRange> end_range = RangeAt(doc, end);
  if (end.paragraph != begin.paragraph && end_range->getText() != text) {
    Reference<css::text::XParagraphCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfParagraph(true);
  } else {
    cursor->gotoRange(end_range, true);
  }
  return cursor.get();
}

ApplyCounts ApplyMarks(const Reference<css::text::XTextDocument>& doc,
                       const DocParagraphs& paragraphs, const EditPlan& plan) {
  ApplyCounts counts;
  // All ranges first, from the untouched document (UNO cursors follow later edits).
  std::vector<Reference<css::text::XTextRange>> ranges;
  std::vector<bool> usable;
  ranges.reserve(plan.marks.size());
  for (const PlannedMark& m : plan.marks) {
    ranges.push_back(RangeOf(paragraphs, m.begin, m.end));
    usable.push_back(!ranges.back()->getString().isEmpty());
    if (!usable.back()) {
      counts.skipped.push_back("quote " + std::to_string(m.quote) + ": empty range in Writer");
    }
  }
  // 1. Comments, from the last to the first: each adds its placeholders only after earlier
  //    ranges. Before any colour is set, so no placeholder inherits one (a colour that
  //    expanded onto a placeholder at a paragraph end would outlive Clear as an empty hint).
  for (size_t i = plan.marks.size(); i-- > 0;) {
    if (!usable[i]) continue;
    const PlannedMark& m = plan.marks[i];
    Reference<css::beans::XPropertySet> note(
        Factory(doc)->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
    note->setPropertyValue("Author", Any(OUString::createFromAscii(kCommentAuthor)));
    note->setPropertyValue("Content", Any(FromUtf8(m.comment)));
    note->setPropertyValue("Name", Any(FromUtf8(m.name)));
    ranges[i]->getText()->insertTextContent(
        ranges[i], Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), true);
    ++counts.comments;
  }
  // 2. Every run's original background, recorded before any colour changes (quotes overlap).
  for (size_t i = plan.marks.size(); i-- > 0;) {
    if (usable[i] && RecordOriginals(doc, ranges[i], plan.marks[i].quote) > 0) ++counts.marks;
  }
  // 3. Colours in document order: a quote inside another (a mixed fragment) stays visible.
  for (size_t i = 0; i < plan.marks.size(); ++i) {
    if (!usable[i]) continue;
    Reference<css::beans::XPropertySet>(ranges[i], UNO_QUERY_THROW)
        ->setPropertyValue(kBackColor, Any(static_cast<sal_Int32>(plan.marks[i].color)));
  }
  return counts;
}

ApplyCounts ApplyFootnotes(const Reference<css::text::XTextDocument>& doc,
                           const DocParagraphs& paragraphs, const EditPlan& plan) {
  ApplyCounts counts;
  std::vector<Reference<css::text::XTextRange>> points;
  for (const PlannedFootnote& f : plan.footnotes) points.push_back(RangeAt(paragraphs, f.at));
  for (size_t i = plan.footnotes.size(); i-- > 0;) {
    const PlannedFootnote& f = plan.footnotes[i];
    Reference<css::text::XTextContent> note(
        Factory(doc)->createInstance("com.sun.star.text.Footnote"), UNO_QUERY_THROW);
    points[i]->getText()->insertTextContent(points[i], note, false);
    Reference<css::text::XText> note_text(note, UNO_QUERY_THROW);
    note_text->setString(FromUtf8(f.text));
    note_text->insertTextContent(note_text->getStart(), NewBookmark(doc, FromUtf8(f.name)), false);
    ++counts.footnotes;
  }
  return counts;
}

int ClearMarks(const Reference<css::text::XTextDocument>& doc, bool highlights, bool footnotes) {
  int removed = 0;
  Reference<css::container::XNameAccess> bookmarks =
      Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks();
  for (const OUString& name : bookmarks->getElementNames()) {
    bool highlight = highlights && IsOurs(name, kHighlightTag);
    bool footnote = footnotes && IsOurs(name, kFootnoteTag);
    if (!highlight && !footnote) continue;
    Reference<css::text::XTextContent> bookmark(bookmarks->getByName(name), UNO_QUERY_THROW);
    Reference<css::text::XTextRange> anchor = bookmark->getAnchor();
    if (highlight) {
      Reference<css::text::XTextCursor> cursor =
          anchor->getText()->createTextCursorByRange(anchor);
      OUString original = name.copy(name.lastIndexOf(':') + 1);
      if (original == "d") {
        Reference<css::beans::XPropertyState>(cursor, UNO_QUERY_THROW)
            ->setPropertyToDefault(kBackColor);
      } else {
        Reference<css::beans::XPropertySet>(cursor, UNO_QUERY_THROW)
            ->setPropertyValue(kBackColor,
                               Any(static_cast<sal_Int32>(original.toUInt32(16))));
      }
      Dispose(bookmark);
    } else {
      // The footnote's text holds the bookmark; removing the footnote removes both.
      Reference<css::text::XFootnote> note(anchor->getText(), UNO_QUERY);
      if (note.is()) {
        Dispose(note);
      } else {
        Dispose(bookmark);  // the footnote is gone already; drop the stray mark
      }
    }
    ++removed;
  }
  if (highlights) {
    Reference<css::container::XEnumeration> fields =
        Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
            ->getTextFields()
            ->createEnumeration();
    std::vector<Reference<css::uno::XInterface>> ours;
    while (fields->hasMoreElements()) {
      Reference<css::uno::XInterface> field(fields->nextElement(), UNO_QUERY);
      if (!Supports(field, "com.sun.star.text.textfield.Annotation")) continue;
      Reference<css::beans::XPropertySet> props(field, UNO_QUERY_THROW);
      OUString author, name;
      props->getPropertyValue("Author") >>= author;
      props->getPropertyValue("Name") >>= name;
      if (author.equalsAscii(kCommentAuthor) && name.startsWith(
                                                    OUString::createFromAscii(kMarkPrefix))) {
        ours.push_back(field);
      }
    }
    for (const auto& field : ours) Dispose(field);
    removed += static_cast<int>(ours.size());
  }
  return removed;
}

void UndoStep(const Reference<css::text::XTextDocument>& doc, const OUString& title,
              const std::function<void()>& edit) {
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
  Reference<css::beans::XPropertySet> settings(doc, UNO_QUERY_THROW);
  Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
  bool recording = false;
  settings->getPropertyValue("RecordChanges") >>= recording;
  if (recording) settings->setPropertyValue("RecordChanges", Any(false));
  model->lockControllers();
  const sal_Int32 steps_before = undo->getAllUndoActionTitles().getLength();
  undo->enterUndoContext(title);
  // Restores what we changed; reports (never throws) so that the original error survives.
  auto finish = [&](bool failed) {
    try {
      undo->leaveUndoContext();
      // Undo only our own step: an edit that failed before changing anything left none.
      if (failed && undo->getAllUndoActionTitles().getLength() > steps_before) undo->undo();
    } catch (const css::uno::Exception& e) {
      LogInfo("undo", e.Message);
    }
    try {
      model->unlockControllers();
      if (recording) settings->setPropertyValue("RecordChanges", Any(true));
    } catch (const css::uno::Exception& e) {
      LogInfo("restore settings", e.Message);
    }
  };
  try {
    edit();
  } catch (...) {
    finish(true);
    throw;  // the protocol handler reports it
  }
  finish(false);
}

}  // namespace attrib::uno
