// The legacy byte tables: checked against glibc iconv where glibc has the same charset, byte by
// byte for letters that matter, and round trips of the whole Vietnamese alphabet.
#include "ingest/legacy_tables.h"

#include <iconv.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "ingest/decoders.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace vnplan {
namespace {

using ingest_internal::ByteDecoding;
using ingest_internal::SingleByteTable;
using testing_util::Encoded;
using testing_util::EncodeLegacy;
using testing_util::LowerToneCapitals;
using testing_util::Nfc;

// What glibc's iconv makes of one byte in `charset` ("" when it refuses it).
std::string IconvByte(const char* charset, unsigned char byte) {
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "?unavailable";
  char in[1] = {static_cast<char>(byte)};
  char out[16];
  char* inp = in;
  char* outp = out;
  size_t inleft = 1, outleft = sizeof(out);
  size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
  // glibc's TCVN converter holds a letter back in case a combining mark follows: flush it.
  if (r != static_cast<size_t>(-1)) r = iconv(cd, nullptr, nullptr, &outp, &outleft);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "";
  return std::string(out, outp - out);
}

std::string Utf8Of(const ByteDecoding& d) { return std::string(d.utf8, d.len); }

TEST(LegacyTables, VisciiMatchesGlibc) {
  const SingleByteTable& t = ingest_internal::VisciiTable();
  for (int b = 0; b < 256; ++b) {
    EXPECT_EQ(Utf8Of(t.entry[b]), IconvByte("VISCII", static_cast<unsigned char>(b)))
        << "byte " << b;
  }
}

// glibc's TCVN5712-1 is VN1; on 0xA0..0xFF it agrees with VN3 (and VN2 in the codes VN3
// leaves free). Below 0xA0 VN1 puts capitals on control codes, which TCVN3 files never do.
TEST(LegacyTables, Tcvn3HighHalfMatchesGlibcTcvn) {
  const SingleByteTable& t = ingest_internal::Tcvn3Table();
  for (int b = 0xA0; b < 256; ++b) {
    EXPECT_EQ(Utf8Of(t.entry[b]), IconvByte("TCVN5712-1", static_cast<unsigned char>(b)))
        << "byte " << b;
  }
  for (int b = 0; b < 0x80; ++b) EXPECT_EQ(t.entry[b].cp[0], static_cast<char32_t>(b));
  EXPECT_EQ(t.entry[0x93].cp[0], U'\u201C');  // curly quotes as in Windows-1252
  EXPECT_EQ(t.entry[0x96].cp[0], U'\u2013');
  EXPECT_EQ(t.entry[0x81].len, 0);  // unassigned in Windows-1252 too
}

TEST(LegacyTables, Windows1258MatchesGlibc) {
  const SingleByteTable& t = ingest_internal::Windows1258Table();
  for (int b = 0; b < 256; ++b) {
    const std::string glibc = IconvByte("WINDOWS-1258", static_cast<unsigned char>(b));
    if (t.entry[b].len == 0) continue;  // bytes both leave unassigned, or map to C1 controls
    EXPECT_EQ(Utf8Of(t.entry[b]), glibc) << "byte " << b;
  }
}

// Decoding single bytes and VNI pairs, forced, one letter at a time.
struct LetterCase {
  Encoding encoding;
  std::string raw;
  std::string text;
};

const LetterCase kLetterCases[] = {
    {Encoding::kTcvn3, "\xB8", "á"},
    {Encoding::kTcvn3, "\xD5", "ế"},
    {Encoding::kTcvn3, "\xB9", "ạ"},
    {Encoding::kTcvn3, "\xAE", "đ"},
    {Encoding::kTcvn3, "\xA7", "Đ"},
    {Encoding::kTcvn3, "\xF9", "ự"},
    {Encoding::kTcvn3, "\xA1", "Ă"},
    {Encoding::kTcvn3, "\xFE", "ỵ"},
    {Encoding::kVni, "a\xF9", "á"},
    {Encoding::kVni, "A\xD9", "Á"},
    {Encoding::kVni, "e\xE1", "ế"},
    {Encoding::kVni, "E\xC1", "Ế"},
    {Encoding::kVni, "a\xEA", "ă"},
    {Encoding::kVni, "a\xEB", "ặ"},
    {Encoding::kVni, "o\xE4", "ộ"},
    {Encoding::kVni, "\xF4\xF9", "ớ"},
    {Encoding::kVni, "\xD6\xD8", "Ừ"},
    {Encoding::kVni, "\xF1", "đ"},
    {Encoding::kVni, "\xD1", "Đ"},
    {Encoding::kVni, "\xE6", "ỉ"},
    {Encoding::kVni, "\xEE", "ỵ"},
    {Encoding::kVni, "y\xFB", "ỷ"},
    {Encoding::kVni, "\xF6", "ư"},
    {Encoding::kVni, "i\xF9", "i\u0301"},
    {Encoding::kVni, "\xF9", "\u0301"},
    {Encoding::kVni, "\xE1", "\u0302\u0301"},
    {Encoding::kVni, "\x93", "\u201C"},
    {Encoding::kVni, "\x81", "\xEF\xBF\xBD"},
    {Encoding::kViscii, "\xD5", "ạ"},
    {Encoding::kViscii, "ABCDEFGHIJ\x02", "ABCDEFGHIJẲ"},
    {Encoding::kViscii, "\xAA", "ế"},
    {Encoding::kViscii, "\xF0", "đ"},
    {Encoding::kWindows1258, "e\xEC", "e\u0301"},
    {Encoding::kWindows1258, "\xEA\xEC", "ê\u0301"},
    {Encoding::kWindows1258, "\xFD\xF2", "ư\u0323"},
    {Encoding::kWindows1258, "\xD0", "Đ"},
    {Encoding::kWindows1258, "\xE3", "ă"},
};

// TCVN3 capitals: raised where the word shows it is in capitals, left small where it cannot.
TEST(LegacyTables, Tcvn3CapitalsRestored) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"HOạCH", "HOẠCH"},
      {"ủY", "ỦY"},
      {"Kế", "Kế"},
      {"Kế hoạch", "Kế hoạch"},
      {"TổNG", "TỔNG"},
      {"CHứC,", "CHỨC,"},
      {"ĐíCH", "ĐÍCH"},
      {"Tổ", "Tổ"},
      {"ở", "ở"},
      {"ĐƯờNG", "ĐƯỜNG"},
      {"MụC.", "MỤC."},
      {"HOạch", "HOạch"},
      {"", ""},
      {"x ủY x", "x ỦY x"},
      {"NĂM 2024: KHÓ khăn", "NĂM 2024: KHÓ khăn"},
  };
  for (const auto& c : kCases) {
    std::string text = c.in;
    ingest_internal::RestoreTcvn3Capitals(&text);
    EXPECT_EQ(text, c.out) << c.in;
  }
}

