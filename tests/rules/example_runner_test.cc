// TestRules over a small rule folder written by the test, and the comparison of expected values.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rules/rules.h"

namespace vnplan {
namespace {

struct ExpectCase {
  nlohmann::json expected;
  nlohmann::json got;
  bool match;
};

TEST(ExpectMatches, ComparesScalarsAsStrings) {
  const std::vector<ExpectCase> cases = {
      {"90/QĐ-TTg", "90/QĐ-TTg", true},
      {"90/QĐ-TTg", "90/QĐ-UBND", false},
      {"1500000000", 1500000000, true},
      {"2", 2.0, true},
      {"2.5", 2.5, true},
      {"2", 3, false},
      {"true", true, true},
      {"false", true, false},
      {nullptr, nullptr, true},
      {nullptr, "x", false},
      {"x", nullptr, false},
      {"2022", "2022.0", false},  // a string is compared as written
      {nlohmann::json::array({"Sở Y tế", "Sở Tài chính"}),
       nlohmann::json::array({"Sở Y tế", "Sở Tài chính"}), true},
      {nlohmann::json::array({"Sở Y tế"}), nlohmann::json::array({"Sở Y tế", "Sở Nội vụ"}), false},
      {nlohmann::json{{"start", "3"}}, nlohmann::json{{"start", 3}, {"end", 9}}, true},
      {nlohmann::json{{"start", "4"}}, nlohmann::json{{"start", 3}}, false},
  };
  for (const ExpectCase& c : cases) {
    std::string why;
    EXPECT_EQ(ExpectMatches(c.expected, c.got, &why), c.match)
        << c.expected.dump() << " vs " << c.got.dump() << ": " << why;
    if (!c.match) {
      EXPECT_FALSE(why.empty());
    }
  }
}

class TestRulesTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("vnplan_rules_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "year");
    std::filesystem::create_directories(dir_ / "sections");
    Write("year/year.yaml", R"yaml(- id: y.nam
  pattern: 'năm\s+(?P<year>\d{4})'
  examples:
    - text: "kế hoạch năm 2025 của huyện Bảo Lâm"
      expect: {year: "2025", plain: ~}
    - text: "từ năm 2019"
      expect: {year: "2020"}
  counter_examples:
    - "năm nay"
    - "năm 1998 và năm 1999"
)yaml");
    Write("sections/kinds.yaml", "not: [a rule file]\n");
    Write("loose.yaml", "this file sits outside any topic\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& rel, const std::string& text) { std::ofstream(dir_ / rel) << text; }

  std::filesystem::path dir_;
};

TEST_F(TestRulesTest, ReportsEachFailingExampleWithItsLine) {
  StatusOr<RuleBook> book = RuleBook::LoadDir(dir_.string());
  ASSERT_TRUE(book.ok()) << book.status().message();
  EXPECT_EQ(book->Topics(), std::vector<std::string>{"year"});
  RuleTestResult r = TestRules(*book, [&](const Rule& rule, std::string_view text) {
    return RuleCaptures(*book, rule, text);
  });
  EXPECT_EQ(r.passed, 2);
  ASSERT_EQ(r.failures.size(), 2u);
  const std::string file = (dir_ / "year/year.yaml").string();
  EXPECT_EQ(r.failures[0].ToString(),
            file + ":6: rule y.nam: year: expected \"2020\", got \"2019\"");
  EXPECT_EQ(r.failures[1].line, 10);
  EXPECT_EQ(r.failures[1].rule_id, "y.nam");
  EXPECT_NE(r.failures[1].message.find("counter-example \"năm 1998 và năm 1999\" gave"),
            std::string::npos)
      << r.failures[1].message;
}

TEST_F(TestRulesTest, AnExtractorThatThrowsIsAFailureNotACrash) {
  StatusOr<RuleBook> book = RuleBook::LoadDir(dir_.string());
  ASSERT_TRUE(book.ok());
  RuleTestResult r = TestRules(*book, [](const Rule&, std::string_view) -> nlohmann::json {
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(r.passed, 0);
  ASSERT_EQ(r.failures.size(), 4u);
  EXPECT_EQ(r.failures[0].message, "the extractor threw: boom");
}

TEST_F(TestRulesTest, NoRecordIsAFailureForAnExample) {
  StatusOr<RuleBook> book = RuleBook::LoadDir(dir_.string());
  ASSERT_TRUE(book.ok());
  RuleTestResult r =
      TestRules(*book, [](const Rule&, std::string_view) { return nlohmann::json(); });
  EXPECT_EQ(r.passed, 2);  // both counter-examples
  ASSERT_EQ(r.failures.size(), 2u);
  EXPECT_EQ(r.failures[0].message, "no record from \"kế hoạch năm 2025 của huyện Bảo Lâm\"");
}

TEST(RipgrepPattern, TranslatesRe2OnlySyntaxAndKeepsEachPatternApart) {
  struct Case {
    std::string pattern;
    bool case_insensitive;
    std::string want;
  };
  const std::vector<Case> cases = {
      {R"(Quyết định\s+số\s+(?P<number>\d+))", false, R"((?:Quyết định\s+số\s+(?:\d+)))"},
      {R"(Luật\s+\d+)", true, R"((?i:Luật\s+\d+))"},
      {R"(\d+\/QĐ\-UBND)", false, R"((?:\d+/QĐ\-UBND))"},
      {R"(\Q1.5+\E tỷ)", false, R"((?:1\.5\+ tỷ))"},
      {"a\nb", false, R"((?:a\sb))"},
      {R"(số\n\d+[,\n]x[^\n]y)", false, R"((?:số\s\d+[,]x[^\n]y))"},
      {R"([[:alpha:]\]]+)", false, R"((?:[[:alpha:]\]]+))"},
      {R"(ngày\:\s)", false, R"((?:ngày:\s))"},
      {R"((?i)(?P<d>\d+)|(?P<w>tư))", false, R"((?:(?i)(?:\d+)|(?:tư)))"},
  };
  for (const Case& c : cases) {
    Rule r;
    r.pattern = c.pattern;
    r.case_insensitive = c.case_insensitive;
    EXPECT_EQ(ToRipgrepPattern(r), c.want) << c.pattern;
  }
}

}  // namespace
}  // namespace vnplan
