// The fuzz checks over the fuzzers' seeds, in every build: each document of corpus/ (and of the
// seeds, when present) passes the decode, normalize, segment and extract checks; each rule file
// of rules/ passes the rule-file check. A failure here is an invariant broken by a real text.
#include "fuzz/fuzz_checks.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace vnplan::fuzz {
namespace {

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> FilesUnder(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FuzzChecks, UnknownTargetHasNoCheck) {
  EXPECT_NE(CheckFor("decode"), nullptr);
  EXPECT_NE(CheckFor("rules"), nullptr);
  EXPECT_EQ(CheckFor("nonsense"), nullptr);
}

TEST(FuzzChecks, EmptyInputPassesEveryCheck) {
  for (const char* target : {"decode", "normalize", "segment", "extract", "rules"}) {
    EXPECT_EQ(CheckFor(target)(""), "") << target;
  }
}

TEST(FuzzChecks, EveryCorpusDocumentPassesTheDocumentChecks) {
  std::vector<fs::path> docs = FilesUnder(fs::path(VNPLAN_SOURCE_DIR) / "corpus", ".txt");
  ASSERT_GE(docs.size(), 20u);
  for (const fs::path& p : docs) {
    const std::string bytes = Slurp(p);
    for (const char* target : {"decode", "normalize", "segment", "extract"}) {
      EXPECT_EQ(CheckFor(target)(bytes), "") << target << " on " << p;
    }
  }
}

TEST(FuzzChecks, EverySeedPassesTheDocumentChecks) {
  std::vector<fs::path> docs = FilesUnder(VNPLAN_SEEDS_DIR, ".txt");
  if (docs.empty()) GTEST_SKIP() << "no seeds at " << VNPLAN_SEEDS_DIR;
  for (const fs::path& p : docs) {
    const std::string bytes = Slurp(p);
    for (const char* target : {"decode", "normalize", "segment"}) {
      EXPECT_EQ(CheckFor(target)(bytes), "") << target << " on " << p;
    }
  }
}

TEST(FuzzChecks, EveryRuleFilePassesTheRuleFileCheck) {
  std::vector<fs::path> files = FilesUnder(fs::path(VNPLAN_SOURCE_DIR) / "rules", ".yaml");
  ASSERT_GE(files.size(), 10u);
  for (const fs::path& p : files) EXPECT_EQ(CheckRuleFile(Slurp(p)), "") << p;
}

// Broken rule files are refused with a Status: nothing throws or crashes.
TEST(FuzzChecks, MalformedRuleFilesAreRefusedNotCrashed) {
  for (const char* yaml : {"- id: x\n  pattern: '('\n", "[", "- {id: a, pattern: a{1000}{1000}}",
                           "- id: a\n  pattern: a\n  bogus: 1\n", "{}", "\xff\xfe"}) {
    EXPECT_EQ(CheckRuleFile(yaml), "") << yaml;
  }
}

}  // namespace
}  // namespace vnplan::fuzz
