// AnalysisToJson: the CLI's schema in UTF-16 units, plus version and text size.
#include "logic/json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace attrib::uno {
namespace {

TEST(AnalysisToJson, SpansInUtf16UnitsWithQuoteText) {
  Document doc({u"\U0001D465 \u201CGo,\u201D she said.", u"next"});
  Analysis a;
  a.language = "en";
  Speaker s;
  s.name = "She";
  s.mentions.push_back({9, 12});
  a.speakers.push_back(s);
  Quote q;
  q.content = {4, 7};
  q.marked = {3, 8};
  q.speaker = 0;
  q.cue = Span{13, 17};
  q.confidence = 0.75;
  q.rule = "cue-adjacent";
  a.quotes.push_back(q);
  nlohmann::json j = nlohmann::json::parse(AnalysisToJson(doc, a));
  EXPECT_EQ(j["offsets"], "utf16");
  EXPECT_EQ(j["version"], Version());
  EXPECT_EQ(j["text_length"], doc.text().size());
  EXPECT_EQ(j["paragraphs"], 2);
  EXPECT_EQ(j["speakers"][0]["mentions"][0], nlohmann::json::array({9, 12}));
  const nlohmann::json& jq = j["quotes"][0];
  EXPECT_EQ(jq["start"], 4);
  EXPECT_EQ(jq["end"], 7);
  EXPECT_EQ(jq["marked"], nlohmann::json::array({3, 8}));
  EXPECT_EQ(jq["text"], "Go,");
  EXPECT_EQ(jq["type"], "direct");
  EXPECT_EQ(jq["speaker"], 0);
  EXPECT_EQ(jq["cue"], nlohmann::json::array({13, 17}));
  EXPECT_TRUE(jq["speaker_mention"].is_null());
  EXPECT_EQ(jq["rule"], "cue-adjacent");
  EXPECT_TRUE(j["claims"].is_array());
}

TEST(ErrorJson, CarriesMessage) {
  EXPECT_EQ(nlohmann::json::parse(ErrorJson("bad \"x\""))["error"], "bad \"x\"");
}

}  // namespace
}  // namespace attrib::uno
