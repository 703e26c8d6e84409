#include "segment/heading_marker.h"

#include <gtest/gtest.h>

namespace vnplan::segment {
namespace {

TEST(ScanMarkerTest, AcceptedNumberings) {
  const struct {
    const char* line;
    Scheme scheme;
    const char* label;
    std::vector<int> value;
    const char* rest;
  } kCases[] = {
      {"I. MỤC ĐÍCH, YÊU CẦU", Scheme::kRoman, "I", {1}, "MỤC ĐÍCH, YÊU CẦU"},
      {"VIII. CHẾ ĐỘ BÁO CÁO", Scheme::kRoman, "VIII", {8}, "CHẾ ĐỘ BÁO CÁO"},
      {"IV/ KINH PHÍ", Scheme::kRoman, "IV", {4}, "KINH PHÍ"},
      {"II - MỤC TIÊU", Scheme::kRoman, "II", {2}, "MỤC TIÊU"},
      {"3. Dự án 3: Hỗ trợ", Scheme::kArabic, "3", {3}, "Dự án 3: Hỗ trợ"},
      {"2.1. Dự án 2", Scheme::kArabic, "2.1", {2, 1}, "Dự án 2"},
      {"2.1.3. Tập huấn", Scheme::kArabic, "2.1.3", {2, 1, 3}, "Tập huấn"},
      {"2. 4. Sở Nội vụ: Chủ trì", Scheme::kArabic, "2.4", {2, 4}, "Sở Nội vụ: Chủ trì"},
      {"2.1 Dự án 2", Scheme::kArabic, "2.1", {2, 1}, "Dự án 2"},
      {"1- Mục tiêu", Scheme::kArabic, "1", {1}, "Mục tiêu"},
      {"1) Hộ nghèo", Scheme::kArabicParen, "1", {1}, "Hộ nghèo"},
      {"(2) Hộ cận nghèo", Scheme::kArabicParen, "2", {2}, "Hộ cận nghèo"},
      {"a) Mục tiêu: Hỗ trợ", Scheme::kLetter, "a", {1}, "Mục tiêu: Hỗ trợ"},
      {"đ) Về thông tin", Scheme::kLetter, "đ", {5}, "Về thông tin"},
      {"e) Khác", Scheme::kLetter, "e", {6}, "Khác"},
      {"b. Đối tượng", Scheme::kLetter, "b", {2}, "Đối tượng"},
      {"c/ Nội dung", Scheme::kLetter, "c", {3}, "Nội dung"},
      {"a ) Tiểu dự án 1", Scheme::kLetter, "a", {1}, "Tiểu dự án 1"},  // word-segmented
      {"A. PHẦN CHUNG", Scheme::kUpperLetter, "A", {1}, "PHẦN CHUNG"},
      {"Điều 2. Tổ chức thực hiện", Scheme::kArticle, "Điều 2", {2}, "Tổ chức thực hiện"},
      {"ĐIỀU 10: Hiệu lực", Scheme::kArticle, "Điều 10", {10}, "Hiệu lực"},
      {"Phần I", Scheme::kPart, "Phần I", {1}, ""},
      {"PHẦN THỨ HAI: KẾT QUẢ", Scheme::kPart, "Phần THỨ HAI", {2}, "KẾT QUẢ"},
      {"Chương II. QUY ĐỊNH CỤ THỂ", Scheme::kChapter, "Chương II", {2}, "QUY ĐỊNH CỤ THỂ"},
      {"CHƯƠNG III NHỮNG QUY ĐỊNH CHUNG",
       Scheme::kChapter,
       "Chương III",
       {3},
       "NHỮNG QUY ĐỊNH CHUNG"},
      {"Mục 1. Hỗ trợ", Scheme::kMuc, "Mục 1", {1}, "Hỗ trợ"},
      {"- Hộ nghèo", Scheme::kDash, "", {}, "Hộ nghèo"},
      {"+ Ngân sách", Scheme::kPlus, "", {}, "Ngân sách"},
      {"* Ghi chú", Scheme::kStar, "", {}, "Ghi chú"},
      {"• Điểm", Scheme::kStar, "", {}, "Điểm"},
  };
  for (const auto& c : kCases) {
    Marker m = ScanMarker(c.line);
    EXPECT_EQ(m.scheme, c.scheme) << c.line;
    EXPECT_EQ(m.label, c.label) << c.line;
    EXPECT_EQ(m.value, c.value) << c.line;
    EXPECT_EQ(std::string_view(c.line).substr(m.text_start), c.rest) << c.line;
  }
}

TEST(ScanMarkerTest, RejectedOpenings) {
  const char* kLines[] = {
      "2024. Năm bản lề",           // a year
      "6.800 người. Góp phần",      // thousands
      "14.495 lao động",            // thousands
      "1.5 lần so với",             // a decimal
      "10/11) về Phòng",            // a date cut by a wrap
      "V/v triển khai",             // subject line of a letter
      "Mục tiêu cụ thể: Phấn đấu",  // a lead-in, not "Mục 1"
      "Phần lớn hộ nghèo",          // "Phần" as a word
      "Điều 5 của Luật",            // an article cited in a sentence
      "Điều 3 Quyết định số 90",    // the tail of a wrapped citation
      "Mục 2 Điều 5 Nghị định",     // likewise
      "Chương II của Luật",
      "Chương trình mục tiêu",  // "Chương" as part of a word
      "**Thực hiện**",          // markup, not a bullet
      "-> tiếp theo",           // an arrow
      "và các cơ quan",         // a letter-like start
      "Căn cứ Quyết định",
  };
  for (const char* line : kLines) EXPECT_EQ(ScanMarker(line).scheme, Scheme::kNone) << line;
}

TEST(ScanProjectHeadingTest, Table) {
  const struct {
    const char* text;
    bool lead_words;
    bool found;
    int du_an;
    int tieu_du_an;
  } kCases[] = {
      {"Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng", false, true, 1, 0},
      {"Tiểu dự án 1: Hỗ trợ phát triển sản xuất", false, true, 0, 1},
      {"TIỂU DỰ ÁN 3: HỖ TRỢ VIỆC LÀM", false, true, 0, 3},
      {"Tiểu dự án 1 thuộc Dự án 3: Hỗ trợ", false, true, 3, 1},
      {"Tiểu dự án 2, Dự án 7: Nâng cao năng lực", false, true, 7, 2},
      {"Tiểu dự án 2 - Dự án 6 (Truyền thông)", false, true, 6, 2},
      {"Thực hiện Tiểu dự án 2, Dự án 7: Nâng cao", true, true, 7, 2},
      {"Thực hiện Tiểu dự án 2, Dự án 7: Nâng cao", false, false, 0, 0},
      {"Dự án 4 - Phát triển giáo dục nghề nghiệp", false, true, 4, 0},
      {"Tiểu dự án 3", false, true, 0, 3},
      {"Dự án 7.", false, false, 0, 0},                    // end of a wrapped sentence
      {"Dự án 3 thuộc Chương trình", false, false, 0, 0},  // a sentence
      {"dự án 2 và Dự án 3.", false, false, 0, 0},         // lowercase: mid-sentence
      {"Chủ trì thực hiện Tiểu dự án 2 - Dự án 3", true, false, 0, 0},
      {"Dự án đầu tư công", false, false, 0, 0},
  };
  for (const auto& c : kCases) {
    std::optional<ProjectRef> p = ScanProjectHeading(c.text, c.lead_words);
    ASSERT_EQ(p.has_value(), c.found) << c.text;
    if (!p) continue;
    EXPECT_EQ(p->du_an, c.du_an) << c.text;
    EXPECT_EQ(p->tieu_du_an, c.tieu_du_an) << c.text;
  }
}

TEST(SaysNotApplicableTest, Table) {
  EXPECT_TRUE(SaysNotApplicable("Huyện không thuộc đối tượng của Dự án."));
  EXPECT_TRUE(SaysNotApplicable("Năm 2024 không triển khai nội dung này."));
  EXPECT_TRUE(SaysNotApplicable("Xã không thực hiện Tiểu dự án."));
  EXPECT_TRUE(SaysNotApplicable("Khong ap dung tren dia ban."));
  EXPECT_TRUE(SaysNotApplicable("Huyện không phải huyện nghèo nên không thuộc phạm vi thực hiện."));
  EXPECT_FALSE(SaysNotApplicable("Hỗ trợ hộ nghèo phát triển sản xuất."));
}

}  // namespace
}  // namespace vnplan::segment
