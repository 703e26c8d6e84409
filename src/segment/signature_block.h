// Internal to segment: the signature block and "Nơi nhận" at the end of a document.
//
// The block is found from its last anchor — a "Nơi nhận:" line or a line opening with an
// authority mode (TM., KT., Q., TL., TUQ., also written T/M, K/T, T/L) — and grows both ways
// over the lines such a block holds: titles in capitals ("PHÓ CHỦ TỊCH"), the signer's name,
// "(Đã ký)", and, after "Nơi nhận:", the recipients ("- Sở LĐTB&XH;", "- Lưu: VT."). Table
// exports that interleave the two columns line by line are read the same way. Without a mode or
// "Nơi nhận", a title in capitals followed by a name at the very end is a signature too.
//
//   Tail t = ParseTail(lines, body_from, &header);
//   // lines [t.begin, t.end) are the block; t.signature / t.noi_nhan are the line ranges of
//   // each part, header.signer, signer_title, sign_mode and recipients are filled in.
#ifndef VNPLAN_SEGMENT_SIGNATURE_BLOCK_H_
#define VNPLAN_SEGMENT_SIGNATURE_BLOCK_H_

#include <optional>
#include <utility>
#include <vector>

#include "segment/lines.h"
#include "segment/segment.h"

namespace vnplan::segment {

struct Tail {
  size_t begin = 0;  // first line of the block; == end when there is none
  size_t end = 0;    // one past its last line (lines after it: an appendix)
  // [first, last] line of each part, when present.
  std::optional<std::pair<size_t, size_t>> signature;
  std::optional<std::pair<size_t, size_t>> noi_nhan;
  bool found() const { return end > begin; }
};

// Looks for the block in lines [from, lines.size()). Fills signer, signer_title, sign_mode and
// recipients of `header`.
Tail ParseTail(const std::vector<Line>& lines, size_t from, Header* header);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_SIGNATURE_BLOCK_H_
