#include "segment/written_date.h"

#include <gtest/gtest.h>

namespace vnplan::segment {
namespace {

TEST(FindWrittenDateTest, Table) {
  const struct {
    const char* text;
    std::optional<std::string> iso;
    std::optional<int> year;
  } kCases[] = {
      {"Lào Cai, ngày 23 tháng 01 năm 2024", "2024-01-23", 2024},
      {"ngày tháng năm 2024", std::nullopt, 2024},
      {"ngày tháng 6 năm 2022", "2022-06", 2022},
      {"ngày 29 tháng 2 năm 2023", std::nullopt, 2023},
      {"ngày 29 tháng 2 năm 2024", "2024-02-29", 2024},
      {"Lao Cai, ngay 5 thang 3 nam 2024", "2024-03-05", 2024},  // unaccented
      {"ngày 7/3/2024", "2024-03-07", 2024},
      {"Hằng ngày các xã báo cáo", std::nullopt, std::nullopt},
  };
  for (const auto& c : kCases) {
    std::optional<WrittenDate> d = FindWrittenDate(c.text);
    EXPECT_EQ(d ? d->year : std::nullopt, c.year) << c.text;
    EXPECT_EQ(d ? d->Iso() : std::nullopt, c.iso) << c.text;
  }
}

TEST(FindPlanYearTest, IssuingSentenceAndTitle) {
  std::optional<StatedYear> y = FindPlanYear(
      "Ủy ban nhân dân huyện ban hành kế hoạch giảm nghèo năm 2025 với các nội dung sau:", false);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2025);
  EXPECT_FALSE(FindPlanYear("Căn cứ Nghị quyết năm 2021 của Hội đồng nhân dân tỉnh;", false));
  y = FindPlanYear("Thực hiện Chương trình giai đoạn 2021 - 2025, năm 2024", true);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2024);
}

}  // namespace
}  // namespace vnplan::segment
