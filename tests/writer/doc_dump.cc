#include "doc_dump.h"

#include <algorithm>
#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
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

}  // namespace attrib::test
