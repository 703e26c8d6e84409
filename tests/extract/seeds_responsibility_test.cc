// Responsibilities, reports and the program structure of the seed plans (../shared/seeds),
// through normalize, segment and extract.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "duty_test_util.h"

namespace vnplan {
namespace {

using testing_duty::DutyRules;
using testing_duty::Process;
using testing_duty::Processed;
using testing_duty::SeedText;

struct Duty {
  const char* agency;
  const char* role;
  const char* project;  // "" when any (or no) project will do
};

bool HasDuty(const Processed& p, const Duty& d) {
  for (const Record* r : p.OfType("responsibility")) {
    if (r->fields["agency"] != d.agency || r->fields["role"] != d.role) continue;
    if (*d.project == '\0') return true;
    const auto& projects = r->fields["projects"];
    if (std::find(projects.begin(), projects.end(), d.project) != projects.end()) return true;
  }
  return false;
}

struct Due {
  const char* due;
  const char* recipient;
  const char* what;  // "" when any
};

bool HasReport(const Processed& p, const Due& d) {
  for (const Record* r : p.OfType("report")) {
    if (r->fields["due"] == d.due && r->fields["recipient"] == d.recipient &&
        (*d.what == '\0' || r->fields["what"] == d.what)) {
      return true;
    }
  }
  return false;
}

class SeedsResponsibilityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<RuleBook> book = DutyRules();
    ASSERT_TRUE(book.ok()) << book.status().ToString();
    rules_ = new RuleBook(std::move(book).value());
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }
  Processed Seed(const char* prefix) {
    const std::string text = SeedText(prefix);
    EXPECT_FALSE(text.empty()) << "seed " << prefix << " not found in " << VNPLAN_SEEDS_DIR;
    return Process(*rules_, text);
  }
  static RuleBook* rules_;
};

RuleBook* SeedsResponsibilityTest::rules_ = nullptr;

TEST_F(SeedsResponsibilityTest, Seed000WhoChairsWhat) {
  const Processed p = Seed("000");
  const Duty duties[] = {
      {"Phòng Lao động - Thương binh và Xã hội", "thuong_truc", ""},
      {"Phòng Lao động - Thương binh và Xã hội", "chu_tri", "du_an_4"},
      {"Phòng Lao động - Thương binh và Xã hội", "chu_tri", "du_an_6.tieu_du_an_2"},
      {"Phòng Lao động - Thương binh và Xã hội", "chu_tri", "du_an_7"},
      {"Phòng Tài chính - Kế hoạch", "tong_hop", ""},
      {"Phòng Nông nghiệp và Phát triển nông thôn", "chu_tri", "du_an_2"},
      {"Phòng Nông nghiệp và Phát triển nông thôn", "chu_tri", "du_an_3.tieu_du_an_1"},
      {"Trung tâm Y tế", "chu_tri", "du_an_3.tieu_du_an_2"},
      {"Trung tâm Truyền thông - Văn hóa", "chu_tri", "du_an_6.tieu_du_an_2"},
      {"Ngân hàng Chính sách xã hội", "chu_tri", ""},
      {"Ủy ban Mặt trận Tổ quốc Việt Nam", "de_nghi", ""},
      {"các tổ chức chính trị - xã hội", "de_nghi", ""},
      {"Ủy ban nhân dân các xã, thị trấn", "phoi_hop", "du_an_7.tieu_du_an_2"},
  };
  for (const Duty& d : duties) {
    EXPECT_TRUE(HasDuty(p, d)) << d.agency << " " << d.role << " " << d.project;
  }
  // Only the plan's own agencies chair; the issuer does not.
  EXPECT_FALSE(HasDuty(p, {"Ủy ban nhân dân huyện", "chu_tri", ""}));
  // The text as written stays beside the canonical name.
  bool kept_text = false;
  for (const Record* r : p.OfType("responsibility")) {
    if (r->fields["agency"] == "Trung tâm Truyền thông - Văn hóa" &&
        r->fields["agency_text"] == "Trung tâm Truyền thông - Văn hóa huyện") {
      kept_text = true;
    }
  }
  EXPECT_TRUE(kept_text);
}

