// uno/logic/marks.h: how Attrib's marks are named and recognised, without soffice.
#include <gtest/gtest.h>

#include "logic/marks.h"

namespace attrib::uno {
namespace {

TEST(MarkRecord, KeyIsSixLowerAlnumStartingWithALetterAndDependsOnTheSeed) {
  MarkRecord a = MarkRecord::New(1), b = MarkRecord::New(2);
  ASSERT_EQ(a.key.size(), 6u);
  EXPECT_TRUE(a.key[0] >= 'a' && a.key[0] <= 'z');
  for (char c : a.key) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << a.key;
  EXPECT_NE(a.key, b.key);
  EXPECT_EQ(MarkRecord::New(1).key, a.key);
}

TEST(MarkRecord, FormatsAndParsesBack) {
  MarkRecord r;
  r.key = "k3f9a2";
  r.AddStamp("202612021705");
  r.AddStamp("202612021710");
  r.AddStamp("202612021705");  // once
  EXPECT_EQ(FormatRecord(r), "attrib-marks v2 key=k3f9a2 stamps=202612021705,202612021710");
  std::optional<MarkRecord> back = ParseRecord(FormatRecord(r));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key, "k3f9a2");
  EXPECT_EQ(back->stamps, r.stamps);
  EXPECT_TRUE(back->HasStamp("202612021710"));
  EXPECT_FALSE(back->HasStamp("202612021711"));
  MarkRecord empty;
  empty.key = "abcdef";
  ASSERT_TRUE(ParseRecord(FormatRecord(empty)));
  EXPECT_TRUE(ParseRecord(FormatRecord(empty))->stamps.empty());
}

TEST(MarkRecord, RejectsAnythingElse) {
  EXPECT_FALSE(ParseRecord(""));
  EXPECT_FALSE(ParseRecord("my own notes"));
  EXPECT_FALSE(ParseRecord("attrib-marks v2 key=abc stamps="));         // short key
  EXPECT_FALSE(ParseRecord("attrib-marks v2 key=abcdef stamps=2026"));  // short stamp
  EXPECT_FALSE(ParseRecord("attrib-marks v2 key=abcdef stamps=x0261202170"));
  EXPECT_FALSE(ParseRecord("attrib-marks v3 key=abcdef stamps="));
}

TEST(MarkRecord, KeepsTheNewestStamps) {
  MarkRecord r;
  r.key = "abcdef";
  for (int i = 0; i < 70; ++i) r.AddStamp(Stamp(2026, 1, 1, i / 60, i % 60));
  ASSERT_EQ(r.stamps.size(), MarkRecord::kMaxStamps);
  EXPECT_EQ(r.stamps.back(), "202601010109");
  EXPECT_EQ(r.stamps.front(), "202601010006");
}

TEST(Names, OnlyWordSafeCharactersAndWithinWordsLimit) {
  const std::string names[] = {
      RunBookmark("k3f9a2", kQuoteTag, 9999, 9, "FFFFFFFF_00FFFF00"),
      RunBookmark("k3f9a2", kClaimTag, 9999, 9, "00E36C09_1_A"),
      FootnoteBookmark("k3f9a2", 12345, 99),
      SelectionBookmark("k3f9a2", 3, true),
      CommentName("k3f9a2", kQuoteCommentTag, 123456),
  };
  for (const std::string& n : names) {
    EXPECT_LE(n.size(), kMaxBookmarkName) << n;
    for (char c : n) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_')
          << n;
    }
  }
  EXPECT_EQ(RunBookmark("k3f9a2", kQuoteTag, 3, 0, "d_00FFFF00"), "attrib_k3f9a2_h3_0_d_00FFFF00");
  EXPECT_EQ(FootnoteBookmark("k3f9a2", 4, 1), "attrib_k3f9a2_f4_1");
  EXPECT_EQ(SelectionBookmark("k3f9a2", 0, false), "attrib_k3f9a2_s0_b");
  EXPECT_EQ(CommentName("k3f9a2", kClaimCommentTag, 7), "attrib_k3f9a2_c7");
}

TEST(ParseName, Version2WithTheDocumentsKeyOnly) {
  EXPECT_EQ(ParseName("attrib_k3f9a2_h3_0_d_00FFFF00", "k3f9a2"),
            (ParsedName{kQuoteTag, 3, 0, "d_00FFFF00", false}));
  EXPECT_EQ(ParseName("attrib_k3f9a2_u12_2_d_d_d", "k3f9a2"),
            (ParsedName{kClaimTag, 12, 2, "d_d_d", false}));
  EXPECT_EQ(ParseName("attrib_k3f9a2_f4_1", "k3f9a2"), (ParsedName{kFootnoteTag, 4, 1, "", false}));
  EXPECT_EQ(ParseName("attrib_k3f9a2_s2_e", "k3f9a2"),
            (ParsedName{kSelectionTag, 2, 1, "", false}));
  EXPECT_EQ(ParseName("attrib_k3f9a2_q7", "k3f9a2"),
            (ParsedName{kQuoteCommentTag, 7, -1, "", false}));
  // Another document's key, no key, and look-alikes are not ours.
  EXPECT_FALSE(ParseName("attrib_k3f9a2_h3_0_d", "zz9zz9"));
  EXPECT_FALSE(ParseName("attrib_k3f9a2_h3_0_d", ""));
  EXPECT_FALSE(ParseName("attrib_h1_0_d", "k3f9a2"));
  EXPECT_FALSE(ParseName("attrib_k3f9a2_h3", "k3f9a2"));        // no run
  EXPECT_FALSE(ParseName("attrib_k3f9a2_h3_0_", "k3f9a2"));     // no original
  EXPECT_FALSE(ParseName("attrib_k3f9a2_h3_0_xyz", "k3f9a2"));  // not an encoding
  EXPECT_FALSE(ParseName("attrib_k3f9a2_q7_1", "k3f9a2"));
  EXPECT_FALSE(ParseName("attrib_k3f9a2_z7", "k3f9a2"));
  EXPECT_FALSE(ParseName("Attrib_k3f9a2_q7", "k3f9a2"));
  EXPECT_FALSE(ParseName("_Toc12345", "k3f9a2"));
  EXPECT_FALSE(ParseName("", "k3f9a2"));
}

