// Pipeline::ProcessMany, which Run uses on groups of documents: each document comes out as
// Process alone makes it, whatever else is in the group.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"
#include "processed.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

// Everything a processed document carries, as one JSON value to compare.
nlohmann::json Everything(const ProcessedDocument& d) {
  nlohmann::json j = {{"path", d.doc.path}, {"failed", d.failed}, {"format", d.format}};
  for (const Record& r : d.records) {
    j["records"].push_back({r.type, r.span.start, r.span.end, r.rule, r.section, r.fields});
  }
  for (const Diagnostic& g : d.diagnostics) j["diagnostics"].push_back({g.code, g.message});
  return j;
}

std::vector<std::string> Inputs() {
  std::vector<std::string> paths;
  for (const char* dir : {VNPLAN_SOURCE_DIR "/corpus", VNPLAN_SEEDS_DIR}) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST(ProcessManyTest, EachDocumentAsProcessAloneMakesIt) {
  const Pipeline* p = testing_pipeline::SharedPipeline();
  ASSERT_NE(p, nullptr);
  const std::vector<std::string> paths = Inputs();
  ASSERT_GT(paths.size(), 25u);  // corpus/ (every format and encoding) and the seeds
  std::vector<Document> group;
  std::vector<nlohmann::json> alone;
  for (const std::string& path : paths) {
    StatusOr<Document> doc = ReadDocument(path, {});
    ASSERT_TRUE(doc.ok()) << path;
    alone.push_back(Everything(p->Process(*doc)));
    group.push_back(std::move(doc).value());
  }
  // A document the pipeline refuses (binary) among them changes nothing for the others.
  Document binary = group.front();
  binary.binary = true;
  group.insert(group.begin() + group.size() / 2, binary);
  std::vector<ProcessedDocument> together = p->ProcessMany(std::move(group));
  ASSERT_EQ(together.size(), paths.size() + 1);
  EXPECT_TRUE(together[paths.size() / 2].failed);
  together.erase(together.begin() + paths.size() / 2);
  size_t records = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(Everything(together[i]), alone[i]) << paths[i];
    records += together[i].records.size();
  }
  EXPECT_GT(records, 1000u);
  EXPECT_TRUE(p->ProcessMany({}).empty());
}

}  // namespace
}  // namespace vnplan
