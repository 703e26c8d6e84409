#include "extract/vn_date.h"

#include <cstdio>

#include <re2/re2.h>

#include "extract/fold_key.h"

namespace vnplan {
namespace {

// A small non-negative integer of at most `max_len` digits; -1 otherwise.
int ParseSmall(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string Pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && (year == 0 || IsLeapYear(year))) return 29;
  return kDays[month - 1];
}

bool IsValidDate(const DateParts& d) {
  auto year_ok = [](int y) { return y >= kMinYear && y <= kMaxYear; };
  if (d.year_to != 0) {
    return d.month == 0 && d.day == 0 && year_ok(d.year) && year_ok(d.year_to) &&
           d.year < d.year_to && d.year_to - d.year <= 100;
  }
  if (d.year != 0 && !year_ok(d.year)) return false;
  if (d.month == 0) return d.day == 0 && d.year != 0;
  if (d.month > 12) return false;
  if (d.day == 0) return d.year != 0;  // "tháng 5" alone is not a date
  return d.day <= DaysInMonth(d.year, d.month);
}

std::optional<DateParts> MakeDate(std::string_view day, std::string_view month,
                                  std::string_view year) {
  DateParts d;
  if (!day.empty() && (d.day = ParseSmall(day, 2)) <= 0) return std::nullopt;
  if (!month.empty() && (d.month = ParseSmall(month, 2)) <= 0) return std::nullopt;
  if (!year.empty() && (d.year = ParseSmall(year, 4)) <= 0) return std::nullopt;
  if (!IsValidDate(d)) return std::nullopt;
  return d;
}

std::optional<DateParts> MakePeriod(std::string_view from, std::string_view to) {
  DateParts d;
  d.year = ParseSmall(from, 4);
  d.year_to = ParseSmall(to, 4);
  if (d.year <= 0 || d.year_to <= 0 || !IsValidDate(d)) return std::nullopt;
  return d;
}

std::optional<DateParts> ParseDatePhrase(std::string_view phrase) {
  // On the folded phrase: "ngày 24 tháng 5 năm 2019" reads "ngay 24 thang 5 nam 2019".
  static const RE2 kNumeric(
      R"((?:(?:ngay|mong|mung)\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?)");
  static const RE2 kSpelled(
      R"((?:(?:ngay|mong|mung)\s+){0,2}(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?(?:nam\s+|[/-]\s*)(\d{4}))?)");
  static const RE2 kMonth(R"(thang\s+(\d{1,2})\s*(?:nam\s+|[/-]\s*)(\d{4}))");
  static const RE2 kPeriod(
      R"((?:(?:giai doan|thoi ky|nhiem ky|cac nam)\s+)?(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|(?:den|toi)(?:\s+het)?)\s*(?:nam\s+)?(\d{4}))");
  static const RE2 kYear(R"((?:nam\s+)?(\d{4}))");

  const std::string key = FoldKey(phrase);
  std::string a, b, c;
  if (RE2::FullMatch(key, kNumeric, &a, &b, &c) || RE2::FullMatch(key, kSpelled, &a, &b, &c)) {
    return MakeDate(a, b, c);
  }
  if (RE2::FullMatch(key, kMonth, &b, &c)) return MakeDate("", b, c);
  if (RE2::FullMatch(key, kPeriod, &a, &b)) return MakePeriod(a, b);
  if (RE2::FullMatch(key, kYear, &c)) return MakeDate("", "", c);
  return std::nullopt;
}

std::string IsoOf(const DateParts& d) {
  if (!IsValidDate(d)) return "";
  if (d.is_period()) return Pad(d.year, 4) + "/" + Pad(d.year_to, 4);
  if (d.month == 0) return Pad(d.year, 4);
  if (d.day == 0) return Pad(d.year, 4) + "-" + Pad(d.month, 2);
  if (d.year == 0) return "--" + Pad(d.month, 2) + "-" + Pad(d.day, 2);
  return Pad(d.year, 4) + "-" + Pad(d.month, 2) + "-" + Pad(d.day, 2);
}

std::optional<std::string> Resolve(const DateParts& d, std::optional<int> doc_year) {
  if (d.is_period() || d.day == 0 || d.month == 0) return std::nullopt;
  DateParts full = d;
  if (full.year == 0) {
    if (!doc_year) return std::nullopt;
    full.year = *doc_year;
  }
  if (!IsValidDate(full)) return std::nullopt;
  return IsoOf(full);
}

}  // namespace vnplan
