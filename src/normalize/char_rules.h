// What single characters become in the normalized text, and the two markdown line shapes the
// cleaner looks for. Pure functions over code points and lines, used by line_cleaner.cc.
//
//   assert(LineBreakAt("a\r\nb", 1) == 2);
//   assert(std::string(TypographicReplacement(U'\u201C')) == "\"");
//   assert(IsZeroWidth(0x200B) && IsBulletGlyph(0x2022));
//   assert(IsAtxHeading("## Mục tiêu") && IsBoldLine("**Nơi nhận:**"));
#ifndef VNPLAN_NORMALIZE_CHAR_RULES_H_
#define VNPLAN_NORMALIZE_CHAR_RULES_H_

#include <cstddef>
#include <string_view>

namespace vnplan::normalize_internal {

// Length of the line break at s[i] (\n, \r\n, \r, \f, \v, U+0085, U+2028, U+2029), or 0.
size_t LineBreakAt(std::string_view s, size_t i);

// Zero-width characters and the soft hyphen, which are dropped.
bool IsZeroWidth(char32_t cp);

// The text a typographic character becomes: '"' for double quotes and guillemets, '\'' for
// single quotes and primes, '-' for hyphens, dashes and minus signs, "..." for the ellipsis,
// "Đ"/"đ" for the look-alike "Ð"/"ð"; nullptr for any other character.
const char* TypographicReplacement(char32_t cp);

// Bullet glyphs (including the private-use ones Word's Symbol font leaves behind) that become
// "-" at the start of a line.
bool IsBulletGlyph(char32_t cp);

// "# Heading" .. "###### Heading" (blanks around allowed).
bool IsAtxHeading(std::string_view line);

// A line wholly in bold: "**Nơi nhận:**".
bool IsBoldLine(std::string_view line);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_CHAR_RULES_H_
