// Character-level edits of Normalize, one table row per edit: input, expected text.
#include "normalize/normalize.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "test_util.h"

namespace vnplan {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::string want;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class EditTest : public ::testing::TestWithParam<Case> {};

TEST_P(EditTest, Normalizes) {
  const Case& c = GetParam();
  const NormalizedText n = Normalize(c.input);
  EXPECT_EQ(n.text, c.want) << c.name;
  testing_util::ExpectSpansRoundTrip(c.input, n, c.name);
}

const Case kEdits[] = {
    // Letters.
    {"eth_upper", "Ðiều 3. Phạm vi", "Điều 3. Phạm vi"},
    {"eth_lower", "ðã xong", "đã xong"},
    {"invalid_byte",
     "a\xff"
     "b",
     "a\xEF\xBF\xBD"
     "b"},
    // Blanks.
    {"nbsp", "số\u00A090/QĐ-TTg", "số 90/QĐ-TTg"},
    {"tab", "Mục\ttiêu", "Mục tiêu"},
    {"space_run", "giảm    nghèo", "giảm nghèo"},
    {"mixed_blanks", "a \u00A0\t\u2003 b", "a b"},
    {"line_ends", "   hai đầu dòng   ", "hai đầu dòng"},
    {"zero_width", "Kế\u200B hoạch\u200D", "Kế hoạch"},
    {"soft_hyphen", "ng\u00ADày", "ngày"},
    {"inner_bom", "\uFEFFSố: 12/KH", "Số: 12/KH"},
    {"control_char",
     "a\x01"
     "b",
     "a b"},
    // Quotes, dashes, ellipsis.
    {"double_quotes", "phong trào \u201CChung tay\u201D", "phong trào \"Chung tay\""},
    {"single_quotes", "\u2018tạm\u2019", "'tạm'"},
    {"guillemets", "\u00ABx\u00BB", "\"x\""},
    {"en_dash", "2021\u20132025", "2021-2025"},
    {"em_dash", "Lao động \u2014 Xã hội", "Lao động - Xã hội"},
    {"minus", "\u22125%", "-5%"},
    {"ellipsis", "nhà ở, \u2026", "nhà ở, ..."},
    // Word-segmented text.
    {"underscore_joint", "Kế_hoạch số 5", "Kế hoạch số 5"},
    {"underscore_chain", "Ủy_ban_nhân_dân tỉnh", "Ủy ban nhân dân tỉnh"},
    {"underscore_blank_form", "Số: ____/KH-UBND", "Số: ____/KH-UBND"},
    {"underscore_digit", "mục_2", "mục_2"},
    // Markdown.
    {"atx_heading", "## Mục tiêu", "Mục tiêu"},
    {"atx_bold_heading", "#### **I. MỤC TIÊU**", "I. MỤC TIÊU"},
    {"bold_line", "**Nơi nhận:**", "Nơi nhận:"},
    {"emphasis_in_brackets", "hộ mới (*trong vòng 3 năm*)", "hộ mới (trong vòng 3 năm)"},
    {"emphasis_word", "gọi tắt là *Chương trình*.", "gọi tắt là Chương trình."},
    {"bullet_in_bold", "*** Tiểu dự án 1: Hỗ trợ sản xuất**", "Tiểu dự án 1: Hỗ trợ sản xuất"},
    {"star_bullet_kept", "* Việc thứ nhất", "* Việc thứ nhất"},
    {"lone_star_kept", "2 * 3 = 6", "2 * 3 = 6"},
    {"footnote_star_kept", "chỉ tiêu (*)", "chỉ tiêu (*)"},
    {"hash_not_heading", "#5 trong danh sách", "#5 trong danh sách"},
    {"markdown_escape", "# Tiêu đề\n\n1\\. Mục một", "Tiêu đề\n1. Mục một"},
    // Table pipes: every cell on its own line, pipe-only lines gone.
    {"pipe_row", "| Dự án | Kinh phí |", "Dự án\nKinh phí"},
    {"pipe_only_line", "TỈNH LÀO CAI\n|\nSố: 34/KH-UBND", "TỈNH LÀO CAI\nSố: 34/KH-UBND"},
    {"pipe_rule_row", "| a |\n|---|\n| b |", "a\nb"},
    // Page numbers and separators.
    {"page_dashes", "Hết trang một.\n\n- 3 -\n\nTrang sau.", "Hết trang một.\nTrang sau."},
    {"page_word", "Hết trang.\nTrang 3\nTiếp theo.", "Hết trang.\nTiếp theo."},
    {"page_of", "Hết trang.\nTrang 4/12\nTiếp theo.", "Hết trang.\nTiếp theo."},
    {"page_bare", "Hết trang.\n\n12\n\nTiếp theo.", "Hết trang.\nTiếp theo."},
    {"page_bare_inside_wrap", "hỗ trợ cho các\n\n7\n\nhộ nghèo.", "hỗ trợ cho các hộ nghèo."},
    {"number_kept", "tổng số\n120\nhộ nghèo.", "tổng số 120 hộ nghèo."},
    {"separator", "TỈNH LÀO CAI\n-------\nSố: 34/KH-UBND", "TỈNH LÀO CAI\nSố: 34/KH-UBND"},
    // Line breaks of every kind; no blank lines, no trailing newline.
    {"crlf", "Mục một,\r\nmục hai.", "Mục một, mục hai."},
    {"cr", "Câu một.\rCâu hai.", "Câu một.\nCâu hai."},
    {"form_feed", "Câu một.\fCâu hai.", "Câu một.\nCâu hai."},
    {"unicode_breaks", "Câu một.\u2028Câu hai.\u2029Câu ba.", "Câu một.\nCâu hai.\nCâu ba."},
    {"blank_lines", "\n\nCâu một.\n\n\n\nCâu hai.\n\n", "Câu một.\nCâu hai."},
    {"only_blanks", " \n\t\n", ""},
    {"empty", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Edits, EditTest, ::testing::ValuesIn(kEdits),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

// The example of normalize.h.
TEST(NormalizeTest, HeaderExample) {
  const std::string input = "Lào Cai, ngày 23\ntháng 01 năm 2024";
  const NormalizedText n = Normalize(input);
  EXPECT_EQ(n.text, "Lào Cai, ngày 23 tháng 01 năm 2024");
  EXPECT_EQ(n.map.MapSpan({0, n.text.size()}), (Span{0, 38}));
  EXPECT_EQ(n.format, "plain");
  const FoldedText f = FoldDiacritics("Quyết định số 90/QĐ-TTg");
  EXPECT_EQ(f.text, "Quyet dinh so 90/QD-TTg");
}

TEST(NormalizeTest, OptionsTurnEditsOff) {
  NormalizeOptions keep;
  keep.unwrap_lines = false;
  keep.strip_markup = false;
  keep.drop_page_numbers = false;
  keep.canonical_tones = false;
  const std::string input = "**Hoà bình** và\nthuỷ lợi | x\n\n- 3 -\n";
  EXPECT_EQ(Normalize(input, keep).text, "**Hoà bình** và\nthuỷ lợi | x\n- 3 -");
  // A table row never joins the paragraph before it.
  EXPECT_EQ(Normalize(input).text, "Hòa bình và\nthủy lợi\nx");
}

TEST(NormalizeTest, NormalizerReusesScratchBetweenDocuments) {
  Normalizer normalizer;
  const NormalizedText a = normalizer.Run("Kế  hoạch\n\nsố 5.");
  const NormalizedText b = normalizer.Run("Hoà\u00A0bình.");
  EXPECT_EQ(a.text, "Kế hoạch số 5.");
  EXPECT_EQ(b.text, "Hòa bình.");
  EXPECT_EQ(normalizer.Run("Kế  hoạch\n\nsố 5.").text, a.text);
}

TEST(NormalizeTest, MapPointsAtSourceBytes) {
  const std::string src = "  **Kế_hoạch**  số\u00A090\n\nnăm 2024.";
  const NormalizedText n = Normalize(src);
  ASSERT_EQ(n.text, "Kế hoạch số 90 năm 2024.");
  auto source_of = [&](std::string_view what) {
    const size_t at = n.text.find(what);
    const Span s = n.map.MapSpan({at, at + what.size()});
    return src.substr(s.start, s.size());
  };
  EXPECT_EQ(source_of("Kế hoạch"), "Kế_hoạch");
  EXPECT_EQ(source_of("số 90"), "số\u00A090");
  EXPECT_EQ(source_of("90 năm"), "90\n\nnăm");
  EXPECT_EQ(source_of("Kế hoạch số"), "Kế_hoạch**  số");
}

// Decomposed input (as Windows-1258 decoding leaves it) normalizes to the same text, and spans
// still point at whole characters of the decomposed source.
TEST(NormalizeTest, DecomposedInputEqualsComposed) {
  const std::string nfc = "Hoà bình, Quyết định số 90/QĐ-TTg ngày 18 tháng 01\nnăm 2022.";
  const std::string nfd =
      "Hoa\u0300 bi\u0300nh, Quye\u0302\u0301t \u0111i\u0323nh so\u0302\u0301 90/Q\u0110-TTg "
      "nga\u0300y 18 tha\u0301ng 01\nna\u0306m 2022.";
  const NormalizedText a = Normalize(nfc);
  const NormalizedText b = Normalize(nfd);
  EXPECT_EQ(a.text, "Hòa bình, Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022.");
  EXPECT_EQ(b.text, a.text);
  testing_util::ExpectSpansRoundTrip(nfd, b, "nfd");
  const size_t at = b.text.find("bình");
  const Span s = b.map.MapSpan({at, at + std::string("bình").size()});
  EXPECT_EQ(nfd.substr(s.start, s.size()), "bi\u0300nh");
}

TEST(NormalizeTest, UnaccentedTextPassesThrough) {
  const std::string input =
      "Can cu Quyet dinh so 90/QD-TTg ngay 18/01/2022 cua Thu tuong\nChinh phu;\n"
      "UBND huyen ban hanh Ke hoach\nthuc hien nhu sau:";
  const NormalizedText n = Normalize(input);
  EXPECT_EQ(n.text,
            "Can cu Quyet dinh so 90/QD-TTg ngay 18/01/2022 cua Thu tuong\nChinh phu;\n"
            "UBND huyen ban hanh Ke hoach thuc hien nhu sau:");
  testing_util::ExpectSpansRoundTrip(input, n, "unaccented");
}

TEST(NormalizeTest, WordSegmentedTextIsRestored) {
  const std::string input =
      "Căn_cứ Quyết_định số 90/QĐ-TTg của Thủ_tướng Chính_phủ ;\nỦy_ban_nhân_dân huyện "
      "ban_hành Kế_hoạch .";
  const NormalizedText n = Normalize(input);
  EXPECT_EQ(n.text,
            "Căn cứ Quyết định số 90/QĐ-TTg của Thủ tướng Chính phủ ;\nỦy ban nhân dân huyện "
            "ban hành Kế hoạch .");
  testing_util::ExpectSpansRoundTrip(input, n, "segmented");
}

// Random mixtures of the pieces the cleaner and unwrapper react to: whatever comes in, the text
// is valid UTF-8 with no blank lines, and every line maps inside the input, in order.
TEST(NormalizeTest, RandomInputKeepsTheContract) {
  const std::vector<std::string> pieces = {
      "hoà",  "thuỷ",     "Quý",     " ",      "  ",    "\t",    "\u00A0", "\u200B", "\n", "\n\n",
      "\r\n", "\r",       "|",       "**",     "*",     "## ",   "_",      "Kế",     "a",  "B",
      "1. ",  "- ",       "a) ",     "Căn cứ", "TM. ",  "- 3 -", "12",     ",",      ".",  ";",
      "\xff", "\xe1\xbb", "e\u0301", "\u201C", "-----", "\f",    "\u2028", "Đ",      "và", "ngày"};
  std::mt19937 rng(2024);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  for (int round = 0; round < 400; ++round) {
    std::string input;
    for (int k = length(rng); k > 0; --k) input += pieces[pick(rng)];
    const NormalizedText n = Normalize(input);
    ASSERT_EQ(n.map.output_size(), n.text.size()) << input;
    ASSERT_EQ(n.map.input_size(), input.size()) << input;
    for (size_t i = 0; i < n.text.size();) {
      char32_t cp;
      const size_t len = DecodeUtf8(n.text, i, &cp);
      ASSERT_GT(len, 0u) << "ill-formed output for input: " << input;
      i += len;
    }
    size_t out = 0;
    size_t last_end = 0;
    for (std::string_view line : testing_util::Lines(n.text)) {
      ASSERT_FALSE(line.empty()) << input;
      EXPECT_NE(line.front(), ' ') << input;
      EXPECT_NE(line.back(), ' ') << input;
      const Span span = n.map.MapSpan({out, out + line.size()});
      EXPECT_LE(last_end, span.start) << input;
      EXPECT_LE(span.end, input.size()) << input;
      last_end = span.end;
      out += line.size() + 1;
    }
    EXPECT_EQ(FoldDiacritics(input).map.input_size(), input.size());
  }
}

}  // namespace
}  // namespace vnplan
