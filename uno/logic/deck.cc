#include "logic/deck.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "attrib/text.h"

namespace attrib::uno {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int Int(const json& j, const char* key, int fallback = -1) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}
double Num(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}
const json& Array(const json& j, const char* key) {
  static const json kEmpty = json::array();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

std::string Score(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string Quoted(const std::string& excerpt) {
  return "\u201C" + excerpt + "\u201D";
}

const char* KindKey(const std::string& engine_kind) {
  if (engine_kind == "direct") return "deck.kind.direct";
  if (engine_kind == "mixed") return "deck.kind.mixed";
  if (engine_kind == "indirect") return "deck.kind.indirect";
  return "deck.kind.other";
}

const char* ConfidenceKey(double confidence) {
  if (confidence >= 0.75) return "confidence.high";
  if (confidence >= 0.5) return "confidence.medium";
  return "confidence.low";
}

}  // namespace

std::string Excerpt(std::string_view utf8, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  bool space = false;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 1;
    len = std::min(len, utf8.size() - i);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      ++i;
      continue;
    }
    if (chars + (space ? 1 : 0) >= max_chars) {
      out += "\u2026";
      return out;
    }
    if (space) {
      out += ' ';
      ++chars;
      space = false;
    }
    out.append(utf8.substr(i, len));
    ++chars;
    i += len;
  }
  return out;
}

std::vector<DeckRow> BuildDeckRows(const json& analysis, std::u16string_view text,
                                   const Catalog& words) {
  std::vector<DeckRow> rows;
  const json& speakers = Array(analysis, "speakers");
  const json& quotes = Array(analysis, "quotes");
  const json& claims = Array(analysis, "claims");
  std::map<int, std::string> names;  // speaker id -> "Name" or "Anonymous — name"
  std::map<int, std::vector<const json*>> by_speaker;
  std::vector<const json*> no_speaker;
  for (const json& s : speakers) {
    if (!s.is_object()) continue;
    const bool anonymous = s.value("anonymous", false) == true;
    const std::string name = Str(s, "name");
    names[Int(s, "id")] = anonymous ? words.Format("deck.anonymous", {{"name", name}}) : name;
  }
  for (const json& q : quotes) {
    if (!q.is_object()) continue;
    const int who = Int(q, "speaker");
    if (who >= 0 && names.count(who) > 0) {
      by_speaker[who].push_back(&q);
    } else {
      no_speaker.push_back(&q);
    }
  }
  auto quote_row = [&](const json& q, int level, int speaker) {
    DeckRow r;
    r.kind = DeckRow::Kind::kQuote;
    r.level = level;
    r.speaker = speaker;
    r.begin = Int(q, "start");
    r.end = Int(q, "end");
    r.label = Quoted(Excerpt(Str(q, "text"))) + " \u00B7 " + words.Text(KindKey(Str(q, "type"))) +
              " \u00B7 " + words.Text(ConfidenceKey(Num(q, "confidence")));
    rows.push_back(std::move(r));
  };

  size_t n = 0;
  for (const json& s : speakers) n += s.is_object() ? 1 : 0;
  rows.push_back(
      {DeckRow::Kind::kSection, 0, words.Format("deck.speakers", {{"n", std::to_string(n)}})});
  for (const json& s : speakers) {
    if (!s.is_object()) continue;
    const int id = Int(s, "id");
    struct {
      int direct = 0, partial = 0, reported = 0;
    } counts;
    for (const json* q : by_speaker[id]) {
      const std::string kind = Str(*q, "type");
      if (kind == "direct") ++counts.direct;
      if (kind == "mixed") ++counts.partial;
      if (kind == "indirect") ++counts.reported;
    }
    DeckRow r;
    r.kind = DeckRow::Kind::kSpeaker;
    r.level = 1;
    r.speaker = id;
    r.label = names[id];
    if (const std::string role = Str(s, "role"); !role.empty()) r.label += ", " + role;
    r.label +=
        " \u00B7 " + words.Format("deck.counts", {{"direct", std::to_string(counts.direct)},
                                                  {"partial", std::to_string(counts.partial)},
                                                  {"reported", std::to_string(counts.reported)}});
    rows.push_back(std::move(r));
    for (const json* q : by_speaker[id]) quote_row(*q, 2, id);
  }

  rows.push_back({DeckRow::Kind::kSection, 0,
                  words.Format("deck.no_speaker", {{"n", std::to_string(no_speaker.size())}})});
  for (const json* q : no_speaker) quote_row(*q, 1, -1);

  std::vector<const json*> unattributed, attributed;
  for (const json& c : claims) {
    if (!c.is_object()) continue;
    const int who = Int(c, "attributed_to");
    (who >= 0 && names.count(who) > 0 ? attributed : unattributed).push_back(&c);
  }
  rows.push_back({DeckRow::Kind::kSection, 0,
                  words.Format("deck.claims",
                               {{"n", std::to_string(unattributed.size() + attributed.size())}})});
  for (const auto* group : {&unattributed, &attributed}) {
    for (const json* c : *group) {
      DeckRow r;
      r.kind = DeckRow::Kind::kClaim;
      r.level = 1;
      r.begin = Int(*c, "start");
      r.end = Int(*c, "end");
      std::string excerpt;
      if (r.begin >= 0 && r.end >= r.begin && static_cast<size_t>(r.end) <= text.size()) {
        excerpt = Excerpt(Utf16ToUtf8(text.substr(r.begin, r.end - r.begin)));
      }
      const int who = Int(*c, "attributed_to");
      const std::string by = group == &unattributed
                                 ? words.Text("deck.unattributed")
                                 : words.Format("deck.by", {{"name", names[who]}});
      r.label = by + ": " + excerpt + " \u00B7 " + Score(Num(*c, "score"));
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

}  // namespace attrib::uno
