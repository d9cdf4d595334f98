// Prints the engine's claims for score.py and measures claim scoring throughput.
//
//   claims_eval DOCS.jsonl > pred.jsonl      one {"id", "claims": [...]} a line
//   claims_eval --text ARTICLE.txt           one object for a plain-text article
//   claims_eval --bench DOCS.jsonl           MB/s of FindClaims (sentence split + scoring)
//   python3 ../shared/eval/score.py DOCS.jsonl pred.jsonl
//
// Offsets are code points (converted at this edge with Utf16ToCodePointOffsets). Quotes and
// speakers come from Analyze(), so attribution follows the quote engine as it lands.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "attrib/attrib.h"
#include "attrib/text.h"
#include "claims.h"
#include "claims_data.h"
#include "sentences.h"

namespace attrib {
namespace {

void JsonString(const std::string& s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      *out += buf;
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('"');
}

std::string ClaimsJson(const std::string& id, const std::string& utf8, const Options& options) {
  Document doc;
  std::string out = "{\"id\": ";
  JsonString(id, &out);
  out += ", \"claims\": [";
  if (Document::FromUtf8(utf8, &doc).ok()) {
    Analysis a;
    (void)Analyze(doc, options, &a);
    std::vector<Claim> claims = FindClaims(doc, a.quotes, a.speakers, options);
    const std::vector<int32_t> cp = Utf16ToCodePointOffsets(doc.text());
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s{\"id\": %d, \"start\": %d, \"end\": %d, \"score\": %.3f, \"kinds\": [",
                    i ? ", " : "", c.id, cp[c.span.begin], cp[c.span.end], c.score);
      out += buf;
      for (size_t k = 0; k < c.kinds.size(); ++k) {
        out += k ? ", \"" : "\"";
        out += ClaimKindName(c.kinds[k]);
        out += "\"";
      }
      out += "], \"attributed_to\": ";
      out += c.attributed_to ? std::to_string(*c.attributed_to) : "null";
      out += ", \"unattributed_reason\": ";
      JsonString(c.unattributed_reason, &out);
      out += ", \"rule\": ";
      JsonString(c.rule, &out);
      out += ", \"text\": ";
      JsonString(Utf16ToUtf8(std::u16string_view(doc.text()).substr(c.span.begin, c.span.size())), &out);
      out += "}";
    }
  }
  out += "]}";
  return out;
}

int Main(int argc, char** argv) {
  Options options;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--threshold") options.claim_threshold = std::stod(args[i + 1]);
  }
  if (args.size() >= 2 && args[0] == "--text") {
    std::ifstream in(args[1]);
    std::stringstream ss;
    ss << in.rdbuf();
    std::printf("%s\n", ClaimsJson(args[1], ss.str(), options).c_str());
    return 0;
  }
  if (args.size() >= 2 && args[0] == "--bench") {
    std::vector<claims_data::ClaimDoc> docs;
    if (!claims_data::ReadClaimDocs(args[1], &docs)) return 1;
    std::string all;
    for (const auto& d : docs) all += d.text + "\n";
    while (all.size() < (32u << 20)) all += all;
    Document doc;
    if (!Document::FromUtf8(all, &doc).ok()) return 1;
    std::vector<Quote> quotes;
    std::vector<Speaker> speakers;
    auto t0 = std::chrono::steady_clock::now();
    const std::vector<Span> sentences = SplitSentences(doc.text(), "en");
    auto t1 = std::chrono::steady_clock::now();
    std::vector<Claim> claims = FindClaims(doc, sentences, quotes, speakers, options);
    auto t2 = std::chrono::steady_clock::now();
    const double split = std::chrono::duration<double>(t1 - t0).count();
    const double score = std::chrono::duration<double>(t2 - t1).count();
    const double mb = all.size() / 1e6;
    std::printf("%.1f MB UTF-8, %zu sentences, %zu claims: split %.1f MB/s, scoring %.1f MB/s, "
                "both %.1f MB/s\n", mb, sentences.size(), claims.size(), mb / split, mb / score,
                mb / (split + score));
    return 0;
  }
  if (args.empty()) {
    std::fprintf(stderr, "usage: claims_eval DOCS.jsonl | --text FILE | --bench DOCS.jsonl [--threshold T]\n");
    return 2;
  }
  std::vector<claims_data::ClaimDoc> docs;
  if (!claims_data::ReadClaimDocs(args[0], &docs)) {
    std::fprintf(stderr, "cannot read %s\n", args[0].c_str());
    return 1;
  }
  for (const auto& d : docs) std::printf("%s\n", ClaimsJson(d.id, d.text, options).c_str());
  return 0;
}

}  // namespace
}  // namespace attrib

int main(int argc, char** argv) { return attrib::Main(argc, argv); }
