#include "attrib/json.h"

#include <gtest/gtest.h>

#include <sstream>

#include "attrib/attrib.h"

namespace attrib {
namespace {

Analysis SmallAnalysis() {
  Analysis a;
  a.language = "en";
  a.speakers.push_back({0, "Emily Horne", "spokeswoman", false, {{10, 15}}});
  Quote q;
  q.kind = QuoteKind::kDirect;
  q.content = {4, 8};
  q.marked = {3, 9};
  q.speaker = 0;
  q.speaker_mention = Span{10, 15};
  q.cue = Span{16, 20};
  q.confidence = 0.5;
  q.rule = "cue-after-quote";
  a.quotes.push_back(q);
  Claim c;
  c.span = {0, 20};
  c.score = 0.75;
  c.kinds = {ClaimKind::kQuantity};
  c.unattributed_reason = "no-speaker";
  c.rule = "logreg:v1";
  a.claims.push_back(c);
  return a;
}

// "😀 “Yes!” Horne said" — the emoji is 2 UTF-16 units and 1 code point.
Document SmallDocument() {
  return Document({u"😀 “Yes!” Horne said"});
}

TEST(JsonTest, CodePointOffsetsAreLiteral) {
  auto j = ToJson(SmallDocument(), SmallAnalysis(), OffsetUnit::kCodePoint);
  EXPECT_EQ(j["offsets"], "codepoint");
  EXPECT_EQ(j["quotes"][0]["start"], 3);
  EXPECT_EQ(j["quotes"][0]["end"], 7);
  EXPECT_EQ(j["quotes"][0]["marked"], nlohmann::ordered_json::array({2, 8}));
  EXPECT_EQ(j["quotes"][0]["speaker_mention"], nlohmann::ordered_json::array({9, 14}));
  EXPECT_EQ(j["quotes"][0]["cue"], nlohmann::ordered_json::array({15, 19}));
  EXPECT_EQ(j["quotes"][0]["text"], "Yes!");
  EXPECT_EQ(j["quotes"][0]["type"], "direct");
  EXPECT_EQ(j["claims"][0]["kinds"], nlohmann::ordered_json::array({"quantity"}));
  EXPECT_EQ(j["claims"][0]["attributed_to"], nullptr);
  EXPECT_EQ(j["speakers"][0]["mentions"][0], nlohmann::ordered_json::array({9, 14}));
}

TEST(JsonTest, Utf16OffsetsAreUnchanged) {
  auto j = ToJson(SmallDocument(), SmallAnalysis(), OffsetUnit::kUtf16);
  EXPECT_EQ(j["offsets"], "utf16");
  EXPECT_EQ(j["quotes"][0]["start"], 4);
  EXPECT_EQ(j["quotes"][0]["end"], 8);
  EXPECT_EQ(j["quotes"][0]["text"], "Yes!");
}

TEST(JsonTest, StreamedEqualsBuilt) {
  const Document doc = SmallDocument();
  const Analysis a = SmallAnalysis();
  for (OffsetUnit unit : {OffsetUnit::kCodePoint, OffsetUnit::kUtf16}) {
    std::ostringstream streamed;
    WriteJson(streamed, doc, a, unit, "doc-1");
    EXPECT_EQ(streamed.str(), ToJson(doc, a, unit, "doc-1").dump());
  }
  std::ostringstream no_id;
  WriteJson(no_id, doc, Analysis(), OffsetUnit::kCodePoint);
  EXPECT_EQ(no_id.str(),
            R"({"lang":"","offsets":"codepoint","speakers":[],"quotes":[],"claims":[]})");
}

}  // namespace
}  // namespace attrib
