#include "component/writer_doc.h"

#include <atomic>
#include <chrono>
#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/UnknownPropertyException.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/XStyle.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextSection.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/util/XRefreshable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>

#include "common/strings.h"
#include "component/report.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

bool Supports(const Reference<css::uno::XInterface>& x, const char* service) {
  Reference<css::lang::XServiceInfo> info(x, UNO_QUERY);
  return info.is() && info->supportsService(OUString::createFromAscii(service));
}

// A Writer name parsed as one of ours (logic/marks.h), for the document of `record`.
std::optional<ParsedName> Parse(const OUString& name, const MarkRecord* record) {
  return ParseName(ToUtf8(name), record != nullptr ? std::string_view(record->key) : "");
}

std::string StampOf(const css::util::DateTime& d) {
  return Stamp(d.Year, d.Month, d.Day, d.Hours, d.Minutes);
}

// Whether an Annotation text field is one of our comments (logic/marks.h IsOurComment).
bool IsOurCommentField(const Reference<css::beans::XPropertySet>& field, const MarkRecord* record,
                       ParsedName* parsed) {
  CommentFacts facts;
  OUString author, name, content;
  css::util::DateTime date;
  field->getPropertyValue("Author") >>= author;
  facts.author = ToUtf8(author);
  if (facts.author != kCommentAuthor) return false;
  field->getPropertyValue("Name") >>= name;
  field->getPropertyValue("Content") >>= content;
  field->getPropertyValue("DateTimeValue") >>= date;
  facts.name = ToUtf8(name);
  facts.content = ToUtf8(content);
  facts.stamp = StampOf(date);
  return IsOurComment(facts, record, parsed);
}

// Whether a footnote's text says it is ours without a bookmark on its anchor: an earlier
// version's bookmark at its start (version 1: only with the text it wrote), or — in a document
// with our record, where a format lost the anchor's bookmark (.rtf) — the text alone.
bool IsOurNoteText(const Reference<css::text::XText>& text, const MarkRecord* record) {
  if (!text.is()) return false;
  const OUString string = text->getString();
  Reference<css::container::XEnumerationAccess> access(text, UNO_QUERY);
  if (!access.is()) return false;
  Reference<css::container::XEnumeration> paras = access->createEnumeration();
  if (!paras->hasMoreElements()) return false;
  Reference<css::container::XEnumerationAccess> first(paras->nextElement(), UNO_QUERY);
  if (!first.is()) return false;
  Reference<css::container::XEnumeration> portions = first->createEnumeration();
  bool bookmarked = false, legacy = false;
  while (portions->hasMoreElements()) {
    Reference<css::beans::XPropertySet> p(portions->nextElement(), UNO_QUERY_THROW);
    OUString type;
    p->getPropertyValue("TextPortionType") >>= type;
    if (type != "Bookmark") continue;
    Reference<css::container::XNamed> bookmark(p->getPropertyValue("Bookmark"), UNO_QUERY);
    if (!bookmark.is()) continue;
    std::optional<ParsedName> parsed = Parse(bookmark->getName(), record);
    if (!parsed || parsed->tag != kFootnoteTag) continue;
    bookmarked = true;
    legacy = legacy || parsed->legacy;
  }
  if (bookmarked && !legacy) return true;
  return (bookmarked || record != nullptr) && HasFootnoteShape(ToUtf8(string));
}

// Whether a "Footnote" portion is one of ours: a footnote bookmark of ours starts right before it
// (`bookmarked`, seen by the caller), or its text says so (IsOurNoteText).
bool IsOurFootnote(const Reference<css::beans::XPropertySet>& portion, const MarkRecord* record,
                   bool bookmarked) {
  if (bookmarked) return true;
  return IsOurNoteText(
      Reference<css::text::XText>(portion->getPropertyValue("Footnote"), UNO_QUERY), record);
}

struct ReadState {
  DocParagraphs* out;
  int32_t next_text_id = 0;
  bool footnotes_allowed = true;
  bool looks = false;
  int32_t story = 0;   // WriterParagraph::story of what is read
  std::string locked;  // the whole story's lock (a protected frame), else per paragraph
  const MarkRecord* record = nullptr;
  // Our comments seen so far by Writer name: their ends ("AnnotationEnd") carry only the name.
  std::map<std::string, ParsedName>* comments = nullptr;
  // Our footnotes seen in the text so far (their identity), so that ReadNotes skips their text.
  // Our footnotes seen in the text, by identity, each held: an object let go could be freed
  // and its address given to the user's footnote, which would then be taken for ours.
  std::map<css::uno::XInterface*, Reference<css::uno::XInterface>>* our_notes = nullptr;
};

// The identity of a UNO object (its XInterface), for sets of them.
css::uno::XInterface* Identity(const Reference<css::uno::XInterface>& x) {
  return Reference<css::uno::XInterface>(x, UNO_QUERY).get();
}

// Why text with these properties (a paragraph's, a cursor's) is protected by its section (or
// a section around that), or "".
std::string SectionLock(const Reference<css::beans::XPropertySet>& props) {
  if (!props.is()) return "";
  Reference<css::text::XTextSection> section;
  try {
    section.set(props->getPropertyValue("TextSection"), UNO_QUERY);
  } catch (const css::beans::UnknownPropertyException&) {
    return "";  // drawing text: no sections
  }
  for (; section.is(); section = section->getParentSection()) {
    bool is_protected = false;
    Reference<css::beans::XPropertySet>(section, UNO_QUERY_THROW)
        ->getPropertyValue("IsProtected") >>= is_protected;
    if (is_protected) {
      return "protected section '" +
             ToUtf8(Reference<css::container::XNamed>(section, UNO_QUERY_THROW)->getName()) + "'";
    }
  }
  return "";
}

// Whether a table cell is protected (Table ▸ Protect Cells).
bool CellIsProtected(const Reference<css::text::XText>& cell) {
  Reference<css::beans::XPropertySet> props(cell, UNO_QUERY);
  if (!props.is() || !props->getPropertySetInfo()->hasPropertyByName("IsProtected")) return false;
  bool is_protected = false;
  props->getPropertyValue("IsProtected") >>= is_protected;
  return is_protected;
}

// Whether a frame's content is protected (Frame ▸ Options ▸ Protect: Contents).
bool FrameIsProtected(const Reference<css::uno::XInterface>& frame) {
  Reference<css::beans::XPropertySet> props(frame, UNO_QUERY);
  if (!props.is() || !props->getPropertySetInfo()->hasPropertyByName("ContentProtected"))
    return false;
  bool is_protected = false;
  props->getPropertyValue("ContentProtected") >>= is_protected;
  return is_protected;
}

// The language a paragraph is set in (its CharLocale's language: "de"), "" when none is set
// or it says "no language" (zxx). A tag Locale cannot split ("qlt") is in its Variant.
std::string LanguageOf(const Reference<css::uno::XInterface>& paragraph) {
  Reference<css::beans::XPropertySet> props(paragraph, UNO_QUERY);
  css::lang::Locale locale;
  try {
    if (!props.is() || !(props->getPropertyValue("CharLocale") >>= locale)) return "";
  } catch (const css::beans::UnknownPropertyException&) {
    return "";  // a drawing shape's text may have no CharLocale
  }
  std::string language = ToUtf8(locale.Language == "qlt" ? locale.Variant : locale.Language);
  return language == "zxx" ? "" : language;
}

struct Look;
const Look& HighlightLook();
const Look& ClaimLook();
std::string Encode(const Look& look, const Reference<css::beans::XPropertySet>& props,
                   const Reference<css::beans::XPropertyState>& state);

