#include "segment/text_shape.h"

#include <gtest/gtest.h>

namespace vnplan::segment {
namespace {

TEST(FoldTest, MapsEveryByteBackToItsCharacter) {
  Folded f = Fold("Số: 34/KH-UBND");
  EXPECT_EQ(f.text, "so: 34/kh-ubnd");
  ASSERT_EQ(f.src.size(), f.text.size() + 1);
  EXPECT_EQ(f.src[0], 0u);
  EXPECT_EQ(f.src[1], 1u);  // "ố" starts at byte 1 ...
  EXPECT_EQ(f.src[2], 4u);  // ... and takes 3 bytes
  EXPECT_EQ(f.src.back(), std::string_view("Số: 34/KH-UBND").size());
}

TEST(FoldKeyTest, Table) {
  const struct {
    const char* in;
    const char* key;
  } kCases[] = {
      {"I. MỤC ĐÍCH, YÊU CẦU", "i muc dich yeu cau"},
      {"Nguồn vốn thực hiện:", "nguon von thuc hien"},
      {"ĐỐI TƯỢNG - PHẠM VI", "doi tuong pham vi"},
      {"Kinh phi thuc hien", "kinh phi thuc hien"},
      {"  Chỉ tiêu  (2024) ", "chi tieu 2024"},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(FoldKey(c.in), c.key) << c.in;
}

TEST(KeyTest, WholeWordsOnly) {
  EXPECT_TRUE(KeyStartsWith("muc dich yeu cau", "muc dich"));
  EXPECT_FALSE(KeyStartsWith("muc dichs", "muc dich"));
  EXPECT_TRUE(KeyContains("cac giai phap chu yeu", "giai phap"));
  EXPECT_FALSE(KeyContains("khong giai phapx", "giai phap"));
  EXPECT_FALSE(KeyStartsWith("muc", ""));
}

TEST(ShapeTest, CaseOfLines) {
  EXPECT_TRUE(IsAllCaps("KẾ HOẠCH"));
  EXPECT_TRUE(IsAllCaps("IV. NGUỒN VỐN"));
  EXPECT_FALSE(IsAllCaps("Kế hoạch"));
  EXPECT_FALSE(IsAllCaps("I."));  // fewer than two letters
  EXPECT_TRUE(StartsUpper("(Đã ký)"));
  EXPECT_TRUE(StartsLower("giảm nghèo bền vững"));
  EXPECT_FALSE(StartsLower("2024 giảm"));
}

TEST(ShapeTest, NameShape) {
  EXPECT_TRUE(IsNameShape("Nguyễn Chí Chung"));
  EXPECT_TRUE(IsNameShape("Lý Văn Khi"));
  EXPECT_FALSE(IsNameShape("PHÓ CHỦ TỊCH"));
  EXPECT_FALSE(IsNameShape("Nguyễn"));
  EXPECT_FALSE(IsNameShape("Trên đây là Kế hoạch"));
  EXPECT_FALSE(IsNameShape("Sở LĐTB&XH;"));
}

TEST(CaseTest, SentenceAndOrganization) {
  EXPECT_EQ(SentenceCase("KẾ HOẠCH"), "Kế hoạch");
  EXPECT_EQ(SentenceCase("QUYẾT ĐỊNH"), "Quyết định");
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"},
      {"UBND HUYỆN SÔNG MÃ", "UBND huyện Sông Mã"},
      {"BAN DÂN TỘC", "Ban Dân tộc"},
      {"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"},
      {"HUYỆN LẤP VÒ", "Huyện Lấp Vò"},
      {"TỈNH ỦY YÊN BÁI", "Tỉnh ủy Yên Bái"},
      {"HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NGÃI", "Hội đồng nhân dân tỉnh Quảng Ngãi"},
      {"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "Hội đồng Thi đua - Khen thưởng"},
      {"UY BAN NHAN DAN HUYEN TRA BONG", "Uy ban nhan dan huyen Tra Bong"},  // unaccented
      {"BAN QUẢN LÝ DỰ ÁN", "Ban Quản lý dự án"},
      {"THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"},
      {"CHÍNH PHỦ", "Chính phủ"},
      {"Ủy ban nhân dân xã", "Ủy ban nhân dân xã"},  // not in capitals: as written
  };
  for (const auto& c : kCases) EXPECT_EQ(OrganizationCase(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace vnplan::segment
