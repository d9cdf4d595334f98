#include "doc_dump.h"

#include <algorithm>
#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextSectionsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include "logic/marks.h"
#include "logic/plan.h"
#include "office_env.h"

namespace attrib::test {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// Text, per-portion character attributes, comments, footnotes and bookmarks, as one string.
void DumpText(const Reference<css::text::XText>& text, std::ostringstream& os) {
  Reference<css::container::XEnumeration> elements =
      Reference<css::container::XEnumerationAccess>(text, UNO_QUERY_THROW)->createEnumeration();
  while (elements->hasMoreElements()) {
    Reference<css::uno::XInterface> element(elements->nextElement(), UNO_QUERY);
    if (Reference<css::text::XTextTable> table{element, UNO_QUERY}; table.is()) {
      for (const OUString& cell : table->getCellNames()) {
        os << "[cell " << ToUtf8(cell) << "]\n";
        DumpText(Reference<css::text::XText>(table->getCellByName(cell), UNO_QUERY_THROW), os);
      }
      continue;
    }
    Reference<css::container::XEnumerationAccess> para(element, UNO_QUERY);
    if (!para.is()) continue;
    Reference<css::container::XEnumeration> portions = para->createEnumeration();
    // Adjacent text portions with equal attributes are one run: Writer may split a portion where
    // a mark was, without any difference in text or formatting.
    os << "P:";
    // Zero-width items at one position (bookmark and comment boundaries) are sorted: Writer
    // may re-create them in another order (undo), which changes nothing a user can see.
    std::string last_attrs, run;
    std::vector<std::string> zero_width;
    auto flush_zero = [&] {
      std::sort(zero_width.begin(), zero_width.end());
      for (const std::string& z : zero_width) os << z;
      zero_width.clear();
    };
    auto flush = [&] {
      if (!run.empty() || !last_attrs.empty()) {
        flush_zero();
        os << " {'" << run << "' " << last_attrs << "}";
      }
      run.clear();
      last_attrs.clear();
    };
    while (portions->hasMoreElements()) {
      Reference<css::beans::XPropertySet> p(portions->nextElement(), UNO_QUERY_THROW);
      Reference<css::beans::XPropertyState> st(p, UNO_QUERY_THROW);
      OUString type;
      p->getPropertyValue("TextPortionType") >>= type;
      sal_Int32 back = 0, highlight = 0, ucolor = 0;
      sal_Int16 underline = 0;
      bool uhas = false;
      float weight = 0;
      p->getPropertyValue("CharBackColor") >>= back;
      p->getPropertyValue("CharHighlight") >>= highlight;
      p->getPropertyValue("CharWeight") >>= weight;
      p->getPropertyValue("CharUnderline") >>= underline;
      p->getPropertyValue("CharUnderlineColor") >>= ucolor;
      p->getPropertyValue("CharUnderlineHasColor") >>= uhas;
      auto direct = [&](const char* name) {
        return st->getPropertyState(rtl::OUString::createFromAscii(name)) ==
                       css::beans::PropertyState_DIRECT_VALUE
                   ? "!"
                   : "";
      };
      std::ostringstream attrs;
      attrs << "back=" << back << direct("CharBackColor") << " hl=" << highlight << " w=" << weight
            << " u=" << underline << "/" << ucolor << "/"
            << uhas
            // Our own wavy underline may be stored per paragraph or per portion (Writer's
            // undo re-creates it as portion hints): same look, so its storage is not compared.
            << (underline == css::awt::FontUnderline::WAVE &&
                        ucolor == static_cast<sal_Int32>(uno::kClaimColor)
                    ? ""
                    : direct("CharUnderline"));
      std::string text = ToUtf8(Reference<css::text::XTextRange>(p, UNO_QUERY_THROW)->getString());
      if (type == "SoftPageBreak") continue;  // layout (asynchronous), not document content
      if (type != "Text") {
        flush();
        std::string item = " {" + ToUtf8(type) + " '" + text + "' " + attrs.str() + "}";
        if (text.empty() &&
            (type == "Bookmark" || type == "Annotation" || type == "AnnotationEnd")) {
          zero_width.push_back(item);
        } else {
          flush_zero();
          os << item;
        }
        continue;
      }
      if (attrs.str() != last_attrs) flush();
      last_attrs = attrs.str();
      run += text;
    }
    flush();
    flush_zero();
    os << "\n";
  }
}

std::vector<Comment> Comments(const Reference<css::text::XTextDocument>& doc) {
  std::vector<Comment> out;
  Reference<css::container::XEnumeration> fields =
      Reference<css::text::XTextFieldsSupplier>(doc, UNO_QUERY_THROW)
          ->getTextFields()
          ->createEnumeration();
  while (fields->hasMoreElements()) {
    Reference<css::lang::XServiceInfo> info(fields->nextElement(), UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.textfield.Annotation")) continue;
    Reference<css::beans::XPropertySet> p(info, UNO_QUERY_THROW);
    OUString author, content, name;
    p->getPropertyValue("Author") >>= author;
    p->getPropertyValue("Content") >>= content;
    p->getPropertyValue("Name") >>= name;
    out.push_back(
        {ToUtf8(author), ToUtf8(content),
         ToUtf8(
             Reference<css::text::XTextContent>(info, UNO_QUERY_THROW)->getAnchor()->getString()),
         ToUtf8(name)});
  }
  return out;
}

std::vector<std::string> FootnoteTexts(const Reference<css::text::XTextDocument>& doc) {
  Reference<css::container::XIndexAccess> notes =
      Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes();
  std::vector<std::string> out;
  for (sal_Int32 i = 0; i < notes->getCount(); ++i) {
    out.push_back(
        ToUtf8(Reference<css::text::XText>(notes->getByIndex(i), UNO_QUERY_THROW)->getString()));
  }
  return out;
}

std::vector<std::string> BookmarkNames(const Reference<css::text::XTextDocument>& doc) {
  std::vector<std::string> out;
  for (const OUString& n : Reference<css::text::XBookmarksSupplier>(doc, UNO_QUERY_THROW)
                               ->getBookmarks()
                               ->getElementNames()) {
    out.push_back(ToUtf8(n));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Snapshot(const Reference<css::text::XTextDocument>& doc) {
  std::ostringstream os;
  DumpText(doc->getText(), os);
  std::vector<std::string> comments;  // sorted: the field enumeration's order is not the text's
  for (const Comment& c : Comments(doc))
    comments.push_back("comment " + c.author + "|" + c.content + "|" + c.anchor + "\n");
  std::sort(comments.begin(), comments.end());
  for (const std::string& c : comments) os << c;
  for (const std::string& f : FootnoteTexts(doc)) os << "footnote " << f << "\n";
  for (const std::string& b : BookmarkNames(doc)) os << "bookmark " << b << "\n";
  return os.str();
}

std::string Stories(const Reference<css::text::XTextDocument>& doc) {
  std::ostringstream os;
  os << "== body\n";
  DumpText(doc->getText(), os);
  Reference<css::container::XNameAccess> pages(
      Reference<css::style::XStyleFamiliesSupplier>(doc, UNO_QUERY_THROW)
          ->getStyleFamilies()
          ->getByName("PageStyles"),
      UNO_QUERY_THROW);
  for (const OUString& name : pages->getElementNames()) {
    Reference<css::beans::XPropertySet> style(pages->getByName(name), UNO_QUERY_THROW);
    auto flag = [&](const OUString& p) {
      bool v = true;
      style->getPropertyValue(p) >>= v;
      return v;
    };
    for (const char* part : {"Header", "Footer"}) {
      const OUString p = OUString::createFromAscii(part);
      bool on = false;
      style->getPropertyValue(p + "IsOn") >>= on;
      if (!on) continue;
      std::vector<std::pair<std::string, OUString>> texts = {{"", p + "Text"}};
      if (!flag(p + "IsShared")) texts.push_back({"left ", p + "TextLeft"});
      if (!flag("FirstIsShared")) texts.push_back({"first ", p + "TextFirst"});
      for (const auto& [which, property] : texts) {
        Reference<css::text::XText> text(style->getPropertyValue(property), UNO_QUERY);
        if (!text.is()) continue;
        os << "== " << which << part << " of " << ToUtf8(name) << "\n";
        DumpText(text, os);
      }
    }
  }
  Reference<css::container::XNameAccess> frames =
      Reference<css::text::XTextFramesSupplier>(doc, UNO_QUERY_THROW)->getTextFrames();
  std::vector<std::string> frame_dumps;
  for (const OUString& name : frames->getElementNames()) {
    Reference<css::text::XTextFrame> frame(frames->getByName(name), UNO_QUERY_THROW);
    std::ostringstream f;
    DumpText(frame->getText(), f);
    frame_dumps.push_back(f.str());
  }
  std::sort(frame_dumps.begin(), frame_dumps.end());  // frame names are not the user's
  for (const std::string& f : frame_dumps) os << "== frame\n" << f;
// XDrawPageSupplier is deprecated in the 7.4 API, and still what a Writer document offers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  Reference<css::container::XIndexAccess> shapes(
      Reference<css::drawing::XDrawPageSupplier>(doc, UNO_QUERY_THROW)->getDrawPage(),
      UNO_QUERY_THROW);
#pragma GCC diagnostic pop
  for (sal_Int32 i = 0; i < shapes->getCount(); ++i) {
    Reference<css::text::XText> own(shapes->getByIndex(i), UNO_QUERY);
    if (!own.is()) continue;
    Reference<css::text::XText> text = own->getText();
    Reference<css::lang::XServiceInfo> info(text, UNO_QUERY);
    if (info.is() && info->supportsService("com.sun.star.text.TextFrame")) {
      os << "== shape (Writer text)\n";
      DumpText(text, os);
    } else if (text.is()) {
      os << "== shape text '" << ToUtf8(text->getString()) << "'\n";
    }
  }
  auto notes = [&](const Reference<css::container::XIndexAccess>& all, const char* what) {
    for (sal_Int32 i = 0; all.is() && i < all->getCount(); ++i) {
      os << "== " << what << " " << i << "\n";
      DumpText(Reference<css::text::XText>(all->getByIndex(i), UNO_QUERY_THROW), os);
    }
  };
  notes(Reference<css::text::XFootnotesSupplier>(doc, UNO_QUERY_THROW)->getFootnotes(), "footnote");
  if (Reference<css::text::XEndnotesSupplier> endnotes{doc, UNO_QUERY}; endnotes.is()) {
    notes(endnotes->getEndnotes(), "endnote");
  }
  std::vector<std::string> comments;
  for (const Comment& c : Comments(doc)) {
    comments.push_back("comment " + c.author + "|" + c.content + "|" + c.anchor + "\n");
  }
  std::sort(comments.begin(), comments.end());
  for (const std::string& c : comments) os << c;
  for (const std::string& b : BookmarkNames(doc)) os << "bookmark " << b << "\n";
  Reference<css::container::XEnumeration> redlines =
      Reference<css::container::XEnumerationAccess>(
          Reference<css::document::XRedlinesSupplier>(doc, UNO_QUERY_THROW)->getRedlines(),
          UNO_QUERY_THROW)
          ->createEnumeration();
  while (redlines->hasMoreElements()) {
    Reference<css::beans::XPropertySet> r(redlines->nextElement(), UNO_QUERY_THROW);
    OUString type, author;
    r->getPropertyValue("RedlineType") >>= type;
    r->getPropertyValue("RedlineAuthor") >>= author;
    os << "redline " << ToUtf8(type) << " by " << ToUtf8(author) << "\n";
  }
  Reference<css::container::XNameAccess> sections =
      Reference<css::text::XTextSectionsSupplier>(doc, UNO_QUERY_THROW)->getTextSections();
  for (const OUString& name : sections->getElementNames()) {
    bool is_protected = false;
    Reference<css::beans::XPropertySet>(sections->getByName(name), UNO_QUERY_THROW)
        ->getPropertyValue("IsProtected") >>= is_protected;
    os << "section " << ToUtf8(name) << (is_protected ? " protected" : "") << "\n";
  }
  Reference<css::beans::XPropertySet> settings(doc, UNO_QUERY_THROW);
  bool recording = false;
  css::uno::Sequence<sal_Int8> key;
  settings->getPropertyValue("RecordChanges") >>= recording;
  settings->getPropertyValue("RedlineProtectionKey") >>= key;
  os << "record changes " << recording << ", protection key of " << key.getLength() << " bytes\n";
  Reference<css::beans::XPropertySet> user(
      Reference<css::document::XDocumentPropertiesSupplier>(doc, UNO_QUERY_THROW)
          ->getDocumentProperties()
          ->getUserDefinedProperties(),
      UNO_QUERY_THROW);
  for (const css::beans::Property& p : user->getPropertySetInfo()->getProperties()) {
    os << "user property " << ToUtf8(p.Name) << "\n";
  }
  return os.str();
}

}  // namespace attrib::test