void ReadText(const Reference<css::text::XText>& text, int32_t text_id, ReadState& st) {
  Reference<css::container::XEnumerationAccess> access(text, UNO_QUERY_THROW);
  Reference<css::container::XEnumeration> elements = access->createEnumeration();
  while (elements->hasMoreElements()) {
    Reference<css::uno::XInterface> element(elements->nextElement(), UNO_QUERY);
    if (Reference<css::text::XTextTable> table{element, UNO_QUERY}; table.is()) {
      for (const OUString& name : table->getCellNames()) {
        Reference<css::text::XText> cell(table->getCellByName(name), UNO_QUERY_THROW);
        const std::string outer = st.locked;
        if (st.locked.empty() && CellIsProtected(cell)) {
          st.locked = "protected table cell " + ToUtf8(name);
        }
        ReadText(cell, ++st.next_text_id, st);
        st.locked = outer;
      }
      continue;
    }
    if (!Supports(element, "com.sun.star.text.Paragraph")) continue;
    WriterParagraph paragraph;
    paragraph.text_id = text_id;
    paragraph.story = st.story;
    paragraph.language = LanguageOf(element);
    paragraph.locked = st.locked.empty()
                           ? SectionLock(Reference<css::beans::XPropertySet>(element, UNO_QUERY))
                           : st.locked;
    Reference<css::text::XTextRangeCompare> compare(text, UNO_QUERY_THROW);
    paragraph.footnotes_allowed = st.footnotes_allowed;
    std::vector<PortionLook> looks;
    // The look of the portion that took steps [begin, now).
    auto record_look = [&](int32_t begin, const Reference<css::beans::XPropertySet>& props) {
      if (!st.looks || paragraph.map.steps() <= begin) return;
      Reference<css::beans::XPropertyState> state(props, UNO_QUERY_THROW);
      looks.push_back(PortionLook{begin, paragraph.map.steps(),
                                  Encode(HighlightLook(), props, state),
                                  Encode(ClaimLook(), props, state)});
    };
    Reference<css::container::XEnumerationAccess> para(element, UNO_QUERY_THROW);
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    // Our footnote bookmark sits right before the footnote's anchor (collapsed; an earlier build
    // spanned the anchor): seen just before the "Footnote" portion.
    bool footnote_bookmark_open = false;
    // Walks portions; a content control's own portions are walked where it stands.
    std::function<void(const Reference<css::container::XEnumeration>&)> walk;
    walk = [&](const Reference<css::container::XEnumeration>& portions) {
      while (portions->hasMoreElements()) {
        Reference<css::beans::XPropertySet> props(portions->nextElement(), UNO_QUERY_THROW);
        const int32_t begin = paragraph.map.steps();
        OUString type;
        props->getPropertyValue("TextPortionType") >>= type;
        Reference<css::text::XTextRange> range(props, UNO_QUERY_THROW);
        PieceKind kind = PortionKind(ToU16(type));
        // A content control (LibreOffice 7.4): a placeholder step at its start and one at its
        // end, none of them in the paragraph's text; its text is in its own portions between.
        if (type == "ContentControl") {
          Reference<css::container::XEnumerationAccess> control(
              props->getPropertyValue("ContentControl"), UNO_QUERY);
          footnote_bookmark_open = false;
          paragraph.map.Append(PieceKind::kAtomic, u"");
          record_look(begin, props);
          if (control.is()) walk(control->createEnumeration());
          const int32_t inner_end = paragraph.map.steps();
          paragraph.map.Append(PieceKind::kAtomic, u"");
          record_look(inner_end, props);
          continue;
        }
        // A comment on a range has a zero-width start ("Annotation", like a bookmark) and its
        // placeholder character at the end ("AnnotationEnd"); a comment at a point is one
        // "Annotation" portion holding the character. Collapsed portions take no step.
        if (kind == PieceKind::kAtomic && (type == "Annotation" || type == "AnnotationEnd") &&
            compare->compareRegionStarts(range->getStart(), range->getEnd()) == 0) {
          kind = PieceKind::kEmpty;
        }
        // The extension's own comments are marks too: a ranged one's start (the collapsed
        // "Annotation") and end (the "AnnotationEnd" placeholder, whose step follows the range).
        if (type == "Annotation" || type == "AnnotationEnd") {
          std::string name;
          ParsedName parsed;
          bool ours = false;
          if (type == "Annotation") {
            Reference<css::beans::XPropertySet> field(props->getPropertyValue("TextField"),
                                                      UNO_QUERY);
            if (field.is() && IsOurCommentField(field, st.record, &parsed)) {
              OUString n;
              field->getPropertyValue("Name") >>= n;
              name = ToUtf8(n);
              (*st.comments)[name] = parsed;
              ours = true;
            }
          } else if (Reference<css::container::XNamed> mark{props->getPropertyValue("Bookmark"),
                                                            UNO_QUERY};
                     mark.is()) {
            // The end has no field, but the comment's range (a mark named as the comment).
            name = ToUtf8(mark->getName());
            auto it = st.comments->find(name);
            if (it != st.comments->end()) {
              parsed = it->second;
              ours = true;
            }
          }
          if (ours) {
            const bool collapsed = kind == PieceKind::kEmpty;
            paragraph.marks.push_back(MarkPoint{name, parsed.tag, parsed.id, paragraph.map.steps(),
                                                type == "Annotation", !collapsed});
          }
        }
        // The extension's own footnote: one step, but its label is not text for the engine.
        if (type == "Footnote" && IsOurFootnote(props, st.record, footnote_bookmark_open)) {
          if (st.our_notes != nullptr) {
            Reference<css::uno::XInterface> note(props->getPropertyValue("Footnote"), UNO_QUERY);
            st.our_notes->emplace(Identity(note), note);
          }
          footnote_bookmark_open = false;
          paragraph.map.Append(PieceKind::kAtomic, u"");
          record_look(begin, props);
          continue;
        }
        if (type == "Bookmark") {
          Reference<css::container::XNamed> bookmark(props->getPropertyValue("Bookmark"),
                                                     UNO_QUERY);
          std::optional<ParsedName> parsed;
          if (bookmark.is()) parsed = Parse(bookmark->getName(), st.record);
          if (parsed) {
            bool start = true, collapsed = false;
            props->getPropertyValue("IsStart") >>= start;
            props->getPropertyValue("IsCollapsed") >>= collapsed;
            if (parsed->tag == kFootnoteTag && (start || collapsed)) footnote_bookmark_open = true;
            paragraph.marks.push_back(MarkPoint{ToUtf8(bookmark->getName()), parsed->tag,
                                                parsed->id, paragraph.map.steps(),
                                                start || collapsed, !start || collapsed});
          }
        }
        if (kind != PieceKind::kEmpty) footnote_bookmark_open = false;
        // An input field (LibreOffice 7.4) is no placeholder character but its text between a
        // start and an end character: a cursor takes a step for each (logic/text_map.h).
        if (type == "TextField" && Supports(Reference<css::uno::XInterface>(
                                                props->getPropertyValue("TextField"), UNO_QUERY),
                                            "com.sun.star.text.TextField.Input")) {
          paragraph.map.Append(PieceKind::kAtomic, u"");
          paragraph.map.Append(PieceKind::kText, ToU16(range->getString()));
          paragraph.map.Append(PieceKind::kAtomic, u"");
          record_look(begin, props);
          continue;
        }
        paragraph.map.Append(kind, kind == PieceKind::kEmpty ? u"" : ToU16(range->getString()));
        record_look(begin, props);
      }
    };
    walk(portions);
    st.out->paragraphs.push_back(std::move(paragraph));
    if (st.looks) st.out->looks.push_back(std::move(looks));
    st.out->elements.push_back(Reference<css::text::XTextRange>(element, UNO_QUERY_THROW));
  }
}

// The text of a footnote/endnote unless it is one of ours (its text holds an attrib:f bookmark).
// Each is a story of its own, named "<kind> <label>" ("footnote 1").
void ReadNotes(const Reference<css::container::XIndexAccess>& notes, const char* kind,
               ReadState& st) {
  for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
    Reference<css::text::XText> note(notes->getByIndex(i), UNO_QUERY);
    if (!note.is()) continue;
    DocParagraphs mine;
    if (st.our_notes != nullptr && st.our_notes->count(Identity(note))) continue;
    ReadState inner{&mine,
                    st.next_text_id,
                    false,
                    st.looks,
                    static_cast<int32_t>(st.out->story_names.size()),
                    "",
                    st.record,
                    st.comments,
                    st.our_notes};
    const int32_t id = ++inner.next_text_id;
    ReadText(note, id, inner);
    st.next_text_id = inner.next_text_id;
    if (IsOurNoteText(note, st.record)) continue;
    OUString label;
    if (Reference<css::text::XFootnote> fn{note, UNO_QUERY}; fn.is()) {
      label = fn->getAnchor()->getString();
    }
    st.out->story_names.push_back(std::string(kind) + " " + ToUtf8(label));
    for (size_t k = 0; k < mine.paragraphs.size(); ++k) {
      st.out->paragraphs.push_back(std::move(mine.paragraphs[k]));
      st.out->elements.push_back(mine.elements[k]);
      if (st.looks) st.out->looks.push_back(std::move(mine.looks[k]));
    }
  }
}

// A story besides the body and the notes, in ReadParagraphs' order.
struct SideStory {
  std::string name;
  Reference<css::text::XText> text;
  bool drawing = false;  // a drawing shape's own text (ReadDrawingText)
  std::string locked;    // why the whole story may not be changed, or ""
};

