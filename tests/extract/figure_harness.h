// Test helper for the figure extractors: a text through normalize, segment and extract with the
// rules of rules/amount, rules/quantity and rules/date only (so that these tests speak for those
// topics whatever the state of the others).
#ifndef VNPLAN_TESTS_EXTRACT_FIGURE_HARNESS_H_
#define VNPLAN_TESTS_EXTRACT_FIGURE_HARNESS_H_

#include <cstdlib>
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

namespace vnplan::testing_figures {

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const RuleBook& FigureBook() {
  static const RuleBook* book = [] {
    std::vector<RuleFile> files;
    for (const char* topic : {"amount", "quantity", "date"}) {
      const auto dir = std::filesystem::path(VNPLAN_SOURCE_DIR) / "rules" / topic;
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".yaml") {
          files.push_back({topic, e.path().string(), ReadFile(e.path())});
        }
      }
    }
    StatusOr<RuleBook> b = RuleBook::FromFiles(files);
    if (!b.ok()) {
      ADD_FAILURE() << b.status().ToString();
      std::abort();
    }
    return new RuleBook(std::move(b.value()));
  }();
  return *book;
}

struct Extracted {
  std::string text;  // normalized
  Records records;
  Diagnostics diagnostics;

  std::vector<const Record*> OfType(std::string_view type) const {
    std::vector<const Record*> out;
    for (const Record& r : records) {
      if (r.type == type) out.push_back(&r);
    }
    return out;
  }
  std::string TextOf(const Record& r) const {
    return text.substr(r.span.start, r.span.end - r.span.start);
  }
  // The first record of `type` whose text is `text`, or nullptr.
  const Record* Find(std::string_view type, std::string_view text_of) const {
    for (const Record* r : OfType(type)) {
      if (TextOf(*r) == text_of) return r;
    }
    return nullptr;
  }
};

inline Extracted ExtractText(std::string_view source) {
  static const SectionKinds* kinds = [] {
    StatusOr<SectionKinds> k = SectionKinds::Builtin();
    if (!k.ok()) std::abort();
    return new SectionKinds(std::move(k.value()));
  }();
  const NormalizedText norm = Normalize(source);
  const Segmented seg = Segment(norm, *kinds);
  Extracted out;
  out.text = norm.text;
  ExtractContext ctx{norm, seg, std::nullopt};
  out.records = Extract(FigureBook(), ctx, &out.diagnostics);
  return out;
}

}  // namespace vnplan::testing_figures

#endif  // VNPLAN_TESTS_EXTRACT_FIGURE_HARNESS_H_