TEST(LegacyTables, LettersDecode) {
  for (const LetterCase& c : kLetterCases) {
    DecodeOptions o;
    o.forced = c.encoding;
    Decoded d = Decode(c.raw, o, "x");
    EXPECT_EQ(d.text, c.text) << EncodingName(c.encoding) << " " << c.raw;
  }
}

// Every letter of Vietnamese, both cases, with all tones.
std::string Alphabet() {
  std::string s;
  for (const char* base : {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"}) {
    for (const char* tone : {"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}) {
      const std::string lower = Nfc(std::string(base) + tone);
      s += lower + " ";
    }
  }
  s += "đ ";
  std::u32string u = testing_util::ToU32(s);
  std::u32string upper;
  for (char32_t c : u) upper.push_back(static_cast<char32_t>(u_toupper(c)));
  return s + testing_util::FromU32(upper);
}

class AlphabetTest : public ::testing::TestWithParam<Encoding> {};

TEST_P(AlphabetTest, RoundTrips) {
  const Encoding e = GetParam();
  const std::string alphabet = Alphabet();
  Encoded enc = EncodeLegacy(alphabet, e);
  EXPECT_EQ(enc.unencodable, 0u);
  DecodeOptions o;
  o.forced = e;
  Decoded d = Decode(enc.bytes, o, "x");
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_EQ(testing_util::Comparable(d.text, e), testing_util::Comparable(alphabet, e));
  // One-letter words cannot show they were capitals: TCVN3 gives them back small.
  if (e == Encoding::kTcvn3) {
    EXPECT_EQ(Nfc(d.text), LowerToneCapitals(alphabet));
  }
}

INSTANTIATE_TEST_SUITE_P(Legacy, AlphabetTest,
                         ::testing::Values(Encoding::kWindows1258, Encoding::kTcvn3, Encoding::kVni,
                                           Encoding::kViscii),
                         [](const ::testing::TestParamInfo<Encoding>& info) {
                           std::string n = EncodingName(info.param);
                           return n == "windows-1258" ? std::string("windows_1258") : n;
                         });

}  // namespace
}  // namespace vnplan
