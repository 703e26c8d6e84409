// Shared by the responsibility and report tests: runs normalize, segment and extract over a text
// with the rule topics of agencies, responsibilities and reports read from the source tree.
#ifndef VNPLAN_TESTS_EXTRACT_DUTY_TEST_UTIL_H_
#define VNPLAN_TESTS_EXTRACT_DUTY_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "rules/rules.h"
#include "segment/segment.h"

namespace vnplan::testing_duty {

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The rule files of the topics these tests exercise, as the source tree holds them.
inline StatusOr<RuleBook> DutyRules() {
  std::vector<RuleFile> files;
  const std::filesystem::path root = std::filesystem::path(VNPLAN_SOURCE_DIR) / "rules";
  for (const char* topic : {"agencies", "responsibility", "report"}) {
    for (const auto& e : std::filesystem::directory_iterator(root / topic)) {
      if (e.path().extension() != ".yaml") continue;
      files.push_back({topic, e.path().string(), ReadFile(e.path())});
    }
  }
  return RuleBook::FromFiles(files);
}

// One document through every stage up to extract.
struct Processed {
  NormalizedText norm;
  Segmented seg;
  Records records;

  std::vector<const Record*> OfType(std::string_view type) const {
    std::vector<const Record*> out;
    for (const Record& r : records) {
      if (r.type == type) out.push_back(&r);
    }
    return out;
  }
};

inline Processed Process(const RuleBook& rules, std::string_view text) {
  static const StatusOr<SectionKinds> kinds = SectionKinds::Builtin();
  Processed p;
  p.norm = Normalize(text);
  p.seg = Segment(p.norm, *kinds);
  Diagnostics diags;
  p.records = Extract(rules, ExtractContext{p.norm, p.seg, std::nullopt}, &diags);
  return p;
}

// The seed file whose name starts with `prefix` ("000").
inline std::string SeedText(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(VNPLAN_SEEDS_DIR)) {
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) return ReadFile(e.path());
  }
  return "";
}

}  // namespace vnplan::testing_duty

#endif  // VNPLAN_TESTS_EXTRACT_DUTY_TEST_UTIL_H_
