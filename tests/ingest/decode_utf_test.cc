// UTF-8 and UTF-16 decoding: BOMs, every kind of invalid UTF-8, surrogates, and the reports.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace vnplan {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::vector<size_t> Offsets(const Decoded& d) {
  std::vector<size_t> out;
  for (const Diagnostic& diag : d.diagnostics) {
    EXPECT_EQ(diag.code, "ingest.invalid_bytes");
    EXPECT_EQ(diag.level, Diagnostic::Level::kWarning);
    if (diag.offset) out.push_back(*diag.offset);
  }
  return out;
}

size_t CountFffd(const std::string& s) {
  size_t n = 0;
  for (size_t i = s.find(kFffd); i != std::string::npos; i = s.find(kFffd, i + 3)) ++n;
  return n;
}

// Invalid sequences inside Vietnamese text, decoded with detection on. Each maximal ill-formed
// subsequence becomes one U+FFFD; adjacent bad bytes make one report at the first of them.
struct InvalidCase {
  const char* name;
  std::string bad;
  size_t replacements;
  std::string replaced_by;  // what `bad` becomes in the text
  std::vector<size_t> offsets_in_bad;
};

const std::string kPrefix = "Kế hoạch giảm nghèo của xã ";
const std::string kSuffix = " được thực hiện trong năm.";

const InvalidCase kInvalidCases[] = {
    {"stray_continuation", "\x80", 1, kFffd, {0}},
    {"two_stray_continuations", "\xBF\x80", 2, kFffd + kFffd, {0}},
    {"overlong_slash_2", "\xC0\xAF", 2, kFffd + kFffd, {0}},
    {"overlong_nul_2", "\xC1\x80", 2, kFffd + kFffd, {0}},
    {"overlong_3", "\xE0\x80\xAF", 3, kFffd + kFffd + kFffd, {0}},
    {"overlong_4", "\xF0\x80\x80\xAF", 4, kFffd + kFffd + kFffd + kFffd, {0}},
    {"surrogate_high", "\xED\xA0\x80", 3, kFffd + kFffd + kFffd, {0}},
    {"surrogate_low", "\xED\xBF\xBF", 3, kFffd + kFffd + kFffd, {0}},
    {"past_10ffff", "\xF4\x90\x80\x80", 4, kFffd + kFffd + kFffd + kFffd, {0}},
    {"lead_f5", "\xF5", 1, kFffd, {0}},
    {"lead_ff", "\xFF", 1, kFffd, {0}},
    {"truncated_2_of_3", "\xE1\xBA", 1, kFffd, {0}},
    {"truncated_1_of_2", "\xC3", 1, kFffd, {0}},
    {"truncated_3_of_4", "\xF0\x9F\x98", 1, kFffd, {0}},
    {"truncated_then_lead", "\xE1\xBA\xC3\xA1", 1, kFffd + "á", {0}},
    {"two_runs", "\x80 và \xC3", 2, kFffd + " và " + kFffd, {0, 6}},
};

class InvalidUtf8Test : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidUtf8Test, ReplacedAndReported) {
  const InvalidCase& c = GetParam();
  const std::string raw = kPrefix + c.bad + kSuffix;
  Decoded d = Decode(raw, {}, "bad.txt");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_FALSE(d.binary);
  EXPECT_EQ(d.text, kPrefix + c.replaced_by + kSuffix);
  EXPECT_EQ(CountFffd(d.text), c.replacements);
  std::vector<size_t> want;
  for (size_t o : c.offsets_in_bad) want.push_back(kPrefix.size() + o);
  EXPECT_EQ(Offsets(d), want);
  for (const Diagnostic& diag : d.diagnostics) EXPECT_EQ(diag.path, "bad.txt");
  // The map still covers every byte: the text after the bad bytes maps to its raw bytes.
  const size_t tail = d.text.size() - kSuffix.size();
  EXPECT_EQ(d.map.MapSpan({tail, d.text.size()}), (Span{raw.size() - kSuffix.size(), raw.size()}));
}