// XDrawPageSupplier is deprecated in the 7.4 API, and still what a Writer document offers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
Reference<css::container::XIndexAccess> DrawPage(const Reference<css::text::XTextDocument>& doc) {
  Reference<css::drawing::XDrawPageSupplier> supplier(doc, UNO_QUERY);
  if (!supplier.is()) return {};
  return Reference<css::container::XIndexAccess>(supplier->getDrawPage(), UNO_QUERY);
}
#pragma GCC diagnostic pop

constexpr const char* kDrawingTextLock =
    "drawing shape: Writer keeps no comments in a drawing shape's own text";

// Shapes (inside groups too) whose text is their own; frames are read as frames. A .docx text
// box is a shape whose text is a Writer frame hidden from getTextFrames().
void AddShapes(const Reference<css::container::XIndexAccess>& shapes,
               std::set<css::uno::XInterface*>& seen,
               std::vector<Reference<css::uno::XInterface>>& alive, std::vector<SideStory>& out) {
  for (sal_Int32 i = 0; shapes.is() && i < shapes->getCount(); ++i) {
    Reference<css::uno::XInterface> shape(shapes->getByIndex(i), UNO_QUERY);
    if (!shape.is() || Supports(shape, "com.sun.star.text.TextFrame")) continue;
    if (Supports(shape, "com.sun.star.drawing.GroupShape")) {
      AddShapes(Reference<css::container::XIndexAccess>(shape, UNO_QUERY), seen, alive, out);
      continue;
    }
    Reference<css::text::XText> own(shape, UNO_QUERY);
    if (!own.is()) continue;
    Reference<css::text::XText> text = own->getText();
    if (!text.is()) continue;
    alive.push_back(text);  // its identity stays its own while `seen` is used
    if (!seen.insert(Identity(text)).second) continue;
    const bool writer = Supports(text, "com.sun.star.text.TextFrame");
    if (!writer && text->getString().isEmpty()) continue;
    OUString name;
    if (Reference<css::container::XNamed> named{shape, UNO_QUERY}; named.is()) {
      name = named->getName();
    }
    std::string title = writer ? "text box" : "shape";
    if (!name.isEmpty()) title += " '" + ToUtf8(name) + "'";
    SideStory story{title, text, !writer, ""};
    if (!writer) {
      story.locked = kDrawingTextLock;
    } else if (FrameIsProtected(text)) {
      story.locked = "protected text box";
    }
    out.push_back(std::move(story));
  }
}

// Headers and footers of the page styles, text frames, shapes with text.
std::vector<SideStory> SideStories(const Reference<css::text::XTextDocument>& doc) {
  std::vector<SideStory> out;
  std::set<css::uno::XInterface*> seen;  // identities, of objects held in `alive`
  std::vector<Reference<css::uno::XInterface>> alive;
  auto add = [&](SideStory story) {
    if (!story.text.is()) return;
    alive.push_back(story.text);
    if (seen.insert(Identity(story.text)).second) out.push_back(std::move(story));
  };
  if (Reference<css::style::XStyleFamiliesSupplier> families{doc, UNO_QUERY}; families.is()) {
    Reference<css::container::XNameAccess> pages(
        families->getStyleFamilies()->getByName("PageStyles"), UNO_QUERY_THROW);
    for (const OUString& name : pages->getElementNames()) {
      Reference<css::style::XStyle> style(pages->getByName(name), UNO_QUERY);
      // Every page style's, also one no page uses yet (the follow style of a one-page
      // document's first page): its header is the user's text all the same.
      if (!style.is()) continue;
      Reference<css::beans::XPropertySet> props(style, UNO_QUERY_THROW);
      Reference<css::beans::XPropertySetInfo> info = props->getPropertySetInfo();
      OUString display = name;
      if (info->hasPropertyByName("DisplayName"))
        props->getPropertyValue("DisplayName") >>= display;
      auto flag = [&](const OUString& property) {
        bool value = true;
        if (info->hasPropertyByName(property)) props->getPropertyValue(property) >>= value;
        return value;
      };
      for (const char* part : {"Header", "Footer"}) {
        const OUString p = OUString::createFromAscii(part);
        if (!info->hasPropertyByName(p + "IsOn") || !flag(p + "IsOn")) continue;
        const std::string what = std::string(part) == "Header" ? "header" : "footer";
        const std::string of = " (" + ToUtf8(display) + ")";
        auto text = [&](const OUString& property) {
          Reference<css::text::XText> t;
          if (info->hasPropertyByName(property))
            t.set(props->getPropertyValue(property), UNO_QUERY);
          return t;
        };
        add({what + of, text(p + "Text"), false, ""});
        if (!flag(p + "IsShared")) add({"left-page " + what + of, text(p + "TextLeft"), false, ""});
        if (!flag("FirstIsShared")) {
          add({"first-page " + what + of, text(p + "TextFirst"), false, ""});
        }
      }
    }
  }
  if (Reference<css::text::XTextFramesSupplier> frames{doc, UNO_QUERY}; frames.is()) {
    Reference<css::container::XNameAccess> all = frames->getTextFrames();
    for (const OUString& name : all->getElementNames()) {
      Reference<css::text::XTextFrame> frame(all->getByName(name), UNO_QUERY);
      if (!frame.is()) continue;
      add({"frame '" + ToUtf8(name) + "'", frame->getText(), false,
           FrameIsProtected(frame) ? "protected frame" : ""});
    }
  }
  AddShapes(DrawPage(doc), seen, alive, out);
  return out;
}

// Each story's XText (by identity) and its name, as ReadParagraphs names them; the body (and
// its cells) is not in it.
// Holds each text (`alive`): an identity is only one while its object lives.
std::map<css::uno::XInterface*, std::string> StoryNames(
    const Reference<css::text::XTextDocument>& doc,
    std::vector<Reference<css::uno::XInterface>>& alive) {
  std::map<css::uno::XInterface*, std::string> out;
  for (const SideStory& side : SideStories(doc)) {
    alive.push_back(side.text);
    out.emplace(Identity(side.text), side.name);
  }
  for (const char* kind : {"footnote", "endnote"}) {
    Reference<css::container::XIndexAccess> notes;
    if (std::string(kind) == "footnote") {
      notes = Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
    } else if (Reference<css::text::XEndnotesSupplier> s{doc, UNO_QUERY}; s.is()) {
      notes = s->getEndnotes();
    }
    for (sal_Int32 i = 0; notes.is() && i < notes->getCount(); ++i) {
      Reference<css::text::XFootnote> note(notes->getByIndex(i), UNO_QUERY);
      if (note.is()) {
        alive.push_back(note);
        out.emplace(Identity(note),
                    std::string(kind) + " " + ToUtf8(note->getAnchor()->getString()));
      }
    }
  }
  return out;
}

