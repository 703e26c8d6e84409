// Internal to segment: the fields of a header block, each read from the text of one line (or
// of lines an export cut apart), for header_block.cc to assemble.
//
//   Header h;
//   ParseNumber("Số: 34/KH-UBND", 0, nullptr, &h);   // h.number "34/KH-UBND", symbol "KH-UBND"
//   size_t end;
//   DocTypePrefix("KẾ HOẠCH", &end)->name == "Kế hoạch"
#ifndef VNPLAN_SEGMENT_HEADER_FIELDS_H_
#define VNPLAN_SEGMENT_HEADER_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/span.h"
#include "segment/lines.h"
#include "segment/segment.h"

namespace vnplan::segment {

HeaderField Field(std::string value, size_t start, size_t end);

// A document type as its type line writes it (the key, folded) and as records write it.
struct DocType {
  std::string_view key;
  std::string_view name;
};

// The type word in capitals at the start of `line` ("KẾ HOẠCH", unaccented "KE HOACH" too): its
// entry, with *end the bytes it takes; nullptr when there is none or it is not in capitals.
const DocType* DocTypePrefix(std::string_view line, size_t* end);

// The national or Party motto, whole or in part ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập
// - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM"), in a FoldKey.
bool IsMottoKey(std::string_view key);
// Where the motto begins in `line` (bytes), or npos.
size_t MottoStart(std::string_view line);

// "Số: 34/KH-UBND", "Số: /KH-UBND" (number null, symbol kept), "Số 15-NQ/TU", "Số:
// 12/2020/NĐ-CP" (symbol "NĐ-CP"), "Số:" alone with the number on `next` (cells of HTML
// exports wrap). Fills number and number_symbol of `h`; `base` is the offset of `line` in the
// text. Returns the number of lines read: 0 when `line` does not open with a document number.
size_t ParseNumber(std::string_view line, size_t base, const Line* next, Header* h);

// The place before a date: the run of capitalised words ending at the comma before it, in
// `text` up to `date_at` ("Lào Cai" in "Lào Cai, ngày 23"; also after a number or the motto on
// the same flattened line). Words in capitals stop a run of mixed-case ones. [start, end) in
// `text`, or nullopt.
std::optional<std::pair<size_t, size_t>> PlaceBefore(std::string_view text, size_t date_at);

// The issuer (and its parent) from the spans of the lines in capitals above the number, grouped
// into names: a line that starts with an administrative unit ("TỈNH LÀO CAI") or a connective
// ("VÀ XÃ HỘI") continues the name above it unless that already names a place, and a name of
// one word is always cut ("CHÍNH" / "PHỦ"). The last name is the issuer, the one before it the
// parent, both in the case Vietnamese writes them (OrganizationCase).
void SetIssuer(const std::vector<Span>& pieces, std::string_view text, Header* h);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_HEADER_FIELDS_H_
