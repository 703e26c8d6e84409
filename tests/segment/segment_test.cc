// The section tree on texts already one paragraph per line (no normalization in between), written
// for these tests: how numbering schemes nest, which lines are not headings, projects, lead-ins,
// ids, extents, Innermost and ProjectAt.
#include "segment/segment.h"

#include <gtest/gtest.h>

#include "seed_text.h"

namespace vnplan::testing {
namespace {

SegmentedDoc Plain(std::string text) {
  SegmentedDoc d;
  d.norm.text = std::move(text);
  d.norm.map = OffsetMap::Identity(d.norm.text.size());
  d.norm.format = "plain";
  d.seg = Segment(d.norm, BuiltinKinds());
  return d;
}

// "id kind" of every body section, in order.
std::vector<std::string> Outline(const SegmentedDoc& d) {
  std::vector<std::string> out;
  for (const Section& s : d.seg.sections) {
    if (s.level > 0) out.push_back(s.id + " " + s.kind);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(SectionTreeTest, SchemesNestInTheOrderTheyAppear) {
  // Arabic under Roman here; letters under Arabic; a new Roman closes both.
  SegmentedDoc d = Plain(
      "I. MỤC TIÊU\n1. Mục tiêu chung\na) Giảm nghèo\nb) Tăng thu nhập\n2. Chỉ tiêu\n"
      "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Tài chính\n");
  EXPECT_EQ(Outline(d), (Lines{"I muc_tieu", "I.1 muc_tieu", "I.1.a other", "I.1.b other",
                               "I.2 muc_tieu", "II to_chuc_thuc_hien", "II.1 other"}));
  ExpectWellFormed(d, "nest");
  // The same schemes in another order nest the other way: letters on top, numbers under them.
  d = Plain("a) Mục đích\n1. Hỗ trợ\n2. Tập huấn\nb) Yêu cầu\n");
  EXPECT_EQ(Outline(d), (Lines{"a muc_dich", "a.1 other", "a.2 other", "b yeu_cau"}));
}

TEST(SectionTreeTest, ImplausibleNumbersAreText) {
  SegmentedDoc d = Plain(
      "I. MỤC TIÊU\n1. Giảm hộ nghèo\n2024. Năm bản lề của giai đoạn\n"
      "5. Chỉ tiêu này nằm giữa đoạn văn và không nối tiếp danh sách\n2. Tăng thu nhập\n"
      "6.800 người được hỗ trợ\nIV. KINH PHÍ\nII. NHIỆM VỤ\n");
  // "2024." is a year, "5." does not follow "1.", "6.800" is a figure, "IV." does not follow I
  // (one missing number is tolerated, as for a heading lost by a scan; two are not).
  EXPECT_EQ(Outline(d), (Lines{"I muc_tieu", "I.1 other", "I.2 other", "II nhiem_vu_noi_dung"}));
}

TEST(SectionTreeTest, ListRestartingInsideAnItemNests) {
  SegmentedDoc d = Plain(
      "1. Nhiệm vụ\na) Rà soát hộ nghèo:\n1. Lập danh sách các hộ trong thôn.\n"
      "2. Niêm yết công khai danh sách.\nb) Hỗ trợ sinh kế\n2. Giải pháp\n");
  EXPECT_EQ(Outline(d), (Lines{"1 nhiem_vu_noi_dung", "1.a other", "1.a.1 other", "1.a.2 other",
                               "1.b other", "2 giai_phap"}));
}

TEST(SectionTreeTest, MultiLevelArabicAndMissingParent) {
  SegmentedDoc d = Plain(
      "II. NỘI DUNG\n2. Nội dung thực hiện\n2.1. Dự án 2: Đa dạng hóa sinh kế\n"
      "2.2. Dự án 3: Hỗ trợ sản xuất\n2. 3. Dự án 4: Giáo dục nghề nghiệp\n3. Giải pháp\n");
  // Under II a list must start at 1: "2." is text, and "2.1" opens directly under II.
  EXPECT_EQ(Outline(d),
            (Lines{"II nhiem_vu_noi_dung", "II.2.1 du_an", "II.2.2 du_an", "II.2.3 du_an"}));
  d = Plain(
      "II. NỘI DUNG\n1. Chỉ tiêu\n2. Nội dung thực hiện\n2.1. Dự án 2: Đa dạng hóa sinh kế\n"
      "2.2. Dự án 3: Hỗ trợ sản xuất\n3. Giải pháp\n");
  EXPECT_EQ(Outline(d), (Lines{"II nhiem_vu_noi_dung", "II.1 muc_tieu", "II.2 nhiem_vu_noi_dung",
                               "II.2.1 du_an", "II.2.2 du_an", "II.3 giai_phap"}));
  EXPECT_EQ(d.Find("II.2.1")->label, "2.1");
}

TEST(SectionTreeTest, ProjectsWhateverTheirNumbering) {
  SegmentedDoc d = Plain(
      "V. NỘI DUNG THỰC HIỆN\n1. Dự án 1: Hạ tầng\nHuyện không thuộc đối tượng của Dự án.\n"
      "2. Dự án 3: Sản xuất\nTiểu dự án 1: Nông nghiệp\na) Mục tiêu: Hỗ trợ.\n"
      "b) Kinh phí: 200 triệu đồng.\nTiểu dự án 2: Dinh dưỡng\nNăm 2024 không triển khai.\n"
      "3. Thực hiện Tiểu dự án 2, Dự án 7: Giám sát\n"
      "4. Tiểu dự án 1 thuộc Dự án 6: Thông tin\n");
  EXPECT_EQ(Outline(d),
            (Lines{"V nhiem_vu_noi_dung", "V.1 du_an", "V.2 du_an", "V.2.Tiểu dự án 1 tieu_du_an",
                   "V.2.Tiểu dự án 1.a muc_tieu", "V.2.Tiểu dự án 1.b nguon_von",
                   "V.2.Tiểu dự án 2 tieu_du_an", "V.3 tieu_du_an", "V.4 tieu_du_an"}));
  const struct {
    const char* id;
    const char* project;
    bool applies;
  } kWant[] = {
      {"V.1", "du_an_1", false},
      {"V.2", "du_an_3", true},
      {"V.2.Tiểu dự án 1", "du_an_3.tieu_du_an_1", true},
      {"V.2.Tiểu dự án 2", "du_an_3.tieu_du_an_2", false},
      {"V.3", "du_an_7.tieu_du_an_2", true},
      {"V.4", "du_an_6.tieu_du_an_1", true},
  };
  for (const auto& w : kWant) {
    const Section* s = d.Find(w.id);
    ASSERT_NE(s, nullptr) << w.id;
    EXPECT_EQ(s->project, w.project) << w.id;
    EXPECT_EQ(s->applies, w.applies) << w.id;
  }
  EXPECT_EQ(d.Find("V")->applies, std::nullopt);
  // Inside "b) Kinh phí" of Tiểu dự án 1: that sub-project.
  const Section* b = d.Find("V.2.Tiểu dự án 1.b");
  EXPECT_EQ(d.seg.ProjectAt(b->extent.start + 3), "du_an_3.tieu_du_an_1");
  EXPECT_EQ(d.seg.Innermost(b->extent.start + 3), b);
}

TEST(SectionTreeTest, BulletsAreItemsExceptProjectLines) {
  SegmentedDoc d = Plain(
      "IV. KINH PHÍ\n- Tổng kinh phí: 1.000 triệu đồng, gồm:\n- Dự án 2: 400 triệu đồng;\n"
      "+ Vốn sự nghiệp: 300 triệu đồng;\n- Dự án 3: 500 triệu đồng;\n"
      "- Kinh phí quản lý: 100 triệu đồng.\nV. TỔ CHỨC THỰC HIỆN\n");
  EXPECT_EQ(Outline(d),
            (Lines{"IV nguon_von", "IV.Dự án 2 du_an", "IV.Dự án 3 du_an", "V to_chuc_thuc_hien"}));
  // The plain bullet after "- Dự án 3" closes it: its line is in IV, in no project.
  const size_t last_bullet = d.norm.text.find("- Kinh phí quản lý");
  EXPECT_EQ(d.seg.Innermost(last_bullet)->id, "IV");
  EXPECT_EQ(d.seg.ProjectAt(last_bullet), std::nullopt);
  EXPECT_EQ(d.seg.ProjectAt(d.norm.text.find("+ Vốn sự nghiệp")), "du_an_2");
}

TEST(SectionTreeTest, DecisionArticlesAndChapters) {
  SegmentedDoc d = Plain(
      "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nĐiều 2. Đối tượng áp dụng\n"
      "Chương II\nQUY ĐỊNH CỤ THỂ\nĐiều 3. Nguyên tắc phân bổ\n1. Công khai.\n2. Đúng đối tượng.\n"
      "Điều 4. Tổ chức thực hiện\n");
  EXPECT_EQ(Outline(d),
            (Lines{"Chương I other", "Chương I.Điều 1 dieu", "Chương I.Điều 2 dieu",
                   "Chương II other", "Chương II.Điều 3 dieu", "Chương II.Điều 3.1 other",
                   "Chương II.Điều 3.2 other", "Chương II.Điều 4 dieu"}));
  EXPECT_EQ(d.Find("Chương I")->heading, "QUY ĐỊNH CHUNG");  // the title under the label
}

TEST(SectionTreeTest, LeadInsOpenPartsOnlyWithoutANumberedTopLevel) {
  SegmentedDoc d = Plain(
      "Để thực hiện tốt công tác giảm nghèo, huyện ban hành kế hoạch năm 2025 như sau:\n"
      "Mục đích: Giảm nghèo bền vững.\nMục tiêu cụ thể: Giảm 50 hộ nghèo.\n"
      "Nội dung thực hiện:\n1. Tuyên truyền\n2. Hỗ trợ sinh kế\nĐối tượng: hộ nghèo.\n"
      "Kinh phí thực hiện: Ngân sách huyện.\n");
  EXPECT_EQ(Outline(d),
            (Lines{"muc_dich muc_dich", "muc_tieu muc_tieu", "nhiem_vu_noi_dung nhiem_vu_noi_dung",
                   "nhiem_vu_noi_dung.1 other", "nhiem_vu_noi_dung.2 other",
                   "doi_tuong_pham_vi doi_tuong_pham_vi", "nguon_von nguon_von"}));
  EXPECT_EQ(d.Find("can_cu")->level, 0);
  EXPECT_EQ(d.seg.header.year, 2025);
  // Unnumbered headings in capitals open parts the same way.
  d = Plain(
      "MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n2. Yêu cầu\n"
      "CÁC GIẢI PHÁP TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH\n1. Tuyên truyền\n");
  EXPECT_EQ(Outline(d),
            (Lines{"muc_dich_yeu_cau muc_dich_yeu_cau", "muc_dich_yeu_cau.1 muc_dich",
                   "muc_dich_yeu_cau.2 yeu_cau", "giai_phap giai_phap", "giai_phap.1 other"}));
  // Under a numbered top level the same lines are text of their section.
  d = Plain("I. MỤC ĐÍCH\nMục đích: Giảm nghèo.\nYêu cầu: Đúng đối tượng.\nII. KINH PHÍ\n");
  EXPECT_EQ(Outline(d), (Lines{"I muc_dich", "II nguon_von"}));
}

TEST(SectionTreeTest, HeadingsCutOverTwoLines) {
  SegmentedDoc d = Plain(
      "I. MỤC ĐÍCH,\nYÊU CẦU\n1. Nâng cao\nnhận thức của người dân\nII. MỘT SỐ\n"
      "GIẢI PHÁP CHỦ YẾU\n1. Tăng cường lãnh đạo.\nIII.\nTỔ CHỨC THỰC HIỆN\n");
  EXPECT_EQ(Outline(d), (Lines{"I muc_dich_yeu_cau", "I.1 other", "II giai_phap", "II.1 other",
                               "III to_chuc_thuc_hien"}));
  EXPECT_EQ(d.Find("I")->heading, "MỤC ĐÍCH, YÊU CẦU");
  EXPECT_EQ(d.Find("I.1")->heading, "Nâng cao nhận thức của người dân");
  EXPECT_EQ(d.Find("III")->heading, "TỔ CHỨC THỰC HIỆN");
}

TEST(SectionTreeTest, HeadingTextAndIds) {
  SegmentedDoc d = Plain(
      "I. MỤC TIÊU\n1. Mục tiêu chung: Giảm nghèo bền vững, hạn chế tái nghèo.\n"
      "2. Tỷ lệ hộ nghèo giảm 2%. Hộ cận nghèo giảm 1%.\n1. Trùng số\nII. TỔ CHỨC\n");
  EXPECT_EQ(d.Find("I.1")->heading, "Mục tiêu chung");
  EXPECT_EQ(d.Find("I.2")->heading, "Tỷ lệ hộ nghèo giảm 2%");
  EXPECT_EQ(d.Find("I.1")->kind, "muc_tieu");
  // A repeated label under the same parent gets a unique id: "1." restarting a list under "2."
  // nests (a new list), so ids stay paths.
  ASSERT_NE(d.Find("I.2.1"), nullptr);
}

TEST(SegmentTest, PartsAroundTheBodyAndExtents) {
  SegmentedDoc d = Plain(
      "ỦY BAN NHÂN DÂN\nHUYỆN BẮC MÊ\nSố: 9/KH-UBND\nBắc Mê, ngày 2 tháng 3 năm 2024\n"
      "KẾ HOẠCH\nGiảm nghèo năm 2024\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
      "Ủy ban nhân dân huyện ban hành kế hoạch như sau:\nI. MỤC TIÊU\nGiảm nghèo.\n"
      "II. KINH PHÍ\nNgân sách huyện.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
      "Trần Văn Bình\n");
  ExpectWellFormed(d, "parts");
  std::vector<std::string> ids;
  for (const Section& s : d.seg.sections) ids.push_back(s.id + "@" + std::to_string(s.level));
  EXPECT_EQ(ids, (Lines{"header@0", "can_cu@0", "I@1", "II@1", "noi_nhan@0", "signature@0"}));
  // Extents tile the text from the first byte to the last.
  size_t at = 0;
  for (const Section& s : d.seg.sections) {
    EXPECT_EQ(s.extent.start, at) << s.id;
    at = s.extent.end;
  }
  EXPECT_EQ(at, d.norm.text.size());
  EXPECT_EQ(d.seg.Innermost(d.norm.text.find("Ngân sách"))->id, "II");
  EXPECT_EQ(d.seg.Innermost(d.norm.text.find("Căn cứ"))->kind, "can_cu");
  EXPECT_EQ(d.seg.Innermost(d.norm.text.size()), nullptr);
}

TEST(SegmentTest, EmptyAndShapelessTexts) {
  for (const char* t : {"", "\n\n", "Một đoạn văn không có cấu trúc nào.\n", "- a\n- b\n"}) {
    SegmentedDoc d = Plain(t);
    ExpectWellFormed(d, t);
    EXPECT_EQ(d.seg.header.doc_type.value, std::nullopt) << t;
    EXPECT_EQ(d.seg.Innermost(0) == nullptr || d.seg.Innermost(0)->level == 0, true) << t;
  }
}

}  // namespace
}  // namespace vnplan::testing