// A drawing shape's own text (not a Writer text: no comment, bookmark or section in it): read
// for the engine, one plain text piece per paragraph, locked.
void ReadDrawingText(const Reference<css::text::XText>& text, int32_t text_id, ReadState& st) {
  Reference<css::container::XEnumeration> elements =
      Reference<css::container::XEnumerationAccess>(text, UNO_QUERY_THROW)->createEnumeration();
  while (elements->hasMoreElements()) {
    Reference<css::text::XTextRange> element(elements->nextElement(), UNO_QUERY);
    if (!element.is()) continue;
    WriterParagraph paragraph;
    paragraph.text_id = text_id;
    paragraph.story = st.story;
    paragraph.language = LanguageOf(element);
    paragraph.locked = st.locked;
    paragraph.footnotes_allowed = false;
    paragraph.map.Append(PieceKind::kText, ToU16(element->getString()));
    st.out->paragraphs.push_back(std::move(paragraph));
    if (st.looks) st.out->looks.emplace_back();
    st.out->elements.push_back(element);
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

// Moves a collapsed cursor `steps` to the left.
void StepLeft(const Reference<css::text::XTextCursor>& cursor, int32_t steps) {
  while (steps > 0) {
    sal_Int16 n = static_cast<sal_Int16>(std::min<int32_t>(steps, 0x7fff));
    cursor->goLeft(n, false);
    steps -= n;
  }
}

Reference<css::lang::XMultiServiceFactory> Factory(const Reference<css::text::XTextDocument>& doc) {
  return Reference<css::lang::XMultiServiceFactory>(doc, UNO_QUERY_THROW);
}

Reference<css::text::XTextContent> NewBookmark(const Reference<css::text::XTextDocument>& doc,
                                               const OUString& name) {
  Reference<css::text::XTextContent> bookmark(
      Factory(doc)->createInstance("com.sun.star.text.Bookmark"), UNO_QUERY_THROW);
  Reference<css::container::XNamed>(bookmark, UNO_QUERY_THROW)->setName(name);
  return bookmark;
}

void Dispose(const Reference<css::uno::XInterface>& x) {
  Reference<css::lang::XComponent>(x, UNO_QUERY_THROW)->dispose();
}

// How a mark looks: the character properties it sets, recorded per run in the run bookmark's name
// so that Clear restores the user's own values exactly.
enum class PropType { kLong, kShort, kBool };
struct Prop {
  const char* name;
  PropType type;
  bool set_by_mark = true;  // false: only recorded (the user's own), never set nor reset by us
};
struct Look {
  char tag;
  std::vector<Prop> props;  // restored in this order
  bool independent;         // each property its own attribute ("d" resets just that one)
};
// The background we set, and the user's highlight we never set but record: LibreOffice 7.4's
// .odt export writes a highlight as a background, so after .odt -> reopen the highlight is a
// background that resetting ours would lose; Clear sets the highlight recorded back.
const Look& HighlightLook() {
  static const Look look{
      kQuoteTag,
      {{"CharBackColor", PropType::kLong}, {"CharHighlight", PropType::kLong, false}},
      true};
  return look;
}
// The three are one attribute in Writer (the underline item); colour before has-colour, and the
// underline style last, so that restoring one does not reset another.
const Look& ClaimLook() {
  static const Look look{kClaimTag,
                         {{"CharUnderlineColor", PropType::kLong},
                          {"CharUnderlineHasColor", PropType::kBool},
                          {"CharUnderline", PropType::kShort}},
                         false};
  return look;
}

// "d" when not set directly, else the value in hex; joined by '_'.
std::string Encode(const Look& look, const Reference<css::beans::XPropertySet>& props,
                   const Reference<css::beans::XPropertyState>& state) {
  std::string out;
  for (const Prop& p : look.props) {
    if (!out.empty()) out += '_';
    OUString name = OUString::createFromAscii(p.name);
    if (state->getPropertyState(name) != css::beans::PropertyState_DIRECT_VALUE) {
      out += 'd';
      continue;
    }
    Any v = props->getPropertyValue(name);
    sal_Int32 n = 0;
    if (p.type == PropType::kBool) {
      bool b = false;
      v >>= b;
      n = b ? 1 : 0;
    } else {
      v >>= n;  // widens a sal_Int16
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, p.type == PropType::kLong ? "%08X" : "%X",
                  static_cast<unsigned>(n) & (p.type == PropType::kShort ? 0xFFFFu : 0xFFFFFFFFu));
    out += buf;
  }
  return out;
}

void Restore(const Look& look, const OUString& encoded,
             const Reference<css::text::XTextCursor>& cursor) {
  Reference<css::beans::XPropertySet> props(cursor, UNO_QUERY_THROW);
  Reference<css::beans::XPropertyState> state(cursor, UNO_QUERY_THROW);
  std::vector<OUString> values;
  sal_Int32 index = 0;
  do {
    values.push_back(encoded.getToken(0, '_', index));
  } while (index >= 0);
  bool all_default = true;
  for (const OUString& v : values) all_default = all_default && v == "d";
  // Version 1 recorded the background alone: the rest is then "not recorded", left as it is.
  if (look.independent) values.resize(look.props.size(), "");
  if (all_default || values.size() != look.props.size()) {
    for (const Prop& p : look.props) {
      if (p.set_by_mark) state->setPropertyToDefault(OUString::createFromAscii(p.name));
    }
    if (values.size() != look.props.size()) return;
  }
  for (size_t i = 0; i < look.props.size(); ++i) {
    const Prop& p = look.props[i];
    OUString name = OUString::createFromAscii(p.name);
    if (values[i].isEmpty()) continue;  // not recorded
    if (values[i] == "d") {
      // Independent: reset what we set. Else part of a direct attribute: set with its siblings.
      if (look.independent && p.set_by_mark) state->setPropertyToDefault(name);
      continue;
    }
    sal_uInt32 n = values[i].toUInt32(16);
    switch (p.type) {
      case PropType::kLong:
        props->setPropertyValue(name, Any(static_cast<sal_Int32>(n)));
        break;
      case PropType::kShort:
        props->setPropertyValue(name, Any(static_cast<sal_Int16>(n)));
        break;
      case PropType::kBool:
        props->setPropertyValue(name, Any(n != 0));
        break;
    }
  }
}

// The local time to the minute, for our comments' date (Writer shows "(no date)" without one).
css::util::DateTime Now() {
  const auto t = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&secs, &tm);
  css::util::DateTime dt;
  dt.Year = static_cast<sal_Int16>(tm.tm_year + 1900);
  dt.Month = static_cast<sal_uInt16>(tm.tm_mon + 1);
  dt.Day = static_cast<sal_uInt16>(tm.tm_mday);
  dt.Hours = static_cast<sal_uInt16>(tm.tm_hour);
  dt.Minutes = static_cast<sal_uInt16>(tm.tm_min);
  dt.Seconds = 0;  // minutes only: StampOf() of it is in the record
  dt.NanoSeconds = 0;
  dt.IsUTC = false;
  return dt;
}

// A new comment's text, one paragraph per line. Written through its TextRange before it is
// inserted, which gives it real paragraphs that .docx and .doc keep; its "Content" string
// with '\n' becomes one paragraph with a line break, which the .docx export glues into one
// line (LibreOffice 7.4).
void SetCommentText(const Reference<css::beans::XPropertySet>& note, const std::string& utf8) {
  Reference<css::text::XText> text(note->getPropertyValue("TextRange"), UNO_QUERY);
  if (!text.is()) {
    note->setPropertyValue("Content", Any(FromUtf8(utf8)));
    return;
  }
  Reference<css::text::XTextCursor> cursor = text->createTextCursor();
  size_t from = 0;
  while (true) {
    const size_t nl = utf8.find('\n', from);
    text->insertString(cursor.get(), FromUtf8(utf8.substr(from, nl - from)), false);
    if (nl == std::string::npos) break;
    text->insertControlCharacter(cursor.get(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
    from = nl + 1;
  }
}

// One run of equal original look inside a piece, in positions as read, and the encoded
// original.
struct Run {
  Position begin, end;
  std::string encoded;
};

// The runs of equal original look over piece [begin, end), from the looks ReadParagraphs
// recorded: no portion enumeration here, so none happens after the first comment exists.
std::vector<Run> RunsOf(const DocParagraphs& paragraphs, const Look& look, const Piece& piece) {
  std::vector<Run> runs;
  for (int32_t p = piece.begin.paragraph; p <= piece.end.paragraph; ++p) {
    for (const PortionLook& portion : paragraphs.looks.at(p)) {
      const int32_t b =
          p == piece.begin.paragraph ? std::max(portion.begin, piece.begin.step) : portion.begin;
      const int32_t e =
          p == piece.end.paragraph ? std::min(portion.end, piece.end.step) : portion.end;
      if (b >= e) continue;
      const std::string& encoded = look.tag == kQuoteTag ? portion.highlight : portion.underline;
      if (!runs.empty() && runs.back().encoded == encoded) {
        runs.back().end = Position{p, e};
      } else {
        runs.push_back(Run{Position{p, b}, Position{p, e}, encoded});
      }
    }
  }
  return runs;
}

// Whether an encoded original is "not set directly" for every property of the look ("d",
// "d_d_d"): what Clear gives back by resetting the range to default.
bool AllDefault(const std::string& encoded) {
  for (size_t i = 0; i < encoded.size(); i += 2) {
    if (encoded[i] != 'd' || (i + 1 < encoded.size() && encoded[i + 1] != '_')) return false;
  }
  return !encoded.empty();
}

// Puts one bookmark per run that needs one; the name records the original (RunBookmark in
// logic/marks.h). Runs were read before any mark was set, so overlapping
// marks all record the user's own values. With `covered` (the piece the item's comment is
// anchored on), runs whose original is the default get none: Clear resets the comment's range
// to default first. Every mark Writer makes costs a scan of all marks in LibreOffice 7.4
// (the unique-name check), so a bookmark per highlighted run made Highlight quadratic.
int RecordOriginals(const Reference<css::text::XTextDocument>& doc, Locator& locate,
                    const Insertions& placed, const Look& look, const std::vector<Run>& runs,
                    bool covered, const std::string& key, int id, int first_run, Edits& edits) {
  int index = first_run;
  for (const Run& run : runs) {
    if (covered && AllDefault(run.encoded)) continue;
    Reference<css::text::XTextCursor> cursor =
        locate.Span(placed.Now(run.begin), placed.Now(run.end));
    if (cursor->isCollapsed()) continue;
    edits.Tick();
    const std::string name = RunBookmark(key, look.tag, id, index++, run.encoded);
    cursor->getText()->insertTextContent(cursor.get(), NewBookmark(doc, FromUtf8(name)), true);
  }
  return index - first_run;
}

// The part shared by quote highlights and claim underlines: one comment on each item's first
// piece, the originals recorded where the comment's range does not say them, then the look
// applied in document order.
struct MarkItem {
  int id;
  const std::vector<Piece>* pieces;
  const std::string* comment;
  char comment_tag;  // kQuoteCommentTag or kClaimCommentTag
  std::function<void(const Reference<css::beans::XPropertySet>&)> set_look;
};

// LINEAR. Writer ranges are made when they are used and dropped right after, from the
// positions read and the placeholders inserted since (Insertions): a live UNO cursor or range
// per item made every later edit scan them all (LibreOffice 7.4 corrects every UNO cursor on
// many edits, and a range is a mark that the unique-name check of every new mark walks).
ApplyCounts ApplyItems(const Reference<css::text::XTextDocument>& doc,
                       const DocParagraphs& paragraphs, const Look& look, const char* what,
                       const std::vector<MarkItem>& items, MarkRecord& record, Edits& edits) {
  ApplyCounts counts;
  if (paragraphs.looks.size() != paragraphs.paragraphs.size()) {
    throw css::uno::RuntimeException("attrib: paragraphs read without their looks");
  }
  Locator locate(paragraphs);
  // The pieces that hold text in Writer (one over placeholders only holds none) and their runs.
  std::vector<std::vector<Piece>> pieces(items.size());
  std::vector<std::vector<std::vector<Run>>> runs(items.size());
  int planned = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    for (const Piece& p : *items[i].pieces) {
      if (locate.Span(p.begin, p.end)->getString().isEmpty()) continue;
      pieces[i].push_back(p);
      runs[i].push_back(RunsOf(paragraphs, look, p));
      for (const Run& run : runs[i].back()) {
        planned += pieces[i].size() > 1 || !AllDefault(run.encoded) ? 1 : 0;
      }
    }
    if (pieces[i].empty()) {
      counts.skipped.push_back(std::string(what) + " " + std::to_string(items[i].id) +
                               ": empty range in Writer");
    } else {
      planned += 1 + static_cast<int>(pieces[i].size());
    }
  }
  edits.planned += planned;
  // The comments' date, to the minute: with the record it tells our comments from the user's
  // where a format keeps no comment name (.docx, .doc, .rtf; .doc keeps minutes only).
  const css::util::DateTime now = Now();
  if (!items.empty()) {
    record.AddStamp(StampOf(now));
    WriteRecord(doc, record);
  }
  Insertions placed;
  // 1. Comments, from the last to the first: each adds its placeholder (at its range's end)
  //    only after earlier ranges begin. Before any look is set, so no placeholder inherits one
  //    (a colour that expanded onto a placeholder at a paragraph end would outlive Clear as an
  //    empty hint). The comment's range is the item's first piece: Clear resets it to default.
  for (size_t i = items.size(); i-- > 0;) {
    if (pieces[i].empty()) continue;
    edits.Tick();
    const Piece& first = pieces[i][0];
    const Position end = placed.Now(first.end);
    Reference<css::text::XTextRange> range = locate.Span(placed.Now(first.begin), end).get();
    Reference<css::beans::XPropertySet> note(
        Factory(doc)->createInstance("com.sun.star.text.textfield.Annotation"), UNO_QUERY_THROW);
    note->setPropertyValue("Author", Any(OUString::createFromAscii(kCommentAuthor)));
    SetCommentText(note, *items[i].comment);
    note->setPropertyValue(
        "Name", Any(FromUtf8(CommentName(record.key, items[i].comment_tag, items[i].id))));
    note->setPropertyValue("DateTimeValue", Any(now));
    range->getText()->insertTextContent(
        range, Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), true);
    placed.Add(first.end);
    locate.Inserted(end);
    ++counts.comments;
  }
  // 2. The originals the comments' ranges do not give back (read before any edit: marks
  //    overlap): the user's own values under the first piece, every run of later pieces.
  //    Outside the body every run gets its bookmark: LibreOffice 7.4's .docx, .doc and .rtf
  //    export drops comments in headers, footers and text boxes (bookmarks stay), and without
  //    the comment only the bookmark tells Clear that the highlight is ours.
  for (size_t i = items.size(); i-- > 0;) {
    int n = 0;
    for (size_t k = 0; k < runs[i].size(); ++k) {
      const bool in_body = paragraphs.paragraphs[pieces[i][k].begin.paragraph].story == 0;
      n += RecordOriginals(doc, locate, placed, look, runs[i][k], k == 0 && in_body, record.key,
                           items[i].id, n, edits);
    }
    if (!pieces[i].empty()) ++counts.marks;
  }
  // 3. The look in document order: a quote inside another (a mixed fragment) stays visible.
  for (size_t i = 0; i < items.size(); ++i) {
    for (const Piece& p : pieces[i]) {
      edits.Tick();
      items[i].set_look(Reference<css::beans::XPropertySet>(
          locate.Span(placed.Now(p.begin), placed.Now(p.end)), UNO_QUERY_THROW));
    }
  }
  return counts;
}

}  // namespace

