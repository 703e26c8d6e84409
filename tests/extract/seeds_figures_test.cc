// Amounts, quantities and dates of the seed plans (../shared/seeds), read through normalize,
// segment and extract as the pipeline reads them. The figures asserted here are the ones the
// issue names; the seeds' sentences stay in the seed files.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "figure_harness.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;
using testing_figures::Extracted;
using testing_figures::ExtractText;
using testing_figures::ReadFile;

Extracted RunSeed(const std::string& prefix) {
  for (const auto& e : fs::directory_iterator(VNPLAN_SEEDS_DIR)) {
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0)
      return ExtractText(ReadFile(e.path()));
  }
  ADD_FAILURE() << "no seed " << prefix;
  return {};
}

int64_t Vnd(const Record& r) { return r.fields["value_vnd"].get<int64_t>(); }

TEST(SeedsFiguresTest, Seed000BudgetAddsUp) {
  const Extracted x = RunSeed("000");
  std::map<std::string, int64_t> by_project;
  int64_t total = 0, central = 0, local = 0;
  for (const Record* r : x.OfType("amount")) {
    ASSERT_FALSE(r->fields["value_vnd"].is_null()) << x.TextOf(*r);
    const nlohmann::json& fund = r->fields["fund"];
    const nlohmann::json& project = r->fields["project"];
    if (Vnd(*r) == 15'555'250'000) total = Vnd(*r);
    if (project.is_null() && fund == "ngân sách trung ương") central = Vnd(*r);
    if (project.is_null() && fund == "ngân sách địa phương") local = Vnd(*r);
    if (fund.is_null() && project.is_string()) by_project[project.get<std::string>()] = Vnd(*r);
    if (!r->fields["year"].is_null()) {
      EXPECT_EQ(r->fields["year"], 2024) << x.TextOf(*r);
    }
  }
  EXPECT_EQ(total, 15'555'250'000);
  EXPECT_EQ(central, 15'089'000'000);
  EXPECT_EQ(local, 466'250'000);
  EXPECT_EQ(central + local, total);
  const std::map<std::string, int64_t> kAllocations = {{"du_an_2", 7'133'250'000},
                                                       {"du_an_3.tieu_du_an_1", 2'756'000'000},
                                                       {"du_an_3.tieu_du_an_2", 547'000'000},
                                                       {"du_an_4.tieu_du_an_1", 1'763'000'000},
                                                       {"du_an_4.tieu_du_an_3", 1'460'000'000},
                                                       {"du_an_6.tieu_du_an_2", 275'000'000},
                                                       {"du_an_7", 1'621'000'000}};
  EXPECT_EQ(by_project, kAllocations);
  int64_t sum = 0;
  for (const auto& [project, vnd] : by_project) sum += vnd;
  EXPECT_EQ(sum, total);
}

TEST(SeedsFiguresTest, Seed002AmountsAndFunds) {
  const Extracted x = RunSeed("002");
  std::map<int64_t, nlohmann::json> funds;
  for (const Record* r : x.OfType("amount")) funds[Vnd(*r)] = r->fields["fund"];
  ASSERT_EQ(funds.count(148'400'000'000), 1u);
  ASSERT_EQ(funds.count(83'800'000'000), 1u);
  ASSERT_EQ(funds.count(65'000'000'000), 1u);
  EXPECT_TRUE(funds[148'400'000'000].is_null());
  EXPECT_EQ(funds[83'800'000'000], "ngân sách nhà nước");
  EXPECT_EQ(funds[65'000'000'000], "vốn nhân dân đóng góp");
}

TEST(SeedsFiguresTest, Seed004FiveAmountsWithYears) {
  const Extracted x = RunSeed("004");
  std::vector<std::pair<int64_t, nlohmann::json>> got;
  for (const Record* r : x.OfType("amount")) got.push_back({Vnd(*r), r->fields["year"]});
  const std::vector<std::pair<int64_t, nlohmann::json>> kWant = {{100'000'000, nullptr},
                                                                 {10'000'000, 2022},
                                                                 {30'000'000, 2023},
                                                                 {30'000'000, 2024},
                                                                 {30'000'000, 2025}};
  EXPECT_EQ(got, kWant);
  EXPECT_EQ(x.OfType("amount")[0]->fields["project"], "du_an_7.tieu_du_an_2");
}

std::set<std::string> Deadlines(const Extracted& x) {
  std::set<std::string> out;
  for (const Record* r : x.OfType("date")) {
    if (r->fields["kind"] == "deadline" && r->fields["resolved"].is_string()) {
      out.insert(r->fields["resolved"].get<std::string>());
    }
  }
  return out;
}

TEST(SeedsFiguresTest, DeadlinesResolveWithTheDocumentYear) {
  const std::set<std::string> d002 = Deadlines(RunSeed("002"));
  for (const char* want : {"2024-06-10", "2024-09-10", "2024-11-15"}) {
    EXPECT_EQ(d002.count(want), 1u) << want;
  }
  const Extracted x001 = RunSeed("001");
  bool yearless = false;
  for (const Record* r : x001.OfType("date")) {
    if (r->fields["iso"] == "--06-10") {
      yearless = true;
      EXPECT_EQ(r->fields["kind"], "deadline");
      EXPECT_EQ(r->fields["resolved"], "2024-06-10");
    }
  }
  EXPECT_TRUE(yearless);
  // "Trước ngày 10/5/2024 và ngày 10/11/2024": the second date shares the deadline.
  const std::set<std::string> d000 = Deadlines(RunSeed("000"));
  EXPECT_EQ(d000, (std::set<std::string>{"2024-05-10", "2024-11-10"}));
}

TEST(SeedsFiguresTest, DateKinds) {
  const Extracted x = RunSeed("002");
  std::map<std::string, std::string> kind_of;
  for (const Record* r : x.OfType("date")) {
    kind_of[r->fields["iso"].get<std::string>()] = r->fields["kind"].get<std::string>();
  }
  EXPECT_EQ(kind_of["2024-01-23"], "issued");
  EXPECT_EQ(kind_of["2020-12-11"], "cited");  // Đề án số 10-ĐA/TU ngày 11/12/2020
  EXPECT_EQ(kind_of["2021/2025"], "period");
  const Extracted x000 = RunSeed("000");
  for (const Record* r : x000.OfType("date")) {
    if (r->fields["iso"] == "2022-01-18") {
      EXPECT_EQ(r->fields["kind"], "cited");
    }
  }
}

struct QuantityWant {
  const char* seed;
  const char* text;  // the record's text, spaces and line breaks folded
  double value;
  const char* comparator;
  const char* unit;
};

std::string Squash(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

TEST(SeedsFiguresTest, QuantitiesNamedInTheIssue) {
  const QuantityWant kWant[] = {
      {"000", "5%", 5, "=", "%"},
      {"001", "từ 0,2% đến 0,5%/năm", 0.2, "range", "%"},
      {"002", "4%/năm trở lên", 4, ">=", "%"},
      {"002", "khoảng 68,8%", 68.8, "about", "%"},
      {"000", "khoảng 2.000 lao động", 2000, "about", "lao động"},
      {"002", "hơn 1.800 nhà", 1800, ">", "nhà"},
      {"002", "khoảng 70 - 80 phiên", 70, "range", "phiên"},
      {"000", "trên 10%", 10, ">", "%"},
      {"000", "dưới 16%", 16, "<", "%"},
      {"000", "ít nhất 50%", 50, ">=", "%"},
  };
  std::map<std::string, Extracted> seeds;
  for (const QuantityWant& w : kWant) {
    if (!seeds.count(w.seed)) seeds[w.seed] = RunSeed(w.seed);
    const Extracted& x = seeds[w.seed];
    const Record* found = nullptr;
    for (const Record* r : x.OfType("quantity")) {
      if (Squash(x.TextOf(*r)) == w.text) found = r;
    }
    ASSERT_NE(found, nullptr) << w.seed << ": " << w.text;
    EXPECT_DOUBLE_EQ(found->fields["value"].get<double>(), w.value) << w.text;
    EXPECT_EQ(found->fields["comparator"], w.comparator) << w.text;
    EXPECT_EQ(found->fields["unit"], w.unit) << w.text;
  }
  const Extracted& s000 = seeds["000"];
  for (const Record* r : s000.OfType("quantity")) {
    if (Squash(s000.TextOf(*r)) == "5%") {
      EXPECT_EQ(r->fields["subject"], "tỷ lệ hộ nghèo");
    }
  }
  const Extracted& s001 = seeds["001"];
  for (const Record* r : s001.OfType("quantity")) {
    if (r->fields["comparator"] == "range") {
      EXPECT_EQ(r->fields["per"], "năm");
    }
  }
}

TEST(SeedsFiguresTest, FiguresNeverOverlapAndDatesAreReal) {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const Extracted x = RunSeed(seed);
    std::vector<const Record*> figures;
    for (const Record& r : x.records) {
      if (r.type == "amount" || r.type == "quantity" || r.type == "date") figures.push_back(&r);
      ASSERT_LE(r.span.end, x.text.size());
    }
    for (size_t i = 0; i < figures.size(); ++i) {
      for (size_t j = i + 1; j < figures.size(); ++j) {
        const Span a = figures[i]->span, b = figures[j]->span;
        EXPECT_FALSE(a.start < b.end && b.start < a.end)
            << seed << ": " << x.TextOf(*figures[i]) << " / " << x.TextOf(*figures[j]);
      }
    }
    for (const Record* r : x.OfType("date")) {
      EXPECT_FALSE(r->fields["iso"].get<std::string>().empty()) << x.TextOf(*r);
    }
  }
}

TEST(SeedsFiguresTest, UnaccentedTextGivesTheSameSums) {
  const fs::path seed = [] {
    for (const auto& e : fs::directory_iterator(VNPLAN_SEEDS_DIR)) {
      if (e.path().filename().string().rfind("000_", 0) == 0) return e.path();
    }
    return fs::path();
  }();
  const Extracted plain = ExtractText(ReadFile(seed));
  const Extracted folded = ExtractText(FoldDiacritics(ReadFile(seed)).text);
  std::multiset<int64_t> a, b;
  for (const Record* r : plain.OfType("amount")) a.insert(Vnd(*r));
  for (const Record* r : folded.OfType("amount")) b.insert(Vnd(*r));
  EXPECT_EQ(a, b);
  for (const Record* r : folded.OfType("amount")) {
    if (Vnd(*r) == 15'089'000'000) {
      EXPECT_EQ(r->fields["fund"], "ngan sach trung uong");
    }
  }
}

}  // namespace
}  // namespace vnplan
