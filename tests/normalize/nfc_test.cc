// NFC with a map: the fast scan must never call text NFC that ICU would change.
#include "normalize/nfc.h"

#include <string>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "base/utf8.h"

namespace vnplan::normalize_internal {
namespace {

TEST(NfcTest, InertCodePointsAreNfcAnywhere) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  size_t checked = 0;
  for (char32_t cp = 0; cp < 0x2100; ++cp) {
    if (!IsNfcInert(cp) || (cp >= 0xD800 && cp < 0xE000)) continue;
    ++checked;
    EXPECT_EQ(nfc->quickCheck(icu::UnicodeString(static_cast<UChar32>(cp)), status), UNORM_YES)
        << std::hex << static_cast<uint32_t>(cp);
    EXPECT_EQ(u_getCombiningClass(static_cast<UChar32>(cp)), 0)
        << std::hex << static_cast<uint32_t>(cp);
  }
  EXPECT_GT(checked, 1000u);
  EXPECT_FALSE(IsNfcInert(0x0301));  // combining acute
  EXPECT_FALSE(IsNfcInert(0x2000));  // a singleton decomposition
}

TEST(NfcTest, IsNfc) {
  EXPECT_TRUE(IsNfc(""));
  EXPECT_TRUE(IsNfc("plain ascii"));
  EXPECT_TRUE(IsNfc("Kế hoạch số 34/KH-UBND – “trích” ₫"));
  EXPECT_FALSE(IsNfc("Ke\u0302\u0301 hoa\u0323ch"));
  EXPECT_FALSE(IsNfc("\u2126"));        // OHM SIGN becomes OMEGA
  EXPECT_TRUE(IsNfc("\u03A9 \u4E00"));  // checked by ICU, and fine
}

TEST(NfcTest, ToNfcMapsComposedLettersToAllTheirBytes) {
  const std::string nfd = "Ke\u0302\u0301 hoa\u0323ch";
  OffsetMap map;
  const std::string nfc = ToNfc(nfd, &map);
  EXPECT_EQ(nfc, "Kế hoạch");
  ASSERT_EQ(map.input_size(), nfd.size());
  ASSERT_EQ(map.output_size(), nfc.size());
  const size_t at = nfc.find("ế");
  const Span s = map.MapSpan({at, at + std::string("ế").size()});
  EXPECT_EQ(nfd.substr(s.start, s.size()), "e\u0302\u0301");
  EXPECT_EQ(map.MapSpan({0, 1}), (Span{0, 1}));  // "K" is copied
}

}  // namespace
}  // namespace vnplan::normalize_internal
