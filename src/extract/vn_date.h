// Calendar dates as plans write them, with parts left out: "18/01/2022", "ngày 24 tháng 5 năm
// 2019", "mồng 3 tháng 3", "10/6" (no year), "tháng 5/2019" (no day), "năm 2024" (a year) and
// periods "giai đoạn 2021-2025".
//
//   DateParts d = *ParseDatePhrase("ngày 24 tháng 5 năm 2019");   // {2019, 5, 24}
//   IsoOf(d) == "2019-05-24"
//   IsoOf(*ParseDatePhrase("10/6")) == "--06-10"                  // ISO 8601 without the year
//   IsoOf(*ParseDatePhrase("tháng 5/2019")) == "2019-05"
//   IsoOf(*ParseDatePhrase("năm 2024")) == "2024"
//   IsoOf(*ParseDatePhrase("giai đoạn 2021 - 2025")) == "2021/2025"  // ISO 8601 interval
//   Resolve(*ParseDatePhrase("10/6"), 2024) == "2024-06-10"
//   ParseDatePhrase("31/02/2024"), ("00/00/0000"), ("29/02/2023") -> nullopt
//
// Validity: months 1..12; days within the month, 29 February only in leap years (any 29/02 is
// accepted when the year is not written); years 1900..2100; a period runs forward, at most 100
// years. Days and months may carry a leading zero.
#ifndef VNPLAN_EXTRACT_VN_DATE_H_
#define VNPLAN_EXTRACT_VN_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnplan {

// A date as written; 0 marks a part that is not written.
struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
  int year_to = 0;  // the last year of a period ("2021-2025"); then month and day are 0

  bool is_period() const { return year_to != 0; }
  friend bool operator==(const DateParts&, const DateParts&) = default;
};

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

bool IsLeapYear(int year);
// Days in `month` of `year`; 29 for February when year is 0 (unknown). 0 for a bad month.
int DaysInMonth(int year, int month);

// True for the shapes above with every written part in range: day+month(+year), month+year,
// year, or year..year_to.
bool IsValidDate(const DateParts& d);

// From the texts of captured parts ("" for a part not written), e.g. MakeDate("18", "01",
// "2022"); nullopt unless every written part is a number and IsValidDate holds.
std::optional<DateParts> MakeDate(std::string_view day, std::string_view month,
                                  std::string_view year);
// A period from two written years; nullopt unless both are years and from < to <= from + 100.
std::optional<DateParts> MakePeriod(std::string_view from, std::string_view to);

// Reads one whole date phrase (case and diacritics do not matter, "ngày"/"mồng"/"mùng" and
// "giai đoạn"/"thời kỳ"/"các năm"/"từ năm ... đến năm" are optional lead words); nullopt when the
// phrase is not exactly one valid date or period.
std::optional<DateParts> ParseDatePhrase(std::string_view phrase);

// "2022-01-18", "--06-10", "2019-05", "2024", "2021/2025"; "" for an invalid date.
std::string IsoOf(const DateParts& d);

// The full ISO date, the year taken from the date or else from `doc_year`; nullopt when the day
// or month is missing, when there is no year, or when the resolved day does not exist
// (29/02 in a year that is not leap).
std::optional<std::string> Resolve(const DateParts& d, std::optional<int> doc_year);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_VN_DATE_H_
