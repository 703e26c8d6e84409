// Inputs that broke vnplan, replayed. Each file here is named TARGET-NAME, TARGET being the fuzz
// target that found it (decode, normalize, segment, extract, rules: tests/fuzz/fuzz_checks.h),
// and has a test below named after it that runs the target's check on it: no crash, no leak, no
// exception, every invariant held. tools/fuzz also feeds these files back to the fuzzers as
// seeds. A new file without its own test fails EveryInputHasItsTest.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "fuzz/fuzz_checks.h"

namespace vnplan::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(VNPLAN_SOURCE_DIR) / "tests" / "regressions";

std::set<std::string>& Named() {
  static std::set<std::string> names;
  return names;
}

// Runs the check of the file's target on its bytes.
void Replay(const std::string& file) {
  std::ifstream in(kDir / file, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << (kDir / file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string target = file.substr(0, file.find('-'));
  CheckFn check = CheckFor(target);
  ASSERT_NE(check, nullptr) << file << ": unknown target " << target;
  EXPECT_EQ(check(ss.str()), "") << file;
}

// REGRESSION(TestName, "target-file"): the test replaying one input.
#define REGRESSION(name, file)                           \
  const bool name##_named = Named().insert(file).second; \
  TEST(Regression, name) { Replay(file); }

// A UTF-16 file gone out of step (CJK garbage after "Nghị quyết số 15/NQ-HĐND ... về dự t"):
// the citation's tail was cut 600 bytes on, inside a 3-byte character, and emit refused the
// record, which stopped the whole batch with exit 2. Fixed in ClauseEnd (extract).
REGRESSION(ExtractTailCutInACharacter, "extract-tail-cut-in-a-character")

TEST(Regression, EveryInputHasItsTest) {
  for (const auto& e : fs::directory_iterator(kDir)) {
    const std::string name = e.path().filename().string();
    if (name.ends_with(".cc") || name.ends_with(".md")) continue;
    EXPECT_TRUE(Named().count(name)) << name << " has no REGRESSION(...) test";
    EXPECT_NE(CheckFor(name.substr(0, name.find('-'))), nullptr) << name;
  }
}

}  // namespace
}  // namespace vnplan::fuzz
