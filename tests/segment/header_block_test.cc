// Header blocks as exports lay them out: one field per line, cut lines, flattened table rows,
// Party and letter layouts. The texts are written for these tests (places and names invented).
#include "segment/header_block.h"

#include <gtest/gtest.h>

#include "segment/lines.h"

namespace vnplan::segment {
namespace {

struct Read {
  Header h;
  size_t lines = 0;
  std::string text;
};

Read ReadHeader(std::string text) {
  Read r;
  r.text = std::move(text);
  r.lines = ParseHeaderBlock(SplitLines(r.text), r.text, &r.h);
  return r;
}

std::optional<std::string> V(const HeaderField& f) { return f.value; }

TEST(HeaderBlockTest, OneFieldPerLine) {
  Read r = ReadHeader(
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND\nPhủ Lý, ngày 05 tháng 3 năm 2024\n"
      "KẾ HOẠCH\nTriển khai công tác giảm nghèo năm 2024\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương;\nI. MỤC TIÊU\n");
  EXPECT_EQ(r.lines, 9u);
  EXPECT_EQ(V(r.h.issuer), "Ủy ban nhân dân tỉnh Hà Nam");
  EXPECT_EQ(V(r.h.issuer_parent), std::nullopt);
  EXPECT_EQ(V(r.h.number), "15/KH-UBND");
  EXPECT_EQ(V(r.h.number_symbol), "KH-UBND");
  EXPECT_EQ(V(r.h.place), "Phủ Lý");
  EXPECT_EQ(V(r.h.date), "2024-03-05");
  EXPECT_EQ(r.h.year, 2024);
  EXPECT_EQ(V(r.h.doc_type), "Kế hoạch");
  EXPECT_EQ(V(r.h.title), "Triển khai công tác giảm nghèo năm 2024");
  // Spans are the bytes each value was read from.
  for (const HeaderField* f : {&r.h.number, &r.h.place, &r.h.title}) {
    EXPECT_EQ(r.text.substr(f->span.start, f->span.size()), *f->value);
  }
  EXPECT_EQ(r.text.substr(r.h.date.span.start, r.h.date.span.size()), "ngày 05 tháng 3 năm 2024");
}

TEST(HeaderBlockTest, CutDateAndTitleOverTwoLines) {
  Read r = ReadHeader(
      "ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG KHƯƠNG\nSố: 7/KH-UBND\nMường Khương, ngày 9\n"
      "tháng 12 năm 2023\nKẾ HOẠCH\nTHỰC HIỆN GIẢM NGHÈO BỀN VỮNG\nNĂM 2024\n"
      "Căn cứ Nghị quyết số 1/NQ-HĐND;\n");
  EXPECT_EQ(V(r.h.date), "2023-12-09");
  EXPECT_EQ(V(r.h.place), "Mường Khương");
  EXPECT_EQ(V(r.h.title), "THỰC HIỆN GIẢM NGHÈO BỀN VỮNG NĂM 2024");
  EXPECT_EQ(V(r.h.issuer), "Ủy ban nhân dân huyện Mường Khương");
  r = ReadHeader(
      "UBND HUYỆN MƯỜNG KHƯƠNG\nSố: 7/KH-UBND\nMường Khương, ngày 9 tháng 12\nnăm 2023\n"
      "KẾ HOẠCH\nGiảm nghèo\nCăn cứ Nghị quyết số 1/NQ-HĐND;\n");
  EXPECT_EQ(V(r.h.date), "2023-12-09");
  EXPECT_EQ(V(r.h.doc_type), "Kế hoạch");
}

TEST(HeaderBlockTest, FlattenedTableRows) {
  Read r = ReadHeader(
      "ỦY BAN NHÂN DÂN TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n"
      "Số: 21/QĐ-UBND Phủ Lý, ngày 14 tháng 02 năm 2024\n"
      "QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch giảm nghèo\n"
      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nCăn cứ Luật Tổ chức chính quyền địa phương;\n");
  EXPECT_EQ(V(r.h.issuer), "Ủy ban nhân dân tỉnh Hà Nam");
  EXPECT_EQ(V(r.h.number), "21/QĐ-UBND");
  EXPECT_EQ(V(r.h.place), "Phủ Lý");
  EXPECT_EQ(V(r.h.date), "2024-02-14");
  EXPECT_EQ(V(r.h.doc_type), "Quyết định");
  EXPECT_EQ(V(r.h.title), "Về việc phê duyệt kế hoạch giảm nghèo");  // stops at the authority
}

TEST(HeaderBlockTest, RightColumnReadFirst) {
  Read r = ReadHeader(
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Phủ Lý, ngày 14 tháng 02 năm 2024\nỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 21/KH-UBND\n"
      "KẾ HOẠCH\nGiảm nghèo năm 2024\nI. MỤC TIÊU\n");
  EXPECT_EQ(V(r.h.issuer), "Ủy ban nhân dân tỉnh Hà Nam");
  EXPECT_EQ(V(r.h.date), "2024-02-14");
  EXPECT_EQ(V(r.h.number), "21/KH-UBND");
  EXPECT_EQ(V(r.h.title), "Giảm nghèo năm 2024");
}

TEST(HeaderBlockTest, SubjectBesideTheNumber) {
  Read r = ReadHeader(
      "UBND HUYỆN BẮC MÊ\nSố: 88/UBND-VX V/v rà soát hộ nghèo năm 2023\n"
      "Bắc Mê, ngày 1 tháng 11 năm 2023\nKính gửi: Ủy ban nhân dân các xã\n"
      "Thực hiện Kế hoạch số 5/KH-UBND ngày 2/2/2023,\n");
  EXPECT_EQ(V(r.h.number), "88/UBND-VX");
  EXPECT_EQ(V(r.h.doc_type), "Công văn");
  EXPECT_EQ(V(r.h.title), "rà soát hộ nghèo năm 2023");
  ASSERT_EQ(r.h.addressees.size(), 1u);
  EXPECT_EQ(*r.h.addressees[0].value, "Ủy ban nhân dân các xã");
  EXPECT_EQ(r.lines, 4u);
}

TEST(HeaderBlockTest, CellsCutAfterTheirFirstWord) {
  // HTML exports wrap each header cell after its first word.
  Read r = ReadHeader(
      "BỘ\nNỘI VỤ\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "|\nSố:\n12/BC-BNV\n|\nHà\nNội, ngày 4 tháng 9 năm 2019\n|\nBÁO CÁO\n"
      "TÌNH HÌNH THỰC HIỆN CÔNG TÁC CÁN BỘ\nNĂM 2019\nThực hiện chỉ đạo của Chính phủ,\n");
  EXPECT_EQ(V(r.h.issuer), "Bộ Nội vụ");
  EXPECT_EQ(V(r.h.number), "12/BC-BNV");
  EXPECT_EQ(V(r.h.place), "Hà Nội");
  EXPECT_EQ(V(r.h.date), "2019-09-04");
  EXPECT_EQ(V(r.h.doc_type), "Báo cáo");
  EXPECT_EQ(V(r.h.title), "TÌNH HÌNH THỰC HIỆN CÔNG TÁC CÁN BỘ NĂM 2019");
  EXPECT_EQ(r.text.substr(r.h.number.span.start, r.h.number.span.size()), "12/BC-BNV");
}

TEST(HeaderBlockTest, WholeHeaderOnOneLine) {
  // A PDF converter that reads both header columns into one line.
  Read r = ReadHeader(
      "BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ****** "
      "Số: 45/2019/QĐ-BNV Hà Nội, ngày 20 tháng 6 năm 2019 QUYẾT ĐỊNH BAN HÀNH QUY CHẾ "
      "LÀM VIỆC NĂM 2019 BỘ TRƯỞNG BỘ NỘI VỤ Căn cứ Luật Tổ chức Chính phủ;\n");
  EXPECT_EQ(V(r.h.issuer), "Bộ Nội vụ");
  EXPECT_EQ(V(r.h.number), "45/2019/QĐ-BNV");
  EXPECT_EQ(V(r.h.number_symbol), "QĐ-BNV");
  EXPECT_EQ(V(r.h.place), "Hà Nội");
  EXPECT_EQ(V(r.h.date), "2019-06-20");
  EXPECT_EQ(V(r.h.doc_type), "Quyết định");
  EXPECT_EQ(V(r.h.title), "BAN HÀNH QUY CHẾ LÀM VIỆC NĂM 2019");
}

TEST(HeaderBlockTest, DayCutWithTheMonthAndNumberOnTheTypeLine) {
  Read r = ReadHeader(
      "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:\n31/2020/QĐ-TTg\n"
      "Hà Nội, ngày\n05 tháng 8 năm 2020\nQUYẾT ĐỊNH 31/2020/QĐ-TTg\nQUY ĐỊNH VỀ CÔNG TÁC THI ĐUA\n"
      "Căn cứ Luật Tổ chức Chính phủ;\n");
  EXPECT_EQ(V(r.h.issuer), "Thủ tướng Chính phủ");
  EXPECT_EQ(V(r.h.number), "31/2020/QĐ-TTg");
  EXPECT_EQ(V(r.h.date), "2020-08-05");
  EXPECT_EQ(V(r.h.place), "Hà Nội");
  EXPECT_EQ(V(r.h.doc_type), "Quyết định");
  EXPECT_EQ(V(r.h.title), "QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA");
}

TEST(HeaderBlockTest, ParentAboveIssuer) {
  Read r = ReadHeader(
      "UBND TỈNH CAO BẰNG\nBAN DÂN TỘC\nSố: 40/KH-BDT\nCao Bằng, ngày 2 tháng 6 năm 2022\n"
      "KẾ HOẠCH\nHỗ trợ đồng bào vùng cao\nI. MỤC ĐÍCH\n");
  EXPECT_EQ(V(r.h.issuer), "Ban Dân tộc");
  EXPECT_EQ(V(r.h.issuer_parent), "UBND tỉnh Cao Bằng");
  EXPECT_EQ(V(r.h.number_symbol), "KH-BDT");
}

TEST(HeaderBlockTest, BlankTemplateNumbersAndDates) {
  const struct {
    const char* number_line;
    const char* date_line;
    std::optional<std::string> number;
    std::optional<std::string> symbol;
    std::optional<std::string> date;
    std::optional<int> year;
  } kCases[] = {
      {"Số: /KH-UBND", "Bắc Mê, ngày tháng năm 2024", std::nullopt, "KH-UBND", std::nullopt, 2024},
      {"Số:        /KH-UBND", "Bắc Mê, ngày    tháng 6 năm 2022", std::nullopt, "KH-UBND",
       "2022-06", 2022},
      {"Số: ......./QĐ-UBND", "Bắc Mê, ngày ... tháng ... năm 2023", std::nullopt, "QĐ-UBND",
       std::nullopt, 2023},
      {"Số 15-NQ/TU", "Bắc Mê, ngày 10 tháng 8 năm 2021", "15-NQ/TU", "NQ/TU", "2021-08-10", 2021},
      {"Số: 12/2020/NĐ-CP", "Hà Nội, ngày 23/01/2020", "12/2020/NĐ-CP", "NĐ-CP", "2020-01-23",
       2020},
      {"Số: 34 /KH-UBND", "Bắc Mê, ngày 31 tháng 02 năm 2024", "34/KH-UBND", "KH-UBND",
       std::nullopt, 2024},  // no 31 February: date null, year kept
  };
  for (const auto& c : kCases) {
    Read r = ReadHeader(std::string("UBND HUYỆN BẮC MÊ\n") + c.number_line + "\n" + c.date_line +
                        "\nKẾ HOẠCH\nGiảm nghèo\nI. MỤC TIÊU\n");
    EXPECT_EQ(V(r.h.number), c.number) << c.number_line;
    EXPECT_EQ(V(r.h.number_symbol), c.symbol) << c.number_line;
    EXPECT_EQ(V(r.h.date), c.date) << c.date_line;
    EXPECT_EQ(r.h.year, c.year) << c.date_line;
  }
}

TEST(HeaderBlockTest, PartyLayout) {
  Read r = ReadHeader(
      "HUYỆN ỦY BẢO LÂM\n*\nSố 08-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
      "Bảo Lâm, ngày 3 tháng 4 năm 2023\nKẾ HOẠCH\nthực hiện Nghị quyết về giảm nghèo\n"
      "-----\nThực hiện Nghị quyết số 15-NQ/TU ngày 10/8/2021 của Tỉnh ủy,\n");
  EXPECT_EQ(V(r.h.issuer), "Huyện ủy Bảo Lâm");
  EXPECT_EQ(V(r.h.number), "08-KH/HU");
  EXPECT_EQ(V(r.h.place), "Bảo Lâm");
  EXPECT_EQ(V(r.h.title), "thực hiện Nghị quyết về giảm nghèo");
}

TEST(HeaderBlockTest, LetterWithSubjectAndAddressees) {
  Read r = ReadHeader(
      "UBND HUYỆN BẮC MÊ\nPHÒNG LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 88/LĐTBXH\n"
      "V/v báo cáo kết quả rà soát\nhộ nghèo năm 2023\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Bắc Mê, ngày 1 tháng 11 năm 2023\nKính gửi:\n- Ủy ban nhân dân các xã;\n"
      "- Các cơ quan liên quan.\nThực hiện Kế hoạch số 5/KH-UBND ngày 2/2/2023,\n");
  EXPECT_EQ(V(r.h.doc_type), "Công văn");
  EXPECT_EQ(V(r.h.title), "báo cáo kết quả rà soát hộ nghèo năm 2023");
  EXPECT_EQ(V(r.h.issuer), "Phòng Lao động - Thương binh và Xã hội");
  EXPECT_EQ(V(r.h.issuer_parent), "UBND huyện Bắc Mê");
  EXPECT_EQ(V(r.h.number), "88/LĐTBXH");
  ASSERT_EQ(r.h.addressees.size(), 2u);
  EXPECT_EQ(*r.h.addressees[1].value, "Các cơ quan liên quan");
  EXPECT_EQ(r.lines, 12u);
}

TEST(HeaderBlockTest, NoHeaderBlockMeansNoFields) {
  const char* kTexts[] = {
      "Nhằm thực hiện tốt công tác giảm nghèo, Ủy ban nhân dân huyện ban hành kế hoạch năm "
      "2025 như sau:\nMục đích: Hỗ trợ hộ nghèo.\n",
      "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n",
      "MỤC ĐÍCH:\nHỗ trợ hộ nghèo.\n",  // capitals alone do not make a header
      "",
  };
  for (const char* t : kTexts) {
    Read r = ReadHeader(t);
    EXPECT_EQ(r.lines, 0u) << t;
    EXPECT_EQ(V(r.h.issuer), std::nullopt) << t;
    EXPECT_EQ(V(r.h.doc_type), std::nullopt) << t;
    EXPECT_EQ(r.h.year, std::nullopt) << t;
  }
}

}  // namespace
}  // namespace vnplan::segment
