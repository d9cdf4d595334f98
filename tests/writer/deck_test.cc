// logic/deck.h: the sidebar deck's rows from the engine's JSON, without soffice.
#include "logic/deck.h"

#include <gtest/gtest.h>

#include "attrib/attrib.h"
#include "logic/json.h"

namespace attrib::uno {
namespace {

using nlohmann::json;
using Kind = DeckRow::Kind;

TEST(Deck, ExcerptCutsOnCodePointsAndFoldsSpace) {
  EXPECT_EQ(Excerpt("short"), "short");
  EXPECT_EQ(Excerpt("  a \n\t b  "), "a b");
  EXPECT_EQ(Excerpt("abcdef", 3), "abc\u2026");
  EXPECT_EQ(Excerpt("\u00E9\u00E9\u00E9\u00E9", 2), "\u00E9\u00E9\u2026");  // never half a char
  EXPECT_EQ(Excerpt("ab cd", 3), "ab\u2026");
  EXPECT_EQ(Excerpt("abc", 3), "abc");
}

// A hand-written result in AnalysisToJson's schema: two speakers (one anonymous), quotes of each
// kind, one without speaker, one claim attributed and two not.
const char kAnalysis[] = R"({
  "speakers": [{"id": 0, "name": "Emily Horne", "role": "spokeswoman", "anonymous": false},
               {"id": 1, "name": "an official", "role": "", "anonymous": true}],
  "quotes": [{"id": 0, "type": "direct", "start": 1, "end": 4, "speaker": 0, "confidence": 0.9,
              "text": "abc"},
             {"id": 1, "type": "mixed", "start": 10, "end": 12, "speaker": 1, "confidence": 0.6,
              "text": "de"},
             {"id": 2, "type": "indirect", "start": 20, "end": 25, "speaker": 0,
              "confidence": 0.3, "text": "fghij"},
             {"id": 3, "type": "direct", "start": 30, "end": 31, "speaker": null,
              "confidence": 0.8, "text": "k"}],
  "claims": [{"id": 0, "start": 0, "end": 3, "score": 0.9, "attributed_to": 0},
             {"id": 1, "start": 5, "end": 8, "score": 0.7, "attributed_to": null},
             {"id": 2, "start": 9, "end": 10, "score": 0.55}]
})";

TEST(Deck, RowsInOrderWithCountsAndWords) {
  const std::u16string text = u"0123456789";
  const std::vector<DeckRow> rows = BuildDeckRows(json::parse(kAnalysis), text);
  std::vector<std::string> labels;
  for (const DeckRow& r : rows) labels.push_back(std::string(r.level * 2, ' ') + r.label);
  const std::vector<std::string> expected = {
      "Speakers (2)",
      "  Emily Horne, spokeswoman \u00B7 1 direct, 0 partial, 1 reported",
      "    \u201Cabc\u201D \u00B7 direct \u00B7 high confidence",
      "    \u201Cfghij\u201D \u00B7 reported \u00B7 low confidence",
      "  Anonymous \u2014 an official \u00B7 0 direct, 1 partial, 0 reported",
      "    \u201Cde\u201D \u00B7 partial \u00B7 medium confidence",
      "Quotes with no speaker (1)",
      "  \u201Ck\u201D \u00B7 direct \u00B7 high confidence",
      "Claims to check (3)",
      "  Unattributed: 567 \u00B7 0.70",
      "  Unattributed: 9 \u00B7 0.55",
      "  By Emily Horne: 012 \u00B7 0.90",
  };
  EXPECT_EQ(labels, expected);
  // Spans and kinds: what a click selects.
  EXPECT_EQ(rows[0].kind, Kind::kSection);
  EXPECT_EQ(rows[1].kind, Kind::kSpeaker);
  EXPECT_EQ(rows[1].speaker, 0);
  EXPECT_EQ(rows[1].begin, -1);
  EXPECT_EQ(rows[2].kind, Kind::kQuote);
  EXPECT_EQ(rows[2].begin, 1);
  EXPECT_EQ(rows[2].end, 4);
  EXPECT_EQ(rows[2].speaker, 0);
  EXPECT_EQ(rows[7].speaker, -1);
  EXPECT_EQ(rows[9].kind, Kind::kClaim);
  EXPECT_EQ(rows[9].begin, 5);
  EXPECT_EQ(rows[9].end, 8);
}

TEST(Deck, WordedInTheUiLanguage) {
  const std::u16string text = u"0123456789";
  std::vector<std::string> labels;
  for (const DeckRow& r : BuildDeckRows(json::parse(kAnalysis), text, Catalog::For("de-DE"))) {
    labels.push_back(std::string(r.level * 2, ' ') + r.label);
  }
  const std::vector<std::string> expected = {
      "Sprecher (2)",
      "  Emily Horne, spokeswoman \u00B7 1 direkt, 0 teilweise, 1 indirekt",
      "    \u201Cabc\u201D \u00B7 direkt \u00B7 hohe Sicherheit",
      "    \u201Cfghij\u201D \u00B7 indirekt \u00B7 geringe Sicherheit",
      "  Anonym \u2014 an official \u00B7 0 direkt, 1 teilweise, 0 indirekt",
      "    \u201Cde\u201D \u00B7 teilweise \u00B7 mittlere Sicherheit",
      "Zitate ohne Sprecher (1)",
      "  \u201Ck\u201D \u00B7 direkt \u00B7 hohe Sicherheit",
      "Zu pr\u00FCfende Behauptungen (3)",
      "  Nicht zugeschrieben: 567 \u00B7 0.70",
      "  Nicht zugeschrieben: 9 \u00B7 0.55",
      "  Von Emily Horne: 012 \u00B7 0.90",
  };
  EXPECT_EQ(labels, expected);
}

TEST(Deck, EmptyAndOddJsonGiveTheThreeSections) {
  for (const json& j : {json::object(), json::parse(R"({"speakers": 3, "quotes": [1, "x"]})"),
                        json::array(), json()}) {
    const std::vector<DeckRow> rows = BuildDeckRows(j, u"");
    ASSERT_EQ(rows.size(), 3u) << j.dump();
    EXPECT_EQ(rows[0].label, "Speakers (0)");
    EXPECT_EQ(rows[1].label, "Quotes with no speaker (0)");
    EXPECT_EQ(rows[2].label, "Claims to check (0)");
  }
  // A claim span outside the text: no excerpt, no crash.
  const json bad = json::parse(R"({"claims": [{"start": 5, "end": 99, "score": 0.5}]})");
  EXPECT_EQ(BuildDeckRows(bad, u"abc")[3].label, "Unattributed:  \u00B7 0.50");
}

// The engine's own JSON for a small text: every quote is listed once, under its speaker.
TEST(Deck, EngineResultEveryQuoteOnce) {
  Document doc({u"\u201CWe are ready,\u201D Emily Horne, a spokeswoman, said.",
                u"\u201CGo,\u201D an official said.", u"Prices rose 5% in 2020, it was said."});
  Analysis a;
  ASSERT_TRUE(Analyze(doc, Options(), &a).ok());
  const std::vector<DeckRow> rows = BuildDeckRows(json::parse(AnalysisToJson(doc, a)), doc.text());
  size_t quotes = 0;
  for (const DeckRow& r : rows) {
    if (r.kind != Kind::kQuote) continue;
    ++quotes;
    EXPECT_GE(r.begin, 0);
    EXPECT_LE(r.end, static_cast<int32_t>(doc.text().size()));
  }
  EXPECT_EQ(quotes, a.quotes.size());
}

}  // namespace
}  // namespace attrib::uno