TEST(ParseName, Version1AlsoAsDocxReturnsIt) {
  EXPECT_EQ(ParseName("attrib:h12.0:d", ""), (ParsedName{kQuoteTag, 12, 0, "d", true}));
  EXPECT_EQ(ParseName("attrib%3Ah12.0%3A00FFFF00", "k3f9a2"),
            (ParsedName{kQuoteTag, 12, 0, "00FFFF00", true}));
  EXPECT_EQ(ParseName("attrib:u3.1:d_d_d", ""), (ParsedName{kClaimTag, 3, 1, "d_d_d", true}));
  EXPECT_EQ(ParseName("attrib:f3.2", ""), (ParsedName{kFootnoteTag, 3, 2, "", true}));
  EXPECT_EQ(ParseName("attrib:q7", ""), (ParsedName{kQuoteCommentTag, 7, -1, "", true}));
  // The user's "attrib:h1" (the case) is no version-1 run bookmark.
  EXPECT_FALSE(ParseName("attrib:h1", ""));
  EXPECT_FALSE(ParseName("attrib%3Ah1", ""));
  EXPECT_FALSE(ParseName("attrib:hx", ""));
  EXPECT_FALSE(ParseName("attrib:s0b", ""));
}

TEST(MarkId, OfOneTag) {
  EXPECT_EQ(MarkId("attrib_k3f9a2_h3_0_d", "k3f9a2", kQuoteTag), 3);
  EXPECT_EQ(MarkId("attrib_k3f9a2_h3_0_d", "k3f9a2", kClaimTag), -1);
  EXPECT_EQ(MarkId("attrib:c4", "", kClaimCommentTag), 4);
  EXPECT_EQ(MarkId("user", "k3f9a2", kQuoteTag), -1);
}

TEST(Comments, RecognisedByNameOrByAuthorAndARecordedMinute) {
  MarkRecord r;
  r.key = "k3f9a2";
  r.AddStamp("202612021705");
  ParsedName p;
  // .odt keeps the name.
  EXPECT_TRUE(IsOurComment({"Attribution", "attrib_k3f9a2_q3", "x", "209901010000"}, &r, &p));
  EXPECT_EQ(p.tag, kQuoteCommentTag);
  EXPECT_EQ(p.id, 3);
  // .docx: the name is lost; the date is one of ours.
  EXPECT_TRUE(IsOurComment({"Attribution", "__Annotation__5_1", "Jane Doe\nMayor", "202612021705"},
                           &r, &p));
  EXPECT_EQ(p.tag, kQuoteCommentTag);
  EXPECT_EQ(p.id, -1);
  EXPECT_TRUE(IsOurComment(
      {"Attribution", "", "Check: comparison · unattributed · 0.87", "202612021705"}, &r, &p));
  EXPECT_EQ(p.tag, kClaimCommentTag);
  // Another minute, another author, no record: the user's.
  EXPECT_FALSE(IsOurComment({"Attribution", "", "Jane Doe\nMayor", "202612021706"}, &r, &p));
  EXPECT_FALSE(IsOurComment({"Jane", "attrib_k3f9a2_q3", "x", "202612021705"}, &r, &p));
  EXPECT_FALSE(IsOurComment({"Attribution", "", "please check", "202612021705"}, nullptr, &p));
  EXPECT_FALSE(IsOurComment({"Attribution", "attrib_k3f9a2_q3", "x", "1"}, nullptr, &p));
}

TEST(Comments, Version1ByNameOrByTheShapeOfItsText) {
  ParsedName p;
  EXPECT_TRUE(IsOurComment({"Attribution", "attrib:c2", "", ""}, nullptr, &p));
  EXPECT_EQ(p.tag, kClaimCommentTag);
  EXPECT_EQ(p.id, 2);
  // Glued by the .docx import of version 1's one-string comment.
  EXPECT_TRUE(IsOurComment(
      {"Attribution", "__Annotation__1",
       "Jane DoeMayor \xC2\xB7 said \xC2\xB7 direct \xC2\xB7 0.95 \xC2\xB7 cue", "201901010000"},
      nullptr, &p));
  EXPECT_EQ(p.tag, kQuoteCommentTag);
  EXPECT_TRUE(LooksLikeLegacyComment("Check: claim \xC2\xB7 unattributed \xC2\xB7 0.87"));
  EXPECT_FALSE(LooksLikeLegacyComment("Check: the dates"));
  EXPECT_FALSE(LooksLikeLegacyComment("direct quote, 0.9"));
}

}  // namespace
}  // namespace attrib::uno
