// Reading the claims data (../shared/data/claims/*.jsonl, format in ../shared/data/README.md)
// for the trainer, the evaluation driver and the floor test. Header-only, on nlohmann::json.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace attrib::claims_data {

// One document of a claims .jsonl: its text and gold claims (code point offsets).
struct GoldClaim {
  int64_t start = 0;
  int64_t end = 0;
  bool checkworthy = false;
};
struct ClaimDoc {
  std::string id;
  std::string text;  // UTF-8
  std::vector<GoldClaim> claims;
};

// The "claims" array of one parsed document (code point offsets).
inline std::vector<GoldClaim> GoldClaimsOf(const nlohmann::json& doc) {
  std::vector<GoldClaim> out;
  auto claims = doc.find("claims");
  if (claims == doc.end() || !claims->is_array()) return out;
  for (const auto& c : *claims) {
    out.push_back(
        {c.value("start", int64_t{0}), c.value("end", int64_t{0}), c.value("checkworthy", false)});
  }
  return out;
}

// Reads a .jsonl file; returns false when it cannot be opened or a line does not parse.
inline bool ReadClaimDocs(const std::string& path, std::vector<ClaimDoc>* docs) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return false;
    ClaimDoc d;
    if (auto v = j.find("id"); v != j.end())
      d.id = v->is_string() ? v->get<std::string>() : v->dump();
    if (auto v = j.find("text"); v != j.end() && v->is_string()) d.text = v->get<std::string>();
    d.claims = GoldClaimsOf(j);
    docs->push_back(std::move(d));
  }
  return true;
}

// Claim figures exactly as ../shared/eval/score.py computes "claims" (check-worthy class).
struct ClaimTally {
  int64_t tp_pred = 0, n_pred = 0, tp_gold = 0, n_gold = 0;
  // `pred`: predicted [start, end) in code points. Only documents with gold claims count.
  void Add(const std::vector<GoldClaim>& gold,
           const std::vector<std::pair<int64_t, int64_t>>& pred) {
    if (gold.empty()) return;
    for (const GoldClaim& c : gold) {
      if (!c.checkworthy) continue;
      ++n_gold;
      for (const auto& [s, e] : pred) {
        if (std::max<int64_t>(0, std::min(c.end, e) - std::max(c.start, s)) * 2 >=
            c.end - c.start) {
          ++tp_gold;
          break;
        }
      }
    }
    for (const auto& [s, e] : pred) {
      ++n_pred;
      for (const GoldClaim& c : gold) {
        if (c.checkworthy && std::min(c.end, e) > std::max(c.start, s)) {
          ++tp_pred;
          break;
        }
      }
    }
  }
  double P() const { return n_pred ? 100.0 * tp_pred / n_pred : 0.0; }
  double R() const { return n_gold ? 100.0 * tp_gold / n_gold : 0.0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0.0; }
};

}  // namespace attrib::claims_data
