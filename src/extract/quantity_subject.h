// What a percentage measures, read from the words around it. Internal to src/extract
// (quantity.cc). All offsets are offsets of `text`, the text the rules ran on; the result is the
// span of the subject's words in `text` (the caller lowercases them).
//
// First choice: a "tỷ lệ ..." phrase earlier in the same clause (the clause starts after the
// last '.', ';' or ':' of the line), cut where the measured thing ends: at a place or manner
// word (toàn, theo, ở, tại, trên địa bàn, giai đoạn, bình quân, năm 2024, so với) or a verb
// (giảm, tăng, đạt, còn, lên, xuống, chiếm, duy trì, phấn đấu); comparator words left at its end
// are dropped ("dưới", "từ", "khoảng", ...). No "tỷ lệ" phrase counts when another percentage
// stands between it and the figure.
//   "Tỷ lệ hộ nghèo toàn huyện giảm 5%"            -> "tỷ lệ hộ nghèo"
//   "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 16%" -> "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng"
// Otherwise: the words right after the figure, up to ten, cut at the first of được, có, là,
// đạt, so với, trở, tại, cho, dành, từ, đến, với, năm, trên, dưới, theo or any punctuation.
//   "100% cán bộ làm công tác giảm nghèo được tập huấn" -> "cán bộ làm công tác giảm nghèo"
// Else nullopt. Examples above show the span's text, lowercased.
#ifndef VNPLAN_EXTRACT_QUANTITY_SUBJECT_H_
#define VNPLAN_EXTRACT_QUANTITY_SUBJECT_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/span.h"

namespace vnplan {

// `start` is where the figure starts (its comparator, or its number), `end` where it ends.
std::optional<Span> PercentSubject(std::string_view text, size_t start, size_t end);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_QUANTITY_SUBJECT_H_
