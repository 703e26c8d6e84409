// Responsibilities of a "Tổ chức thực hiện" item that names several agencies, each with its own
// projects, through normalize, segment and extract (found by the corpus goldens:
// formats/html_table_pipes and formats/pdf_hard_wrapped).
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "duty_test_util.h"

namespace vnplan {
namespace {

TEST(ResponsibilityItems, EachChairKeepsOnlyTheProjectsOfItsOwnClause) {
  StatusOr<RuleBook> rules = testing_duty::DutyRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const testing_duty::Processed p = testing_duty::Process(
      *rules,
      "KẾ HOẠCH\nThực hiện Chương trình năm 2024\n"
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Phòng Lao động - Thương binh và Xã hội chủ trì Dự án 4 và Dự án 7.\n"
      "2. Phòng Nông nghiệp và Phát triển nông thôn chủ trì thực hiện Dự án 2 và Tiểu dự án 1 - "
      "Dự án 3; Trung tâm Y tế huyện chủ trì Tiểu dự án 2 - Dự án 3; Phòng Kinh tế và Hạ tầng "
      "chủ trì Dự án 5.\n");
  std::map<std::string, std::set<std::string>> chairs;
  for (const Record* r : p.OfType("responsibility")) {
    if (r->fields["role"] != "chu_tri") continue;
    for (const auto& project : r->fields["projects"]) {
      chairs[r->fields["agency"].get<std::string>()].insert(project.get<std::string>());
    }
  }
  EXPECT_EQ(chairs["Phòng Nông nghiệp và Phát triển nông thôn"],
            (std::set<std::string>{"du_an_2", "du_an_3.tieu_du_an_1"}));
  EXPECT_EQ(chairs["Trung tâm Y tế"], std::set<std::string>{"du_an_3.tieu_du_an_2"});
  EXPECT_EQ(chairs["Phòng Kinh tế và Hạ tầng"], std::set<std::string>{"du_an_5"});
  EXPECT_EQ(chairs["Phòng Lao động - Thương binh và Xã hội"],
            (std::set<std::string>{"du_an_4", "du_an_7"}));
}

}  // namespace
}  // namespace vnplan
