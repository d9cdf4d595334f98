// The document's language drives the engine (issue 12, items 4, 6, 7): German and French
// paragraphs in a real Writer document are analysed in their language, marked with the right
// speakers and worded from that language's catalogue; a mixed document is read per paragraph;
// marks in any language survive a .docx round trip and Clear gives back the document the user
// had.
#include <gtest/gtest.h>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <osl/file.hxx>
#include <string>
#include <vector>

#include "component/writer_doc.h"
#include "doc_dump.h"
#include "logic/marks.h"
#include "office_env.h"

namespace attrib::test {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

struct Paragraph {
  const char* text;
  const char* language;  // BCP-47 language and country, e.g. "de-DE"
};

// A new document holding `paragraphs`, each with its CharLocale set as Writer's language menu
// sets it.
void Write(const Reference<css::text::XTextDocument>& doc,
           const std::vector<Paragraph>& paragraphs) {
  Reference<css::text::XText> text = doc->getText();
  Reference<css::text::XTextCursor> at = text->createTextCursor();
  at->gotoEnd(false);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) {
      text->insertControlCharacter(at.get(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
    }
    Reference<css::text::XTextCursor> start = text->createTextCursorByRange(at->getEnd());
    text->insertString(at.get(), FromUtf8(paragraphs[i].text), false);
    start->gotoRange(at->getEnd(), true);
    const std::string tag = paragraphs[i].language;
    css::lang::Locale locale;
    locale.Language = FromUtf8(tag.substr(0, tag.find('-')));
    if (tag.find('-') != std::string::npos)
      locale.Country = FromUtf8(tag.substr(tag.find('-') + 1));
    Reference<css::beans::XPropertySet>(start, UNO_QUERY_THROW)
        ->setPropertyValue("CharLocale", css::uno::Any(locale));
  }
}

nlohmann::json Command(const ScopedDoc& d, const char* url) {
  bool ok = false;
  std::string r = Dispatch(d.frame(), url, &ok);
  EXPECT_TRUE(ok) << url << ": " << r;
  return nlohmann::json::parse(r, nullptr, false);
}

// Attrib's comments, in document order of their anchors' text.
std::vector<Comment> Ours(const Reference<css::text::XTextDocument>& doc) {
  std::vector<Comment> out;
  for (const Comment& c : Comments(doc)) {
    if (c.author == uno::kCommentAuthor) out.push_back(c);
  }
  return out;
}

const Comment* CommentOn(const std::vector<Comment>& comments, const std::string& anchor_part) {
  for (const Comment& c : comments) {
    if (c.anchor.find(anchor_part) != std::string::npos) return &c;
  }
  return nullptr;
}

std::string FirstLine(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

const std::vector<Paragraph> kGerman = {
    {"Berlin (dpa) – Die Bundesregierung hat am Mittwoch den Haushalt für das kommende Jahr "
     "beschlossen.",
     "de-DE"},
    {"„Wir werden den Haushalt nicht aufblähen“, sagte Finanzminister Christian Lindner am "
     "Mittwoch in Berlin.",
     "de-DE"},
    {"Der CDU-Vorsitzende Friedrich Merz erklärte: „Diese Regierung lebt über ihre "
     "Verhältnisse.“",
     "de-DE"},
};

const std::vector<Paragraph> kFrench = {
    {"« Nous irons jusqu'au bout », a déclaré la Première ministre Élisabeth Borne mardi à "
     "Paris.",
     "fr-FR"},
    {"Selon la police, trois mille personnes ont manifesté dans la capitale.", "fr-FR"},
};

TEST(Languages, AGermanDocumentIsMarkedInGerman) {
  ScopedDoc d;
  Write(d.doc(), kGerman);
  const std::string before = Snapshot(d.doc());
  Command(d, "org.attrib:HighlightQuotes");
  const std::vector<Comment> comments = Ours(d.doc());
  const Comment* lindner = CommentOn(comments, "Wir werden den Haushalt");
  ASSERT_NE(lindner, nullptr) << Snapshot(d.doc());
  EXPECT_TRUE(Has(FirstLine(lindner->content), "Christian Lindner")) << lindner->content;
  EXPECT_TRUE(Has(lindner->content, "direktes Zitat")) << lindner->content;
  EXPECT_TRUE(Has(lindner->content, "„sagte“")) << lindner->content;
  const Comment* merz = CommentOn(comments, "Diese Regierung lebt");
  ASSERT_NE(merz, nullptr) << Snapshot(d.doc());
  EXPECT_TRUE(Has(FirstLine(merz->content), "Friedrich Merz")) << merz->content;
  for (const Comment& c : comments) {
    EXPECT_FALSE(Has(c.content, "direct quote")) << c.content;  // not English
    EXPECT_FALSE(Has(c.content, "Unattributed")) << c.content;
  }

  Command(d, "org.attrib:InsertFootnotes");
  const std::vector<std::string> notes = FootnoteTexts(d.doc());
  ASSERT_FALSE(notes.empty());
  bool lindner_note = false;
  for (const std::string& n : notes) {
    EXPECT_EQ(n.rfind("Zitat zugeschrieben: ", 0), 0u) << n;
    lindner_note |= Has(n, "Christian Lindner");
  }
  EXPECT_TRUE(lindner_note);

  Command(d, "org.attrib:ClearMarks");
  EXPECT_EQ(Snapshot(d.doc()), before);
}

TEST(Languages, AFrenchDocumentIsMarkedInFrench) {
  ScopedDoc d;
  Write(d.doc(), kFrench);
  const std::string before = Snapshot(d.doc());
  Command(d, "org.attrib:HighlightQuotes");
  Command(d, "org.attrib:MarkClaims");
  const std::vector<Comment> comments = Ours(d.doc());
  const Comment* borne = CommentOn(comments, "Nous irons jusqu");
  ASSERT_NE(borne, nullptr) << Snapshot(d.doc());
  EXPECT_EQ(FirstLine(borne->content), "Élisabeth Borne, Première ministre");
  EXPECT_TRUE(Has(borne->content, "citation directe")) << borne->content;
  const Comment* police = CommentOn(comments, "trois mille personnes");
  ASSERT_NE(police, nullptr) << Snapshot(d.doc());
  for (const Comment& c : comments) {
    if (c.content.rfind("À vérifier", 0) == 0) continue;  // a claim's comment
    EXPECT_FALSE(Has(c.content, "quote")) << c.content;
  }
  Command(d, "org.attrib:ClearMarks");
  EXPECT_EQ(Snapshot(d.doc()), before);
}

// A document that mixes languages: each paragraph in its own; German text that the user left at
// the default English locale is still read as German (its words decide).
TEST(Languages, AMixedDocumentIsReadPerParagraph) {
  ScopedDoc d;
  Write(d.doc(),
        {{"“We will not raise taxes,” said Finance Minister Jane Doe on Tuesday.", "en-US"},
         {"„Wir werden den Haushalt nicht aufblähen“, sagte Finanzminister Christian Lindner am "
          "Mittwoch in Berlin.",
          "en-US"},
         {"« Nous irons jusqu'au bout », a déclaré la Première ministre Élisabeth Borne mardi à "
          "Paris.",
          "fr-FR"}});
  Command(d, "org.attrib:HighlightQuotes");
  const std::vector<Comment> comments = Ours(d.doc());
  const Comment* doe = CommentOn(comments, "We will not raise");
  const Comment* lindner = CommentOn(comments, "Wir werden den Haushalt");
  const Comment* borne = CommentOn(comments, "Nous irons jusqu");
  ASSERT_NE(doe, nullptr);
  ASSERT_NE(lindner, nullptr);
  ASSERT_NE(borne, nullptr);
  EXPECT_TRUE(Has(FirstLine(doe->content), "Jane Doe")) << doe->content;
  EXPECT_TRUE(Has(doe->content, "direct quote")) << doe->content;
  EXPECT_TRUE(Has(FirstLine(lindner->content), "Christian Lindner")) << lindner->content;
  EXPECT_TRUE(Has(lindner->content, "direktes Zitat")) << lindner->content;
  EXPECT_TRUE(Has(FirstLine(borne->content), "Élisabeth Borne")) << borne->content;
  EXPECT_TRUE(Has(borne->content, "citation directe")) << borne->content;
}

// German and French marks come back from Word's format, are known there as Attrib's (a re-run
// refreshes them) and cleared. No footnotes here: LibreOffice 7.4's .docx import loses footnote
// texts when the file has comments (README "What survives which format"; asserted in
// roundtrip_test.cc).
TEST(Languages, MarksInAnyLanguageSurviveTheWordRoundTrip) {
  const std::string dir = TheOffice().dir() + "/languages";
  std::filesystem::create_directories(dir);
  std::vector<Paragraph> both = kGerman;
  both.insert(both.end(), kFrench.begin(), kFrench.end());
  const std::string plain = dir + "/plain.docx", marked = dir + "/marked.docx";
  auto save = [](const ScopedDoc& d, const std::string& path) {
    css::uno::Sequence<css::beans::PropertyValue> args(2);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString("MS Word 2007 XML");
    args.getArray()[1].Name = "Overwrite";
    args.getArray()[1].Value <<= true;
    Reference<css::frame::XStorable>(d.doc(), UNO_QUERY_THROW)
        ->storeToURL(FromUtf8(office::FileUrl(path)), args);
  };
  {
    ScopedDoc d;
    Write(d.doc(), both);
    save(d, plain);
    Command(d, "org.attrib:HighlightQuotes");
    Command(d, "org.attrib:MarkClaims");
    save(d, marked);
  }
  std::string expected;
  {
    ScopedDoc d(office::FileUrl(plain));
    expected = Snapshot(d.doc());
  }
  ScopedDoc d(office::FileUrl(marked));
  const std::vector<Comment> comments = Ours(d.doc());
  ASSERT_GE(comments.size(), 4u);
  const Comment* lindner = CommentOn(comments, "Wir werden den Haushalt");
  ASSERT_NE(lindner, nullptr);
  EXPECT_TRUE(Has(lindner->content, "direktes Zitat")) << lindner->content;
  const nlohmann::json again = Command(d, "org.attrib:HighlightQuotes");
  EXPECT_EQ(again.value("removed", 0), again.value("marks", -1)) << again;
  EXPECT_EQ(Ours(d.doc()).size(), comments.size());
  Command(d, "org.attrib:ClearMarks");
  EXPECT_EQ(Snapshot(d.doc()), expected);
}

// A footnote right after a highlighted report (no closing mark between them, so the comment's end
// sits between our bookmark and the anchor): a re-run replaces it, Clear removes it.
TEST(Languages, AFootnoteRightAfterAHighlightedReportIsRefreshedAndCleared) {
  ScopedDoc d;
  Write(d.doc(), kFrench);
  const std::string before = Snapshot(d.doc());
  Command(d, "org.attrib:HighlightQuotes");
  Command(d, "org.attrib:InsertFootnotes");
  const nlohmann::json again = Command(d, "org.attrib:InsertFootnotes");
  EXPECT_EQ(again.value("removed", 0), 2) << again;
  EXPECT_EQ(FootnoteTexts(d.doc()).size(), 2u);
  Command(d, "org.attrib:HighlightQuotes");
  Command(d, "org.attrib:InsertFootnotes");
  EXPECT_EQ(FootnoteTexts(d.doc()).size(), 2u);
  Command(d, "org.attrib:ClearMarks");
  EXPECT_EQ(Snapshot(d.doc()), before);
}

// The sample articles (examples/), imported as plain text with the document language set as
// Writer's import dialog sets it, then saved and reopened as .odt: marked from Writer with the
// right speakers, worded in the document's language.
struct Sample {
  const char* file;
  const char* locale;                                         // the import's language
  std::vector<std::pair<const char*, const char*>> speakers;  // quote excerpt -> speaker line
  const char* kind;                                           // the direct quote's words
  const char* footnote;                                       // how a footnote starts
};

void ExpectSampleMarked(const Sample& s) {
  SCOPED_TRACE(s.file);
  const std::string odt = TheOffice().dir() + "/" + s.file + ".odt";
  {
    ScopedDoc txt(office::FileUrl(std::string(ATTRIB_EXAMPLES_DIR) + "/" + s.file),
                  "Text (encoded)", std::string("UTF8,LF,Liberation Serif,") + s.locale);
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString("writer8");
    Reference<css::frame::XStorable>(txt.doc(), UNO_QUERY_THROW)
        ->storeToURL(FromUtf8(office::FileUrl(odt)), args);
  }
  ScopedDoc d(office::FileUrl(odt));
  const std::string before = Snapshot(d.doc());
  Command(d, "org.attrib:HighlightQuotes");
  Command(d, "org.attrib:InsertFootnotes");
  const std::vector<Comment> comments = Ours(d.doc());
  for (const auto& [excerpt, speaker] : s.speakers) {
    const Comment* c = CommentOn(comments, excerpt);
    ASSERT_NE(c, nullptr) << excerpt;
    EXPECT_EQ(FirstLine(c->content), speaker) << excerpt;
  }
  bool direct = false;
  for (const Comment& c : comments) direct |= Has(c.content, s.kind);
  EXPECT_TRUE(direct) << s.kind;
  const std::vector<std::string> notes = FootnoteTexts(d.doc());
  ASSERT_FALSE(notes.empty());
  for (const std::string& n : notes) EXPECT_EQ(n.rfind(s.footnote, 0), 0u) << n;
  Command(d, "org.attrib:ClearMarks");
  EXPECT_EQ(Snapshot(d.doc()), before);
}

TEST(Languages, TheGermanSampleArticle) {
  ExpectSampleMarked({"beispiel-artikel.txt",
                      "de-DE",
                      {{"Das ist der größte Schritt", "Oberbürgermeisterin Anna Keller"},
                       {"Niemand weiß, wer", "Martin Brandt, Fraktionschef der Freien Wähler"},
                       {"Wir sparen dafür", "Oberbürgermeisterin Anna Keller"},
                       {"man habe bereits", "Anonyme Quelle (Ein Sprecher der Verkehrsbetriebe)"}},
                      "direktes Zitat",
                      "Zitat zugeschrieben: "});
}

TEST(Languages, TheFrenchSampleArticle) {
  ExpectSampleMarked({"article-fr.txt",
                      "fr-FR",
                      {{"C'est le plus grand pas", "Claire Morel, maire"},
                       {"personne ne savait", "Julien Fabre, chef du groupe écologiste"},
                       {"Nous ferons des économies", "Claire Morel, maire"}},
                      "citation directe",
                      "Citation attribuée à "});
}

// Sets LibreOffice's UI language (Tools › Options › Language Settings) for its lifetime, as the
// user would; the previous setting comes back after.
class ScopedUiLanguage {
 public:
  explicit ScopedUiLanguage(const std::string& locale) {
    Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(TheOffice().context());
    css::beans::PropertyValue node;
    node.Name = "nodepath";
    node.Value <<= OUString("/org.openoffice.Setup/L10N");
    css::uno::Sequence<css::uno::Any> args(1);
    args.getArray()[0] <<= node;
    access_.set(provider->createInstanceWithArguments(
                    "com.sun.star.configuration.ConfigurationUpdateAccess", args),
                UNO_QUERY_THROW);
    access_->getByName("ooLocale") >>= before_;
    Set(FromUtf8(locale));
  }
  ~ScopedUiLanguage() { Set(before_); }

 private:
  void Set(const OUString& locale) {
    access_->replaceByName("ooLocale", css::uno::Any(locale));
    Reference<css::util::XChangesBatch>(access_, UNO_QUERY_THROW)->commitChanges();
  }
  Reference<css::container::XNameReplace> access_;
  OUString before_;
};

// In a German LibreOffice the undo steps, the About box and the messages are German, while an
// English document's comments stay English (they follow the document).
TEST(Languages, AGermanUiWordsUndoStepsAndMessages) {
  ScopedUiLanguage german("de-DE");
  ScopedDoc d;
  Write(d.doc(),
        {{"“We will not raise taxes,” said Finance Minister Jane Doe on Tuesday.", "en-US"}});
  Reference<css::document::XUndoManager> undo =
      Reference<css::document::XUndoManagerSupplier>(d.doc(), UNO_QUERY_THROW)->getUndoManager();
  Command(d, "org.attrib:HighlightQuotes");
  EXPECT_EQ(ToUtf8(undo->getCurrentUndoActionTitle()), "Zitate hervorheben");
  Command(d, "org.attrib:InsertFootnotes");
  EXPECT_EQ(ToUtf8(undo->getCurrentUndoActionTitle()), "Zuschreibungs-Fußnoten einfügen");
  Command(d, "org.attrib:ClearMarks");
  EXPECT_EQ(ToUtf8(undo->getCurrentUndoActionTitle()), "Zuschreibungsmarkierungen entfernen");
  undo->undo();
  const std::vector<Comment> comments = Ours(d.doc());
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_TRUE(Has(comments[0].content, "direct quote")) << comments[0].content;
  const nlohmann::json about = Command(d, "org.attrib:About");
  EXPECT_TRUE(Has(about.value("text", ""), "wer hat was gesagt")) << about;
}

// The user guide (extension/help/<lang>.html) of the installed extension, in the UI language.
std::string HelpPage(const ScopedDoc& d) {
  css::uno::Sequence<css::beans::PropertyValue> args(1);
  args.getArray()[0].Name = "AttribNoOpen";
  args.getArray()[0].Value <<= true;
  bool ok = false;
  const nlohmann::json r =
      nlohmann::json::parse(Dispatch(d.frame(), "org.attrib:Help", args, &ok), nullptr, false);
  EXPECT_TRUE(ok) << r;
  std::string url = r.value("url", "");
  EXPECT_EQ(url.rfind("file://", 0), 0u) << url;
  OUString path;
  osl::FileBase::getSystemPathFromFileURL(FromUtf8(url), path);
  std::ifstream in(ToUtf8(path));
  EXPECT_TRUE(in.good()) << url;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(Languages, HelpInTheUiLanguage) {
  ScopedDoc d;
  EXPECT_TRUE(Has(HelpPage(d), "<html lang=\"en\">"));
  ScopedUiLanguage german("de-DE");
  const std::string de = HelpPage(d);
  EXPECT_TRUE(Has(de, "<html lang=\"de\">"));
  EXPECT_TRUE(Has(de, "wer hat was gesagt"));
}

}  // namespace
}  // namespace attrib::test
