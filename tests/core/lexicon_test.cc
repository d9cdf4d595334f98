// The language data loader: word classes and suffixes the rules name come from core/data/<lang>/.
#include "lexicon.h"

#include <gtest/gtest.h>

namespace attrib {
namespace {

TEST(LexiconTest, FunctionWordRolesComeFromWordsTxt) {
  const LanguageData* en = GetLanguageData("en");
  ASSERT_NE(en, nullptr);
  for (uint32_t bit :
       {en->np_link, en->infinitive_marker, en->expletive, en->conj_and, en->conj_but, en->as_lead,
        en->conditional, en->say, en->say_participle, en->relative_person, en->definite})
    EXPECT_NE(bit, 0u);
  EXPECT_TRUE(en->Word(HashAscii("said")).words & en->say);
  EXPECT_TRUE(en->Word(HashAscii("saying")).words & en->say_participle);
  EXPECT_FALSE(en->Word(HashAscii("saying")).words & en->say);
  EXPECT_TRUE(en->Word(HashAscii("of")).words & en->np_link);
  EXPECT_TRUE(en->Word(HashAscii("of")).words & en->prep);  // one word, several roles
}

TEST(LexiconTest, SuffixesComeFromSuffixesTxt) {
  const LanguageData* en = GetLanguageData("en-GB");
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(en->participle_suffixes, std::vector<std::u16string>{u"ing"});
  EXPECT_EQ(en->negation_suffixes, (std::vector<std::u16string>{u"n't", u"n\u2019t"}));
  // A language without the file has no suffix rules (German does not inherit English ones).
  const LanguageData* de = GetLanguageData("de");
  ASSERT_NE(de, nullptr);
  EXPECT_TRUE(de->participle_suffixes.empty());
  EXPECT_EQ(de->say, 0u);
}

}  // namespace
}  // namespace attrib