namespace {

Reference<css::beans::XPropertyContainer> UserProperties(
    const Reference<css::text::XTextDocument>& doc) {
  return Reference<css::document::XDocumentPropertiesSupplier>(doc, UNO_QUERY_THROW)
      ->getDocumentProperties()
      ->getUserDefinedProperties();
}

std::optional<std::string> ReadRecordValue(const Reference<css::text::XTextDocument>& doc) {
  Reference<css::beans::XPropertySet> props(UserProperties(doc), UNO_QUERY_THROW);
  const OUString name = OUString::createFromAscii(kRecordProperty);
  if (!props->getPropertySetInfo()->hasPropertyByName(name)) return std::nullopt;
  OUString value;
  if (!(props->getPropertyValue(name) >>= value)) return std::nullopt;
  return ToUtf8(value);
}

void WriteRecordValue(const Reference<css::text::XTextDocument>& doc,
                      const std::optional<std::string>& value) {
  Reference<css::beans::XPropertyContainer> container = UserProperties(doc);
  Reference<css::beans::XPropertySet> props(container, UNO_QUERY_THROW);
  const OUString name = OUString::createFromAscii(kRecordProperty);
  const bool has = props->getPropertySetInfo()->hasPropertyByName(name);
  if (!value) {
    if (has) container->removeProperty(name);
  } else if (has) {
    props->setPropertyValue(name, Any(FromUtf8(*value)));
  } else {
    container->addProperty(name, css::beans::PropertyAttribute::REMOVABLE, Any(FromUtf8(*value)));
  }
}

// Undo/redo of a record change: Writer's undo does not cover document properties. Holds the
// document weakly (the document owns its undo stack).
class RecordUndo : public cppu::WeakImplHelper1<css::document::XUndoAction> {
 public:
  RecordUndo(const Reference<css::text::XTextDocument>& doc, std::optional<std::string> before,
             std::optional<std::string> after)
      : doc_(doc), before_(std::move(before)), after_(std::move(after)) {}
  OUString SAL_CALL getTitle() override { return "Attribution marks record"; }
  void SAL_CALL undo() override { Set(before_); }
  void SAL_CALL redo() override { Set(after_); }

 private:
  void Set(const std::optional<std::string>& value) {
    Reference<css::text::XTextDocument> doc(doc_.get(), UNO_QUERY);
    if (!doc.is()) return;
    try {
      WriteRecordValue(doc, value);
    } catch (const css::uno::Exception& e) {  // an undo never fails for the record's sake
      LogInfo("record undo", e.Message);
    }
  }
  css::uno::WeakReference<css::text::XTextDocument> doc_;
  std::optional<std::string> before_, after_;
};

}  // namespace

std::optional<MarkRecord> ReadRecord(const Reference<css::text::XTextDocument>& doc) {
  std::optional<std::string> value = ReadRecordValue(doc);
  return value ? ParseRecord(*value) : std::nullopt;
}

