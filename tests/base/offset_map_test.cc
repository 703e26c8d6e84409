#include "base/offset_map.h"

#include <algorithm>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace vnplan {
namespace {

// An edit script, the way a stage would feed a Builder, and a brute-force model of it: for every
// output byte, the half-open input range it came from (nullopt for inserted bytes).
struct Op {
  enum Kind { kCopy, kReplace } kind;
  size_t in_len;
  size_t out_len;
};

using Provenance = std::vector<std::optional<std::pair<size_t, size_t>>>;

struct Model {
  Provenance bytes;
  size_t in_size = 0;
};

OffsetMap BuildMap(const std::vector<Op>& ops) {
  OffsetMap::Builder b;
  for (const Op& op : ops) {
    if (op.kind == Op::kCopy) {
      b.Copy(op.in_len);
    } else {
      b.Replace(op.in_len, op.out_len);
    }
  }
  return std::move(b).Build();
}

Model BuildModel(const std::vector<Op>& ops) {
  Model m;
  for (const Op& op : ops) {
    if (op.kind == Op::kCopy) {
      for (size_t i = 0; i < op.in_len; ++i)
        m.bytes.push_back(std::make_pair(m.in_size + i, m.in_size + i + 1));
    } else {
      for (size_t i = 0; i < op.out_len; ++i) {
        if (op.in_len == 0) {
          m.bytes.push_back(std::nullopt);
        } else {
          m.bytes.push_back(std::make_pair(m.in_size, m.in_size + op.in_len));
        }
      }
    }
    m.in_size += op.in_len;
  }
  return m;
}

// What `second` then `first` make of each byte: the hull of the input of every byte it came from.
Model ComposeModels(const Model& first, const Model& second) {
  Model m;
  m.in_size = first.in_size;
  for (const auto& via : second.bytes) {
    std::optional<std::pair<size_t, size_t>> hull;
    if (via) {
      for (size_t b = via->first; b < via->second; ++b) {
        const auto& p = first.bytes[b];
        if (!p) continue;
        if (!hull) {
          hull = *p;
        } else {
          hull->first = std::min(hull->first, p->first);
          hull->second = std::max(hull->second, p->second);
        }
      }
    }
    m.bytes.push_back(hull);
  }
  return m;
}

// The span rules of offset_map.h, evaluated on the model.
size_t ModelStart(const Model& m, size_t o) {
  for (size_t i = o; i < m.bytes.size(); ++i) {
    if (m.bytes[i]) return m.bytes[i]->first;
  }
  return m.in_size;
}

Span ModelSpan(const Model& m, Span s) {
  const size_t start = ModelStart(m, s.start);
  size_t end = start;
  for (size_t i = s.start; i < s.end; ++i) {
    if (m.bytes[i]) end = std::max(end, m.bytes[i]->second);
  }
  return {start, end};
}

std::vector<Op> RandomScript(std::mt19937* rng, size_t max_ops) {
  std::uniform_int_distribution<int> kind(0, 5);
  std::uniform_int_distribution<size_t> len(0, 4);
  std::uniform_int_distribution<size_t> count(0, max_ops);
  std::vector<Op> ops;
  const size_t n = count(*rng);
  for (size_t i = 0; i < n; ++i) {
    switch (kind(*rng)) {
      case 0:
      case 1:
      case 2: ops.push_back({Op::kCopy, len(*rng) + 1, 0}); break;
      case 3:
        ops.push_back({Op::kReplace, len(*rng), 0});  // a deletion
        break;
      case 4:
        ops.push_back({Op::kReplace, 0, len(*rng) + 1});  // an insertion
        break;
      default: ops.push_back({Op::kReplace, len(*rng), len(*rng)}); break;
    }
  }
  return ops;
}

// A script whose input size is `in_size`: random, then padded or cut to fit.
std::vector<Op> RandomScriptWithInput(std::mt19937* rng, size_t in_size, size_t max_ops) {
  std::vector<Op> ops;
  size_t have = 0;
  for (const Op& op : RandomScript(rng, max_ops)) {
    if (have + op.in_len > in_size) break;
    ops.push_back(op);
    have += op.in_len;
  }
  if (have < in_size) ops.push_back({Op::kCopy, in_size - have, 0});
  return ops;
}

void ExpectSameSpans(const OffsetMap& map, const Model& model, const char* what) {
  ASSERT_EQ(map.output_size(), model.bytes.size()) << what;
  ASSERT_EQ(map.input_size(), model.in_size) << what;
  for (size_t s = 0; s <= model.bytes.size(); ++s) {
    for (size_t e = s; e <= model.bytes.size(); ++e) {
      ASSERT_EQ(map.MapSpan({s, e}), ModelSpan(model, {s, e}))
          << what << " span [" << s << ", " << e << ")";
    }
  }
}

TEST(OffsetMapTest, HeaderExample) {
  OffsetMap::Builder b;
  b.Copy(6);
  b.Replace(3, 2);
  b.Delete(2);
  b.Insert(1);
  EXPECT_EQ(b.input_pos(), 11u);
  EXPECT_EQ(b.output_pos(), 9u);
  OffsetMap m = std::move(b).Build();
  EXPECT_EQ(m.input_size(), 11u);
  EXPECT_EQ(m.output_size(), 9u);
  EXPECT_EQ(m.segments(), 3u);  // copy, replace, insert; the deletion is a gap
  EXPECT_FALSE(m.is_identity());

  struct Case {
    Span out;
    Span in;
  };
  const Case cases[] = {
      {{0, 6}, {0, 6}},                      // copied bytes map exactly
      {{2, 4}, {2, 4}},   {{6, 7}, {6, 9}},  // any part of a replaced run maps to all of its input
      {{7, 8}, {6, 9}},   {{5, 7}, {5, 9}},
      {{6, 8}, {6, 9}},    // the deleted bytes 9..11 are not included
      {{8, 9}, {11, 11}},  // the inserted byte has no input: empty, after the deletion
      {{6, 9}, {6, 9}},    // ending on the insertion does not pick up the deletion
      {{0, 9}, {0, 9}},   {{3, 3}, {3, 3}},  // empty spans stay empty
      {{9, 9}, {11, 11}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(m.MapSpan(c.out), c.in) << "[" << c.out.start << ", " << c.out.end << ")";
  }
}

TEST(OffsetMapTest, BuilderMergesContiguousCopies) {
  OffsetMap::Builder b;
  b.Copy(3);
  b.Copy(4);
  b.Copy(0);
  OffsetMap m = std::move(b).Build();
  EXPECT_EQ(m.segments(), 1u);
  EXPECT_TRUE(m.is_identity());

  OffsetMap::Builder gap;
  gap.Copy(3);
  gap.Delete(1);
  gap.Copy(3);
  OffsetMap g = std::move(gap).Build();
  EXPECT_EQ(g.segments(), 2u);  // the deletion keeps the copies apart
  EXPECT_EQ(g.MapSpan({2, 4}), (Span{2, 5}));
  EXPECT_EQ(g.MapStart(3), 4u);  // a span never starts on the deleted byte
  EXPECT_EQ(g.MapEnd(3), 3u);    // nor ends on it
}

TEST(OffsetMapTest, LeadingAndTrailingDeletions) {
  OffsetMap::Builder b;
  b.Delete(2);
  b.Copy(3);
  b.Delete(4);
  OffsetMap m = std::move(b).Build();
  EXPECT_EQ(m.MapStart(0), 2u);
  EXPECT_EQ(m.MapEnd(3), 5u);
  EXPECT_EQ(m.MapSpan({0, 3}), (Span{2, 5}));
  EXPECT_EQ(m.MapStart(3), 9u);  // the end of the output maps to the end of the input
  EXPECT_EQ(m.MapSpan({3, 3}), (Span{9, 9}));
}

TEST(OffsetMapTest, Identity) {
  for (size_t len : {0, 1, 17}) {
    OffsetMap m = OffsetMap::Identity(len);
    EXPECT_TRUE(m.is_identity());
    EXPECT_EQ(m.input_size(), len);
    EXPECT_EQ(m.output_size(), len);
    for (size_t s = 0; s <= len; ++s) {
      for (size_t e = s; e <= len; ++e) EXPECT_EQ(m.MapSpan({s, e}), (Span{s, e}));
    }
  }
  EXPECT_TRUE(OffsetMap().is_identity());
  OffsetMap::Builder b;
  b.Replace(2, 2);
  EXPECT_FALSE(
      std::move(b).Build().is_identity());  // same size, but not known to be the same bytes
}

TEST(OffsetMapTest, EverythingDeletedOrInserted) {
  OffsetMap::Builder del;
  del.Delete(5);
  OffsetMap d = std::move(del).Build();
  EXPECT_EQ(d.output_size(), 0u);
  EXPECT_EQ(d.MapSpan({0, 0}), (Span{5, 5}));

  OffsetMap::Builder ins;
  ins.Insert(3);
  OffsetMap i = std::move(ins).Build();
  EXPECT_EQ(i.input_size(), 0u);
  EXPECT_EQ(i.MapSpan({0, 3}), (Span{0, 0}));
  EXPECT_EQ(i.MapSpan({1, 2}), (Span{0, 0}));
}

// The brute-force model agrees with the map on every span of random edit scripts.
TEST(OffsetMapTest, MatchesModelOnRandomScripts) {
  std::mt19937 rng(20240523);
  for (int round = 0; round < 400; ++round) {
    const std::vector<Op> ops = RandomScript(&rng, 12);
    ExpectSameSpans(BuildMap(ops), BuildModel(ops), "single map");
    if (HasFatalFailure()) return;
  }
}

TEST(OffsetMapTest, MonotoneAndInside) {
  std::mt19937 rng(7);
  for (int round = 0; round < 400; ++round) {
    const OffsetMap m = BuildMap(RandomScript(&rng, 12));
    size_t last_start = 0;
    size_t last_end = 0;
    for (size_t o = 0; o <= m.output_size(); ++o) {
      const size_t s = m.MapStart(o);
      const size_t e = m.MapEnd(o);
      EXPECT_GE(s, last_start);
      EXPECT_GE(e, last_end);
      EXPECT_LE(s, m.input_size());
      EXPECT_LE(e, m.input_size());
      last_start = s;
      last_end = e;
    }
    for (size_t s = 0; s <= m.output_size(); ++s) {
      for (size_t e = s; e <= m.output_size(); ++e) {
        const Span in = m.MapSpan({s, e});
        EXPECT_LE(in.start, in.end);
        EXPECT_LE(in.end, m.input_size());
      }
    }
  }
}

// Compose(first, second) against composing the two models byte by byte.
TEST(OffsetMapTest, ComposeMatchesBruteForce) {
  std::mt19937 rng(1315);
  for (int round = 0; round < 600; ++round) {
    const std::vector<Op> first_ops = RandomScript(&rng, 10);
    const Model first_model = BuildModel(first_ops);
    const std::vector<Op> second_ops = RandomScriptWithInput(&rng, first_model.bytes.size(), 10);
    const Model second_model = BuildModel(second_ops);
    ASSERT_EQ(second_model.in_size, first_model.bytes.size());

    const OffsetMap composed = OffsetMap::Compose(BuildMap(first_ops), BuildMap(second_ops));
    ExpectSameSpans(composed, ComposeModels(first_model, second_model), "composed map");
    if (HasFatalFailure()) return;
  }
}

TEST(OffsetMapTest, ComposeIsAssociative) {
  std::mt19937 rng(90);
  for (int round = 0; round < 200; ++round) {
    const std::vector<Op> a = RandomScript(&rng, 8);
    const std::vector<Op> b = RandomScriptWithInput(&rng, BuildModel(a).bytes.size(), 8);
    const std::vector<Op> c = RandomScriptWithInput(&rng, BuildModel(b).bytes.size(), 8);
    const OffsetMap ma = BuildMap(a), mb = BuildMap(b), mc = BuildMap(c);
    const OffsetMap left = OffsetMap::Compose(OffsetMap::Compose(ma, mb), mc);
    const OffsetMap right = OffsetMap::Compose(ma, OffsetMap::Compose(mb, mc));
    ASSERT_EQ(left.output_size(), right.output_size());
    for (size_t s = 0; s <= left.output_size(); ++s) {
      for (size_t e = s; e <= left.output_size(); ++e) {
        ASSERT_EQ(left.MapSpan({s, e}), right.MapSpan({s, e})) << "[" << s << ", " << e << ")";
      }
    }
  }
}

TEST(OffsetMapTest, ComposeWithIdentity) {
  std::mt19937 rng(3);
  for (int round = 0; round < 100; ++round) {
    const std::vector<Op> ops = RandomScript(&rng, 10);
    const OffsetMap m = BuildMap(ops);
    const Model model = BuildModel(ops);
    ExpectSameSpans(OffsetMap::Compose(OffsetMap::Identity(m.input_size()), m), model, "id . m");
    ExpectSameSpans(OffsetMap::Compose(m, OffsetMap::Identity(m.output_size())), model, "m . id");
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace vnplan
