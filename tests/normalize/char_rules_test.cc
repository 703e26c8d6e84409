#include "normalize/char_rules.h"

#include <string>

#include <gtest/gtest.h>

namespace vnplan::normalize_internal {
namespace {

TEST(CharRulesTest, LineBreaks) {
  const struct {
    const char* text;
    size_t at;
    size_t want;
  } cases[] = {
      {"a\nb", 1, 1}, {"a\r\nb", 1, 2},   {"a\rb", 1, 1},     {"a\fb", 1, 1},
      {"a\vb", 1, 1}, {"a\u0085b", 1, 2}, {"a\u2028b", 1, 3}, {"a\u2029b", 1, 3},
      {"a b", 1, 0},  {"a\u00A0b", 1, 0}, {"a\u2026b", 1, 0}, {"a\r", 1, 1},
  };
  for (const auto& c : cases) EXPECT_EQ(LineBreakAt(c.text, c.at), c.want) << c.text;
}

TEST(CharRulesTest, Replacements) {
  const struct {
    char32_t cp;
    const char* want;
  } cases[] = {
      {0x201C, "\""}, {0x201D, "\""}, {0x00AB, "\""},  {0x2018, "'"}, {0x2019, "'"}, {0x2013, "-"},
      {0x2014, "-"},  {0x2212, "-"},  {0x2026, "..."}, {0x00D0, "Đ"}, {0x00F0, "đ"},
  };
  for (const auto& c : cases) {
    ASSERT_NE(TypographicReplacement(c.cp), nullptr) << std::hex << static_cast<int>(c.cp);
    EXPECT_EQ(std::string(TypographicReplacement(c.cp)), c.want);
  }
  for (char32_t kept : {U'a', U'Đ', U'ư', U'"', U'-', U'₫'}) {
    EXPECT_EQ(TypographicReplacement(kept), nullptr);
  }
}

TEST(CharRulesTest, DroppedAndBullets) {
  for (char32_t cp : {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}) EXPECT_TRUE(IsZeroWidth(cp));
  EXPECT_FALSE(IsZeroWidth(0x00A0));  // NBSP is a space, not nothing
  for (char32_t cp : {0x2022, 0x25CF, 0xF0B7, 0x27A2}) EXPECT_TRUE(IsBulletGlyph(cp));
  EXPECT_FALSE(IsBulletGlyph(U'-'));
}

TEST(CharRulesTest, MarkdownLines) {
  for (const char* h : {"# A", "## Mục tiêu", "###### x", "  ### **I. MỤC TIÊU**", "##"}) {
    EXPECT_TRUE(IsAtxHeading(h)) << h;
  }
  for (const char* h : {"#5 trong danh sách", "####### bảy", "Số #3", ""}) {
    EXPECT_FALSE(IsAtxHeading(h)) << h;
  }
  for (const char* b : {"**Nơi nhận:**", "  **Lý Văn Khi**  "}) EXPECT_TRUE(IsBoldLine(b)) << b;
  for (const char* b : {"*** Tiểu dự án 1: x**", "**KT. TRƯỞNG BAN", "** x **", "****"}) {
    EXPECT_FALSE(IsBoldLine(b)) << b;
  }
}

}  // namespace
}  // namespace vnplan::normalize_internal
