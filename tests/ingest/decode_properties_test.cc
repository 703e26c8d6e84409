// Properties every decoding keeps, whatever the bytes: valid UTF-8 out, a map that covers input
// and output exactly and never runs backwards, and the same result each time.
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "ingest/decoders.h"
#include "ingest/ingest.h"

namespace vnplan {
namespace {

constexpr Encoding kAll[] = {Encoding::kUtf8,    Encoding::kUtf8Bom,     Encoding::kUtf16Le,
                             Encoding::kUtf16Be, Encoding::kWindows1258, Encoding::kTcvn3,
                             Encoding::kVni,     Encoding::kViscii};

// Random bytes drawn from a few mixes: any byte, mostly high bytes, mostly text.
std::string RandomBytes(std::mt19937* rng, size_t n) {
  std::uniform_int_distribution<int> mix(0, 2);
  std::uniform_int_distribution<int> any(0, 255);
  std::uniform_int_distribution<int> high(0x80, 0xFF);
  std::uniform_int_distribution<int> ascii(0x20, 0x7E);
  std::uniform_int_distribution<int> pct(0, 99);
  const int m = mix(*rng);
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    int b;
    if (m == 0) {
      b = any(*rng);
    } else if (m == 1) {
      b = pct(*rng) < 70 ? high(*rng) : ascii(*rng);
    } else {
      b = pct(*rng) < 85 ? ascii(*rng) : high(*rng);
    }
    s.push_back(static_cast<char>(b));
  }
  return s;
}

void CheckDecoded(const std::string& raw, const Decoded& d) {
  ASSERT_EQ(d.map.input_size(), raw.size());
  ASSERT_EQ(d.map.output_size(), d.text.size());
  ASSERT_EQ(ingest_internal::ValidUtf8Prefix(d.text), d.text.size());
  if (d.binary) {
    EXPECT_TRUE(d.text.empty());
    return;
  }
  size_t last_start = 0, last_end = 0;
  for (size_t o = 0; o <= d.text.size(); ++o) {
    const size_t s = d.map.MapStart(o), e = d.map.MapEnd(o);
    ASSERT_GE(s, last_start);
    ASSERT_GE(e, last_end);
    ASSERT_LE(e, raw.size());
    last_start = s;
    last_end = e;
  }
  EXPECT_LE(d.diagnostics.size(), 22u);
}

TEST(DecodeProperties, RandomBytesDetected) {
  std::mt19937 rng(20240315);
  std::uniform_int_distribution<size_t> len(0, 600);
  for (int i = 0; i < 300; ++i) {
    const std::string raw = RandomBytes(&rng, len(rng));
    Decoded d = Decode(raw, {}, "r");
    CheckDecoded(raw, d);
    Decoded again = Decode(raw, {}, "r");
    EXPECT_EQ(again.text, d.text);
    EXPECT_EQ(again.encoding, d.encoding);
    EXPECT_EQ(again.confidence, d.confidence);
    EXPECT_GE(d.confidence, 0.0);
    EXPECT_LE(d.confidence, 1.0);
  }
}

TEST(DecodeProperties, RandomBytesForced) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> len(0, 400);
  for (int i = 0; i < 100; ++i) {
    std::string raw = RandomBytes(&rng, len(rng));
    for (char& c : raw) {
      if (c == 0) c = ' ';  // keep NUL-free so that the 8-bit decoders run
    }
    for (Encoding e : kAll) {
      DecodeOptions o;
      o.forced = e;
      CheckDecoded(raw, Decode(raw, o, "r"));
    }
  }
}

}  // namespace
}  // namespace vnplan
