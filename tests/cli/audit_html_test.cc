// `vnplan audit` as users run it: findings streamed document by document, and the --html report
// page with findings of every kind included.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

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

// Findings come as the batch goes: each document's own, then its cross-document ones (a later
// document dating a citation otherwise than the first one to cite it), before the next
// document's. Not all cross-document findings at the end.
TEST(AuditOutputTest, EachDocumentsFindingsComeTogetherItsCrossDocumentOnesLast) {
  int rc = -1;
  const std::string out = RunAudit(kAuditCorpus + " --json", &rc);
  EXPECT_EQ(rc, 1);
  std::vector<std::string> docs;  // each document id once, in the order its run of lines began
  std::map<std::string, std::vector<bool>> cross;  // by document: each line, cross or not
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json f = nlohmann::json::parse(line);
    const std::string doc = f["doc"].get<std::string>();
    if (docs.empty() || docs.back() != doc) {
      EXPECT_EQ(cross.count(doc), 0u) << "findings of " << doc << " split by another document's";
      docs.push_back(doc);
    }
    cross[doc].push_back(f["message"].get<std::string>().find(" in document ") !=
                         std::string::npos);
  }
  ASSERT_EQ(docs.size(), 2u);  // faults_planted and registry_outdated; faults_control has none
  size_t total_cross = 0;
  for (const auto& [doc, is_cross] : cross) {
    EXPECT_TRUE(std::is_partitioned(is_cross.begin(), is_cross.end(), [](bool c) { return !c; }))
        << doc << ": a finding of its own after a cross-document one";
    total_cross += std::count(is_cross.begin(), is_cross.end(), true);
  }
  EXPECT_EQ(total_cross, 4u);
}

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
