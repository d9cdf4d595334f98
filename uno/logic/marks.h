// The one owner of how Attrib's marks are named, recognised and told apart from the user's own
// objects (STYLE.md 10). Pure: no UNO, tested without soffice (tests/writer/marks_name_test.cc);
// uno/component/writer_doc.cc and cli/annotate.cc only call it.
//
// WHAT A MARK IS (version 2). A document Attrib has marked carries the user-defined document
// property "AttribMarks" (kRecordProperty), e.g. "attrib-marks v2 key=k3f9a2 stamps=202612021705":
// a random key of six [a-z0-9] and the minute of every command run that made comments. Then
//  - bookmarks are named "attrib_<key>_<tag><id>_<more>", only [A-Za-z0-9_] and at most 40
//    characters, which .docx (Word's limit), .doc, .rtf and .odt all give back unchanged
//    (LibreOffice 7.4 percent-encodes every other character in .docx: "attrib:q3" comes back
//    as "attrib%3Aq3"): run bookmarks "…_h<id>_<run>_<original>" (quote highlights) and
//    "…_u<id>_<run>_<original>" (claim underlines), footnote bookmarks "…_f<paragraph>_<speaker>"
//    at the start of the footnote's text, selection ends "…_s<i>_b" / "…_s<i>_e";
//  - comments are by kCommentAuthor, dated at a minute listed in the record's stamps (seconds
//    zero), and named "attrib_<key>_q<id>" / "…_c<id>". Only .odt keeps a comment's name; in
//    the other formats a comment is recognised by author + date, and told quote from claim by its
//    text ("Check: …" is a claim's).
// A user bookmark named like ours ("attrib:h1", "attrib_h1_0_d") is never ours: it lacks the key,
// and a document without the record has no version-2 marks at all.
//
// VERSION 1 (Attrib before issue 10) is still found: bookmarks "attrib:h<id>.<run>:<enc>",
// "attrib:u<id>.<run>:<enc>", "attrib:f<paragraph>.<speaker>" (also as .docx returns them,
// "attrib%3A…"), comments by kCommentAuthor named "attrib:q<id>"/"attrib:c<id>" (in .odt) or, where
// the name is lost, whose text has the shape Attrib wrote (LooksLikeLegacyComment).
//
//   MarkRecord rec = MarkRecord::New(seed);               // or ParseRecord(property value)
//   std::string n = RunBookmark(rec.key, kQuoteTag, 3, 0, "d_00FFFF00");
//   std::optional<ParsedName> p = ParseName(n, rec.key);  // {kQuoteTag, 3, 0, "d_00FFFF00"}
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attrib::uno {

// Author of the extension's comments.
inline constexpr char kCommentAuthor[] = "Attribution";
// The user-defined document property that says which marks are Attrib's.
inline constexpr char kRecordProperty[] = "AttribMarks";
// Word's longest bookmark name; .docx export cuts longer ones.
inline constexpr size_t kMaxBookmarkName = 40;

// Tags: quote highlight runs, claim underline runs, footnotes, selection ends (temporary, inside
// one command), quote comments, claim comments.
inline constexpr char kQuoteTag = 'h';
inline constexpr char kClaimTag = 'u';
inline constexpr char kFootnoteTag = 'f';
inline constexpr char kSelectionTag = 's';
inline constexpr char kQuoteCommentTag = 'q';
inline constexpr char kClaimCommentTag = 'c';

// What the document property holds.
struct MarkRecord {
  std::string key;                  // six of [a-z0-9]
  std::vector<std::string> stamps;  // "YYYYMMDDHHMM", oldest first, at most kMaxStamps
  static constexpr size_t kMaxStamps = 64;
  // A fresh record with a key made from `seed` (e.g. time and address entropy).
  static MarkRecord New(uint64_t seed);
  // Adds a stamp (once; the oldest drop out beyond kMaxStamps).
  void AddStamp(const std::string& stamp);
  bool HasStamp(const std::string& stamp) const;
};
std::string FormatRecord(const MarkRecord& record);
// nullopt unless `value` is a well-formed record.
std::optional<MarkRecord> ParseRecord(std::string_view value);

// "YYYYMMDDHHMM" of a date (a comment's DateTimeValue).
std::string Stamp(int year, int month, int day, int hour, int minute);

// Names (version 2). `encoded` is the original look ([0-9A-Fa-z_] only, see writer_doc.cc).
std::string RunBookmark(std::string_view key, char tag, int id, int run, std::string_view encoded);
std::string FootnoteBookmark(std::string_view key, int paragraph, int speaker);
std::string SelectionBookmark(std::string_view key, int index, bool end);
std::string CommentName(std::string_view key, char comment_tag, int id);

// A recognised name. For run bookmarks: tag h/u, id, run, encoded; footnotes: tag f, id =
// paragraph, run = speaker; selection: tag s, id = index, run = 1 at the end, 0 at the start;
// comments: tag q/c and id.
struct ParsedName {
  char tag = 0;
  int id = -1;
  int run = -1;
  std::string encoded;
  bool legacy = false;  // a version-1 name
  friend bool operator==(const ParsedName&, const ParsedName&) = default;
};
// Parses a bookmark or comment name made by Attrib for the document whose record has `key`
// ("" when the document has no record: then only version-1 names are accepted). nullopt for
// everything else — the user's own names, whatever they look like.
std::optional<ParsedName> ParseName(std::string_view name, std::string_view key);
// The id of a name of `tag` (see ParseName), or -1.
int MarkId(std::string_view name, std::string_view key, char tag);

// What is known of a comment, as read from the document.
struct CommentFacts {
  std::string author;
  std::string name;     // Writer's name of it ("__Annotation__…" after a .docx import)
  std::string content;  // its text, paragraphs joined by '\n'
  std::string stamp;    // Stamp() of its date
};
// Whether the comment is Attrib's (record: the document's, or null when it has none); its tag
// (kQuoteCommentTag or kClaimCommentTag) and id (-1 when its name was lost) in *parsed.
bool IsOurComment(const CommentFacts& comment, const MarkRecord* record, ParsedName* parsed);
// Whether a comment's text has the shape version 1 wrote: "Check: … · 0.87" (a claim) or a
// speaker line, then "… · <kind> · 0.95[ · rule]" (a quote).
bool LooksLikeLegacyComment(std::string_view content);
// A comment's tag from its text: claims begin with the catalogue's "claim.check" and ": " in
// any language ("Check: ", "Prüfen: ", logic/catalog.h).
char CommentTagOf(std::string_view content);
// Whether a footnote's text (UTF-8) has the shape Attrib writes: one paragraph, "Quote
// attributed to …." in any language (the catalogue's "footnote.quote").
bool HasFootnoteShape(std::string_view text);


}  // namespace attrib::uno
