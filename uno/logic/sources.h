// The sources report (issue 12 item 8): one row per speaker of the document — name, role,
// anonymous, how many direct, partial and reported quotes, the first quote and where it is —
// from the per-story analyses (logic/stories.h), and the same as CSV (RFC 4180) or JSON.
// Pure: no UNO (tests/writer/sources_test.cc); uno/component/commands.cc makes the Writer
// table and finds the page, `attrib annotate --sources FILE` writes the CSV/JSON.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "logic/catalog.h"
#include "logic/stories.h"

namespace attrib::uno {

struct SourceRow {
  std::string name, role;
  bool anonymous = false;
  int direct = 0, partial = 0, reported = 0;
  std::string first_quote;          // excerpt of the first quote, in document order
  Position first_begin, first_end;  // its content, in the paragraphs AnalyseStories was given
  int page = 0;                     // filled by the caller that knows the layout (0 = unknown)
};

// One row per speaker, in the order of their first quote; the same person in two stories (a
// header and the body) is one row when name, role and anonymity agree. Quotes without a
// speaker and quoted terms (kOther) are not counted.
std::vector<SourceRow> BuildSources(const std::vector<StoryAnalysis>& parts,
                                    const std::vector<WriterParagraph>& paragraphs);

// The column headers in `words`' language: speaker, role, anonymous, direct, partial,
// reported, first quote, page.
std::vector<std::string> SourceColumns(const Catalog& words);
// A row's cells as the table shows them ("yes"/"no" worded, page "" when unknown).
std::vector<std::string> SourceCells(const SourceRow& row, const Catalog& words);
// RFC 4180: a header line, then one line per row, CRLF; cells with a comma, quote or line
// break quoted, quotes doubled.
std::string SourcesCsv(const std::vector<SourceRow>& rows, const Catalog& words);
// [{"name", "role", "anonymous", "direct", "partial", "reported", "first_quote", "page"}]
nlohmann::json SourcesJson(const std::vector<SourceRow>& rows);

}  // namespace attrib::uno