INSTANTIATE_TEST_SUITE_P(Utf8, InvalidUtf8Test, ::testing::ValuesIn(kInvalidCases),
                         [](const ::testing::TestParamInfo<InvalidCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(DecodeUtf8, ValidEdgesAreKept) {
  // U+D7FF (just below the surrogates), U+E000, U+FFFF, U+10000, U+10FFFF.
  const std::string raw =
      "Số: \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF";
  DecodeOptions utf8;
  utf8.forced = Encoding::kUtf8;
  Decoded d = Decode(raw, utf8, "x");
  EXPECT_EQ(d.text, raw);
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_TRUE(d.map.is_identity());
}

TEST(DecodeUtf8, ReportsAreCappedWithASummary) {
  std::string raw = kPrefix;
  for (int i = 0; i < 30; ++i) raw += "\xC3 xã ";
  raw += kSuffix;
  Decoded d = Decode(raw, {}, "many.txt");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(CountFffd(d.text), 30u);
  ASSERT_EQ(d.diagnostics.size(), 21u);
  EXPECT_EQ(*d.diagnostics[0].offset, kPrefix.size());
  EXPECT_FALSE(d.diagnostics.back().offset.has_value());
  EXPECT_NE(d.diagnostics.back().message.find("10 more"), std::string::npos)
      << d.diagnostics.back().message;
}

TEST(DecodeUtf8, BomIsDroppedAndMappedAsDeletion) {
  const std::string raw = "\xEF\xBB\xBFKế hoạch";
  Decoded d = Decode(raw, {}, "bom.txt");
  EXPECT_EQ(d.encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(d.confidence, 1.0);
  EXPECT_EQ(d.text, "Kế hoạch");
  EXPECT_EQ(d.map.MapStart(0), 3u);
  EXPECT_EQ(d.map.MapSpan({1, 4}), (Span{4, 7}));  // "ế"
  EXPECT_EQ(d.map.input_size(), raw.size());
}

TEST(DecodeUtf8, BomWithInvalidBytesStaysUtf8) {
  Decoded d = Decode("\xEF\xBB\xBFx\xC0y", {}, "x");
  EXPECT_EQ(d.encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(d.text, "x" + kFffd + "y");
  EXPECT_EQ(Offsets(d), std::vector<size_t>{4});
}

TEST(DecodeUtf8, ForcedUtf8ReportsWhetherABomWasThere) {
  DecodeOptions bom;
  bom.forced = Encoding::kUtf8Bom;
  EXPECT_EQ(Decode("abc", bom, "x").encoding, Encoding::kUtf8);
  DecodeOptions plain;
  plain.forced = Encoding::kUtf8;
  Decoded d = Decode(
      "\xEF\xBB\xBF"
      "abc",
      plain, "x");
  EXPECT_EQ(d.encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(d.text, "abc");
}

TEST(DecodeUtf8, EmptyInput) {
  Decoded d = Decode("", {}, "empty.txt");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_FALSE(d.binary);
  EXPECT_TRUE(d.text.empty());
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_EQ(d.map.input_size(), 0u);
  EXPECT_EQ(d.map.output_size(), 0u);
}

TEST(DecodeUtf8, PureAsciiIsUtf8WithFullConfidence) {
  Decoded d = Decode("Ke hoach so 27/KH-UBND\r\n", {}, "x");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.confidence, 1.0);
  EXPECT_TRUE(d.map.is_identity());
}

std::string Utf16(bool big_endian, std::u16string_view units, bool bom = true) {
  std::string out;
  if (bom) out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t u : units) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

class Utf16Test : public ::testing::TestWithParam<bool> {};

TEST_P(Utf16Test, DecodesWithSurrogatePairs) {
  const bool be = GetParam();
  const std::string raw = Utf16(be, u"Kế hoạch \U0001F600 xã");
  Decoded d = Decode(raw, {}, "x");
  EXPECT_EQ(d.encoding, be ? Encoding::kUtf16Be : Encoding::kUtf16Le);
  EXPECT_EQ(d.confidence, 1.0);
  EXPECT_EQ(d.text, "Kế hoạch \U0001F600 xã");
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_EQ(d.map.MapSpan({0, 1}), (Span{2, 4}));  // "K"
  EXPECT_EQ(d.map.MapSpan({1, 4}), (Span{4, 6}));  // "ế"
  const size_t emoji = d.text.find("\U0001F600");
  EXPECT_EQ(d.map.MapSpan({emoji, emoji + 4}), (Span{2 + 2 * 9, 2 + 2 * 11}));
}

TEST_P(Utf16Test, LoneSurrogatesAndOddByteBecomeReplacement) {
  const bool be = GetParam();
  std::string raw = Utf16(be,
                          u"A\xD83D"
                          u"B\xDC00"
                          u"C");
  raw += 'x';  // a final odd byte
  Decoded d = Decode(raw, {}, "x");
  EXPECT_EQ(d.text, "A" + kFffd + "B" + kFffd + "C" + kFffd);
  EXPECT_EQ(Offsets(d), (std::vector<size_t>{4, 8, 12}));
}

TEST_P(Utf16Test, ForcedWithoutBom) {
  const bool be = GetParam();
  DecodeOptions o;
  o.forced = be ? Encoding::kUtf16Be : Encoding::kUtf16Le;
  Decoded d = Decode(Utf16(be, u"Đồng", /*bom=*/false), o, "x");
  EXPECT_FALSE(d.binary);
  EXPECT_EQ(d.text, "Đồng");
  EXPECT_EQ(d.map.MapStart(0), 0u);
}

TEST_P(Utf16Test, MostlyNulUnitsAreBinary) {
  const bool be = GetParam();
  Decoded d = Decode(Utf16(be, std::u16string(200, u'\0') + u"abc"), {}, "x");
  EXPECT_TRUE(d.binary);
  EXPECT_TRUE(d.text.empty());
}

INSTANTIATE_TEST_SUITE_P(Endian, Utf16Test, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "be" : "le");
                         });

}  // namespace
}  // namespace vnplan
