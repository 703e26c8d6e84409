// The decode OffsetMap: every character of the decoded text maps back to exactly the raw bytes
// it came from, in every encoding.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "ingest/ingest.h"

namespace vnplan {
namespace {

struct MapCase {
  const char* name;
  Encoding encoding;  // forced, so that short inputs decode as intended
  std::string raw;
  // Per decoded character, in order: the character and its raw byte span.
  std::vector<std::pair<std::string, Span>> chars;
};

const std::string kFffd = "\xEF\xBF\xBD";

const MapCase kCases[] = {
    {"utf8", Encoding::kUtf8, "Số 5", {{"S", {0, 1}}, {"ố", {1, 4}}, {" ", {4, 5}}, {"5", {5, 6}}}},
    {"utf8_bom", Encoding::kUtf8, "\xEF\xBB\xBFXã", {{"X", {3, 4}}, {"ã", {4, 6}}}},
    {"utf8_invalid",
     Encoding::kUtf8,
     "a\xC0\x80\xE1\xBA"
     "b",
     {{"a", {0, 1}}, {kFffd, {1, 2}}, {kFffd, {2, 3}}, {kFffd, {3, 5}}, {"b", {5, 6}}}},
    {"utf16le",
     Encoding::kUtf16Le,
     std::string("\xFF\xFE"
                 "A\0\xBF\x1E",
                 6),
     {{"A", {2, 4}}, {"ế", {4, 6}}}},
    {"utf16be_pair",
     Encoding::kUtf16Be,
     std::string("\xFE\xFF\xD8\x3D\xDE\x00\0z", 8),
     {{"\U0001F600", {2, 6}}, {"z", {6, 8}}}},
    {"tcvn3",
     Encoding::kTcvn3,
     "K\xD5 ho\xB9"
     "ch",
     {{"K", {0, 1}},
      {"ế", {1, 2}},
      {" ", {2, 3}},
      {"h", {3, 4}},
      {"o", {4, 5}},
      {"ạ", {5, 6}},
      {"c", {6, 7}},
      {"h", {7, 8}}}},
    {"tcvn3_quote",
     Encoding::kTcvn3,
     "\x93x\x94",
     {{"\u201C", {0, 1}}, {"x", {1, 2}}, {"\u201D", {2, 3}}}},
    {"vni",
     Encoding::kVni,
     "Ke\xE1 hoa\xEF"
     "ch",
     {{"K", {0, 1}},
      {"ế", {1, 3}},
      {" ", {3, 4}},
      {"h", {4, 5}},
      {"o", {5, 6}},
      {"ạ", {6, 8}},
      {"c", {8, 9}},
      {"h", {9, 10}}}},
    {"vni_single_bytes",
     Encoding::kVni,
     "\xD1\xF6\xF4\xF9ng",
     {{"Đ", {0, 1}}, {"ư", {1, 2}}, {"ớ", {2, 4}}, {"n", {4, 5}}, {"g", {5, 6}}}},
    {"viscii",
     Encoding::kViscii,
     "Vi\xAE"
     "t",
     {{"V", {0, 1}}, {"i", {1, 2}}, {"ệ", {2, 3}}, {"t", {3, 4}}}},
    {"windows1258",
     Encoding::kWindows1258,
     "ke\xEC\xEA\xF2",
     {{"k", {0, 1}}, {"e", {1, 2}}, {"\u0301", {2, 3}}, {"ê", {3, 4}}, {"\u0323", {4, 5}}}},
    {"windows1258_unassigned",
     Encoding::kWindows1258,
     "a\x81"
     "b",
     {{"a", {0, 1}}, {kFffd, {1, 2}}, {"b", {2, 3}}}},
};

class DecodeMapTest : public ::testing::TestWithParam<MapCase> {};

TEST_P(DecodeMapTest, EachCharacterMapsToItsBytes) {
  const MapCase& c = GetParam();
  DecodeOptions o;
  o.forced = c.encoding;
  Decoded d = Decode(c.raw, o, c.name);
  ASSERT_FALSE(d.binary);
  EXPECT_EQ(d.map.input_size(), c.raw.size());
  EXPECT_EQ(d.map.output_size(), d.text.size());
  std::string expected_text;
  for (const auto& [ch, span] : c.chars) expected_text += ch;
  ASSERT_EQ(d.text, expected_text);
  size_t pos = 0;
  for (const auto& [ch, span] : c.chars) {
    const Span out{pos, pos + ch.size()};
    EXPECT_EQ(d.map.MapSpan(out), span) << c.name << ": '" << ch << "' at " << pos;
    pos += ch.size();
  }
  // The whole text maps to the whole input, minus a leading BOM.
  EXPECT_EQ(d.map.MapSpan({0, d.text.size()}).end, c.raw.size());
}

INSTANTIATE_TEST_SUITE_P(Encodings, DecodeMapTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<MapCase>& info) {
                           return std::string(info.param.name);
                         });

// A UTF-8 document needs one run however long it is; legacy text needs one run per changed
// character and one per stretch of ASCII between them.
TEST(DecodeMap, Utf8IsOneCopy) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "Kế hoạch số " + std::to_string(i) + ".\n";
  Decoded d = Decode(text, {}, "x");
  EXPECT_EQ(d.map.segments(), 1u);
  EXPECT_TRUE(d.map.is_identity());
}

TEST(DecodeMap, LegacyRunsMergeAscii) {
  DecodeOptions o;
  o.forced = Encoding::kTcvn3;
  Decoded d = Decode(
      "plain ascii line\nK\xD5 ho\xB9"
      "ch",
      o, "x");
  // "plain ascii line\nK" | ế | " ho" | ạ | "ch"
  EXPECT_EQ(d.map.segments(), 5u);
}

}  // namespace
}  // namespace vnplan
