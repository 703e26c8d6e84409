#include "extract/vn_date.h"

#include <gtest/gtest.h>

namespace vnplan {
namespace {

struct PhraseCase {
  const char* phrase;
  const char* iso;  // "" when the phrase is not a date
};

TEST(VnDateTest, ParsesWrittenForms) {
  const PhraseCase kCases[] = {
      {"18/01/2022", "2022-01-18"},
      {"18-01-2022", "2022-01-18"},
      {"18.01.2022", "2022-01-18"},
      {"5/3/2024", "2024-03-05"},
      {"ngày 24 tháng 5 năm 2019", "2019-05-24"},
      {"Ngày 07 tháng 11 năm 2023", "2023-11-07"},
      {"ngày 9 tháng 4, năm 2021", "2021-04-09"},
      {"23 tháng 01 năm 2024", "2024-01-23"},
      {"mồng 3 tháng 3", "--03-03"},
      {"mùng 2 tháng 9 năm 2025", "2025-09-02"},
      {"ngày 15 tháng 8/2022", "2022-08-15"},
      {"ngày 30/4", "--04-30"},
      {"10/6", "--06-10"},
      {"29/02", "--02-29"},
      {"tháng 5/2019", "2019-05"},
      {"tháng 5 năm 2019", "2019-05"},
      {"tháng 12-2023", "2023-12"},
      {"năm 2024", "2024"},
      {"2025", "2025"},
      {"giai đoạn 2021-2025", "2021/2025"},
      {"giai đoạn 2021 - 2025", "2021/2025"},
      {"thời kỳ 2016-2020", "2016/2020"},
      {"từ năm 2022 đến năm 2030", "2022/2030"},
      {"từ năm 2023 đến hết năm 2026", "2023/2026"},
      {"2026 - 2030", "2026/2030"},
      {"29/02/2024", "2024-02-29"},
      {"29/02/2000", "2000-02-29"},
      {"31/12/2099", "2099-12-31"},
      {"31/02/2024", ""},
      {"29/02/2023", ""},
      {"29/02/1900", ""},
      {"00/00/0000", ""},
      {"31/04/2024", ""},
      {"32/1/2024", ""},
      {"12/13/2024", ""},
      {"0/5", ""},
      {"1/1/1066", ""},
      {"giai đoạn 2025-2021", ""},
      {"giai đoạn 2021-2025-2030", ""},
      {"tháng 13/2024", ""},
      {"tháng 5", ""},
      {"90/QĐ-TTg", ""},
      {"10/6/QĐ", ""},
      {"ngày tháng năm", ""},
  };
  for (const PhraseCase& c : kCases) {
    std::optional<DateParts> d = ParseDatePhrase(c.phrase);
    if (*c.iso == '\0') {
      EXPECT_FALSE(d.has_value()) << c.phrase << " -> " << IsoOf(*d);
    } else {
      ASSERT_TRUE(d.has_value()) << c.phrase;
      EXPECT_EQ(IsoOf(*d), c.iso) << c.phrase;
    }
  }
}

struct ResolveCase {
  const char* phrase;
  std::optional<int> doc_year;
  std::optional<std::string> resolved;
};

TEST(VnDateTest, ResolvesTheYearFromTheDocument) {
  const ResolveCase kCases[] = {
      {"10/6", 2024, "2024-06-10"},
      {"mồng 3 tháng 3", 2021, "2021-03-03"},
      {"10/6", std::nullopt, std::nullopt},
      {"18/01/2022", 2024, "2022-01-18"},  // a written year wins
      {"18/01/2022", std::nullopt, "2022-01-18"},
      {"29/02", 2024, "2024-02-29"},
      {"29/02", 2023, std::nullopt},         // not a day of 2023
      {"tháng 5/2019", 2024, std::nullopt},  // no day
      {"giai đoạn 2021-2025", 2024, std::nullopt},
      {"năm 2024", 2024, std::nullopt},
  };
  for (const ResolveCase& c : kCases) {
    std::optional<DateParts> d = ParseDatePhrase(c.phrase);
    ASSERT_TRUE(d.has_value()) << c.phrase;
    EXPECT_EQ(Resolve(*d, c.doc_year), c.resolved) << c.phrase;
  }
}

TEST(VnDateTest, LeapYears) {
  const std::pair<int, bool> kYears[] = {{2024, true},  {2023, false}, {2000, true},
                                         {1900, false}, {2100, false}, {2028, true}};
  for (const auto& [year, leap] : kYears) {
    EXPECT_EQ(IsLeapYear(year), leap) << year;
    EXPECT_EQ(DaysInMonth(year, 2), leap ? 29 : 28) << year;
  }
  EXPECT_EQ(DaysInMonth(0, 2), 29);
  EXPECT_EQ(DaysInMonth(2024, 13), 0);
}

TEST(VnDateTest, MakeDateFromCaptures) {
  EXPECT_EQ(MakeDate("18", "01", "2022"), (DateParts{2022, 1, 18, 0}));
  EXPECT_EQ(MakeDate("", "6", "2024"), (DateParts{2024, 6, 0, 0}));
  EXPECT_EQ(MakeDate("10", "6", ""), (DateParts{0, 6, 10, 0}));
  EXPECT_FALSE(MakeDate("10", "", "2024").has_value());
  EXPECT_FALSE(MakeDate("", "", "").has_value());
  EXPECT_FALSE(MakeDate("123", "1", "2024").has_value());
  EXPECT_FALSE(MakeDate("1", "1", "20245").has_value());
  EXPECT_EQ(MakePeriod("2021", "2025"), (DateParts{2021, 0, 0, 2025}));
  EXPECT_FALSE(MakePeriod("2021", "2021").has_value());
  EXPECT_FALSE(MakePeriod("1990", "2150").has_value());
}

}  // namespace
}  // namespace vnplan
