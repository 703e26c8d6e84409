// Internal to segment: the lines of a normalized text, trimmed, blank ones left out, each with
// its byte span in the text.
//
//   std::vector<Line> lines = SplitLines("KE HOACH\n\n  I. MUC TIEU\n");
//   assert(lines.size() == 2 && lines[1].text == "I. MUC TIEU" && lines[1].span.start == 12);
#ifndef VNPLAN_SEGMENT_LINES_H_
#define VNPLAN_SEGMENT_LINES_H_

#include <string_view>
#include <vector>

#include "base/span.h"

namespace vnplan::segment {

struct Line {
  Span span;              // the trimmed line in the text
  std::string_view text;  // the same bytes
};

std::vector<Line> SplitLines(std::string_view text);

// The offset where line `i` starts, or the text's end when i is past the last line.
size_t LineStartOr(const std::vector<Line>& lines, size_t i, size_t text_end);

// A line of only rule characters ("-------", "|", "* * *", "___"): table borders and
// separators of exported documents.
bool IsSeparator(std::string_view line);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_LINES_H_
