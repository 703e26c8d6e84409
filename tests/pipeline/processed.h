// Test helpers of the pipeline stage: one shared Pipeline (built-in rules, audit on) and small
// accessors over a processed document's records.
#ifndef VNPLAN_TESTS_PIPELINE_PROCESSED_H_
#define VNPLAN_TESTS_PIPELINE_PROCESSED_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace vnplan::testing_pipeline {

// Built once per test binary; every test reads it. Fails the calling test when the built-in
// rules do not load.
inline const Pipeline* SharedPipeline() {
  static const std::unique_ptr<Pipeline> kPipeline = [] {
    PipelineOptions options;
    options.jobs = 1;
    options.run_audit = true;
    StatusOr<std::unique_ptr<Pipeline>> p = Pipeline::Create(options);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? std::move(p).value() : nullptr;
  }();
  return kPipeline.get();
}

// The records of `type`, in the order the pipeline gives them (source order).
inline std::vector<const Record*> OfType(const ProcessedDocument& doc, std::string_view type) {
  std::vector<const Record*> out;
  for (const Record& r : doc.records) {
    if (r.type == type) out.push_back(&r);
  }
  return out;
}

// The exact source bytes a record's span covers.
inline std::string SourceText(const ProcessedDocument& doc, const Record& r) {
  const size_t start = std::min(r.span.start, doc.doc.text.size());
  const size_t end = std::min(std::max(r.span.end, start), doc.doc.text.size());
  return doc.doc.text.substr(start, end - start);
}

// 1-based line of a record's start in the source.
inline size_t LineOf(const ProcessedDocument& doc, const Record& r) {
  const size_t start = std::min(r.span.start, doc.doc.text.size());
  size_t line = 1;
  for (size_t i = 0; i < start; ++i) line += doc.doc.text[i] == '\n';
  return line;
}

// A string field, or "" when it is absent or not a string.
inline std::string Field(const Record& r, const char* name) {
  auto it = r.fields.find(name);
  return it != r.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace vnplan::testing_pipeline

#endif  // VNPLAN_TESTS_PIPELINE_PROCESSED_H_
