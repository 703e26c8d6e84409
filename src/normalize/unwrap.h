// Line unwrapping: which line breaks of a cleaned text are hard wraps to join, and which lines
// are page furniture to drop.
//
// A document is first profiled: is it hard-wrapped at a fixed width (most lines end near the
// same length), and does a blank line follow nearly every line (then blank lines are noise of
// the export, not paragraph breaks)? Each break between two lines is then decided from the two
// lines' shapes, in this order:
//   1. a table cell boundary, a markdown heading or line break: keep the break;
//   2. the line before ends with "," "(" "/" "&" or "-": join (unless a numbered or bulleted
//      item follows);
//   3. the next line starts lowercase and is not an item like "a)": join, unless the line
//      before ends with ". ! ?", or with ";" or ":" and the next word starts with an accented
//      vowel (a TCVN3 export writes capital toned letters lowercase: "ủy ban nhân dân" may open
//      a paragraph);
//   4. the line before ends with a word that cannot end a sentence ("của", "và", "ngày", ...),
//      or the next line starts with a cited document ("Quyết định số ..."): join;
//   5. the next line starts a heading or item ("I.", "1.", "1.1.", "a)", "-", "+", "Điều 3",
//      "Dự án 2", "Tiểu dự án 1", "Chương II", ...), a paragraph ("Căn cứ", "Thực hiện", ...),
//      or a header or signature line ("TM.", "KT.", "Số:", "Nơi nhận:", ...): keep the break
//      (but "- xã hội" or "Dự án 6." after a full, unfinished line finish that line);
//   6. either line is all capitals: keep the break, except "IV. MỘT SỐ" + "GIẢI PHÁP CHỦ YẾU"
//      (a Roman-numbered heading cut in two); "CỘNG HÒA XÃ HỘI" + "CHỦ NGHĨA VIỆT NAM" is
//      joined before any of this;
//   7. the line before ends a sentence (". ; : ! ?"): keep the break;
//   8. a blank line between them that is a paragraph break: keep it;
//   9. in a wrapped document, the line before is an unfinished bullet item ("- Tham mưu đẩy mạnh
//      ứng dụng" + "CNTT trong ..."), or it is full (the next line's first word would not have
//      fit in the document's wrap width): join; otherwise keep the break.
// Joins put one space between the lines, none after a hyphen stuck to a word ("06-" + "ĐA/TU").
#ifndef VNPLAN_NORMALIZE_UNWRAP_H_
#define VNPLAN_NORMALIZE_UNWRAP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "normalize/line_cleaner.h"
#include "normalize/line_shape.h"

namespace vnplan::normalize_internal {

struct DocProfile {
  bool wrapped = false;      // hard-wrapped at a fixed width
  uint32_t width = 0;        // that width, in code points (the 90th percentile line length;
                             // wrapped when it is 30..120 and 70% of the lines longer than half
                             // of it end within -25%..+10% of it)
  bool blank_noise = false;  // wrapped, and a blank line follows nearly every line
  bool markdown = false;     // markdown line breaks (two trailing spaces) are hard
};

enum class Joint : uint8_t {
  kBreak,  // a new output line
  kSpace,  // joined with one space
  kTouch,  // joined with nothing between ("06-" + "ĐA/TU")
};

struct UnwrapOptions {
  bool unwrap_lines = true;
  bool drop_page_numbers = true;
  bool strip_markup = true;  // also drops separator lines ("-----")
  bool markdown = false;
};

struct LinePlan {
  DocProfile profile;
  // joints[i]: how text->lines[i] attaches to the last kept line before it (kBreak for the first
  // kept line and for dropped lines, which are marked CleanLine::kDropped).
  std::vector<Joint> joints;
};

// Marks dropped lines in *text and decides every joint.
LinePlan PlanLines(CleanedText* text, const UnwrapOptions& options);

// The decision for one pair of kept lines (rules 1-9 above); exposed for tests.
Joint DecideJoint(const LineShape& prev, const LineShape& next, uint32_t blanks, bool hard,
                  bool prev_trailing_spaces, const DocProfile& profile);

// The NormalizedText::format name for what PlanLines and CleanLines saw.
std::string FormatName(const CleanedText& text, const DocProfile& profile);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_UNWRAP_H_
