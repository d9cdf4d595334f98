#include "logic/sources.h"

#include <map>
#include <tuple>

#include "attrib/text.h"
#include "logic/deck.h"

namespace attrib::uno {

std::vector<SourceRow> BuildSources(const std::vector<StoryAnalysis>& parts,
                                    const std::vector<WriterParagraph>& paragraphs) {
  std::vector<SourceRow> rows;
  std::map<std::tuple<std::string, std::string, bool>, size_t> index;
  for (const StoryAnalysis& part : parts) {
    const std::vector<WriterParagraph> story(
        paragraphs.begin() + std::min<size_t>(part.first, paragraphs.size()),
        paragraphs.begin() +
            std::min<size_t>(part.first + part.input.paragraphs().size(), paragraphs.size()));
    for (const Quote& q : part.analysis.quotes) {
      if (!q.speaker || *q.speaker < 0 ||
          *q.speaker >= static_cast<int>(part.analysis.speakers.size()) ||
          q.kind == QuoteKind::kOther) {
        continue;
      }
      const Speaker& s = part.analysis.speakers[*q.speaker];
      auto [it, fresh] = index.try_emplace({s.name, s.role, s.anonymous}, rows.size());
      if (fresh) {
        SourceRow r;
        r.name = s.name;
        r.role = s.role;
        r.anonymous = s.anonymous;
        const std::u16string_view text = part.input.text();
        if (q.content.begin >= 0 && q.content.end <= static_cast<int32_t>(text.size()) &&
            q.content.begin < q.content.end) {
          r.first_quote = Excerpt(
              Utf16ToUtf8(text.substr(q.content.begin, q.content.end - q.content.begin)), 80);
          MapSpan(part.input, story, q.content, &r.first_begin, &r.first_end);
          r.first_begin.paragraph += part.first;
          r.first_end.paragraph += part.first;
        }
        rows.push_back(std::move(r));
      }
      SourceRow& r = rows[it->second];
      if (q.kind == QuoteKind::kDirect) ++r.direct;
      if (q.kind == QuoteKind::kMixed) ++r.partial;
      if (q.kind == QuoteKind::kIndirect) ++r.reported;
    }
  }
  return rows;
}

std::vector<std::string> SourceColumns(const Catalog& words) {
  return {words.Text("sources.speaker"),     words.Text("sources.role"),
          words.Text("sources.anonymous"),   words.Text("sources.direct"),
          words.Text("sources.partial"),     words.Text("sources.reported"),
          words.Text("sources.first_quote"), words.Text("sources.page")};
}

std::vector<std::string> SourceCells(const SourceRow& r, const Catalog& words) {
  return {r.name,
          r.role,
          words.Text(r.anonymous ? "sources.yes" : "sources.no"),
          std::to_string(r.direct),
          std::to_string(r.partial),
          std::to_string(r.reported),
          r.first_quote,
          r.page > 0 ? std::to_string(r.page) : ""};
}

namespace {

std::string CsvCell(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + CsvCell(cells[i]);
  return line + "\r\n";
}

}  // namespace

std::string SourcesCsv(const std::vector<SourceRow>& rows, const Catalog& words) {
  std::string out = CsvLine(SourceColumns(words));
  for (const SourceRow& r : rows) out += CsvLine(SourceCells(r, words));
  return out;
}

nlohmann::json SourcesJson(const std::vector<SourceRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const SourceRow& r : rows) {
    out.push_back({{"name", r.name},
                   {"role", r.role},
                   {"anonymous", r.anonymous},
                   {"direct", r.direct},
                   {"partial", r.partial},
                   {"reported", r.reported},
                   {"first_quote", r.first_quote},
                   {"page", r.page}});
  }
  return out;
}

}  // namespace attrib::uno
