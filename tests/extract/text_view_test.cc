// LooksUnaccented: whether a document is written without diacritics, decided on the share of
// marked letters over the whole text (however long it is, and wherever the marks are).
#include <string>

#include <gtest/gtest.h>

#include "extract/extractors.h"

namespace vnplan {
namespace {

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(LooksUnaccented, ShortTexts) {
  EXPECT_TRUE(LooksUnaccented("Quyet dinh so 90/QD-TTg ngay 18/01/2022"));
  EXPECT_FALSE(LooksUnaccented("Quyết định số 90/QĐ-TTg"));
  EXPECT_FALSE(LooksUnaccented(""));
  EXPECT_FALSE(LooksUnaccented("90/2022 - 15.555,25"));  // no letters
}

TEST(LooksUnaccented, LongTextsAreJudgedWhole) {
  const std::string plain = "Ke hoach thuc hien Chuong trinh giam ngheo ben vung nam 2024.\n";
  const std::string marked = "Kế hoạch thực hiện Chương trình giảm nghèo bền vững năm 2024.\n";
  EXPECT_TRUE(LooksUnaccented(Repeat(plain, 2000)));
  EXPECT_FALSE(LooksUnaccented(Repeat(marked, 2000)));
  // A marked heading, then 120 KB without marks: the marks are too few over the whole text.
  EXPECT_TRUE(LooksUnaccented(marked + marked + Repeat(plain, 2000)));
  // The same heading at the end instead: the same answer.
  EXPECT_TRUE(LooksUnaccented(Repeat(plain, 2000) + marked + marked));
  // One marked line in twenty: well over one mark in two hundred letters.
  EXPECT_FALSE(LooksUnaccented(Repeat(Repeat(plain, 19) + marked, 100)));
  // A marked first half is enough, however the second half reads.
  EXPECT_FALSE(LooksUnaccented(Repeat(marked, 1000) + Repeat(plain, 1000)));
}

}  // namespace
}  // namespace vnplan
