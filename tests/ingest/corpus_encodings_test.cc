// Decodes every variant of corpus/encodings/ke_hoach_xa_tan_lap (made by tools/encode_legacy.py)
// and checks that detection names its encoding and the text comes back.
#include <string>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "test_util.h"

namespace vnplan {
namespace {

using testing_util::Comparable;
using testing_util::Nfc;
using testing_util::ReadFile;

const std::string kDir = std::string(VNPLAN_SOURCE_DIR) + "/corpus/encodings/";
const std::string kStem = kDir + "ke_hoach_xa_tan_lap";

struct Variant {
  const char* suffix;
  Encoding encoding;
};

constexpr Variant kVariants[] = {
    {".txt", Encoding::kUtf8},
    {".utf-8-bom.txt", Encoding::kUtf8Bom},
    {".utf-16le.txt", Encoding::kUtf16Le},
    {".utf-16be.txt", Encoding::kUtf16Be},
    {".windows-1258.txt", Encoding::kWindows1258},
    {".tcvn3.txt", Encoding::kTcvn3},
    {".vni.txt", Encoding::kVni},
    {".viscii.txt", Encoding::kViscii},
};

// The original as the decoding of `e` must give it back.
std::string Expected(Encoding e) { return Comparable(ReadFile(kStem + ".txt"), e); }

class CorpusVariantTest : public ::testing::TestWithParam<Variant> {};

TEST_P(CorpusVariantTest, DetectsEncodingAndRestoresText) {
  const Variant v = GetParam();
  const std::string raw = ReadFile(kStem + v.suffix);
  ASSERT_FALSE(raw.empty()) << v.suffix;
  Decoded d = Decode(raw, {}, v.suffix);
  EXPECT_EQ(EncodingName(d.encoding), std::string(EncodingName(v.encoding)));
  EXPECT_FALSE(d.binary);
  EXPECT_TRUE(d.diagnostics.empty()) << d.diagnostics.front().message;
  EXPECT_GE(d.confidence, 0.8) << EncodingName(v.encoding);
  EXPECT_LE(d.confidence, 1.0);
  EXPECT_EQ(Comparable(d.text, v.encoding), Expected(v.encoding));
  EXPECT_EQ(d.map.input_size(), raw.size());
  EXPECT_EQ(d.map.output_size(), d.text.size());
}

TEST_P(CorpusVariantTest, ForcedEncodingGivesTheSameText) {
  const Variant v = GetParam();
  const std::string raw = ReadFile(kStem + v.suffix);
  DecodeOptions forced;
  forced.forced = v.encoding;
  Decoded d = Decode(raw, forced, v.suffix);
  EXPECT_EQ(d.encoding, v.encoding);
  EXPECT_EQ(d.confidence, 1.0);
  EXPECT_EQ(Comparable(d.text, v.encoding), Expected(v.encoding));
}

TEST_P(CorpusVariantTest, ReadDocumentCarriesIdAndSize) {
  const Variant v = GetParam();
  const std::string path = kStem + v.suffix;
  StatusOr<Document> doc = ReadDocument(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const std::string raw = ReadFile(path);
  EXPECT_EQ(doc->path, path);
  EXPECT_EQ(doc->bytes, raw.size());
  EXPECT_EQ(doc->id.size(), 64u);
  EXPECT_EQ(doc->id, MakeDocument("x", raw, {}).id);
  EXPECT_EQ(doc->encoding, v.encoding);
  EXPECT_EQ(Comparable(doc->text, v.encoding), Expected(v.encoding));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusVariantTest, ::testing::ValuesIn(kVariants),
                         [](const ::testing::TestParamInfo<Variant>& info) {
                           std::string name = EncodingName(info.param.encoding);
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

// Forcing the wrong legacy encoding still decodes (no failure), but the text differs.
TEST(CorpusEncodings, WrongForcedEncodingDecodesToOtherText) {
  const std::string raw = ReadFile(kStem + ".tcvn3.txt");
  DecodeOptions forced;
  forced.forced = Encoding::kVni;
  Decoded d = Decode(raw, forced, "x");
  EXPECT_EQ(d.encoding, Encoding::kVni);
  EXPECT_FALSE(d.binary);
  EXPECT_NE(Comparable(d.text, Encoding::kTcvn3), Expected(Encoding::kTcvn3));
}

// TCVN3 loses the capitals of toned vowels; words visibly in capitals get them back, words that
// cannot tell keep them small.
TEST(CorpusEncodings, Tcvn3CapitalsWhereTheWordShowsThem) {
  Decoded d = Decode(ReadFile(kStem + ".tcvn3.txt"), {}, "x");
  ASSERT_EQ(d.encoding, Encoding::kTcvn3);
  for (const char* kept :
       {"ỦY BAN NHÂN DÂN", "CỘNG HÒA Xã HỘI CHỦ NGHĨA VIỆT NAM", "Kế HOẠCH\n",
        "I. MỤC ĐÍCH, YÊU CẦU", "Tổ CHỨC THỰC HIỆN", "\nủy ban nhân dân xã Tân Lập ban hành",
        "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn Hùng"}) {
    EXPECT_NE(Nfc(d.text).find(kept), std::string::npos) << kept;
  }
}

// A UTF-8 file read as Windows-1258 is mojibake: the detector must not pick that.
TEST(CorpusEncodings, Utf8IsNotMistakenForLegacy) {
  const std::string raw = ReadFile(kStem + ".txt");
  Decoded d = Decode(raw, {}, "x");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_TRUE(d.map.is_identity());
  EXPECT_EQ(d.map.segments(), 1u);
  EXPECT_EQ(d.text, raw);
}

}  // namespace
}  // namespace vnplan
