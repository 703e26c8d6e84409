// Encoding detection: the seed plans written in every legacy encoding, short texts, binary
// refusal, and the syllable check detection rests on.
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest/text_score.h"
#include "test_util.h"

namespace vnplan {
namespace {

using testing_util::Comparable;
using testing_util::Encoded;
using testing_util::EncodeLegacy;
using testing_util::Nfc;
using testing_util::ReadFile;

std::vector<std::string> SeedFiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(VNPLAN_SEEDS_DIR, ec)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

constexpr Encoding kLegacy[] = {Encoding::kWindows1258, Encoding::kTcvn3, Encoding::kVni,
                                Encoding::kViscii};

TEST(Detect, SeedsInEveryLegacyEncoding) {
  const std::vector<std::string> seeds = SeedFiles();
  ASSERT_FALSE(seeds.empty()) << VNPLAN_SEEDS_DIR;
  for (const std::string& path : seeds) {
    const std::string original = ReadFile(path);
    Decoded plain = Decode(original, {}, path);
    EXPECT_EQ(plain.encoding, Encoding::kUtf8) << path;
    EXPECT_GE(plain.confidence, 0.95) << path;
    for (Encoding e : kLegacy) {
      Encoded enc = EncodeLegacy(original, e);
      Decoded d = Decode(enc.bytes, {}, path);
      EXPECT_EQ(EncodingName(d.encoding), std::string(EncodingName(e))) << path;
      EXPECT_GE(d.confidence, 0.9) << path << " " << EncodingName(e);
      EXPECT_EQ(Comparable(d.text, e), Comparable(enc.expected, e))
          << path << " " << EncodingName(e);
    }
  }
}

// One line of plan text is enough.
const char* const kShortLines[] = {
    "Tổng kinh phí thực hiện là 350 triệu đồng.",
    "Báo cáo kết quả trước ngày 20/11/2024.",
    "Giao Ủy ban nhân dân các xã chủ trì thực hiện.",
    "Hỗ trợ 15 hộ nghèo xây nhà ở.",
};

TEST(Detect, ShortLinesInEveryEncoding) {
  for (const char* line : kShortLines) {
    for (Encoding e : kLegacy) {
      Encoded enc = EncodeLegacy(line, e);
      Decoded d = Decode(enc.bytes, {}, "x");
      EXPECT_EQ(EncodingName(d.encoding), std::string(EncodingName(e))) << line;
      EXPECT_EQ(Comparable(d.text, e), Comparable(enc.expected, e)) << line;
      EXPECT_GT(d.confidence, 0.5) << line << " " << EncodingName(e);
    }
  }
}

TEST(Detect, SampleLimitsDetectionCostOnLargeInput) {
  // 1 MiB of TCVN3 text: detected from its sample, decoded whole.
  const std::string line = "Kế hoạch giảm nghèo bền vững của xã năm 2024.\n";
  std::string text;
  while (text.size() < (1u << 20)) text += line;
  Encoded enc = EncodeLegacy(text, Encoding::kTcvn3);
  Decoded d = Decode(enc.bytes, {}, "big.txt");
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_EQ(Nfc(d.text), enc.expected);
}

// In VISCII "ư" is 0xDF and "ờ" 0xB6, so "người" is valid UTF-8 (an NKo letter inside a Latin
// word). Text whose only marked letters are of that kind must still come out as VISCII.
TEST(Detect, ValidUtf8ThatIsReallyViscii) {
  Encoded enc = EncodeLegacy("Người Mường, mười người", Encoding::kViscii);
  ASSERT_EQ(Decode(enc.bytes, {.forced = Encoding::kUtf8}, "x").diagnostics.size(), 0u)
      << "the bytes are meant to be valid UTF-8";
  Decoded d = Decode(enc.bytes, {}, "x");
  EXPECT_EQ(d.encoding, Encoding::kViscii);
  EXPECT_EQ(Nfc(d.text), enc.expected);
}

// Real UTF-8 in another script stays UTF-8.
TEST(Detect, OtherScriptsStayUtf8) {
  for (const char* text :
       {"Договор № 5 о сотрудничестве", "合作协议 第五号", "Dự án hợp tác với đối tác 日本"}) {
    Decoded d = Decode(text, {}, "x");
    EXPECT_EQ(d.encoding, Encoding::kUtf8) << text;
    EXPECT_EQ(d.text, text);
  }
}

// One high byte in ASCII text is not UTF-8; which 8-bit encoding it is, one byte cannot say.
TEST(Detect, AsciiWithOneHighByteIsNotUtf8) {
  Decoded d = Decode("Price: 5 \x80 per unit\n", {}, "x");
  EXPECT_NE(d.encoding, Encoding::kUtf8);
  EXPECT_FALSE(d.binary);
  EXPECT_EQ(d.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Detect, LowConfidenceIsReported) {
  Decoded d = Decode("Price: 5 \x80 per unit\n", {}, "x");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].code, "ingest.low_confidence");
  EXPECT_LT(d.confidence, 0.5);
}

struct BinaryCase {
  const char* name;
  std::string bytes;
  size_t offset;
};

const BinaryCase kBinaryCases[] = {
    {"nul_in_text", std::string("Kế hoạch\0năm", 17), 12},
    {"pdf_header", std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n\0\0", 25), 23},
    {"control_bytes", std::string(20, '\x01') + "abcdefgh", 0},
    {"elf",
     std::string("\x7F"
                 "ELF\x02\x01\x01\0\0\0",
                 10),
     7},
};

class BinaryTest : public ::testing::TestWithParam<BinaryCase> {};

TEST_P(BinaryTest, Refused) {
  const BinaryCase& c = GetParam();
  Decoded d = Decode(c.bytes, {}, "blob.bin");
  EXPECT_TRUE(d.binary);
  EXPECT_TRUE(d.text.empty());
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].code, "ingest.binary");
  EXPECT_EQ(d.diagnostics[0].level, Diagnostic::Level::kError);
  EXPECT_EQ(d.diagnostics[0].path, "blob.bin");
  EXPECT_EQ(d.diagnostics[0].offset, c.offset);
  EXPECT_EQ(d.map.input_size(), c.bytes.size());
  EXPECT_EQ(d.map.output_size(), 0u);
  // Forcing an 8-bit encoding does not make binary input text.
  DecodeOptions o;
  o.forced = Encoding::kTcvn3;
  EXPECT_TRUE(Decode(c.bytes, o, "blob.bin").binary);
}

