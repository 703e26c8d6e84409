// What an amount record takes from around its figure: the fund, the project and the year.
// Internal to src/extract (amount.cc).
//
//   FundName("Ngân sách Trung ương") == "ngân sách trung ương"
//   FundName("NSĐP") == "ngân sách địa phương"
//   FundName("Vốn ngân sách nhà nước") == "ngân sách nhà nước"     // "vốn" before a budget
//   FundName("Nguồn xã hội hóa") == "xã hội hóa"                   // "nguồn" dropped
//   ProjectFromLabel("Tiểu dự án 2 thuộc Dự án 4") == "du_an_4.tieu_du_an_2"
//   ProjectFromLabel("dự án 7") == "du_an_7"
//
// AmountYear looks for "năm YYYY" (a year, not the start of a period "năm 2021-2025"), in this
// order, and returns the first it finds, or nullopt:
//   1. the figure's own line, before the figure (the last one: "Năm 2022: 10 triệu đồng;
//      Năm 2023: 30 triệu đồng" gives each figure its own year);
//   2. the lead-in of the list the line belongs to: list items ("- ", "+ ", "a) ", "1. ") are
//      skipped back over while they share the line's marker, and the first line before them is
//      read ("- Nguồn vốn giao năm 2024: ... Trong đó:" above "+ Ngân sách tỉnh: ...");
//   3. the rest of the figure's clause, up to ';', '.' or the line's end;
//   4. the headings of the sections holding the figure, innermost first.
#ifndef VNPLAN_EXTRACT_AMOUNT_CONTEXT_H_
#define VNPLAN_EXTRACT_AMOUNT_CONTEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "segment/segment.h"

namespace vnplan {

std::string FundName(std::string_view label);

std::optional<std::string> ProjectFromLabel(std::string_view label);

// `text` is the text the rules ran on and `figure` a span of it; `plain_offset` is the figure's
// start in the normalized text (for the section tree of `seg`).
std::optional<int> AmountYear(std::string_view text, Span figure, const Segmented& seg,
                              size_t plain_offset);

// The years ("năm 2024") in `text`, with where each starts; periods ("năm 2021-2025") left out.
struct YearMention {
  size_t pos = 0;
  int year = 0;
};
std::vector<YearMention> YearMentions(std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_AMOUNT_CONTEXT_H_
