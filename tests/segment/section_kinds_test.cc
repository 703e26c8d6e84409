#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "segment/segment.h"

namespace vnplan {
namespace {

TEST(SectionKindsTest, BuiltinTableHoldsItsOwnExamples) {
  StatusOr<SectionKinds> kinds = SectionKinds::Builtin();
  ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
  Status st = kinds->CheckExamples();
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_GE(kinds->kinds().size(), 10u);
}

TEST(SectionKindsTest, KindOfHeadings) {
  StatusOr<SectionKinds> kinds = SectionKinds::Builtin();
  ASSERT_TRUE(kinds.ok());
  const struct {
    const char* heading;
    const char* kind;
  } kCases[] = {
      {"NGUỒN LỰC THỰC HIỆN", "nguon_von"},
      {"NGUỒN VỐN THỰC HIỆN", "nguon_von"},
      {"KẾ HOẠCH KINH PHÍ", "nguon_von"},
      {"Kinh phí thực hiện", "nguon_von"},
      {"Kinh phi thuc hien", "nguon_von"},  // unaccented
      {"CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "che_do_bao_cao"},
      {"MỘT SỐ GIẢI PHÁP CHỦ YẾU", "giai_phap"},
      {"NHIỆM VỤ", "nhiem_vu_noi_dung"},
      {"NỘI DUNG THỰC HIỆN", "nhiem_vu_noi_dung"},
      {"MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"},
      {"Mục đích", "muc_dich"},
      {"Yêu cầu", "yeu_cau"},
      {"Chỉ tiêu", "muc_tieu"},
      {"Mục tiêu cụ thể", "muc_tieu"},
      {"ĐỐI TƯỢNG, PHẠM VI", "doi_tuong_pham_vi"},
      {"TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien"},
      {"Phòng Tài chính - Kế hoạch", "other"},
      {"Trung tâm Y tế", "other"},
      {"", "other"},
      // A sentence that starts like a heading is not one.
      {"Tổ chức thực hiện tốt các chính sách hỗ trợ hộ nghèo, hộ cận nghèo và hộ mới thoát "
       "nghèo trên địa bàn toàn huyện trong năm",
       "other"},
  };
  for (const auto& c : kCases) EXPECT_EQ(kinds->KindOf(c.heading), c.kind) << c.heading;
}

TEST(SectionKindsTest, ParseErrorsNameFileAndLine) {
  const struct {
    const char* yaml;
    const char* where;
  } kCases[] = {
      {"kinds:\n  - kind: x\n    patterns: [a]\n    colour: red\n", "t.yaml:4"},
      {"kinds:\n  - patterns: [a]\n", "t.yaml:2"},
      {"kinds:\n  - kind: Bad-Kind\n    patterns: [a]\n", "t.yaml:2"},
      {"kinds:\n  - kind: x\n", "t.yaml:2"},
      {"kinds: [\n", "t.yaml:2"},
      {"other: 1\n", "t.yaml:1"},
  };
  for (const auto& c : kCases) {
    StatusOr<SectionKinds> k = SectionKinds::Parse(c.yaml, "t.yaml");
    ASSERT_FALSE(k.ok()) << c.yaml;
    EXPECT_NE(k.status().message().find(c.where), std::string::npos)
        << c.yaml << " -> " << k.status().ToString();
  }
}

TEST(SectionKindsTest, ParsedTableAndSettings) {
  StatusOr<SectionKinds> k = SectionKinds::Parse(
      "settings:\n  skip_prefixes: [các]\n  max_words: 4\n"
      "kinds:\n  - kind: giai_phap\n    patterns: [giải pháp]\n"
      "    examples: [\"Các giải pháp\"]\n    counter_examples: [\"Nhiệm vụ\"]\n",
      "t.yaml");
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_TRUE(k->CheckExamples().ok());
  EXPECT_EQ(k->KindOf("CÁC GIẢI PHÁP"), "giai_phap");
  EXPECT_EQ(k->KindOf("Giải pháp a b c d"), "other");  // past max_words

  StatusOr<SectionKinds> wrong = SectionKinds::Parse(
      "kinds:\n  - kind: giai_phap\n    patterns: [giải pháp]\n    examples: [\"Nhiệm vụ\"]\n",
      "w.yaml");
  ASSERT_TRUE(wrong.ok());
  Status st = wrong->CheckExamples();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("w.yaml:2"), std::string::npos) << st.ToString();
}

TEST(SectionKindsTest, LoadDirReadsTheRulesFolder) {
  StatusOr<SectionKinds> k = SectionKinds::LoadDir(VNPLAN_SOURCE_DIR "/rules");
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->KindOf("NGUỒN VỐN"), "nguon_von");
  StatusOr<SectionKinds> missing = SectionKinds::LoadDir("/nonexistent/rules");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace vnplan
