// Duties on very long lines: a responsibility or report record quotes at most kMaxStatement bytes
// of its statement, and a paragraph of many report sentences reads each sentence's reporters and
// recipient once (the sizes that used to blow up run in tests/hostile).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "duty_test_util.h"
#include "extract/duty_walk.h"

namespace vnplan {
namespace {

TEST(CapStatement, KeepsShortOnesAndCutsLongOnesAtASpace) {
  const std::string words = "Sở Y tế chủ trì thực hiện ";  // 29 bytes
  std::string text;
  while (text.size() < 3 * kMaxStatement) text += words;
  EXPECT_EQ(CapStatement(text, {5, 900}), (Span{5, 900}));
  EXPECT_EQ(CapStatement(text, {0, kMaxStatement}), (Span{0, kMaxStatement}));
  const Span cut = CapStatement(text, {0, text.size()});
  EXPECT_LE(cut.size(), kMaxStatement);
  EXPECT_GT(cut.size(), kMaxStatement - words.size());
  EXPECT_EQ(text[cut.end], ' ');

  // No space within the limit: cut on a character boundary ("ệ" is three bytes, after an "x"
  // each starts at 1, 4, 7, ...).
  std::string unbroken = "x";
  while (unbroken.size() < 2 * kMaxStatement) unbroken += "ệ";
  const Span c = CapStatement(unbroken, {0, unbroken.size()});
  EXPECT_LE(c.size(), kMaxStatement);
  EXPECT_GT(c.size(), kMaxStatement - 3);
  EXPECT_EQ(c.end % 3, 1u);
}

TEST(LongStatements, OneLineItemOfManyClausesQuotesAtMostTheLimit) {
  StatusOr<RuleBook> rules = testing_duty::DutyRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  std::string text =
      "KẾ HOẠCH\nThực hiện Chương trình năm 2024\nIV. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ: ";
  for (int k = 1; k <= 100; ++k) {
    text += "Sở Tài chính chủ trì, phối hợp với Sở Y tế thực hiện Dự án " +
            std::to_string(k % 10 + 1) + "; ";
  }
  text += "\n";
  const testing_duty::Processed p = testing_duty::Process(*rules, text);
  const std::vector<const Record*> duties = p.OfType("responsibility");
  ASSERT_GE(duties.size(), 200u);  // a chair and a partner for each clause
  size_t longest = 0;
  for (const Record* r : duties) {
    longest = std::max(longest, r->span.size());
    ASSERT_EQ(r->fields["tasks"].size(), 1u);
    EXPECT_EQ(r->fields["tasks"][0].get<std::string>().size(), r->span.size());
  }
  EXPECT_LE(longest, kMaxStatement);
  EXPECT_GT(longest, kMaxStatement - 100);  // the first clauses' statements run to the limit
}

TEST(LongStatements, ParagraphOfReportSentencesKeepsItsReporter) {
  StatusOr<RuleBook> rules = testing_duty::DutyRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  std::string text =
      "KẾ HOẠCH\nThực hiện Chương trình năm 2024\nV. CHẾ ĐỘ BÁO CÁO\n"
      "UBND các xã có trách nhiệm thực hiện.";
  for (int k = 0; k < 300; ++k) {
    text += " Báo cáo quý gửi trước ngày 15/" + std::to_string(k % 12 + 1) + ".";
  }
  text += " Báo cáo năm gửi về UBND huyện trước ngày 20/12.\n";
  const testing_duty::Processed p = testing_duty::Process(*rules, text);
  const std::vector<const Record*> reports = p.OfType("report");
  ASSERT_EQ(reports.size(), 301u);
  for (const Record* r : reports) {
    EXPECT_EQ(r->fields.value("reporter", ""), "Ủy ban nhân dân các xã");
  }
  EXPECT_EQ(reports[0]->fields.value("due", ""), "2024-01-15");
  EXPECT_EQ(reports.back()->fields.value("due", ""), "2024-12-20");
  EXPECT_EQ(reports.back()->fields.value("recipient", ""), "Ủy ban nhân dân huyện");
  EXPECT_TRUE(reports[0]->fields["recipient"].is_null());
}

}  // namespace
}  // namespace vnplan