TEST_F(SeedsResponsibilityTest, Seed000ProgramStructure) {
  const Processed p = Seed("000");
  std::map<std::string, bool> applies;
  for (const Section& s : p.seg.sections) {
    if (s.project) applies[*s.project] = s.applies.value_or(true);
  }
  const std::set<std::string> not_applying = {"du_an_1", "du_an_5", "du_an_4.tieu_du_an_2",
                                              "du_an_6.tieu_du_an_1"};
  for (const char* id :
       {"du_an_1", "du_an_2", "du_an_3", "du_an_3.tieu_du_an_1", "du_an_3.tieu_du_an_2", "du_an_4",
        "du_an_4.tieu_du_an_1", "du_an_4.tieu_du_an_2", "du_an_4.tieu_du_an_3", "du_an_5",
        "du_an_6", "du_an_6.tieu_du_an_1", "du_an_6.tieu_du_an_2", "du_an_7"}) {
    ASSERT_TRUE(applies.count(id)) << id;
    EXPECT_EQ(applies[id], !not_applying.count(id)) << id;
  }
}

TEST_F(SeedsResponsibilityTest, Seed000ReportDeadlines) {
  const Processed p = Seed("000");
  const Due dues[] = {
      {"2024-05-10", "Phòng Lao động - Thương binh và Xã hội", "báo cáo định kỳ"},
      {"2024-11-10", "Phòng Lao động - Thương binh và Xã hội", "báo cáo định kỳ"},
  };
  for (const Due& d : dues) EXPECT_TRUE(HasReport(p, d)) << d.due;
  std::set<std::string> reporters;
  for (const Record* r : p.OfType("report")) {
    if (r->fields["due"] == "2024-05-10") reporters.insert(r->fields["reporter"]);
  }
  EXPECT_EQ(reporters, (std::set<std::string>{"các cơ quan, đơn vị liên quan",
                                              "Ủy ban nhân dân các xã, thị trấn"}));
  // "nếu có khó khăn, vướng mắc ... kịp thời báo cáo UBND huyện" is no reporting duty.
  for (const Record* r : p.OfType("report")) {
    const std::string text = p.norm.text.substr(r->span.start, r->span.size());
    EXPECT_EQ(text.find("vướng mắc"), std::string::npos) << text;
  }
  // "Là cơ quan tổng hợp ... báo cáo UBND huyện, Ban Chỉ đạo ...": the Phòng reports to both;
  // the Ban Chỉ đạo after "báo cáo" is a recipient, not a reporter.
  for (const Record* r : p.OfType("report")) {
    EXPECT_NE(r->fields["reporter"], "Ban Chỉ đạo các Chương trình mục tiêu quốc gia");
  }
}

TEST_F(SeedsResponsibilityTest, Seed001WhoChairsWhat) {
  const Processed p = Seed("001");
  const Duty duties[] = {
      {"Phòng Kinh tế và Hạ tầng", "chu_tri", "du_an_5"},
      {"Phòng Văn hóa và Thông tin", "chu_tri", "du_an_6.tieu_du_an_1"},
      {"Phòng Văn hóa và Thông tin", "chu_tri", "du_an_6.tieu_du_an_2"},
      {"Trung tâm Dịch vụ Nông nghiệp", "chu_tri", "du_an_3.tieu_du_an_1"},
      {"Trung tâm Dịch vụ Nông nghiệp", "phoi_hop", "du_an_2"},
      {"Phòng Nông nghiệp và Phát triển nông thôn", "phoi_hop", "du_an_3.tieu_du_an_1"},
      {"Phòng Lao động - Thương binh và Xã hội", "phoi_hop", "du_an_4"},
      {"Phòng Nội vụ", "chu_tri", "du_an_6.tieu_du_an_2"},
      {"Trung tâm Y tế", "de_nghi", "du_an_3.tieu_du_an_2"},
      {"Trung tâm Y tế", "chu_tri", "du_an_3.tieu_du_an_2"},
      {"Ngân hàng Chính sách xã hội", "chu_tri", ""},
      {"Ủy ban Mặt trận Tổ quốc Việt Nam", "de_nghi", ""},
      {"Ủy ban nhân dân các xã, thị trấn", "thuc_hien", ""},
  };
  for (const Duty& d : duties) {
    EXPECT_TRUE(HasDuty(p, d)) << d.agency << " " << d.role << " " << d.project;
  }
}

TEST_F(SeedsResponsibilityTest, Seed001ReportDeadlinesTakeTheDocumentYear) {
  const Processed p = Seed("001");
  const Due dues[] = {
      {"2024-06-10", "Phòng Lao động - Thương binh và Xã hội", "báo cáo 6 tháng"},
      {"2024-11-10", "Phòng Lao động - Thương binh và Xã hội", "báo cáo năm"},
  };
  for (const Due& d : dues) EXPECT_TRUE(HasReport(p, d)) << d.due;
}