void WriteRecord(const Reference<css::text::XTextDocument>& doc,
                 const std::optional<MarkRecord>& record) {
  std::optional<std::string> before = ReadRecordValue(doc);
  std::optional<std::string> after;
  if (record) after = FormatRecord(*record);
  if (before == after) return;
  WriteRecordValue(doc, after);
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
  if (!undo->isLocked()) undo->addUndoAction(new RecordUndo(doc, before, after));
}

MarkRecord OwnRecord(const Reference<css::text::XTextDocument>& doc) {
  if (std::optional<MarkRecord> record = ReadRecord(doc)) return *record;
  // A key the document cannot have by accident: time, address and a counter mixed.
  static std::atomic<uint64_t> counter{0};
  const uint64_t seed =
      static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
      (reinterpret_cast<uintptr_t>(doc.get()) << 16) ^ (counter++ << 48);
  MarkRecord record = MarkRecord::New(seed);
  WriteRecord(doc, record);
  return record;
}

void Edits::Tick() {
  if (fail_after >= 0 && done >= fail_after) {
    throw css::uno::RuntimeException("injected failure at edit " + OUString::number(done + 1) +
                                     " (AttribFailAfterEdits)");
  }
  ++done;
  ++phase_done;
  if (progress) progress(phase_done, std::max(planned, phase_done));
}

DocParagraphs ReadParagraphs(const Reference<css::text::XTextDocument>& doc, bool looks) {
  DocParagraphs out;
  out.record = ReadRecord(doc);
  std::map<std::string, ParsedName> comments;
  std::map<css::uno::XInterface*, Reference<css::uno::XInterface>> our_notes;
  ReadState st{&out,      0,         true, looks, 0, "", out.record ? &*out.record : nullptr,
               &comments, &our_notes};
  out.story_names.push_back("body");
  ReadText(doc->getText(), 0, st);
  st.footnotes_allowed = false;
  for (const SideStory& side : SideStories(doc)) {
    st.story = static_cast<int32_t>(out.story_names.size());
    st.locked = side.locked;
    out.story_names.push_back(side.name);
    if (side.drawing) {
      ReadDrawingText(side.text, ++st.next_text_id, st);
    } else {
      ReadText(side.text, ++st.next_text_id, st);
    }
  }
  st.locked.clear();
  if (Reference<css::text::XFootnotesSupplier> notes{doc, UNO_QUERY}; notes.is()) {
    ReadNotes(notes->getFootnotes(), "footnote", st);
  }
  if (Reference<css::text::XEndnotesSupplier> notes{doc, UNO_QUERY}; notes.is()) {
    ReadNotes(notes->getEndnotes(), "endnote", st);
  }
  return out;
}

Reference<css::text::XTextCursor> Locator::At(const Position& pos) {
  Reference<css::text::XTextRange> from;
  int32_t steps = pos.step;
  // From the known position when it is in the paragraph and nearer than the paragraph's start.
  if (known_.is() && known_paragraph_ == pos.paragraph &&
      std::abs(pos.step - known_step_) < pos.step) {
    from = known_.get();
    steps = pos.step - known_step_;
  } else {
    from = doc_.elements.at(pos.paragraph)->getStart();
  }
  Reference<css::text::XTextCursor> cursor = from->getText()->createTextCursorByRange(from);
  if (steps >= 0) {
    StepRight(cursor, steps, false);
  } else {
    StepLeft(cursor, -steps);
  }
  known_ = cursor->getText()->createTextCursorByRange(cursor.get());
  known_paragraph_ = pos.paragraph;
  known_step_ = pos.step;
  return cursor;
}

Reference<css::text::XTextCursor> Locator::Span(const Position& begin, const Position& end) {
  Reference<css::text::XTextCursor> cursor = At(begin);
  if (end.paragraph == begin.paragraph) {
    StepRight(cursor, end.step - begin.step, true);
    return cursor;
  }
  Reference<css::text::XTextRange> end_range = At(end).get();
  if (end_range->getText() != cursor->getText()) {
    Reference<css::text::XParagraphCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfParagraph(true);
  } else {
    cursor->gotoRange(end_range, true);
  }
  return cursor;
}

void Locator::Inserted(const Position& pos) {
  if (known_paragraph_ == pos.paragraph && known_step_ >= pos.step) known_.clear();
}

Reference<css::text::XTextRange> RangeAt(const DocParagraphs& doc, const Position& pos) {
  return Locator(doc).At(pos).get();
}

Reference<css::text::XTextRange> RangeOf(const DocParagraphs& doc, const Position& begin,
                                         const Position& end) {
  return Locator(doc).Span(begin, end).get();
}

ApplyCounts ApplyMarks(const Reference<css::text::XTextDocument>& doc,
                       const DocParagraphs& paragraphs, const EditPlan& plan, MarkRecord& record,
                       Edits& edits) {
  std::vector<MarkItem> items;
  items.reserve(plan.marks.size());
  for (const PlannedMark& m : plan.marks) {
    const sal_Int32 color = static_cast<sal_Int32>(m.color);
    items.push_back(MarkItem{m.quote, &m.pieces, &m.comment, kQuoteCommentTag,
                             [color](const Reference<css::beans::XPropertySet>& r) {
                               r->setPropertyValue("CharBackColor", Any(color));
                             }});
  }
  return ApplyItems(doc, paragraphs, HighlightLook(), "quote", items, record, edits);
}

ApplyCounts ApplyClaims(const Reference<css::text::XTextDocument>& doc,
                        const DocParagraphs& paragraphs, const EditPlan& plan, MarkRecord& record,
                        Edits& edits) {
  std::vector<MarkItem> items;
  items.reserve(plan.claims.size());
  for (const PlannedClaim& c : plan.claims) {
    items.push_back(MarkItem{
        c.claim, &c.pieces, &c.comment, kClaimCommentTag,
        [](const Reference<css::beans::XPropertySet>& r) {
          r->setPropertyValue("CharUnderline", Any(css::awt::FontUnderline::WAVE));
          r->setPropertyValue("CharUnderlineColor", Any(static_cast<sal_Int32>(kClaimColor)));
          r->setPropertyValue("CharUnderlineHasColor", Any(true));
        }});
  }
  return ApplyItems(doc, paragraphs, ClaimLook(), "claim", items, record, edits);
}

ApplyCounts ApplyFootnotes(const Reference<css::text::XTextDocument>& doc,
                           const DocParagraphs& paragraphs, const EditPlan& plan,
                           const MarkRecord& record, Edits& edits, bool bare) {
  ApplyCounts counts;
  edits.planned += static_cast<int>(plan.footnotes.size());
  // In document order: each new footnote follows all earlier ones, so Writer renumbers none of
  // them (inserting before them made every insertion renumber the rest). Each insertion point
  // is made when it is used, from the position read and the anchors inserted before it (a live
  // cursor per footnote made every insertion scan them all: see ApplyItems).
  Insertions placed;
  Locator locate(paragraphs);
  for (const PlannedFootnote& f : plan.footnotes) {
    edits.Tick();
    // The point is walked to from one step before it, which the insertion leaves in place.
    const Position at = placed.Now(f.at);
    Reference<css::text::XTextCursor> point;
    if (at.step > 0) {
      point = locate.At({at.paragraph, at.step - 1});
      point->goRight(1, false);
    } else {
      point = locate.At(at);
    }
    Reference<css::text::XTextContent> note(
        Factory(doc)->createInstance("com.sun.star.text.Footnote"), UNO_QUERY_THROW);
    point->getText()->insertTextContent(point.get(), note, false);
    placed.Add(f.at);
    locate.Inserted(at);
    ++counts.footnotes;
    if (bare) continue;  // the benchmark's floor: Writer's footnote alone
    Reference<css::text::XText> note_text(note, UNO_QUERY_THROW);
    note_text->setString(FromUtf8(f.text));
    // The bookmark sits right before the anchor in the text: .docx, .doc and .odt give it back
    // there (inside the footnote's text .docx duplicated it as "… Copy 1" and .rtf dropped some;
    // spanning the anchor, Writer's undo of an edit next to it lost the bookmark's end).
    Reference<css::text::XTextRange> anchor = note->getAnchor();
    anchor->getText()->insertTextContent(
        anchor->getStart(),
        NewBookmark(doc, FromUtf8(FootnoteBookmark(record.key, f.at.paragraph, f.speaker))), false);
  }
  return counts;
}

