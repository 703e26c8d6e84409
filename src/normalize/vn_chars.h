// Character facts the normalize stage asks about on every code point: letter or not, case, the
// ASCII letter under the diacritics, and the Vietnamese tone marks on the five vowels whose tone
// placement differs between the old and the new spelling styles (a, e, o, u, y).
//
//   CharInfo c = GetCharInfo(U'Ỷ');
//   assert(c.is_letter() && c.is_upper() && c.base == 'Y');
//   ToneVowel t;
//   assert(SplitTone(U'ỷ', &t) && t.base == 'y' && t.tone == Tone::kHook && !t.upper);
//   assert(JoinTone('o', Tone::kGrave, /*upper=*/false) == U'ò');
//
// Lookups below U+2000 (where Vietnamese lives) come from a table built once from utf8proc and
// are inline; other code points ask utf8proc.
#ifndef VNPLAN_NORMALIZE_VN_CHARS_H_
#define VNPLAN_NORMALIZE_VN_CHARS_H_

#include <cstdint>

namespace vnplan::normalize_internal {

struct CharInfo {
  enum : uint8_t {
    kLetter = 1,
    kUpper = 2,
    kLower = 4,
    kMark = 8,
    kSpace = 16,
    kDigit = 32,
    kToned = 64,  // a, e or y (either case) with a tone mark: see SplitTone
  };
  uint8_t flags = 0;
  char base = 0;  // ASCII letter under the diacritics ('d' for 'đ'), 0 when there is none

  bool is_letter() const { return flags & kLetter; }
  bool is_upper() const { return flags & kUpper; }
  bool is_lower() const { return flags & kLower; }
  bool is_mark() const { return flags & kMark; }    // combining mark (category M*)
  bool is_space() const { return flags & kSpace; }  // Unicode Zs, tab, other blank controls
  bool is_digit() const { return flags & kDigit; }  // ASCII 0-9 only
  // "à", "ẻ", "Ỷ", ...: the second vowel of a pair whose tone placement varies ("hoà", "thuỷ").
  bool is_toned_aey() const { return flags & kToned; }
  // A letter or a combining mark: part of a word.
  bool is_word() const { return flags & (kLetter | kMark); }
  // One of a e i o u y, with or without diacritics.
  bool is_vowel() const {
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y' ||
           base == 'A' || base == 'E' || base == 'I' || base == 'O' || base == 'U' || base == 'Y';
  }
};

namespace vn_chars_detail {
inline constexpr char32_t kTableEnd = 0x2000;
// The table for U+0000..U+1FFF, built on first use.
const CharInfo* Table();
CharInfo Lookup(char32_t cp);
}  // namespace vn_chars_detail

inline CharInfo GetCharInfo(char32_t cp) {
  if (cp < vn_chars_detail::kTableEnd) return vn_chars_detail::Table()[cp];
  return vn_chars_detail::Lookup(cp);
}

enum class Tone : uint8_t { kNone, kGrave, kAcute, kHook, kTilde, kDot };

struct ToneVowel {
  char base = 0;  // lowercase 'a', 'e', 'o', 'u' or 'y'
  Tone tone = Tone::kNone;
  bool upper = false;
};

// True when `cp` is one of a e o u y (either case) with nothing but a tone mark on it (or none);
// fills *out. "ă", "ê", "ơ", "ư" and their toned forms are not such vowels.
bool SplitTone(char32_t cp, ToneVowel* out);
// The precomposed letter for `base` ('a', 'e', 'o', 'u', 'y') with `tone`.
char32_t JoinTone(char base, Tone tone, bool upper);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_VN_CHARS_H_
