// Reading the claims data (../shared/data/claims/*.jsonl, format in ../shared/data/README.md)
// for the trainer, the evaluation driver and the floor test. Header-only, standard library
// only: a minimal JSON reader that understands what those files contain.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attrib::claims_data {

struct Json {
  enum Type { kNull, kBool, kNumber, kString, kArray, kObject } type = kNull;
  bool boolean = false;
  double number = 0;
  std::string string;  // UTF-8
  std::vector<Json> array;
  std::map<std::string, Json> object;

  const Json* Get(const std::string& key) const {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &it->second;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  bool Parse(Json* out) {
    if (!Value(out)) return false;
    Space();
    return i_ == s_.size();
  }

 private:
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Literal(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  static void Append(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool Hex4(uint32_t* v) {
    if (i_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      *v <<= 4;
      if (c >= '0' && c <= '9') *v |= c - '0';
      else if (c >= 'a' && c <= 'f') *v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') *v |= c - 'A' + 10;
      else return false;
    }
    return true;
  }
  bool String(std::string* out) {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    ++i_;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case 'n': out->push_back('\n'); break;
        case 't': out->push_back('\t'); break;
        case 'r': out->push_back('\r'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            uint32_t lo = 0;
            if (!Hex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          Append(cp, out);
          break;
        }
        default: out->push_back(e);
      }
    }
    return false;
  }
  bool Value(Json* out) {
    Space();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') {
      out->type = Json::kObject;
      ++i_;
      Space();
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
      while (true) {
        Space();
        std::string key;
        if (!String(&key)) return false;
        Space();
        if (i_ >= s_.size() || s_[i_] != ':') return false;
        ++i_;
        if (!Value(&out->object[key])) return false;
        Space();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
        return false;
      }
    }
    if (c == '[') {
      out->type = Json::kArray;
      ++i_;
      Space();
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
      while (true) {
        out->array.emplace_back();
        if (!Value(&out->array.back())) return false;
        Space();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
        return false;
      }
    }
    if (c == '"') {
      out->type = Json::kString;
      return String(&out->string);
    }
    if (Literal("true")) { out->type = Json::kBool; out->boolean = true; return true; }
    if (Literal("false")) { out->type = Json::kBool; return true; }
    if (Literal("null")) { out->type = Json::kNull; return true; }
    size_t b = i_;
    while (i_ < s_.size() && (std::string_view("+-.eE0123456789").find(s_[i_]) != std::string_view::npos)) ++i_;
    if (b == i_) return false;
    out->type = Json::kNumber;
    out->number = std::stod(std::string(s_.substr(b, i_ - b)));
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
};

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

// Reads a .jsonl file; returns false when it cannot be opened or a line does not parse.
inline bool ReadClaimDocs(const std::string& path, std::vector<ClaimDoc>* docs) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json j;
    if (!JsonParser(line).Parse(&j) || j.type != Json::kObject) return false;
    ClaimDoc d;
    if (const Json* v = j.Get("id")) d.id = v->type == Json::kString ? v->string : std::to_string(static_cast<int64_t>(v->number));
    if (const Json* v = j.Get("text")) d.text = v->string;
    if (const Json* v = j.Get("claims"); v && v->type == Json::kArray) {
      for (const Json& c : v->array) {
        GoldClaim g;
        if (const Json* x = c.Get("start")) g.start = static_cast<int64_t>(x->number);
        if (const Json* x = c.Get("end")) g.end = static_cast<int64_t>(x->number);
        if (const Json* x = c.Get("checkworthy")) g.checkworthy = x->boolean;
        d.claims.push_back(g);
      }
    }
    docs->push_back(std::move(d));
  }
  return true;
}

// Claim figures exactly as ../shared/eval/score.py computes "claims" (check-worthy class).
struct ClaimTally {
  int64_t tp_pred = 0, n_pred = 0, tp_gold = 0, n_gold = 0;
  // `pred`: predicted [start, end) in code points. Only documents with gold claims count.
  void Add(const std::vector<GoldClaim>& gold, const std::vector<std::pair<int64_t, int64_t>>& pred) {
    if (gold.empty()) return;
    for (const GoldClaim& c : gold) {
      if (!c.checkworthy) continue;
      ++n_gold;
      for (const auto& [s, e] : pred) {
        if (std::max<int64_t>(0, std::min(c.end, e) - std::max(c.start, s)) * 2 >= c.end - c.start) {
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