namespace {
// The footnote whose anchor is in `range` (our footnote bookmark's), or null.
Reference<css::text::XFootnote> FootnoteIn(const Reference<css::text::XTextRange>& range) {
  Reference<css::container::XEnumerationAccess> access(range, UNO_QUERY);
  Reference<css::text::XTextRangeCompare> compare(range->getText(), UNO_QUERY);
  if (!access.is() || !compare.is()) return {};
  Reference<css::container::XEnumeration> paras = access->createEnumeration();
  while (paras->hasMoreElements()) {
    Reference<css::container::XEnumerationAccess> para(paras->nextElement(), UNO_QUERY);
    if (!para.is()) continue;
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    while (portions->hasMoreElements()) {
      Reference<css::beans::XPropertySet> p(portions->nextElement(), UNO_QUERY_THROW);
      OUString type;
      p->getPropertyValue("TextPortionType") >>= type;
      if (type != "Footnote") continue;
      Reference<css::text::XFootnote> note(p->getPropertyValue("Footnote"), UNO_QUERY);
      if (!note.is()) continue;
      // Only one anchored inside the range (the enumeration may give the whole paragraph).
      Reference<css::text::XTextRange> at = note->getAnchor();
      if (compare->compareRegionStarts(range, at) >= 0 &&
          compare->compareRegionEnds(at, range) >= 0) {
        return note;
      }
    }
  }
  return {};
}

// The footnote whose anchor starts where `point` (our collapsed footnote bookmark) is, or null.
constexpr int kStepsToAnchor = 4;
Reference<css::text::XFootnote> FootnoteAt(const Reference<css::text::XTextDocument>& doc,
                                           const Reference<css::text::XTextRange>& point) {
  Reference<css::text::XTextCursor> next = point->getText()->createTextCursorByRange(point);
  if (!next->isCollapsed()) {
    if (Reference<css::text::XFootnote> in = FootnoteIn(next.get()); in.is()) return in;
  } else {
    // Steps over what has no text of its own and may sit between the bookmark and the anchor:
    // a comment's end or a bookmark's that a later command put at the same point.
    for (int step = 0; step < kStepsToAnchor && next->goRight(1, true); ++step) {
      if (Reference<css::text::XFootnote> in = FootnoteIn(next.get()); in.is()) return in;
      if (!next->getString().isEmpty()) break;
    }
  }
  // Where the cursor's step does not reach the anchor (a placeholder between them).
  Reference<css::text::XTextRangeCompare> compare(point->getText(), UNO_QUERY);
  Reference<css::container::XIndexAccess> notes =
      Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
  for (sal_Int32 i = 0; compare.is() && i < notes->getCount(); ++i) {
    Reference<css::text::XFootnote> note(notes->getByIndex(i), UNO_QUERY);
    if (!note.is()) continue;
    Reference<css::text::XTextRange> at = note->getAnchor();
    if (at->getText() == point->getText() && compare->compareRegionStarts(point, at) == 0) {
      return note;
    }
  }
  return {};
}

}  // namespace

std::string DocumentLock(const Reference<css::text::XTextDocument>& doc) {
  if (Reference<css::frame::XStorable> storable{doc, UNO_QUERY};
      storable.is() && storable->isReadonly()) {
    return "the document is read-only (opened read-only, or Edit Mode is off)";
  }
  Reference<css::beans::XPropertySet> settings(doc, UNO_QUERY_THROW);
  bool recording = false;
  css::uno::Sequence<sal_Int8> key;
  settings->getPropertyValue("RecordChanges") >>= recording;
  settings->getPropertyValue("RedlineProtectionKey") >>= key;
  if (recording && key.getLength() > 0) {
    return "change recording is on and protected by a password: marks would be tracked "
           "changes, and Attrib does not switch recording off";
  }
  return "";
}

std::string LockAt(const Reference<css::text::XTextRange>& range) {
  Reference<css::text::XText> text = range->getText();
  if (FrameIsProtected(text)) return "protected frame";
  if (CellIsProtected(text)) return "protected table cell";
  Reference<css::text::XTextCursor> cursor = text->createTextCursorByRange(range);
  return SectionLock(Reference<css::beans::XPropertySet>(cursor, UNO_QUERY));
}

int ClearMarks(const Reference<css::text::XTextDocument>& doc, const MarkKinds& kinds, Edits& edits,
               const MarkFilter* only, std::vector<SkippedStory>* skipped) {
  const std::optional<MarkRecord> record = ReadRecord(doc);
  const MarkRecord* rec = record ? &*record : nullptr;
  int removed = 0;
  // Marks in text that is protected now stay where they are, counted per story and lock.
  std::map<std::pair<std::string, std::string>, int> kept;
  std::map<css::uno::XInterface*, std::string> story_names;
  std::vector<Reference<css::uno::XInterface>> alive;
  bool named = false;
  auto locked = [&](const Reference<css::text::XTextRange>& at) {
    const std::string why = LockAt(at);
    if (why.empty()) return false;
    if (!named) story_names = StoryNames(doc, alive), named = true;
    auto it = story_names.find(Identity(at->getText()));
    ++kept[{it == story_names.end() ? std::string("body") : it->second, why}];
    return true;
  };
  // 1. Our comments, each with the look of what it marks: their ranges go back to the default
  //    first, then the bookmarks put back the user's own values.
  std::vector<std::pair<Reference<css::text::XTextContent>, const Look*>> comments;
  if (kinds.quotes || kinds.claims) {
    Reference<css::container::XEnumeration> fields =
        Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
            ->getTextFields()
            ->createEnumeration();
    while (fields->hasMoreElements()) {
      Reference<css::uno::XInterface> field(fields->nextElement(), UNO_QUERY);
      if (!Supports(field, "com.sun.star.text.textfield.Annotation")) continue;
      Reference<css::beans::XPropertySet> props(field, UNO_QUERY_THROW);
      ParsedName parsed;
      if (!IsOurCommentField(props, rec, &parsed)) continue;
      if (only != nullptr) {
        OUString name;
        props->getPropertyValue("Name") >>= name;
        const bool wanted = parsed.id >= 0 ? only->ids.count(parsed.id) > 0
                                           : only->comment_names.count(ToUtf8(name)) > 0;
        if (!wanted) continue;
      }
      const Look* look = nullptr;
      if (kinds.quotes && parsed.tag == kQuoteCommentTag) look = &HighlightLook();
      if (kinds.claims && parsed.tag == kClaimCommentTag) look = &ClaimLook();
      if (look == nullptr) continue;
      Reference<css::text::XTextContent> content(field, UNO_QUERY_THROW);
      if (locked(content->getAnchor())) continue;
      comments.emplace_back(content, look);
    }
  }
  edits.planned += 2 * static_cast<int>(comments.size());
  for (const auto& [comment, look] : comments) {
    edits.Tick();
    Reference<css::text::XTextRange> anchor = comment->getAnchor();
    Reference<css::text::XTextCursor> cursor = anchor->getText()->createTextCursorByRange(anchor);
    if (!cursor->isCollapsed()) Restore(*look, "d", cursor);
  }
  // 2. The bookmarks: originals put back, our footnotes removed.
  bool anchored_footnotes = false;
  Reference<css::container::XNameAccess> bookmarks =
      Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks();
  const css::uno::Sequence<OUString> names = bookmarks->getElementNames();
  edits.planned += names.getLength();
  for (const OUString& name : names) {
    std::optional<ParsedName> parsed = Parse(name, rec);
    if (!parsed) continue;
    const bool wanted = only == nullptr || only->ids.count(parsed->id) > 0;
    const Look* look = nullptr;
    if (kinds.quotes && parsed->tag == kQuoteTag && wanted) look = &HighlightLook();
    if (kinds.claims && parsed->tag == kClaimTag && wanted) look = &ClaimLook();
    const bool footnote = kinds.footnotes && only == nullptr && parsed->tag == kFootnoteTag;
    if (parsed->tag == kFootnoteTag && !parsed->legacy) anchored_footnotes = true;
    if (look == nullptr && !footnote) continue;
    Reference<css::text::XTextContent> bookmark(bookmarks->getByName(name), UNO_QUERY_THROW);
    Reference<css::text::XTextRange> anchor = bookmark->getAnchor();
    if (locked(anchor)) continue;
    if (look != nullptr) {
      edits.Tick();
      Reference<css::text::XTextCursor> cursor = anchor->getText()->createTextCursorByRange(anchor);
      Restore(*look, FromUtf8(parsed->encoded), cursor);
      Dispose(bookmark);
    } else if (Reference<css::text::XFootnote> note{anchor->getText(), UNO_QUERY}; note.is()) {
      // An earlier version's bookmark in the footnote's text (version 1: only trusted with the
      // text it wrote); removing the footnote removes both.
      if (!IsOurNoteText(anchor->getText(), rec)) continue;
      edits.Tick();
      Dispose(note);
    } else {
      // The bookmark sits right before the footnote's anchor in the text.
      edits.Tick();
      if (Reference<css::text::XFootnote> in = FootnoteAt(doc, anchor); in.is()) Dispose(in);
      if (bookmarks->hasByName(name)) Dispose(bookmark);
    }
    ++removed;
  }
  // Our footnotes whose anchor's bookmark a format lost (.rtf loses them all): known by their
  // text — only when no footnote bookmark of ours is left at all, since where they are (.docx)
  // the import may have given a user's footnote our text (LibreOffice 7.4, see README).
  if (kinds.footnotes && only == nullptr && !anchored_footnotes) {
    Reference<css::container::XIndexAccess> notes =
        Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
    std::vector<Reference<css::text::XFootnote>> found;
    for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
      Reference<css::text::XFootnote> note(notes->getByIndex(i), UNO_QUERY);
      if (note.is() && IsOurNoteText(Reference<css::text::XText>(note, UNO_QUERY), rec) &&
          !locked(note->getAnchor())) {
        found.push_back(note);
      }
    }
    edits.planned += static_cast<int>(found.size());
    for (const auto& note : found) {
      edits.Tick();
      Dispose(note);
      ++removed;
    }
  }
  // 3. The comments themselves.
  for (const auto& [comment, look] : comments) {
    edits.Tick();
    Dispose(comment);
  }
  removed += static_cast<int>(comments.size());
  // 4. Everything cleared: the record goes too (the document is the user's again).
  if (record && only == nullptr && kinds.quotes && kinds.claims && kinds.footnotes &&
      kept.empty()) {
    WriteRecord(doc, std::nullopt);
  }
  for (const auto& [where, n] : kept) {
    if (skipped == nullptr) break;
    skipped->push_back({where.first, where.second + ": " + std::to_string(n) +
                                         (n == 1 ? " mark" : " marks") + " of Attrib's left"});
  }
  return removed;
}

