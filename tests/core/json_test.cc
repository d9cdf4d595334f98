#include "attrib/json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

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

TEST(JsonTest, AppendedStringsAndNumbersAreDumpsBytes) {
  for (std::string s :
       {std::string(""), std::string("plain"), std::string("quote \" and \\ back"),
        std::string("tab\tnl\ncr\rbs\bff\f"), std::string("\x01\x1f\x7f"),
        std::string("nul \0 inside", 12), std::string("caf\xc3\xa9 \xf0\x9f\x98\x80 “x”")}) {
    std::string out;
    AppendJsonString(&out, s);
    EXPECT_EQ(out, nlohmann::ordered_json(s).dump()) << s;
  }
  for (double v : {0.0, -0.0, 1.0, 0.5, 0.95, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-5, 1.5e-7, 123456.789,
                   1e15, 1e16, 1e21, 0.30000000000000004, 5e-324, 1.7976931348623157e308}) {
    std::string out;
    AppendJsonNumber(&out, v);
    EXPECT_EQ(out, nlohmann::ordered_json(v).dump()) << v;
  }
  std::string nan;
  AppendJsonNumber(&nan, std::nan(""));
  EXPECT_EQ(nan, nlohmann::ordered_json(std::nan("")).dump());
}

TEST(JsonTest, AppendedEqualsBuiltWithUnpairedSurrogateAndControls) {
  // An unpaired surrogate and a control character inside a quote's text.
  const Document doc(
      {std::u16string(u"ab\xd800"
                      u"c\x01"
                      u"d\"e\\f")});
  Analysis a;
  a.language = "en";
  Quote q;
  q.content = {0, static_cast<int32_t>(doc.text().size())};
  q.marked = q.content;
  q.fragments = {{0, 1}, {2, 3}};
  q.confidence = 1.0;
  a.quotes.push_back(q);
  for (OffsetUnit unit : {OffsetUnit::kCodePoint, OffsetUnit::kUtf16}) {
    std::string out;
    AppendJson(&out, doc, a, unit, "\"x\"");
    EXPECT_EQ(out, ToJson(doc, a, unit, "x").dump());
  }
}

// The streaming writer against the DOM serialiser on real news, novels and German text, with
// every option that changes the output: byte for byte.
TEST(JsonTest, AppendedEqualsBuiltOnRealData) {
  size_t docs = 0, quotes = 0, claims = 0;
  for (const char* file : {"/data/polnear/dev.jsonl", "/data/litbank/litbank.jsonl",
                           "/data/redewiedergabe/nonfiction_dev.jsonl"}) {
    std::ifstream in(std::string(ATTRIB_SHARED_DIR) + file);
    ASSERT_TRUE(in) << file;
    int n = 0;
    for (std::string line; std::getline(in, line) && n < 60; ++n) {
      auto j = nlohmann::json::parse(line);
      Document doc;
      ASSERT_TRUE(Document::FromUtf8(j["text"].get<std::string>(), &doc).ok());
      Options options;
      options.language = j.value("lang", "");
      options.attribution_units = n % 2 == 1;
      options.report_non_speech = n % 3 == 1;
      Analysis a;
      ASSERT_TRUE(Analyze(doc, options, &a).ok());
      for (OffsetUnit unit : {OffsetUnit::kCodePoint, OffsetUnit::kUtf16}) {
        const std::string id = j["id"].get<std::string>();
        std::string out;
        AppendJson(&out, doc, a, unit, nlohmann::ordered_json(id).dump(), n % 4 != 3);
        ASSERT_EQ(out, ToJson(doc, a, unit, id, n % 4 != 3).dump()) << file << " " << id;
      }
      ++docs;
      quotes += a.quotes.size();
      claims += a.claims.size();
    }
  }
  EXPECT_GE(docs, 150u);
  EXPECT_GT(quotes, 1000u);  // the comparison covered real results, not empty ones
  EXPECT_GT(claims, 100u);
}

}  // namespace
}  // namespace attrib
