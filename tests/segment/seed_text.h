// Test helper: a seed document (../shared/seeds/NNN_*.txt) or a corpus document, read through
// ingest and normalize as the pipeline reads it, and segmented with the built-in kinds table.
#ifndef VNPLAN_TESTS_SEGMENT_SEED_TEXT_H_
#define VNPLAN_TESTS_SEGMENT_SEED_TEXT_H_

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace vnplan::testing {

struct SegmentedDoc {
  NormalizedText norm;
  Segmented seg;

  const Section* Find(std::string_view id) const {
    for (const Section& s : seg.sections) {
      if (s.id == id) return &s;
    }
    return nullptr;
  }
  std::vector<const Section*> Level(int level) const {
    std::vector<const Section*> out;
    for (const Section& s : seg.sections) {
      if (s.level == level) out.push_back(&s);
    }
    return out;
  }
  std::vector<const Section*> ChildrenOf(std::string_view id) const {
    std::vector<const Section*> out;
    for (const Section& s : seg.sections) {
      if (s.parent == id) out.push_back(&s);
    }
    return out;
  }
  // Sections under `id` at any depth.
  std::vector<const Section*> DescendantsOf(std::string_view id) const {
    std::vector<const Section*> out;
    const std::string prefix = std::string(id) + ".";
    for (const Section& s : seg.sections) {
      if (s.id.starts_with(prefix)) out.push_back(&s);
    }
    return out;
  }
};

inline const SectionKinds& BuiltinKinds() {
  static const SectionKinds* kinds = [] {
    StatusOr<SectionKinds> k = SectionKinds::Builtin();
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    return new SectionKinds(std::move(k).value());
  }();
  return *kinds;
}

inline SegmentedDoc SegmentFile(const std::string& path) {
  SegmentedDoc d;
  StatusOr<Document> doc = ReadDocument(path, {});
  EXPECT_TRUE(doc.ok()) << path << ": " << doc.status().ToString();
  if (!doc.ok()) return d;
  d.norm = Normalize(doc->text);
  d.seg = Segment(d.norm, BuiltinKinds());
  return d;
}

inline SegmentedDoc SegmentText(std::string_view text) {
  SegmentedDoc d;
  d.norm = Normalize(text);
  d.seg = Segment(d.norm, BuiltinKinds());
  return d;
}

// The seed whose file name starts with `prefix` ("002").
inline std::string SeedPath(const std::string& prefix) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(VNPLAN_SEEDS_DIR, ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(prefix + "_") && name.ends_with(".txt")) return e.path().string();
  }
  ADD_FAILURE() << "no seed " << prefix << " in " << VNPLAN_SEEDS_DIR;
  return "";
}

// Checks what must hold for any segmentation: unique ids, parents before children, extents that
// nest and come in document order, Innermost finding each heading's own section.
inline void ExpectWellFormed(const SegmentedDoc& d, const std::string& what) {
  std::set<std::string> ids;
  size_t last_start = 0;
  for (const Section& s : d.seg.sections) {
    EXPECT_TRUE(ids.insert(s.id).second) << what << ": repeated id " << s.id;
    if (!s.parent.empty()) {
      const Section* p = d.Find(s.parent);
      ASSERT_NE(p, nullptr) << what << ": " << s.id << " has no parent " << s.parent;
      EXPECT_EQ(s.level, p->level + 1) << what << ": " << s.id;
      EXPECT_TRUE(p->extent.Contains(s.extent)) << what << ": " << s.id << " outside " << p->id;
    } else {
      EXPECT_LE(s.level, 1) << what << ": " << s.id;
    }
    EXPECT_GE(s.extent.start, last_start) << what << ": " << s.id << " out of order";
    last_start = s.extent.start;
    EXPECT_LE(s.extent.end, d.norm.text.size()) << what << ": " << s.id;
    EXPECT_TRUE(s.extent.Contains(s.heading_span) || s.heading_span.end > s.extent.end)
        << what << ": " << s.id;
    const Section* inner = d.seg.Innermost(s.heading_span.start);
    ASSERT_NE(inner, nullptr) << what << ": " << s.id;
    EXPECT_EQ(inner->id, s.id) << what;
  }
}

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_SEGMENT_SEED_TEXT_H_
