// Named classes in rule patterns: [:letter:] and [:number:] written out as ranges, agreeing with
// ICU's categories inside their blocks, refused outside brackets.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/rules.h"

namespace vnplan {
namespace {

std::string Expand(const std::string& pattern) {
  std::string out, error;
  EXPECT_TRUE(ExpandNamedClasses(pattern, &out, &error)) << pattern << ": " << error;
  return out;
}

std::string Utf8(UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  return std::string(buf, n);
}

bool InBlocks(UChar32 c) {
  return c <= 0x52F || (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

// Every code point up to U+FFFF (surrogates aside) against ICU: in the class exactly when ICU
// puts it in the category and it lies in the named blocks.
void ExpectAgreesWithIcu(const std::string& name, uint32_t category_mask) {
  const re2::RE2 re(Expand("[[:" + name + ":]]"));
  ASSERT_TRUE(re.ok()) << re.error();
  int members = 0;
  for (UChar32 c = 0; c <= 0xFFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    const bool want = InBlocks(c) && (U_GET_GC_MASK(c) & category_mask) != 0;
    const bool got = re2::RE2::FullMatch(Utf8(c), re);
    ASSERT_EQ(got, want) << name << " U+" << std::hex << c;
    members += got;
  }
  EXPECT_GT(members, 60) << name;
}

TEST(NamedClasses, LetterIsIcusLettersOfItsBlocks) { ExpectAgreesWithIcu("letter", U_GC_L_MASK); }

TEST(NamedClasses, NumberIsIcusNumbersOfItsBlocks) { ExpectAgreesWithIcu("number", U_GC_N_MASK); }

TEST(NamedClasses, ServeAsBoundariesOnVietnameseText) {
  struct Case {
    std::string pattern, text;
    bool match;
  };
  const std::vector<Case> cases = {
      {"[[:letter:]]+", "Đường", true},
      {"[[:letter:]]+", "Nghiệp", true},
      {"[[:letter:]]+", "ỹỸẠặ", true},
      {"[[:letter:]]+", "Ωμέγα", true},
      {"[[:letter:]]+", "Привет", true},
      {"[[:letter:]]+", "a-b", false},
      {"[[:letter:]]+", "中文", false},  // outside the blocks: not a letter here
      {"[[:number:]]+", "2024½²", true},
      {"[[:number:]]+", "１２", true},
      {"[[:number:]]+", "12a", false},
      {"[^[:letter:][:number:]/.,-]", " ", true},
      {"[^[:letter:][:number:]/.,-]", "(", true},
      {"[^[:letter:][:number:]/.,-]", "ư", false},
      {"[^[:letter:][:number:]/.,-]", "7", false},
      {"[^[:letter:][:number:]/.,-]", "/", false},
      {"(?i)[^[:letter:]]", "K", false},  // the Kelvin sign, a letterlike symbol
  };
  for (const Case& c : cases) {
    const re2::RE2 re(Expand(c.pattern));
    ASSERT_TRUE(re.ok()) << c.pattern << ": " << re.error();
    EXPECT_EQ(re2::RE2::FullMatch(c.text, re), c.match) << c.pattern << " on " << c.text;
  }
}

TEST(NamedClasses, LeaveEverythingElseAsWritten) {
  const std::vector<std::string> unchanged = {
      R"(Quyết định\s+số\s+(?P<number>\d+))",
      R"([[:alpha:]\]]+)",
      R"([]a]|[^]b])",
      R"(\Q[:letter:]\E)",
      R"(\[:letter:\])",
      R"([:digit:])",  // RE2's business: the class of ':', 'd', 'i', 'g', 't'
  };
  for (const std::string& p : unchanged) EXPECT_EQ(Expand(p), p);
  EXPECT_EQ(Expand("[^[:number:]x]").substr(0, 5), "[^0-9");
  EXPECT_EQ(Expand("[[:letter:]]").find("[:"), std::string::npos);
  EXPECT_NE(Expand("[[:letter:]]").find("\\x{1E00}-"), std::string::npos);  // Ḁ.., Vietnamese
}

TEST(NamedClasses, OutsideBracketsIsAnError) {
  for (const std::string p : {"[:letter:]+", "a[:number:]", "[a][:letter:]"}) {
    std::string out, error;
    EXPECT_FALSE(ExpandNamedClasses(p, &out, &error)) << p;
    EXPECT_NE(error.find("only inside brackets"), std::string::npos) << error;
  }
}

TEST(NamedClasses, RulesUseThemPlainFoldedAndExported) {
  constexpr char kRule[] = R"yaml(
- id: t.nam
  pattern: '(?:^|[^[:letter:]])(?P<year>năm\s+\d{4})(?:$|[^[:number:]])'
  examples: [{text: "trong năm 2024,", expect: {year: năm 2024}}]
  counter_examples: ["khănăm 2024", "năm 20245"]
)yaml";
  StatusOr<RuleBook> book = RuleBook::FromFiles({{"t", "rules/t/a.yaml", kRule}});
  ASSERT_TRUE(book.ok()) << book.status().message();
  const RuleSet* set = book->Topic("t");
  std::vector<Match> out;
  const std::string text = "trong năm 2024, khănăm 2025 và năm 20266";
  set->FindAll(text, /*folded=*/false, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].Text(text, "year"), "năm 2024");
  const std::string folded = "trong nam 2024, khanam 2025";
  set->FindAll(folded, /*folded=*/true, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].Text(folded, "year"), "nam 2024");
  const std::string rg = ToRipgrepPattern(*book->FindRule("t.nam"));
  EXPECT_EQ(rg.find("[:letter:]"), std::string::npos) << rg;
  EXPECT_NE(rg.find("[^A-Za-z"), std::string::npos) << rg;

  StatusOr<RuleBook> bad =
      RuleBook::FromFiles({{"t", "rules/t/b.yaml",
                            "- id: t.bad\n  pattern: '[:letter:]+'\n  examples: [{text: a}]\n  "
                            "counter_examples: [b]\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("rules/t/b.yaml:2: rule t.bad: bad pattern: [:letter:] "
                                        "names a class only inside brackets: write [[:letter:]]"),
            std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace vnplan
