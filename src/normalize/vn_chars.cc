#include "normalize/vn_chars.h"

#include <utf8proc.h>

#include <array>

namespace vnplan::normalize_internal {

namespace {

// Precomposed forms, indexed [base][tone][upper]; bases in the order of kBases.
constexpr char kBases[] = {'a', 'e', 'o', 'u', 'y'};
constexpr char32_t kToned[5][6][2] = {
    {{U'a', U'A'}, {U'à', U'À'}, {U'á', U'Á'}, {U'ả', U'Ả'}, {U'ã', U'Ã'}, {U'ạ', U'Ạ'}},
    {{U'e', U'E'}, {U'è', U'È'}, {U'é', U'É'}, {U'ẻ', U'Ẻ'}, {U'ẽ', U'Ẽ'}, {U'ẹ', U'Ẹ'}},
    {{U'o', U'O'}, {U'ò', U'Ò'}, {U'ó', U'Ó'}, {U'ỏ', U'Ỏ'}, {U'õ', U'Õ'}, {U'ọ', U'Ọ'}},
    {{U'u', U'U'}, {U'ù', U'Ù'}, {U'ú', U'Ú'}, {U'ủ', U'Ủ'}, {U'ũ', U'Ũ'}, {U'ụ', U'Ụ'}},
    {{U'y', U'Y'}, {U'ỳ', U'Ỳ'}, {U'ý', U'Ý'}, {U'ỷ', U'Ỷ'}, {U'ỹ', U'Ỹ'}, {U'ỵ', U'Ỵ'}},
};

int BaseIndex(char base) {
  for (int i = 0; i < 5; ++i) {
    if (kBases[i] == base) return i;
  }
  return -1;
}

bool IsTonedAey(char32_t cp) {
  for (int b : {0, 1, 4}) {  // a, e, y
    for (int tone = 1; tone < 6; ++tone) {
      if (kToned[b][tone][0] == cp || kToned[b][tone][1] == cp) return true;
    }
  }
  return false;
}

CharInfo Compute(char32_t cp) {
  CharInfo info;
  const utf8proc_int32_t c = static_cast<utf8proc_int32_t>(cp);
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: info.flags = CharInfo::kLetter | CharInfo::kUpper; break;
    case UTF8PROC_CATEGORY_LL: info.flags = CharInfo::kLetter | CharInfo::kLower; break;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: info.flags = CharInfo::kLetter; break;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: info.flags = CharInfo::kMark; break;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:  // line breaks are split off before anyone asks
      info.flags = CharInfo::kSpace;
      break;
    default: break;
  }
  if (cp >= '0' && cp <= '9') info.flags |= CharInfo::kDigit;
  if (IsTonedAey(cp)) info.flags |= CharInfo::kToned;
  if (!info.is_letter()) return info;
  if (cp < 0x80) {
    info.base = static_cast<char>(cp);
  } else if (cp == 0x0111 || cp == 0x0110 || cp == 0x00F0 || cp == 0x00D0) {
    info.base = (cp == 0x0111 || cp == 0x00F0) ? 'd' : 'D';  // đ has no decomposition
  } else {
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(
        c, buf, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK),
        nullptr);
    if (n >= 1 && buf[0] < 0x80 &&
        ((buf[0] >= 'a' && buf[0] <= 'z') || (buf[0] >= 'A' && buf[0] <= 'Z'))) {
      info.base = static_cast<char>(buf[0]);
    }
  }
  return info;
}

}  // namespace

namespace vn_chars_detail {

const CharInfo* Table() {
  static const std::array<CharInfo, kTableEnd> table = [] {
    std::array<CharInfo, kTableEnd> t;
    for (char32_t cp = 0; cp < kTableEnd; ++cp) t[cp] = Compute(cp);
    return t;
  }();
  return table.data();
}

CharInfo Lookup(char32_t cp) { return Compute(cp); }

}  // namespace vn_chars_detail

bool SplitTone(char32_t cp, ToneVowel* out) {
  const CharInfo info = GetCharInfo(cp);
  const char lower = static_cast<char>(info.base | 0x20);
  const int b = info.base ? BaseIndex(lower) : -1;
  if (b < 0) return false;
  for (int tone = 0; tone < 6; ++tone) {
    for (int upper = 0; upper < 2; ++upper) {
      if (kToned[b][tone][upper] == cp) {
        out->base = lower;
        out->tone = static_cast<Tone>(tone);
        out->upper = upper == 1;
        return true;
      }
    }
  }
  return false;
}

char32_t JoinTone(char base, Tone tone, bool upper) {
  const int b = BaseIndex(base);
  if (b < 0) return 0;
  return kToned[b][static_cast<int>(tone)][upper ? 1 : 0];
}

}  // namespace vnplan::normalize_internal
