// What a cleaned line looks like at its two ends, for deciding whether a line break is a wrap.
//
//   LineShape s = ShapeOf("2.1. Sở Lao động Thương");
//   assert(s.marker == Marker::kNumber && s.ends_alnum && !s.ends_sentence);
//   assert(ShapeOf("tháng 01 năm 2024").starts_lower);
//   assert(ShapeOf("Căn cứ Quyết định số 90/QĐ-TTg;").opener);
//   assert(ShapeOf("- 3 -").page_number);
//
// Input is one line as CleanLines leaves it: UTF-8, single spaces, no blanks at either end.
#ifndef VNPLAN_NORMALIZE_LINE_SHAPE_H_
#define VNPLAN_NORMALIZE_LINE_SHAPE_H_

#include <cstdint>
#include <string_view>

namespace vnplan::normalize_internal {

enum class Marker : uint8_t {
  kNone,
  kRoman,   // "I. ", "IV) ", "II- "
  kNumber,  // "1. ", "1.1. ", "2) ", "2.1 Sở", "1- Mục" (with text after it: not a bare "3.")
  kLetter,  // "a) ", "đ) ", "b. ", "A. ", and "a ) " as word segmenters write it
  kBullet,  // "- ", "+ ", "* ", "-Tăng"
  kWord,    // "Điều 3", "Chương II", "Phần I", "Mục 2", "Dự án 2", "Tiểu dự án 1"
};

struct LineShape {
  uint32_t chars = 0;             // code points
  uint32_t first_word_chars = 0;  // code points before the first space
  Marker marker = Marker::kNone;
  bool starts_lower = false;           // the first letter (after "(", quotes) is lowercase
  bool starts_accented_lower = false;  // ... and is a vowel with diacritics ("ủy"): in a TCVN3
                                       // export, perhaps a capital the encoding could not hold
  bool starts_digit = false;
  bool dash_tail = false;  // a bullet mark, then a lowercase word or a number: "- xã hội",
                           // "- 2025;" (perhaps "kinh tế - xã hội" cut at the dash)
  bool opener = false;     // a paragraph opener: "Căn cứ", "Thực hiện", "Trên đây", ...
  // header or signature: "TM.", "KT.", "Q.", "TL.", "TUQ.", "Số:", "Nơi nhận", "Kính gửi",
  // "CỘNG HÒA XÃ HỘI...", "Độc lập..."
  bool header = false;
  bool all_caps = false;  // two or more letters, none lowercase
  bool citation_start = false;  // "Quyết định số ...", "Kế hoạch 209/KH-UBND": a cited document
  bool republic = false;   // exactly "CỘNG HÒA XÃ HỘI" (its second half is on the next line)
  bool socialist = false;  // starts with "CHỦ NGHĨA"
  bool ends_terminal = false;  // ". ! ?" last (closing quotes and brackets looked through)
  bool ends_sentence = false;  // ". ; : ! ?" last
  bool ends_colon = false;
  bool ends_joiner = false;      // "," "(" "/" "&" last: the sentence must go on
  bool ends_hyphen = false;      // "-" last
  bool hyphen_attached = false;  // and no space before it: "06-"
  bool ends_alnum = false;
  bool ends_function_word = false;  // "của", "và", "theo", ...: a sentence cannot end here
  bool ends_number_word = false;  // "ngày", "năm", "số", "khoản", "Dự án": a number follows
  bool page_number = false;       // "- 3 -", "Trang 3", "Trang 3/10"
  bool digits_only = false;       // "3"
  bool separator = false;         // "-----", "=====", "___", ":---:"
};

LineShape ShapeOf(std::string_view line);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_LINE_SHAPE_H_
