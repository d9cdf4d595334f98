#include "logic/marks.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "logic/catalog.h"

namespace attrib::uno {
namespace {

constexpr std::string_view kV2Prefix = "attrib_";
constexpr std::string_view kV1Prefix = "attrib:";
constexpr std::string_view kV1EscapedPrefix = "attrib%3A";  // as .docx returns "attrib:"
constexpr std::string_view kRecordHead = "attrib-marks v2";

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads a decimal number (at most 9 digits) at s[*i]; false when there is none.
bool Number(std::string_view s, size_t* i, int* out) {
  size_t j = *i;
  long n = 0;
  while (j < s.size() && IsDigit(s[j]) && j - *i < 9) n = n * 10 + (s[j++] - '0');
  if (j == *i || (j < s.size() && IsDigit(s[j]))) return false;
  *i = j;
  *out = static_cast<int>(n);
  return true;
}

// An encoded original look: "d" or upper-case hex, joined by '_' (writer_doc.cc Encode).
bool IsEncoded(std::string_view s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      if (s[i - 1] == '_') return false;
      continue;
    }
    if (!(IsDigit(c) || (c >= 'A' && c <= 'F') || c == 'd')) return false;
  }
  return true;
}

bool IsKeyChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z');
}

// The part after "<tag><id>": `sep` separates the fields (version 2: '_', version 1: '.'/':').
std::optional<ParsedName> ParseBody(std::string_view s, bool legacy) {
  if (s.empty()) return std::nullopt;
  ParsedName p;
  p.tag = s[0];
  p.legacy = legacy;
  size_t i = 1;
  if (!Number(s, &i, &p.id)) return std::nullopt;
  const char sep1 = legacy ? '.' : '_';
  const char sep2 = legacy ? ':' : '_';
  switch (p.tag) {
    case kQuoteTag:
    case kClaimTag: {
      if (i >= s.size() || s[i] != sep1) return std::nullopt;
      ++i;
      if (!Number(s, &i, &p.run)) return std::nullopt;
      if (i >= s.size() || s[i] != sep2) return std::nullopt;
      p.encoded = std::string(s.substr(i + 1));
      if (!IsEncoded(p.encoded)) return std::nullopt;
      return p;
    }
    case kFootnoteTag: {
      if (i >= s.size() || s[i] != sep1) return std::nullopt;
      ++i;
      if (!Number(s, &i, &p.run) || i != s.size()) return std::nullopt;
      return p;
    }
    case kSelectionTag: {
      if (legacy || s.substr(i) == "") return std::nullopt;
      if (s.substr(i) == "_b")
        p.run = 0;
      else if (s.substr(i) == "_e")
        p.run = 1;
      else
        return std::nullopt;
      return p;
    }
    case kQuoteCommentTag:
    case kClaimCommentTag:
      if (i != s.size()) return std::nullopt;
      return p;
    default:
      return std::nullopt;
  }
}

std::string V2Head(std::string_view key, char tag) {
  std::string s(kV2Prefix);
  s += key;
  s += '_';
  s += tag;
  return s;
}

}  // namespace

MarkRecord MarkRecord::New(uint64_t seed) {
  // splitmix64: any seed gives well-spread bits.
  uint64_t z = seed + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  MarkRecord r;
  constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  // The first is a letter: the key never reads as a number.
  r.key += kChars[z % 26];
  z /= 26;
  for (int i = 1; i < 6; ++i, z /= 36) r.key += kChars[z % 36];
  return r;
}

void MarkRecord::AddStamp(const std::string& stamp) {
  if (HasStamp(stamp)) return;
  stamps.push_back(stamp);
  if (stamps.size() > kMaxStamps) stamps.erase(stamps.begin());
}

bool MarkRecord::HasStamp(const std::string& stamp) const {
  return std::find(stamps.begin(), stamps.end(), stamp) != stamps.end();
}

std::string FormatRecord(const MarkRecord& record) {
  std::string s(kRecordHead);
  s += " key=" + record.key + " stamps=";
  for (size_t i = 0; i < record.stamps.size(); ++i) s += (i ? "," : "") + record.stamps[i];
  return s;
}

std::optional<MarkRecord> ParseRecord(std::string_view value) {
  if (value.substr(0, kRecordHead.size()) != kRecordHead) return std::nullopt;
  std::string_view rest = value.substr(kRecordHead.size());
  constexpr std::string_view kKey = " key=", kStamps = " stamps=";
  if (rest.substr(0, kKey.size()) != kKey) return std::nullopt;
  rest.remove_prefix(kKey.size());
  MarkRecord r;
  while (!rest.empty() && IsKeyChar(rest.front())) {
    r.key += rest.front();
    rest.remove_prefix(1);
  }
  if (r.key.size() != 6) return std::nullopt;
  if (rest.substr(0, kStamps.size()) != kStamps) return std::nullopt;
  rest.remove_prefix(kStamps.size());
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view stamp = rest.substr(0, comma);
    if (stamp.size() != 12 || !std::all_of(stamp.begin(), stamp.end(), IsDigit)) {
      return std::nullopt;
    }
    r.stamps.emplace_back(stamp);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return r;
}

