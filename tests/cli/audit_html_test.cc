// `vnplan audit --html`: the report page as users get it, findings of every kind included.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace vnplan {
namespace {

std::string RunAudit(const std::string& args, int* rc) {
  const std::string cmd = std::string(VNPLAN_BINARY) + " audit " + args + " 2>/dev/null";
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

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

std::filesystem::path Fresh(const char* name) {
  auto dir = std::filesystem::path(::testing::TempDir()) / "vnplan_audit_html" / name;
  std::filesystem::remove_all(dir);
  return dir;
}

const std::string kAuditCorpus = std::string(VNPLAN_SOURCE_DIR) + "/corpus/audit --glob '*.txt'";

// The page lists what the terminal lists: every finding, the cross-document ones included.
TEST(AuditHtmlTest, PageHoldsEveryFindingTheCommandPrints) {
  const auto page_path = Fresh("every") / "nested" / "report.html";
  int rc = -1;
  const std::string out = RunAudit(kAuditCorpus + " --json --html " + page_path.string(), &rc);
  EXPECT_EQ(rc, 1);  // the planted faults include errors
  std::ifstream in(page_path);
  ASSERT_TRUE(in) << "no page at " << page_path;
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t findings = 0, cross = 0;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json f = nlohmann::json::parse(line);
    ++findings;
    if (f["message"].get<std::string>().find(" in document ") != std::string::npos) ++cross;
    EXPECT_NE(page.find(">" + f["code"].get<std::string>() + "</span>"), std::string::npos);
  }
  EXPECT_GT(findings, 5u);
  EXPECT_GT(cross, 0u);  // faults_planted and faults_control cite one document differently
  EXPECT_EQ(Count(page, "<li id=\"f"), findings);
  size_t cross_items = 0;
  for (size_t at = page.find("<li id=\"f"); at != std::string::npos;
       at = page.find("<li id=\"f", at + 1)) {
    const size_t end = page.find('"', at + 9);
    if (page.substr(at, end - at).find("-c") != std::string::npos) ++cross_items;
  }
  EXPECT_EQ(cross_items, cross);
}

TEST(AuditHtmlTest, FiltersApplyToThePage) {
  const auto page_path = Fresh("filters") / "report.html";
  int rc = -1;
  RunAudit(kAuditCorpus + " --min-severity error --html " + page_path.string(), &rc);
  EXPECT_EQ(rc, 1);
  std::ifstream in(page_path);
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_GT(Count(page, "<li id=\"f"), 0u);
  EXPECT_EQ(Count(page, "<li id=\"f"), Count(page, "class=\"sev-error\">"));  // errors only
}

TEST(AuditHtmlTest, UnwritablePageIsAFailureBeforeAnyWork) {
  int rc = -1;
  const auto blocker = Fresh("unwritable");
  std::filesystem::create_directories(blocker);
  std::ofstream(blocker / "file") << "x";
  RunAudit(kAuditCorpus + " --html " + (blocker / "file" / "report.html").string(), &rc);
  EXPECT_EQ(rc, 2);
}

}  // namespace
}  // namespace vnplan
