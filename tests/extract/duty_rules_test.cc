// Every example and counter-example of rules/agencies, rules/responsibility and rules/report holds
// (what `vnplan rules test` checks, run here on these topics alone).
#include <gtest/gtest.h>

#include "duty_test_util.h"

namespace vnplan {
namespace {

TEST(DutyRulesTest, ExamplesAndCounterExamplesHold) {
  StatusOr<RuleBook> book = testing_duty::DutyRules();
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  const RuleTestResult result = TestRules(*book, [&](const Rule& rule, std::string_view text) {
    return ExampleFields(*book, rule, text);
  });
  for (const ExampleFailure& f : result.failures) ADD_FAILURE() << f.ToString();
  EXPECT_GT(result.passed, 250);
}

TEST(DutyRulesTest, EveryRuleHasItsKind) {
  StatusOr<RuleBook> book = testing_duty::DutyRules();
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  for (const Rule* r : book->AllRules()) {
    EXPECT_FALSE(r->Attr("kind").empty()) << r->Location() << " " << r->id;
    if (r->topic == "agencies" &&
        (r->Attr("kind") == "head" || r->Attr("kind") == "domain" || r->Attr("kind") == "entity" ||
         r->Attr("kind") == "group" || r->Attr("kind") == "council")) {
      EXPECT_FALSE(r->Attr("value").empty()) << r->Location() << " " << r->id;
    }
    if (r->topic == "responsibility" && r->Attr("kind") == "cue") {
      EXPECT_FALSE(r->Attr("role").empty()) << r->Location() << " " << r->id;
    }
  }
}

}  // namespace
}  // namespace vnplan
