// base/utf8.h: cutting text on character boundaries, passing Vietnamese letters.
#include "base/utf8.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace vnplan {
namespace {

TEST(Utf8CharStart, MovesBackToTheCharacterStartNeverBelowTheFloor) {
  const std::string s = "aệb";  // a: 0, ệ: 1-3, b: 4
  struct Case {
    size_t pos, floor, want;
  };
  for (const Case& c : {Case{0, 0, 0}, Case{1, 0, 1}, Case{2, 0, 1}, Case{3, 0, 1}, Case{4, 0, 4},
                        Case{5, 0, 5}, Case{9, 0, 9}, Case{3, 2, 2}}) {
    EXPECT_EQ(Utf8CharStart(s, c.pos, c.floor), c.want) << c.pos << " floor " << c.floor;
  }
}

TEST(VietnameseLetterLength, TwoAndThreeByteLettersWithTheirContinuations) {
  auto len = [](std::string_view s) {
    return VietnameseLetterLength(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  EXPECT_EQ(len("đi"), 2u);        // C4 91
  EXPECT_EQ(len("ệ"), 3u);         // E1 BB 87
  EXPECT_EQ(len("a"), 0u);         // ASCII is not its business
  EXPECT_EQ(len("∑"), 0u);         // E2 ...: left to the full check
  EXPECT_EQ(len("😀"), 0u);         // four bytes
  EXPECT_EQ(len("\xC4"), 0u);      // truncated
  EXPECT_EQ(len("\xE1\xBB"), 0u);  // truncated
  EXPECT_EQ(len("\xC4z"), 0u);     // no continuation
  EXPECT_EQ(len("\xC0\xAF"), 0u);  // overlong lead bytes C0, C1 are never letters
}

}  // namespace
}  // namespace vnplan