MarkedContent ReadMarkedContent(const Reference<css::text::XTextDocument>& doc) {
  const std::optional<MarkRecord> record = ReadRecord(doc);
  const MarkRecord* rec = record ? &*record : nullptr;
  MarkedContent content;
  std::vector<Reference<css::uno::XInterface>> alive;
  const std::map<css::uno::XInterface*, std::string> stories = StoryNames(doc, alive);
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  while (fields->hasMoreElements()) {
    Reference<css::uno::XInterface> field(fields->nextElement(), UNO_QUERY);
    if (!Supports(field, "com.sun.star.text.textfield.Annotation")) continue;
    Reference<css::beans::XPropertySet> props(field, UNO_QUERY_THROW);
    ParsedName parsed;
    if (!IsOurCommentField(props, rec, &parsed)) continue;
    OUString name, comment;
    props->getPropertyValue("Name") >>= name;
    props->getPropertyValue("Content") >>= comment;
    Reference<css::text::XTextRange> anchor =
        Reference<css::text::XTextContent>(field, UNO_QUERY_THROW)->getAnchor();
    auto story = stories.find(Identity(anchor->getText()));
    content.comments.push_back({parsed.tag == kClaimCommentTag,
                                story == stories.end() ? std::string("body") : story->second,
                                ToUtf8(name), ToUtf8(anchor->getString()), ToUtf8(comment)});
  }
  // Each footnote bookmark of ours finds its footnote where it stands (not by comparing it with
  // every footnote); the footnotes are then listed in the document's order.
  // Keyed by identity, the footnotes held: Writer keeps one object per footnote while it lives.
  std::map<css::uno::XInterface*, std::pair<Reference<css::text::XFootnote>, std::string>> ours;
  Reference<css::container::XNameAccess> bookmarks =
      Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks();
  for (const OUString& name : bookmarks->getElementNames()) {
    std::optional<ParsedName> parsed = Parse(name, rec);
    if (!parsed || parsed->tag != kFootnoteTag) continue;
    Reference<css::text::XTextRange> anchor =
        Reference<css::text::XTextContent>(bookmarks->getByName(name), UNO_QUERY_THROW)
            ->getAnchor();
    if (Reference<css::text::XFootnote>(anchor->getText(), UNO_QUERY).is()) continue;  // legacy
    if (Reference<css::text::XFootnote> note = FootnoteAt(doc, anchor); note.is()) {
      ours.emplace(Identity(note), std::make_pair(note, ToUtf8(name)));
    }
  }
  Reference<css::container::XIndexAccess> notes =
      Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
  for (sal_Int32 i = 0; i < notes->getCount() && !ours.empty(); ++i) {
    Reference<css::text::XFootnote> note(notes->getByIndex(i), UNO_QUERY);
    if (!note.is()) continue;
    auto it = ours.find(Identity(note));
    if (it == ours.end()) continue;
    content.footnotes.push_back(
        {it->second.second, ToUtf8(note->getAnchor()->getString()),
         ToUtf8(Reference<css::text::XText>(note, UNO_QUERY_THROW)->getString())});
  }
  return content;
}

namespace {
// Runs `edit` with the undo manager locked: what it does is in no undo step. For the
// selection's bookmarks, which live only inside one command: when a failed command is undone,
// Writer's undo finds a bookmark to remove by its recorded position, and one that sat at a
// comment placeholder the command removed and the undo put back is not found (LibreOffice
// 7.4), so it would outlive the rollback.
void OutsideUndo(const Reference<css::text::XTextDocument>& doc,
                 const std::function<void()>& edit) {
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
  undo->lock();
  try {
    edit();
  } catch (...) {
    undo->unlock();
    throw;
  }
  undo->unlock();
}
}  // namespace

int MarkSelection(const Reference<css::text::XTextDocument>& doc, const Any& selection,
                  const MarkRecord& record) {
  std::vector<Reference<css::text::XTextRange>> ranges;
  if (Reference<css::container::XIndexAccess> many{selection, UNO_QUERY}; many.is()) {
    for (sal_Int32 i = 0; i < many->getCount(); ++i) {
      Reference<css::text::XTextRange> r(many->getByIndex(i), UNO_QUERY);
      if (r.is()) ranges.push_back(r);
    }
  } else if (Reference<css::text::XTextRange> one{selection, UNO_QUERY}; one.is()) {
    ranges.push_back(one);
  }
  int marked = 0;
  OutsideUndo(doc, [&] {
    for (const auto& r : ranges) {
      if (r->getString().isEmpty()) continue;  // collapsed (or holds no text)
      Reference<css::text::XText> text = r->getText();
      text->insertTextContent(
          r->getStart(), NewBookmark(doc, FromUtf8(SelectionBookmark(record.key, marked, false))),
          false);
      text->insertTextContent(
          r->getEnd(), NewBookmark(doc, FromUtf8(SelectionBookmark(record.key, marked, true))),
          false);
      ++marked;
    }
  });
  return marked;
}

bool FindSelection(const DocParagraphs& paragraphs, Position* begin, Position* end) {
  bool found = false;
  for (int32_t p = 0; p < static_cast<int32_t>(paragraphs.paragraphs.size()); ++p) {
    for (const MarkPoint& m : paragraphs.paragraphs[p].marks) {
      if (m.tag != kSelectionTag) continue;
      const Position at{p, m.step};
      if (!found) {
        *begin = *end = at;
        found = true;
      }
      *begin = std::min(*begin, at);
      *end = std::max(*end, at);
    }
  }
  return found && *begin < *end;
}

void UnmarkSelection(const Reference<css::text::XTextDocument>& doc, const MarkRecord& record) {
  Reference<css::container::XNameAccess> bookmarks =
      Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)->getBookmarks();
  OutsideUndo(doc, [&] {
    for (const OUString& name : bookmarks->getElementNames()) {
      std::optional<ParsedName> parsed = Parse(name, &record);
      if (!parsed || parsed->tag != kSelectionTag) continue;
      Dispose(Reference<css::uno::XInterface>(bookmarks->getByName(name), UNO_QUERY_THROW));
    }
  });
}

void UndoStep(const Reference<css::text::XTextDocument>& doc, const OUString& title,
              const std::function<void()>& edit) {
  if (const std::string lock = DocumentLock(doc); !lock.empty()) {
    throw css::uno::RuntimeException(FromUtf8("Attrib changes nothing here: " + lock));
  }
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