TEST_F(SeedsResponsibilityTest, Seed002ThirteenAgenciesWithTheirRoles) {
  const Processed p = Seed("002");
  const std::map<std::string, std::set<std::string>> want = {
      {"Sở Lao động - Thương binh và Xã hội",
       {"tham_muu", "chu_tri", "phoi_hop", "tong_hop", "thuong_truc"}},
      {"Sở Kế hoạch và Đầu tư", {"chu_tri"}},
      {"Sở Tài chính", {"tham_muu"}},
      {"Sở Nội vụ", {"chu_tri"}},
      {"Sở Giáo dục và Đào tạo", {"chu_tri", "tham_muu", "phoi_hop"}},
      {"Sở Y tế", {"chu_tri", "tham_muu"}},
      {"Sở Xây dựng", {"chu_tri", "phoi_hop"}},
      {"Sở Nông nghiệp và Phát triển nông thôn", {"chu_tri", "tham_muu", "thuc_hien"}},
      {"Sở Công Thương", {"phoi_hop"}},
      {"Sở Thông tin và Truyền thông", {"phoi_hop", "chu_tri"}},
      {"Ngân hàng Chính sách xã hội", {"phoi_hop"}},
      {"các tổ chức chính trị - xã hội", {"thuc_hien"}},
      {"Ủy ban nhân dân các huyện, thị xã, thành phố", {"thuc_hien", "chu_tri", "tham_muu"}},
  };
  // The items of "2. Nhiệm vụ cụ thể": each agency with the roles its own statements give it.
  std::map<std::string, std::set<std::string>> got;
  for (const Record* r : p.OfType("responsibility")) {
    if (r->section.rfind("VI.2.", 0) != 0) continue;
    if (r->rule.find(".partner.") != std::string::npos ||
        r->rule.find(".assign.") != std::string::npos) {
      continue;
    }
    got[r->fields["agency"]].insert(r->fields["role"].get<std::string>());
  }
  EXPECT_EQ(got.size(), 13u);
  for (const auto& [agency, roles] : want) {
    ASSERT_TRUE(got.count(agency)) << agency;
    for (const std::string& role : roles) EXPECT_TRUE(got[agency].count(role)) << agency << role;
  }
  // Partners named after "Chủ trì, phối hợp với" coordinate.
  EXPECT_TRUE(HasDuty(p, {"Sở Kế hoạch và Đầu tư", "phoi_hop", ""}));
  // "Giao Trung tâm dịch vụ việc làm tỉnh làm đầu mối ..." inside the Sở's item.
  EXPECT_TRUE(HasDuty(p, {"Trung tâm Dịch vụ việc làm", "thuc_hien", ""}));
}

TEST_F(SeedsResponsibilityTest, Seed002ReportsGoToTheSoThroughWhichTheyAreSent) {
  const Processed p = Seed("002");
  const char* so = "Sở Lao động - Thương binh và Xã hội";
  const Due dues[] = {
      {"2024-06-10", so, "báo cáo 6 tháng"},
      {"2024-09-10", so, "báo cáo 9 tháng"},
      {"2024-11-15", so, "báo cáo năm"},
  };
  for (const Due& d : dues) EXPECT_TRUE(HasReport(p, d)) << d.due;
  // Sectoral results without a deadline, each to the same Sở.
  std::set<std::string> reporters;
  for (const Record* r : p.OfType("report")) {
    if (r->fields["due"].is_null() && r->fields["recipient"] == so) {
      reporters.insert(r->fields["reporter"]);
    }
  }
  for (const char* a : {"Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng",
                        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Công Thương",
                        "Sở Thông tin và Truyền thông", "các tổ chức chính trị - xã hội"}) {
    EXPECT_TRUE(reporters.count(a)) << a;
  }
}

TEST_F(SeedsResponsibilityTest, EveryRecordPointsIntoTheText) {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const Processed p = Seed(seed);
    for (const Record& r : p.records) {
      if (r.type != "responsibility" && r.type != "report") continue;
      ASSERT_LE(r.span.end, p.norm.text.size()) << seed;
      ASSERT_LT(r.span.start, r.span.end) << seed;
      EXPECT_FALSE(r.rule.empty());
      if (r.type == "responsibility") {
        ASSERT_EQ(r.fields["tasks"].size(), 1u);
        EXPECT_EQ(r.fields["tasks"][0], p.norm.text.substr(r.span.start, r.span.size()));
      }
    }
  }
}

}  // namespace
}  // namespace vnplan
