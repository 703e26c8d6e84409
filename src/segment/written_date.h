// Internal to segment: dates and years as a header or a preamble writes them.
//
//   std::optional<WrittenDate> d = FindWrittenDate("Lào Cai, ngày 23 tháng 01 năm 2024");
//   assert(d->Iso() == "2024-01-23" && d->year == 2024);
//   assert(FindWrittenDate("ngày   tháng 6 năm 2022")->Iso() == "2022-06");
//   std::optional<WrittenDate> blank = FindWrittenDate("ngày tháng năm 2024");
//   assert(!blank->Iso() && blank->year == 2024);    // a template: the year only
#ifndef VNPLAN_SEGMENT_WRITTEN_DATE_H_
#define VNPLAN_SEGMENT_WRITTEN_DATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/span.h"

namespace vnplan::segment {

// A date as written in a header: "ngày 23 tháng 01 năm 2024", "ngày   tháng 6 năm 2022" (blank
// day, as a template leaves it), "ngày 23/01/2024", unaccented "ngay 5 thang 3 nam 2024". Fill
// characters of a template ("ngày ... tháng ... năm 2023") are skipped. `span` holds the phrase
// from "ngày" to the year, in the searched text.
struct WrittenDate {
  Span span;
  std::optional<int> day, month, year;
  // "2024-01-23", "2022-06" without a day, nullopt without a month or for a day the month does
  // not have (31 February).
  std::optional<std::string> Iso() const;
};
std::optional<WrittenDate> FindWrittenDate(std::string_view s);

// The year a plan is for, as the sentence that issues it says (`is_title` false): the first
// "năm 2025" after "kế hoạch" ("ban hành kế hoạch ... năm 2025 với các nội dung như sau:"), or
// as its title says (`is_title` true): the last "năm YYYY". `span` is the year, in `s`.
struct StatedYear {
  int year = 0;
  Span span;
};
std::optional<StatedYear> FindPlanYear(std::string_view s, bool is_title);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_WRITTEN_DATE_H_
