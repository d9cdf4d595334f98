// The words the user reads, per language: uno/catalog/<lang>.txt (en, de, es, fr), compiled
// into the extension (uno/CMakeLists.txt). Comments and footnotes take the catalogue of the
// document's language (the language the engine analysed); everything else the UI's. No
// user-visible string lives in code; tests/writer/catalog_test.cc fails when a key or a
// placeholder is missing in any language.
//
//   const Catalog& words = Catalog::For("de-DE");
//   words.Format("footnote.quote", {{"who", "Olaf Scholz"}})  // "Zitat zugeschrieben: Olaf Scholz."
#pragma once

#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attrib::uno {

class Catalog {
 public:
  // The catalogue of a BCP-47 language ("de", "de-CH", "FR"; the primary subtag decides);
  // English's for a language Attrib has no catalogue for, and for "".
  static const Catalog& For(std::string_view language);

  const std::string& language() const { return language_; }
  // The text of `key`; English's when this catalogue lacks it; the key itself when none has it.
  std::string Text(std::string_view key) const;
  // Text() with each "{name}" replaced by its value (values are not searched again).
  std::string Format(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> args) const;
  // Every key and text of this catalogue file as written.
  const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

  // Parses "key = text" lines; '#' starts a comment line. Malformed lines are listed in
  // *errors ("line 3: no ' = '"), which may be null.
  static Catalog Parse(std::string language, std::string_view file,
                       std::vector<std::string>* errors);

 private:
  static const std::map<std::string, Catalog, std::less<>>& All();

  std::string language_;
  std::map<std::string, std::string, std::less<>> entries_;
  const Catalog* fallback_ = nullptr;  // English, for every other catalogue
};

// The languages that have a catalogue, English first.
std::span<const std::string_view> CatalogLanguages();
// The catalogue file of `language` as compiled in ("" when there is none).
std::string_view CatalogFile(std::string_view language);
// The primary subtag of a BCP-47 tag, lower-cased: "de-CH" -> "de", "" -> "".
std::string PrimaryLanguage(std::string_view tag);
// For each language, the text of `key` up to its first placeholder ("Quote attributed to ").
// Attrib recognises its own texts by these when a file format lost their names.
std::vector<std::string> PrefixesOf(std::string_view key);

}  // namespace attrib::uno
