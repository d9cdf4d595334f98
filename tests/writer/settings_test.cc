// logic/settings.h: the editor's settings, their JSON and what they mean for the engine and the
// marks — without soffice.
#include "logic/settings.h"

#include <gtest/gtest.h>

namespace attrib::uno {
namespace {

TEST(Settings, DefaultsAreValidAndChangeNothing) {
  const Settings s;
  EXPECT_EQ(ValidateSettings(s), "");
  const Options o = s.EngineOptions();
  EXPECT_EQ(o.language, "");  // per paragraph: the commands decide
  EXPECT_EQ(o.claim_threshold, Options().claim_threshold);
  EXPECT_EQ(o.min_quote_confidence, Options().min_quote_confidence);
  const MarkStyle style = s.Style();
  EXPECT_TRUE(style.direct && style.mixed && style.indirect && style.speaker_colours);
  EXPECT_FALSE(style.details);
  EXPECT_TRUE(style.footnote_wording.empty());
}

TEST(Settings, JsonOverTheStoredOnesAndBack) {
  Settings s;
  ASSERT_EQ(SettingsFromJson(R"({"language_mode": "fixed", "fixed_language": "de",
                                 "mark_reported": false, "comment_details": true,
                                 "palette": "single", "claim_threshold": 0.7,
                                 "footnote_wording": {"fr": "Propos de {who}."}})",
                             &s),
            "");
  EXPECT_EQ(s.EngineOptions().language, "de");
  EXPECT_DOUBLE_EQ(s.EngineOptions().claim_threshold, 0.7);
  EXPECT_TRUE(s.mark_direct);  // not named: kept
  const MarkStyle style = s.Style();
  EXPECT_FALSE(style.indirect);
  EXPECT_TRUE(style.details);
  EXPECT_FALSE(style.speaker_colours);
  EXPECT_EQ(style.footnote_wording.at("fr"), "Propos de {who}.");
  Settings back;
  ASSERT_EQ(SettingsFromJson(SettingsToJson(s).dump(), &back), "");
  EXPECT_EQ(back, s);
}

TEST(Settings, BadInputIsSaidAndChangesNothing) {
  Settings s;
  const Settings before = s;
  EXPECT_EQ(SettingsFromJson("[1]", &s), "the settings are not a JSON object");
  EXPECT_EQ(SettingsFromJson("{", &s), "the settings are not a JSON object");
  EXPECT_EQ(SettingsFromJson(R"({"colour": "red"})", &s), "unknown setting \"colour\"");
  EXPECT_EQ(SettingsFromJson(R"({"mark_direct": "yes"})", &s), "mark_direct must be true or false");
  EXPECT_EQ(SettingsFromJson(R"({"claim_threshold": 2})", &s),
            "claim_threshold must be between 0 and 1");
  EXPECT_EQ(SettingsFromJson(R"({"language_mode": "fixed", "fixed_language": "it"})", &s),
            "fixed_language must be one of en, de, es, fr, not \"it\"");
  EXPECT_EQ(SettingsFromJson(R"({"footnote_wording": {"en": "Quoted."}})", &s),
            "footnote_wording.en must contain {who}, where the speaker goes");
  EXPECT_EQ(SettingsFromJson(R"({"palette": "neon"})", &s),
            "palette must be speakers or single, not \"neon\"");
  EXPECT_EQ(s, before);
}

}  // namespace
}  // namespace attrib::uno
