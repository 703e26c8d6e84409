// The character-level half of Normalize: splits NFC text into lines and cleans each one, keeping
// a record of every edit so that the joined result can be mapped back to the input.
//
// Cleaning a line: runs of spaces, tabs, NBSP and other blanks become one space; leading and
// trailing blanks go; zero-width characters and soft hyphens go; typographic quotes become '"'
// or '\'', dashes '-', "…" "..."; U+00D0 "Ð" becomes "Đ"; "Kế_hoạch" becomes "Kế hoạch"; with
// canonical tones "hoà" becomes "hòa" (see ToneFix in line_cleaner.cc for the exact rule); with
// markup stripping, "## " heading marks, "*"/"**" emphasis and the backslash of markdown escapes
// go ("*** Tiểu dự án 1" keeps "Tiểu dự án 1"; a lone "* " bullet stays), and each "|" ends a
// table cell, so one input line may give several lines.
//
//   CleanedText out;
//   CleanLines("  Kế_hoạch  **số**\n\nhoà | bình\n", {}, &out);
//   // out.lines: "Kế hoạch số", then "hòa" (blanks_before 1), then "bình" (kHardBreakBefore)
#ifndef VNPLAN_NORMALIZE_LINE_CLEANER_H_
#define VNPLAN_NORMALIZE_LINE_CLEANER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::normalize_internal {

// One step of an edit script: `in_len` input bytes became `out_len` output bytes, copied
// unchanged when `copy` is set (then in_len == out_len).
struct EditOp {
  uint32_t in_len = 0;
  uint32_t out_len = 0;
  bool copy = false;
};

struct CleanLine {
  enum : uint8_t {
    kHardBreakBefore = 1,  // a table cell boundary or a "|" line separates it from the last line
    kHeading = 2,          // a markdown heading ("## ...") or a line wholly in "**bold**"
    kTrailingSpaces = 4,   // the input line ended in two or more spaces (a markdown line break)
    kDropped = 8,          // left out of the output (set later: page numbers, separators)
  };
  size_t in_start = 0;  // first input byte the text came from
  size_t in_end = 0;    // one past the last; the line's ops cover exactly [in_start, in_end)
  uint32_t text_start = 0;
  uint32_t text_end = 0;  // the cleaned text is CleanedText::text[text_start, text_end)
  uint32_t op_start = 0;
  uint32_t op_end = 0;         // its ops are CleanedText::ops[op_start, op_end)
  uint32_t blanks_before = 0;  // empty input lines between the previous line and this one
  uint8_t flags = 0;

  bool has(uint8_t f) const { return (flags & f) != 0; }
};

struct CleanedText {
  std::string text;  // the cleaned text of every line, back to back
  std::vector<EditOp> ops;
  std::vector<CleanLine> lines;
  uint32_t pipe_lines = 0;   // input lines holding a table pipe
  uint32_t md_headings = 0;  // "# " .. "###### " lines
  uint32_t bold_lines = 0;   // lines wholly in "**bold**"
  // Some character was not one that is NFC whatever surrounds it (IsNfcInert): the text may not
  // be NFC, and the caller should check and clean the NFC form instead.
  bool maybe_not_nfc = false;

  std::string_view LineText(const CleanLine& l) const {
    return std::string_view(text).substr(l.text_start, l.text_end - l.text_start);
  }
  void Clear() {
    text.clear();
    ops.clear();
    lines.clear();
    pipe_lines = md_headings = bold_lines = 0;
    maybe_not_nfc = false;
  }
};

struct CleanOptions {
  bool canonical_tones = true;  // hoà -> hòa
  bool strip_markup = true;     // markdown marks and escapes ("1\." -> "1."), table pipes
};

// Cleans every line of `text` (valid or not: bad bytes become U+FFFD) into *out, which is
// cleared first. Line breaks are \n, \r\n, \r, \f, \v, U+0085, U+2028 and U+2029.
void CleanLines(std::string_view text, const CleanOptions& options, CleanedText* out);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_LINE_CLEANER_H_
