// base/utf8.h: cutting text on character boundaries.
#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace vnplan
