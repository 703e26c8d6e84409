// Reporting duties are read only on lines that say "báo cáo" (any case, with or without marks,
// unwrapped by normalize when a hard wrap split it); a line that sends figures with a deadline
// but never says "báo cáo" holds no report.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "duty_test_util.h"

namespace vnplan {
namespace {

// "reporter -> due" of every report record, in order.
std::vector<std::string> Reports(const testing_duty::Processed& p) {
  std::vector<std::string> out;
  for (const Record* r : p.OfType("report")) {
    out.push_back(r->fields.value("reporter", "") + " -> " + r->fields.value("due", ""));
  }
  return out;
}

TEST(ReportLines, OnlyLinesSayingReportHoldOne) {
  StatusOr<RuleBook> rules = testing_duty::DutyRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const testing_duty::Processed p = testing_duty::Process(
      *rules,
      "KẾ HOẠCH\nThực hiện Chương trình giảm nghèo năm 2024\n"
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Phòng Y tế: BÁO CÁO định kỳ gửi về UBND huyện trước ngày 10/12/2024.\n"
      "2. Phòng Tài chính: Tổng hợp số liệu gửi về UBND huyện trước ngày 20/12/2024.\n"
      "3. Phòng Nội vụ: Tổng hợp số liệu, báo\n"
      "cáo gửi về UBND huyện trước ngày 25/12/2024.\n");
  EXPECT_EQ(Reports(p),
            (std::vector<std::string>{"Phòng Y tế -> 2024-12-10", "Phòng Nội vụ -> 2024-12-25"}));
  for (const Record* r : p.OfType("report")) {
    EXPECT_EQ(r->fields.value("recipient", ""), "Ủy ban nhân dân huyện");
  }
}

TEST(ReportLines, UnaccentedTextReadsTheSame) {
  StatusOr<RuleBook> rules = testing_duty::DutyRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const testing_duty::Processed p = testing_duty::Process(
      *rules,
      "KE HOACH\nThuc hien Chuong trinh giam ngheo nam 2024\n"
      "I. TO CHUC THUC HIEN\n"
      "1. Phong Y te: Bao cao dinh ky gui ve UBND huyen truoc ngay 10/12/2024.\n"
      "2. Phong Tai chinh: Tong hop so lieu gui ve UBND huyen truoc ngay 20/12/2024.\n");
  EXPECT_EQ(Reports(p), std::vector<std::string>{"Phòng Y tế -> 2024-12-10"});
}

}  // namespace
}  // namespace vnplan
