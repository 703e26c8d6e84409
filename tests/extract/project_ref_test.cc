#include "extract/project_ref.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vnplan {
namespace {

using Ids = std::vector<std::string>;

struct Case {
  const char* text;
  Ids want;
};

std::string Join(const Ids& ids) {
  std::string s;
  for (const std::string& id : ids) s += (s.empty() ? "" : " ") + id;
  return s;
}

TEST(ProjectRefTest, ReadsEveryWayPlansNameProjects) {
  const Case cases[] = {
      {"Chủ trì thực hiện Dự án 4", {"du_an_4"}},
      {"Tiểu dự án 2 - Dự án 6", {"du_an_6.tieu_du_an_2"}},
      {"Tiểu dự án 2 – Dự án 7 (Giám sát, đánh giá)", {"du_an_7.tieu_du_an_2"}},
      {"Tiểu dự án 1 thuộc Dự án 3", {"du_an_3.tieu_du_an_1"}},
      {"Tiểu dự án 1 của Dự án 3", {"du_an_3.tieu_du_an_1"}},
      {"thực hiện Tiểu dự án 2 Dự án 6; ban ngành liên quan", {"du_an_6.tieu_du_an_2"}},
      {"Dự án 6 (Tiểu dự án 1 và Tiểu dự án 2).", {"du_an_6.tieu_du_an_1", "du_an_6.tieu_du_an_2"}},
      {"Dự án 2, Dự án 4, Dự án 7", {"du_an_2", "du_an_4", "du_an_7"}},
      {"các Dự án 2, 4 và 7", {"du_an_2", "du_an_4", "du_an_7"}},
      {"TDA3-DA4", {"du_an_4.tieu_du_an_3"}},
      {"TDA 1 - DA 3 và DA5", {"du_an_3.tieu_du_an_1", "du_an_5"}},
      {"Dự án 4 - Tiểu dự án 3", {"du_an_4.tieu_du_an_3"}},
      {"Dự án 3: Tiểu dự án 1 và Tiểu dự án 2", {"du_an_3.tieu_du_an_1", "du_an_3.tieu_du_an_2"}},
      {"Tiểu dự án 1, 2 thuộc Dự án 3", {"du_an_3.tieu_du_an_1", "du_an_3.tieu_du_an_2"}},
      {"Dự án số 5", {"du_an_5"}},
      {"DỰ ÁN 01", {"du_an_1"}},
      {"du an 4 va du an 7", {"du_an_4", "du_an_7"}},
      {"Dự án 4 (Phát triển giáo dục nghề nghiệp, việc làm bền vững), Tiểu dự án 2 - Dự án 6 "
       "(Truyền thông về giảm nghèo đa chiều), Dự án 7 (Nâng cao năng lực) thuộc Chương trình.",
       {"du_an_4", "du_an_6.tieu_du_an_2", "du_an_7"}},
      {"Tiểu dự án 1 thuộc Dự án 2 và Dự án 3", {"du_an_2.tieu_du_an_1", "du_an_3.tieu_du_an_1"}},
      {"Tiểu dự án 2 - Dự án 6, Dự án 7", {"du_an_6.tieu_du_an_2", "du_an_7"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Join(ProjectIdsIn(c.text, {})), Join(c.want)) << c.text;
  }
}

TEST(ProjectRefTest, NamesThatAreNotProjectReferences) {
  const char* texts[] = {
      "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
      "các dự án giảm nghèo thuộc Chương trình",
      "Đề án số 10-ĐA/TU ngày 11/12/2020",
      "dự án 2024 của tỉnh",
      "đa 5 loại cây trồng",
      "Dự án đầu tư 15 công trình",
      "nâng cao chất lượng dự án",
  };
  for (const char* t : texts) EXPECT_EQ(Join(ProjectIdsIn(t, {})), "") << t;
}

TEST(ProjectRefTest, SpansCoverTheReference) {
  const std::string text = "Chủ trì Tiểu dự án 2 - Dự án 6 và Dự án 7.";
  std::vector<ProjectRef> refs = ParseProjectRefs(text);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(text.substr(refs[0].span.start, refs[0].span.size()), "Tiểu dự án 2 - Dự án 6");
  EXPECT_EQ(text.substr(refs[1].span.start, refs[1].span.size()), "Dự án 7");
}

TEST(ProjectRefTest, BareSubProjectTakesTheEnclosingProject) {
  ProjectContext in_du_an_3{{}, "du_an_3"};
  EXPECT_EQ(Join(ProjectIdsIn("Tiểu dự án 1", in_du_an_3)), "du_an_3.tieu_du_an_1");
  ProjectContext in_sub{{}, "du_an_3.tieu_du_an_2"};
  EXPECT_EQ(Join(ProjectIdsIn("Tiểu dự án 1", in_sub)), "du_an_3.tieu_du_an_1");
  EXPECT_EQ(Join(ProjectIdsIn("Tiểu dự án 1", {})), "");
}

TEST(ProjectRefTest, SharedSubProjectNumberFollowsTheStructure) {
  // The plan's sections: Dự án 2 has no sub-projects, Dự án 3 has two.
  ProjectContext ctx{{"du_an_2", "du_an_3", "du_an_3.tieu_du_an_1", "du_an_3.tieu_du_an_2"}, ""};
  EXPECT_EQ(Join(ProjectIdsIn("Tiểu dự án 1 thuộc Dự án 2 và Dự án 3", ctx)),
            "du_an_2 du_an_3.tieu_du_an_1");
  // Written as one pair, a reference is kept even when the structure lacks it.
  EXPECT_EQ(Join(ProjectIdsIn("Tiểu dự án 1 thuộc Dự án 2", ctx)), "du_an_2.tieu_du_an_1");
}

TEST(ProjectRefTest, RepeatsCollapse) {
  EXPECT_EQ(Join(ProjectIdsIn("Dự án 4; Dự án 4 và Dự án 4", {})), "du_an_4");
}

}  // namespace
}  // namespace vnplan
