// Line unwrapping: the shape of a line, the decision for each pair of lines, and whole small
// documents for every rule of unwrap.h.
#include "normalize/unwrap.h"

#include <string>

#include <gtest/gtest.h>

#include "normalize/line_shape.h"
#include "normalize/normalize.h"
#include "test_util.h"

namespace vnplan {
namespace {

using normalize_internal::DecideJoint;
using normalize_internal::DocProfile;
using normalize_internal::Joint;
using normalize_internal::Marker;
using normalize_internal::ShapeOf;

TEST(LineShapeTest, Markers) {
  const struct {
    const char* line;
    Marker want;
  } cases[] = {
      {"I. MỤC ĐÍCH, YÊU CẦU", Marker::kRoman},
      {"VIII. CHẾ ĐỘ BÁO CÁO", Marker::kRoman},
      {"1. Mục đích", Marker::kNumber},
      {"2.1. Dự án 2: Đa dạng hóa sinh kế", Marker::kNumber},
      {"2. 4. Sở Nội vụ: Chủ", Marker::kNumber},
      {"2.1 Sở Tài chính", Marker::kNumber},
      {"3) Báo cáo", Marker::kNumber},
      {"1- Mục tiêu tổng quát", Marker::kNumber},
      {"II- MỤC TIÊU", Marker::kRoman},
      {"2- 3 tháng", Marker::kNone},
      {"3.", Marker::kNone},  // no text: the number that ends "Dự án" on the line before
      {"a) Mục tiêu:", Marker::kLetter},
      {"đ) Về thông tin", Marker::kLetter},
      {"a ) Tiểu dự án 1 :", Marker::kLetter},
      {"2 ) Báo cáo", Marker::kNumber},
      {"- Hỗ trợ", Marker::kBullet},
      {"+ Ngân sách", Marker::kBullet},
      {"* Việc", Marker::kBullet},
      {"-Tăng cường", Marker::kBullet},
      {"Điều 3. Hiệu lực", Marker::kWord},
      {"Dự án 2: Đa dạng", Marker::kWord},
      {"Tiểu dự án 1: Hỗ trợ", Marker::kWord},
      {"Chương II", Marker::kWord},
      {"Phần thứ nhất", Marker::kWord},
      {"Mục 2. Nguồn vốn", Marker::kWord},
      {"6.800 người. Góp phần", Marker::kNone},
      {"11/12/2020 của Tỉnh ủy", Marker::kNone},
      {"2025, năm 2024 như sau:", Marker::kNone},
      {"Dự án giảm nghèo", Marker::kNone},
      {"Phần kinh phí còn lại", Marker::kNone},
      {"Mục đích: Tăng cường", Marker::kNone},
      {"-5% so với", Marker::kNone},
      {"Công tác", Marker::kNone},
  };
  for (const auto& c : cases) EXPECT_EQ(ShapeOf(c.line).marker, c.want) << c.line;
}

TEST(LineShapeTest, StartsAndEnds) {
  EXPECT_TRUE(ShapeOf("tháng 01 năm 2024").starts_lower);
  EXPECT_TRUE(ShapeOf("(chuyển tải hình ảnh)").starts_lower);
  EXPECT_FALSE(ShapeOf("Tháng 01").starts_lower);
  EXPECT_EQ(ShapeOf("a) Mục tiêu").marker, Marker::kLetter);  // lowercase, but an item
  EXPECT_TRUE(ShapeOf("- xã hội vùng").dash_tail);
  EXPECT_TRUE(ShapeOf("Căn cứ Quyết định số 5;").opener);
  EXPECT_TRUE(ShapeOf("Thực hiện Kế hoạch số 67/KH-UBND").opener);
  EXPECT_FALSE(ShapeOf("Thực hiện: tốt").citation_start);
  EXPECT_TRUE(ShapeOf("Quyết định số 90/QĐ-TTg").citation_start);
  EXPECT_TRUE(ShapeOf("Kế hoạch 209/KH-UBND ngày").citation_start);
  for (const char* header : {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH", "TL. GIÁM ĐỐC",
                             "TUQ. CHỦ TỊCH", "Nơi nhận:", "Số: 34/KH-UBND",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}) {
    EXPECT_TRUE(ShapeOf(header).header) << header;
  }
  EXPECT_TRUE(ShapeOf("ỦY BAN NHÂN DÂN").all_caps);
  EXPECT_TRUE(ShapeOf("IV. MỘT SỐ").all_caps);
  EXPECT_FALSE(ShapeOf("UBND tỉnh").all_caps);
  EXPECT_FALSE(ShapeOf("2024").all_caps);

  EXPECT_TRUE(ShapeOf("trên địa bàn huyện.").ends_terminal);
  EXPECT_TRUE(ShapeOf("giai đoạn 2020-2025\".").ends_terminal);
  EXPECT_TRUE(ShapeOf("thực hiện./.").ends_terminal);
  EXPECT_TRUE(ShapeOf("như sau:").ends_colon);
  EXPECT_TRUE(ShapeOf("Tỉnh ủy;").ends_sentence);
  EXPECT_FALSE(ShapeOf("(Phụ lục kèm theo)").ends_sentence);
  EXPECT_TRUE(ShapeOf("I. MỤC ĐÍCH,").ends_joiner);
  EXPECT_TRUE(ShapeOf("giai đoạn 2020 -").ends_hyphen);
  EXPECT_FALSE(ShapeOf("giai đoạn 2020 -").hyphen_attached);
  EXPECT_TRUE(ShapeOf("Đề án số 06-").hyphen_attached);
  EXPECT_TRUE(ShapeOf("ngày 10/7/2019 của").ends_function_word);
  EXPECT_TRUE(ShapeOf("Sở Nông nghiệp và").ends_function_word);
  EXPECT_FALSE(ShapeOf("1. Kết quả đạt được").ends_function_word);
  EXPECT_FALSE(ShapeOf("trong thời gian qua").ends_function_word);
  EXPECT_FALSE(ShapeOf("và").ends_function_word);  // a line that is only the word
  EXPECT_TRUE(ShapeOf("Căn cứ Đề án số 10-ĐA/TU ngày").ends_number_word);
  EXPECT_TRUE(ShapeOf("CỘNG HÒA XÃ HỘI").republic);
  EXPECT_TRUE(ShapeOf("CHỦ NGHĨA VIỆT NAM").socialist);
  EXPECT_EQ(ShapeOf("Hòa bình").chars, 8u);
  EXPECT_EQ(ShapeOf("Hòa bình").first_word_chars, 3u);
}

TEST(LineShapeTest, PageFurniture) {
  for (const char* page : {"- 3 -", "-12-", "Trang 3", "trang 14", "Trang 3/10", "Trang 3 / 10"}) {
    EXPECT_TRUE(ShapeOf(page).page_number) << page;
  }
  for (const char* text : {"- 3 - 4", "Trang chủ", "- Hỗ trợ 3 -", "3"}) {
    EXPECT_FALSE(ShapeOf(text).page_number) << text;
  }
  EXPECT_TRUE(ShapeOf("3").digits_only);
  EXPECT_TRUE(ShapeOf("120").digits_only);
  EXPECT_FALSE(ShapeOf("2024").digits_only);
  for (const char* rule : {"-------", "=====", "___", ":---:", "* * *"}) {
    EXPECT_TRUE(ShapeOf(rule).separator) << rule;
  }
  EXPECT_FALSE(ShapeOf("- a -").separator);
  EXPECT_FALSE(ShapeOf("--").separator);
}

// DecideJoint on one pair, in a document wrapped at 80 characters with no blank lines.
Joint Wrapped(const char* prev, const char* next, uint32_t blanks = 0) {
  DocProfile p;
  p.wrapped = true;
  p.width = 80;
  return DecideJoint(ShapeOf(prev), ShapeOf(next), blanks, false, false, p);
}

TEST(DecideJointTest, FullLines) {
  // Near the width and unfinished: the next word did not fit.
  const char* full =
      "hoạt động truyền thông về Chương trình mục tiêu quốc gia giảm nghèo bền vững Lào";
  EXPECT_EQ(Wrapped(full, "Cai. Phấn đấu"), Joint::kSpace);
  EXPECT_EQ(Wrapped(full, "- xã hội vùng"), Joint::kSpace);
  EXPECT_EQ(Wrapped(full, "1. Mục tiêu"), Joint::kBreak);
  EXPECT_EQ(Wrapped(full, "Tiểu dự án 1 - Dự án 6."), Joint::kSpace);
  EXPECT_EQ(Wrapped("Đa dạng hóa sinh kế.", "Tiểu dự án 1: Hỗ trợ"), Joint::kBreak);
  const char* list =
      "phân bổ cho Dự án 2: 3.260 triệu đồng; Dự án 3: 4.118 triệu đồng; Dự án 4: 2.945;";
  EXPECT_EQ(Wrapped(list, "Dự án 5: 4.560 triệu đồng."), Joint::kSpace);
  EXPECT_EQ(Wrapped("Dự án 4: 2.945 triệu đồng;", "Dự án 5: 4.560 triệu đồng."), Joint::kBreak);
  EXPECT_EQ(Wrapped(full, "Căn cứ Luật"), Joint::kBreak);
  EXPECT_EQ(Wrapped("3. Trung tâm Dịch vụ Nông nghiệp huyện", "Chủ trì, phối hợp"), Joint::kBreak);
  // Nearly full: enough for a paragraph line, not for a numbered heading with its text below.
  const char* nearly = "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo ở các xã vùng cao";
  EXPECT_EQ(Wrapped(nearly, "Triển khai mô hình"), Joint::kSpace);
  EXPECT_EQ(Wrapped((std::string("b) ") + nearly).c_str(), "Triển khai mô hình"), Joint::kBreak);
  EXPECT_EQ(Wrapped("- Tham mưu đẩy mạnh ứng dụng", "CNTT trong quản lý"), Joint::kSpace);
  EXPECT_EQ(Wrapped("việc làm.", "Đẩy mạnh ứng dụng"), Joint::kBreak);
  EXPECT_EQ(
      Wrapped("trung cấp: 5.200 người; sơ cấp và các lớp ngắn hạn dưới 3 tháng:", "6.800 người."),
      Joint::kSpace);
  EXPECT_EQ(Wrapped("- Giáo dục nghề nghiệp:", "6.800 người."), Joint::kBreak);
  // Blank lines are noise in a document that has one after every line...
  DocProfile noisy;
  noisy.wrapped = true;
  noisy.width = 80;
  noisy.blank_noise = true;
  EXPECT_EQ(DecideJoint(ShapeOf(full), ShapeOf("Cai. Phấn"), 1, false, false, noisy),
            Joint::kSpace);
  // ...unless there are two of them.
  EXPECT_EQ(DecideJoint(ShapeOf(full), ShapeOf("Cai. Phấn"), 2, false, false, noisy),
            Joint::kBreak);
  // In a document where blank lines separate paragraphs, a full line does not cross one.
  EXPECT_EQ(Wrapped(full, "Cai. Phấn", 1), Joint::kBreak);
  EXPECT_EQ(Wrapped(full, "cai phấn", 1), Joint::kSpace);
}

TEST(DecideJointTest, HardBreaks) {
  DocProfile p;
  EXPECT_EQ(DecideJoint(ShapeOf("a,"), ShapeOf("b"), 0, true, false, p), Joint::kBreak);
  p.markdown = true;
  EXPECT_EQ(DecideJoint(ShapeOf("KT. TRƯỞNG BAN"), ShapeOf("phó"), 0, false, true, p),
            Joint::kBreak);
}

struct DocCase {
  const char* name;
  const char* input;
  const char* want;
};

void PrintTo(const DocCase& c, std::ostream* os) { *os << c.name; }

class UnwrapDocTest : public ::testing::TestWithParam<DocCase> {};

TEST_P(UnwrapDocTest, Unwraps) {
  const DocCase& c = GetParam();
  const NormalizedText n = Normalize(c.input);
  EXPECT_EQ(n.text, c.want) << c.name;
  testing_util::ExpectSpansRoundTrip(c.input, n, c.name);
}

const DocCase kDocs[] = {
    // Rule 2: the line before must go on.
    {"comma", "I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích", "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích"},
    {"comma_across_blank", "- Hỗ trợ sinh kế,\n\nđẩy nhanh giảm nghèo.",
     "- Hỗ trợ sinh kế, đẩy nhanh giảm nghèo."},
    {"hyphen", "giai đoạn 2020 -\n2025; năm 2024.", "giai đoạn 2020 - 2025; năm 2024."},
    {"hyphen_attached", "Đề án số 06-\nĐA/TU của Tỉnh ủy.", "Đề án số 06-ĐA/TU của Tỉnh ủy."},
    {"comma_then_item", "Các việc sau,\n- Việc một.", "Các việc sau,\n- Việc một."},
    // Rule 3: lowercase continues.
    {"date", "Lào Cai, ngày 23\ntháng 01 năm 2024", "Lào Cai, ngày 23 tháng 01 năm 2024"},
    {"heading_tail", "1. Nâng cao\ný thức tự giác", "1. Nâng cao ý thức tự giác"},
    {"bracket", "phần mềm quản lý\n(chuyển tải hình ảnh).",
     "phần mềm quản lý (chuyển tải hình ảnh)."},
    {"lower_after_colon", "bao gồm:\ncác huyện.", "bao gồm: các huyện."},
    {"lower_after_semicolon", "về dự toán năm 2024;\nủy ban nhân dân xã ban hành:",
     "về dự toán năm 2024;\nủy ban nhân dân xã ban hành:"},
    {"letter_item_stays", "Đối tượng gồm:\na) Hộ nghèo;\nb) Hộ cận nghèo.",
     "Đối tượng gồm:\na) Hộ nghèo;\nb) Hộ cận nghèo."},
    {"lower_after_period", "Hết câu.\nvà tiếp", "Hết câu.\nvà tiếp"},
    // Rule 4: words that cannot end a sentence, cited documents.
    {"function_word", "2.8. Sở Nông nghiệp và\nPhát triển nông thôn\n- Chủ trì.",
     "2.8. Sở Nông nghiệp và Phát triển nông thôn\n- Chủ trì."},
    {"number_word", "Căn cứ Đề án số 10-ĐA/TU ngày\n11/12/2020 của Tỉnh ủy;",
     "Căn cứ Đề án số 10-ĐA/TU ngày 11/12/2020 của Tỉnh ủy;"},
    {"citation", "Trên đây là Kế hoạch thực hiện\nĐề án số 10-ĐA/TU ngày 11/12/2020./.",
     "Trên đây là Kế hoạch thực hiện Đề án số 10-ĐA/TU ngày 11/12/2020./."},
    {"project_number", "Trung tâm Y tế chủ trì Tiểu dự án 2 - Dự án\n3.\n5. Phòng Văn hóa.",
     "Trung tâm Y tế chủ trì Tiểu dự án 2 - Dự án 3.\n5. Phòng Văn hóa."},
    {"word_marker_after_comma", "thực hiện: Dự án 2, Dự án 4,\nDự án 7.",
     "thực hiện: Dự án 2, Dự án 4, Dự án 7."},
    // Rule 5: headings, items, openers, header and signature lines.
    {"items", "2. Mục tiêu cụ thể\n- Giảm tỷ lệ hộ nghèo\n+ Năm 2024\n3. Nhiệm vụ",
     "2. Mục tiêu cụ thể\n- Giảm tỷ lệ hộ nghèo\n+ Năm 2024\n3. Nhiệm vụ"},
    {"project_headings", "Dự án 3\nTiểu dự án 1\nĐiều 3. Hiệu lực\nChương II",
     "Dự án 3\nTiểu dự án 1\nĐiều 3. Hiệu lực\nChương II"},
    {"opener", "KẾ HOẠCH\nThực hiện Chương trình năm 2024\nCăn cứ Luật Ngân sách",
     "KẾ HOẠCH\nThực hiện Chương trình năm 2024\nCăn cứ Luật Ngân sách"},
    {"signature", "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A",
     "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A"},
    {"header_pair", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 34/KH-UBND",
     "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 34/KH-UBND"},
    {"republic", "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"},
    // Rule 6: capitals.
    {"roman_heading_cut", "IV. MỘT SỐ\nGIẢI PHÁP CHỦ YẾU\n1. Tăng cường",
     "IV. MỘT SỐ GIẢI PHÁP CHỦ YẾU\n1. Tăng cường"},
    {"title_cut", "KẾ HOẠCH\nTHỰC HIỆN ĐỀ ÁN\nGIẢM NGHÈO", "KẾ HOẠCH\nTHỰC HIỆN ĐỀ ÁN\nGIẢM NGHÈO"},
    {"caps_then_text", "PHÓ CHỦ TỊCH\nHoàng Văn B", "PHÓ CHỦ TỊCH\nHoàng Văn B"},
    // Rules 7 and 8.
    {"sentence_end", "Câu đầu tiên.\nCâu thứ hai;\nCâu ba:\nBốn",
     "Câu đầu tiên.\nCâu thứ hai;\nCâu ba:\nBốn"},
    {"paragraph_blank", "Đoạn một không dấu chấm\n\nĐoạn hai", "Đoạn một không dấu chấm\nĐoạn hai"},
    {"short_line", "1. Nhiệm vụ chung\nCác thành viên Ban Chỉ đạo",
     "1. Nhiệm vụ chung\nCác thành viên Ban Chỉ đạo"},
    // Markdown line breaks and headings.
    {"markdown_break", "# Kế hoạch\n\n**KT. TRƯỞNG BAN  \nPHÓ TRƯỞNG BAN**\n\n**Lý Văn C**",
     "Kế hoạch\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nLý Văn C"},
    {"markdown_heading_alone", "## **Mục tiêu**\nhỗ trợ hộ nghèo.", "Mục tiêu\nhỗ trợ hộ nghèo."},
};

INSTANTIATE_TEST_SUITE_P(Docs, UnwrapDocTest, ::testing::ValuesIn(kDocs),
                         [](const ::testing::TestParamInfo<DocCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace vnplan