std::string Stamp(int year, int month, int day, int hour, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d", year % 10000, month % 100, day % 100,
                hour % 100, minute % 100);
  return buf;
}

std::string RunBookmark(std::string_view key, char tag, int id, int run, std::string_view encoded) {
  return V2Head(key, tag) + std::to_string(id) + "_" + std::to_string(run) + "_" +
         std::string(encoded);
}

std::string FootnoteBookmark(std::string_view key, int paragraph, int speaker) {
  return V2Head(key, kFootnoteTag) + std::to_string(paragraph) + "_" + std::to_string(speaker);
}

std::string SelectionBookmark(std::string_view key, int index, bool end) {
  return V2Head(key, kSelectionTag) + std::to_string(index) + (end ? "_e" : "_b");
}

std::string CommentName(std::string_view key, char comment_tag, int id) {
  return V2Head(key, comment_tag) + std::to_string(id);
}

std::optional<ParsedName> ParseName(std::string_view name, std::string_view key) {
  if (name.substr(0, kV1Prefix.size()) == kV1Prefix) {
    return ParseBody(name.substr(kV1Prefix.size()), true);
  }
  if (name.substr(0, kV1EscapedPrefix.size()) == kV1EscapedPrefix) {
    // .docx escapes every ':' of a version-1 name.
    std::string plain;
    for (size_t i = kV1EscapedPrefix.size(); i < name.size(); ++i) {
      if (name.substr(i, 3) == "%3A") {
        plain += ':';
        i += 2;
      } else {
        plain += name[i];
      }
    }
    return ParseBody(plain, true);
  }
  if (key.empty() || name.substr(0, kV2Prefix.size()) != kV2Prefix) return std::nullopt;
  name.remove_prefix(kV2Prefix.size());
  if (name.substr(0, key.size()) != key || name.size() <= key.size() + 1 ||
      name[key.size()] != '_') {
    return std::nullopt;
  }
  return ParseBody(name.substr(key.size() + 1), false);
}

int MarkId(std::string_view name, std::string_view key, char tag) {
  std::optional<ParsedName> p = ParseName(name, key);
  return p && p->tag == tag ? p->id : -1;
}

char CommentTagOf(std::string_view content) {
  static const std::vector<std::string> prefixes = PrefixesOf("claim.check");
  for (const std::string& check : prefixes) {
    if (content.size() > check.size() + 1 && content.substr(0, check.size()) == check &&
        content.substr(check.size(), 2) == ": ") {
      return kClaimCommentTag;
    }
  }
  return kQuoteCommentTag;
}

bool LooksLikeLegacyComment(std::string_view content) {
  // Ends in " · 0.87" (a claim's score) or holds " · <kind> · 0.95" (a quote's confidence).
  auto number_at = [&](size_t i) {
    return i + 4 <= content.size() && IsDigit(content[i]) && content[i + 1] == '.' &&
           IsDigit(content[i + 2]) && IsDigit(content[i + 3]);
  };
  constexpr std::string_view kDot = " \xC2\xB7 ";  // " · "
  if (content.substr(0, 7) == "Check: ") {
    const size_t at = content.rfind(kDot);
    return at != std::string_view::npos && at + kDot.size() + 4 == content.size() &&
           number_at(at + kDot.size());
  }
  for (std::string_view kind : {"direct", "mixed", "indirect", "other"}) {
    const std::string needle = std::string(kDot) + std::string(kind) + std::string(kDot);
    const size_t at = content.find(needle);
    if (at != std::string_view::npos && number_at(at + needle.size())) return true;
  }
  return false;
}

bool HasFootnoteShape(std::string_view text) {
  if (text.empty() || text.back() != '.' || text.find_first_of("\r\n") != std::string_view::npos ||
      text.find("\u2029") != std::string_view::npos) {
    return false;
  }
  static const std::vector<std::string> prefixes = PrefixesOf("footnote.quote");
  for (const std::string& start : prefixes) {
    if (text.size() > start.size() + 1 && text.substr(0, start.size()) == start) return true;
  }
  return false;
}

bool IsOurComment(const CommentFacts& c, const MarkRecord* record, ParsedName* parsed) {
  if (c.author != kCommentAuthor) return false;
  const std::string_view key = record != nullptr ? std::string_view(record->key) : "";
  std::optional<ParsedName> p = ParseName(c.name, key);
  if (p && (p->tag == kQuoteCommentTag || p->tag == kClaimCommentTag)) {
    *parsed = *p;
    return true;
  }
  // The name is lost (.docx, .doc, .rtf): the date must be one Attrib wrote in this document, or
  // (version 1) the text must be what version 1 wrote.
  const bool ours =
      (record != nullptr && record->HasStamp(c.stamp)) || LooksLikeLegacyComment(c.content);
  if (!ours) return false;
  *parsed = ParsedName{CommentTagOf(c.content), -1, -1, "", record == nullptr};
  return true;
}

}  // namespace attrib::uno
