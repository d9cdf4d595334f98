#include "analyze.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "attrib/attrib.h"
#include "attrib/json.h"
#include "attrib/text.h"
#include "jsonl.h"

namespace attrib::cli {
namespace {

using json = nlohmann::ordered_json;

bool ReadAll(const std::string& path, std::string* out, std::string* error) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    *out = buffer.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = "cannot read " + path;
    return false;
  }
  return true;
}

// Text that is not text: NUL bytes never occur in UTF-8 prose.
bool LooksBinary(std::string_view data) {
  return data.find('\0') != std::string_view::npos;
}

std::string Snippet(const Document& doc, const Span& span, size_t max_units = 80) {
  std::u16string_view t = std::u16string_view(doc.text()).substr(span.begin, span.size());
  if (t.size() <= max_units) return Utf16ToUtf8(t);
  return Utf16ToUtf8(t.substr(0, max_units)) + "…";
}

}  // namespace

void PrintText(const Document& doc, const Analysis& a, std::ostream& os) {
  auto speaker_label = [&](const std::optional<int>& id) -> std::string {
    if (!id) return "Unattributed";
    const Speaker& s = a.speakers[*id];
    std::string label = s.anonymous ? "Anonymous — " + s.name : s.name;
    if (!s.role.empty()) label += ", " + s.role;
    return label;
  };
  os << "Speakers (" << a.speakers.size() << ")\n";
  for (const Speaker& s : a.speakers) {
    os << "  S" << s.id << "  " << speaker_label(s.id) << "  [" << s.mentions.size() << " mention"
       << (s.mentions.size() == 1 ? "" : "s") << "]\n";
  }
  os << "Quotes (" << a.quotes.size() << ")\n";
  for (const Quote& q : a.quotes) {
    os << "  Q" << q.id << "  " << QuoteKindName(q.kind) << "  “" << Snippet(doc, q.content)
       << "”\n"
       << "      " << speaker_label(q.speaker);
    if (q.agentless) os << " (agentless)";
    if (q.cue) os << " · cue “" << Snippet(doc, *q.cue) << "”";
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", q.confidence);
    os << " · " << confidence << " · " << q.rule << "\n";
  }
  if (!a.claims.empty()) {
    os << "Claims (" << a.claims.size() << ")\n";
    for (const Claim& c : a.claims) {
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", c.score);
      os << "  C" << c.id << "  " << score << "  " << Snippet(doc, c.span) << "\n      ";
      for (size_t i = 0; i < c.kinds.size(); ++i)
        os << (i ? ", " : "") << ClaimKindName(c.kinds[i]);
      if (c.kinds.empty()) os << "claim";
      os << " · "
         << (c.attributed_to ? speaker_label(c.attributed_to)
                             : "unattributed (" + c.unattributed_reason + ")")
         << "\n";
    }
  }
}

namespace {

void Emit(const json& j, bool pretty) {
  std::cout << (pretty ? j.dump(2) : j.dump()) << "\n";
}

// Compact output is streamed (memory stays flat on huge inputs); --pretty builds the value.
void EmitResult(const Document& doc, const Analysis& analysis, const json& id, bool pretty) {
  if (pretty) {
    json out = json::object();
    if (!id.is_null()) out["id"] = id;
    out.update(ToJson(doc, analysis, OffsetUnit::kCodePoint));
    Emit(out, true);
    return;
  }
  WriteJson(std::cout, doc, analysis, OffsetUnit::kCodePoint, id);
  std::cout << "\n";
}

int RunWhole(const AnalyzeArgs& args, const std::string& data) {
  Document doc;
  Analysis analysis;
  if (Status s = AnalyzeUtf8(data, args.options, &doc, &analysis); !s.ok()) {
    std::cerr << "attrib analyze: " << (args.input == "-" ? "stdin" : args.input) << ": "
              << s.message() << "\n";
    return kExitBadInput;
  }
  if (args.format == Format::kText) {
    PrintText(doc, analysis, std::cout);
  } else {
    EmitResult(doc, analysis, nullptr, args.pretty);
  }
  std::cout.flush();
  if (!std::cout) {  // a full disk, a closed pipe: the result is not where it was asked for
    std::cerr << "attrib analyze: cannot write the output: " << std::strerror(errno) << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

Status AnalyzeUtf8(std::string_view text, const Options& options, Document* doc, Analysis* out) {
  if (LooksBinary(text))
    return Status::Error("input is binary data (contains NUL bytes), not text");
  if (Status s = Document::FromUtf8(text, doc); !s.ok()) return s;
  return Analyze(*doc, options, out);
}

int RunAnalyze(const AnalyzeArgs& args) {
  if (args.jsonl) return RunJsonl(args);
  std::string data, error;
  if (!ReadAll(args.input, &data, &error)) {
    std::cerr << "attrib analyze: " << error << "\n";
    return kExitBadInput;
  }
  return RunWhole(args, data);
}

}  // namespace attrib::cli