INSTANTIATE_TEST_SUITE_P(Binary, BinaryTest, ::testing::ValuesIn(kBinaryCases),
                         [](const ::testing::TestParamInfo<BinaryCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(Detect, FewControlBytesAreText) {
  Decoded d = Decode("Trang 1\fTrang 2\x1A\r\n\x1B[0m", {}, "x");
  EXPECT_FALSE(d.binary);
}

// The syllable check that tells right decodings from wrong ones.
TEST(Syllables, WellFormed) {
  for (const char* w :
       {"nghiêng", "quyết", "giữa", "gì",   "người",  "khuyến", "thuở",     "oanh",
        "Ủy",      "uỷ",    "ỦY",   "KẾ",   "HOẠCH",  "xoong",  "yêu",      "khuya",
        "đường",   "tháng", "huấn", "quốc", "giường", "ngoằn",  "ke\u0301", "thu\u031B\u0323c"}) {
    EXPECT_TRUE(ingest_internal::IsVietnameseSyllable(w)) << w;
  }
}

TEST(Syllables, Misspelt) {
  for (const char* w : {"ngiêng", "thừc", "hoạchh", "kả", "ghá", "cế", "ăn̉", "thaùng", "ho¹ch",
                        "Kõ", "aă", "tiếngg", "xoă", "â", "hóaá", "fá", "ça", "thưở"}) {
    EXPECT_FALSE(ingest_internal::IsVietnameseSyllable(w)) << w;
  }
}

TEST(Syllables, ScoreCountsOnlyWordsBeyondAscii) {
  ingest_internal::TextScore s = ingest_internal::ScoreText("Kế hoạch số 27/KH-UBND, QĐ năm 2024");
  EXPECT_EQ(s.words, 4u);  // Kế, hoạch, số, năm; "QĐ" has no vowel and is not counted
  EXPECT_EQ(s.syllables, 4u);
  EXPECT_EQ(s.improbable, 0u);
  EXPECT_DOUBLE_EQ(s.Quality(), 1.0);
}

// Syllables checked once are remembered per thread (the cache behind ScoreText): a score may
// not depend on what the thread scored before.
TEST(Syllables, ScoreDoesNotDependOnEarlierTexts) {
  const std::string text = "Kế hoạch thực hiện năm 2024: hỗ trợ hộ nghèo, ngiêng thừc hoạchh";
  ingest_internal::TextScore fresh;
  std::thread([&] { fresh = ingest_internal::ScoreText(text); }).join();
  for (int i = 0; i < 3; ++i) {
    ingest_internal::ScoreText("ngiêng thừc hoạchh Kế hoạch hỗ trợ nghèo");  // fills the cache
    const ingest_internal::TextScore again = ingest_internal::ScoreText(text);
    EXPECT_EQ(again.words, fresh.words);
    EXPECT_EQ(again.syllables, fresh.syllables);
    EXPECT_EQ(again.improbable, fresh.improbable);
  }
  EXPECT_EQ(fresh.words, 12u);
  EXPECT_EQ(fresh.syllables, 9u);  // "ngiêng", "thừc" and "hoạchh" are not syllables
}

}  // namespace
}  // namespace vnplan
