// Golden test: every corpus document whose expect file lists `responsibilities` or `reports`
// (corpus/**/NAME.expect.yaml beside NAME.txt) gives exactly those, through normalize, segment
// and extract.
//
//   responsibilities: every (agency, role) of the plan, with all the projects of that role
//     - {agency: "Sở Y tế", role: chu_tri, projects: [du_an_3.tieu_du_an_2]}
//   reports: every reporting duty; `due: null` for one without a deadline
//     - {reporter: "Sở Y tế", recipient: "Sở Lao động - Thương binh và Xã hội", due: 2025-06-10,
//        what: "báo cáo 6 tháng"}
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "duty_test_util.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> DutyExpectFiles() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(fs::path(VNPLAN_SOURCE_DIR) / "corpus", ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.ends_with(".expect.yaml")) continue;
    const std::string text = testing_duty::ReadFile(it->path());
    if (text.find("\nresponsibilities:") != std::string::npos ||
        text.find("\nreports:") != std::string::npos) {
      out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Duties = std::map<std::pair<std::string, std::string>, std::set<std::string>>;
using Reports = std::multiset<std::tuple<std::string, std::string, std::string, std::string>>;

std::string Str(const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : ""; }
std::string Str(const YAML::Node& n) { return !n || n.IsNull() ? "" : n.as<std::string>(); }

class CorpusResponsibilityTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(CorpusResponsibilityTest, GivesExactlyTheExpectedDuties) {
  const fs::path expect_path = GetParam();
  std::string stem = expect_path.filename().string();
  stem.resize(stem.size() - std::string_view(".expect.yaml").size());
  const fs::path text_path = expect_path.parent_path() / (stem + ".txt");
  ASSERT_TRUE(fs::exists(text_path)) << text_path;
  const YAML::Node expect = YAML::LoadFile(expect_path.string());

  StatusOr<RuleBook> book = testing_duty::DutyRules();
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  const testing_duty::Processed p = testing_duty::Process(*book, testing_duty::ReadFile(text_path));

  if (expect["responsibilities"]) {
    Duties want, got;
    for (const YAML::Node& n : expect["responsibilities"]) {
      std::set<std::string>& projects = want[{Str(n["agency"]), Str(n["role"])}];
      for (const YAML::Node& pr : n["projects"]) projects.insert(pr.as<std::string>());
    }
    for (const Record* r : p.OfType("responsibility")) {
      std::set<std::string>& projects = got[{Str(r->fields["agency"]), Str(r->fields["role"])}];
      for (const auto& pr : r->fields["projects"]) projects.insert(pr.get<std::string>());
    }
    for (const auto& [key, projects] : want) {
      auto it = got.find(key);
      if (it == got.end()) {
        ADD_FAILURE() << "missing: " << key.first << " " << key.second;
        continue;
      }
      EXPECT_EQ(it->second, projects) << key.first << " " << key.second;
    }
    for (const auto& [key, projects] : got) {
      EXPECT_TRUE(want.count(key)) << "unexpected: " << key.first << " " << key.second;
    }
  }
  if (expect["reports"]) {
    Reports want, got;
    for (const YAML::Node& n : expect["reports"]) {
      want.insert({Str(n["reporter"]), Str(n["recipient"]), Str(n["due"]), Str(n["what"])});
    }
    for (const Record* r : p.OfType("report")) {
      got.insert({Str(r->fields["reporter"]), Str(r->fields["recipient"]), Str(r->fields["due"]),
                  Str(r->fields["what"])});
    }
    for (const auto& w : want) {
      EXPECT_TRUE(got.count(w)) << "missing report: " << std::get<0>(w) << " -> " << std::get<1>(w)
                                << " " << std::get<2>(w) << " " << std::get<3>(w);
    }
    for (const auto& g : got) {
      EXPECT_TRUE(want.count(g)) << "unexpected report: " << std::get<0>(g) << " -> "
                                 << std::get<1>(g) << " " << std::get<2>(g) << " "
                                 << std::get<3>(g);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusResponsibilityTest, ::testing::ValuesIn(DutyExpectFiles()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.parent_path().filename().string() + "_" +
                                              info.param.filename().string();
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace vnplan
