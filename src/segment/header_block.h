// Internal to segment: the header block at the top of an administrative document, laid out as
// Nghị định 30/2020/NĐ-CP sets it: issuing body (and its parent) beside the national motto,
// "Số: 34/KH-UBND", place and date, the type line ("KẾ HOẠCH") and the title under it; a "V/v"
// subject in place of type and title for a công văn; "Kính gửi:" with its list.
//
// The block is read line by line from the top and ends at the first line that is none of these
// (a "Căn cứ" line, a numbered heading, a paragraph). A document that opens mid-text has no
// block: nothing is filled in. Lines cut by an export ("Lào Cai, ngày 23" / "tháng 01 năm
// 2024", a motto or title over two lines, table cells flattened onto one line) are read whole.
//
//   std::vector<Line> lines = SplitLines(text);
//   Header h;
//   size_t n = ParseHeaderBlock(lines, text, &h);   // lines [0, n) are the header block
#ifndef VNPLAN_SEGMENT_HEADER_BLOCK_H_
#define VNPLAN_SEGMENT_HEADER_BLOCK_H_

#include <optional>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "segment/lines.h"
#include "segment/segment.h"

namespace vnplan::segment {

// Fills the header fields found (all but signature and recipients) and returns the number of
// lines the block takes; 0 when the text does not open with a header block.
size_t ParseHeaderBlock(const std::vector<Line>& lines, std::string_view text, Header* header);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_HEADER_BLOCK_H_
