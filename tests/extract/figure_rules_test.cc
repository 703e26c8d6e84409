// The examples and counter-examples of rules/amount, rules/quantity and rules/date, run through
// the extractors as `vnplan rules test` runs them, plus the size the issue asks of each topic.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "rules/rules.h"

namespace vnplan {
namespace {

class FigureRulesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(FigureRulesTest, ExamplesHoldAndTopicIsLargeEnough) {
  const std::string topic = GetParam();
  // Only this topic's files: a problem in another topic's file is that topic's test to report.
  std::vector<RuleFile> files;
  const std::filesystem::path dir = std::filesystem::path(VNPLAN_SOURCE_DIR) / "rules" / topic;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    files.push_back({topic, entry.path().string(), text.str()});
  }
  StatusOr<RuleBook> book = RuleBook::FromFiles(files);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  const RuleSet* set = book->Topic(topic);
  ASSERT_NE(set, nullptr);
  size_t examples = 0, counter_examples = 0;
  for (const Rule* rule : set->rules()) {
    examples += rule->examples.size();
    counter_examples += rule->counter_examples.size();
  }
  EXPECT_GE(examples, 40u) << topic;
  EXPECT_GE(counter_examples, 15u) << topic;

  const RuleTestResult result =
      TestRules(*book, [&](const Rule& rule, std::string_view text) -> nlohmann::json {
        return ExampleFields(*book, rule, text);
      });
  std::string failures;
  for (const ExampleFailure& f : result.failures) failures += f.ToString() + "\n";
  EXPECT_TRUE(failures.empty()) << failures;
}

INSTANTIATE_TEST_SUITE_P(Topics, FigureRulesTest, ::testing::Values("amount", "quantity", "date"));

}  // namespace
}  // namespace vnplan
