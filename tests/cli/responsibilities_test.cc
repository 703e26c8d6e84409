// `vnplan responsibilities`: the agency × project matrix, run as the binary users run.
#include <cstdio>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace vnplan {
namespace {

// Runs the binary with `args`; returns its stdout and sets *rc to its exit code.
std::string RunVnplan(const std::string& args, int* rc) {
  const std::string cmd = std::string(VNPLAN_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

const std::string kPlan =
    std::string(VNPLAN_SOURCE_DIR) + "/corpus/responsibility/kh_vung_dtts_tinh_abbrev.txt";

TEST(ResponsibilitiesCommandTest, JsonHasTheMatrixTheStructureAndTheReports) {
  int rc = -1;
  const std::string out = RunVnplan("responsibilities --json " + kPlan, &rc);
  ASSERT_EQ(rc, 0) << out;
  const nlohmann::json doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["projects"].size(), 7u);
  bool found = false;
  for (const auto& a : doc["agencies"]) {
    if (a["agency"] != "Sở Nông nghiệp và Phát triển nông thôn") continue;
    found = true;
    EXPECT_EQ(a["roles"]["du_an_3.tieu_du_an_1"], nlohmann::json({"chu_tri"}));
    EXPECT_EQ(a["roles"]["du_an_3.tieu_du_an_2"], nlohmann::json({"chu_tri"}));
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(doc["reports"].size(), 5u);
}

TEST(ResponsibilitiesCommandTest, TextShowsProjectsAsPlansAbbreviateThem) {
  int rc = -1;
  const std::string out = RunVnplan("responsibilities " + kPlan, &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_NE(out.find("TDA1-DA5"), std::string::npos) << out;
  EXPECT_NE(out.find("Ban Dân tộc"), std::string::npos);
  EXPECT_NE(out.find("2025-06-20"), std::string::npos);
}

TEST(ResponsibilitiesCommandTest, MissingInputFails) {
  int rc = -1;
  RunVnplan("responsibilities /nonexistent/plan.txt", &rc);
  EXPECT_EQ(rc, 1);
}

}  // namespace
}  // namespace vnplan
