#include "cues.h"

#include <gtest/gtest.h>

#include "lexicon.h"
#include "tokens.h"

namespace attrib {
namespace {

std::vector<std::u16string> CueTexts(const std::u16string& text) {
  const LanguageData* en = GetLanguageData("en");
  Tokens t = Tokenize(text);
  SplitTokenSentences(text, {}, &t);
  std::vector<std::u16string> out;
  for (const Cue& c : FindCues(t, *en)) out.push_back(text.substr(c.span.begin, c.span.size()));
  return out;
}

TEST(CuesTest, EnglishDataIsEmbedded) {
  const LanguageData* en = GetLanguageData("en-US");
  ASSERT_NE(en, nullptr);
  EXPECT_GT(en->cues.size(), 300u);
  EXPECT_NE(en->speech, 0u);
  EXPECT_EQ(GetLanguageData("xx"), nullptr);
}

TEST(CuesTest, CapitalisedCueOnlyInTitleCaseHeadlines) {
  // A capital mid-sentence is a name ("The Post Said ..." is rare) except in a headline.
  EXPECT_EQ(CueTexts(u"Lindsey Graham Says Trump Could Address Clean Energy."),
            (std::vector<std::u16string>{u"Says"}));
  EXPECT_TRUE(CueTexts(u"She met the Claims Court judge.").empty());
}

TEST(CuesTest, NounLikeFormsCountOnlyBeforeThat) {
  // "state", "report", "defend" are mostly nouns or acts in news: cues only before "that".
  EXPECT_TRUE(CueTexts(u"The state budget and the report grew. They defend the plan.").empty());
  EXPECT_EQ(CueTexts(u"He tried to defend that Lenin created it. Analysts state that it fell."),
            (std::vector<std::u16string>{u"defend", u"state"}));
  EXPECT_TRUE(CueTexts(u"He sent an email and a tweet about their support.").empty());
}

TEST(CuesTest, VerbsPhrasesAndInflections) {
  EXPECT_EQ(CueTexts(u"Horne said. He says. They told reporters. She pointed out facts."),
            (std::vector<std::u16string>{u"said", u"says", u"told", u"pointed out"}));
  EXPECT_EQ(
      CueTexts(u"According to officials, it reiterated and recalled and insisted."),
      (std::vector<std::u16string>{u"According to", u"reiterated", u"recalled", u"insisted"}));
}

TEST(CuesTest, NounsAndNamesAreNotCues) {
  EXPECT_TRUE(
      CueTexts(u"The report is out. A statement came. The Post wrote nothing new.").size() == 1u);
  EXPECT_EQ(CueTexts(u"The Post wrote it."), (std::vector<std::u16string>{u"wrote"}));
}

TEST(CuesTest, ClassesComeFromTheData) {
  const LanguageData* en = GetLanguageData("en");
  std::u16string text = u"He believes it. According to them.";
  Tokens t = Tokenize(text);
  SplitTokenSentences(text, {}, &t);
  auto cues = FindCues(t, *en);
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_TRUE(cues[0].classes & en->belief);
  EXPECT_FALSE(cues[0].classes & en->speech);
  EXPECT_TRUE(cues[1].classes & en->source);
}

TEST(LexiconTest, OneLookupAgreesWithEachLexicon) {
  const LanguageData* en = GetLanguageData("en");
  for (const char* w : {"he", "the", "spokesman", "president", "said", "according", "told", "of",
                        "zebra", "Horne"}) {
    const uint64_t h = HashWordUtf8(w);
    EXPECT_EQ(h, HashAscii(w)) << w;
    const WordInfo& info = en->Word(h);
    EXPECT_EQ(info.words, en->words.WordCategories(h)) << w;
    EXPECT_EQ(info.titles, en->titles.WordCategories(h)) << w;
  }
  EXPECT_TRUE(en->Word(HashAscii("according")).cue_first);  // of "according to"
  EXPECT_TRUE(en->Word(HashAscii("said")).cue_first);
  EXPECT_FALSE(en->Word(HashAscii("zebra")).cue_first);
  EXPECT_NE(en->Word(HashAscii("Spokesman")).titles & en->person, 0u);
}

}  // namespace
}  // namespace attrib
