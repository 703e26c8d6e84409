// Normalize on the five seed documents (../shared/seeds): formats, line counts, the breaks that
// must be joined or kept, and the OffsetMap property on real text. The seeds are read at run
// time; only short fragments (headings, a few words) appear here.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "normalize/normalize.h"
#include "test_util.h"

namespace vnplan {
namespace {

using testing_util::Lines;
using testing_util::LineWith;
using testing_util::ReadSeed;

struct Together {
  const char* first;
  const char* second;  // must be on the same output line as `first`
};

struct SeedCase {
  const char* seed;
  const char* format;
  size_t lines;
  std::vector<const char*> whole_lines;  // exactly these lines appear
  std::vector<Together> together;
  std::vector<Together> apart;      // on different lines
  std::vector<const char*> absent;  // nowhere in the output
};

const std::vector<SeedCase>& Seeds() {
  static const std::vector<SeedCase> kSeeds = {
      {"000",
       "plain",
       212,
       {"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "b) Đối tượng:", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
        "Nguyễn Chí Chung", "Tiểu dự án 2: Cải thiện dinh dưỡng"},
       // Wrap artefacts across a blank line: after a comma, and before a lowercase word.
       {{"dịch vụ xã hội cơ bản,", "đẩy nhanh tốc độ"}, {"đối với các địa", "phương, cộng đồng"}},
       {{"Số: /KH-UBND", "Sông Mã, ngày"}, {"KẾ HOẠCH", "Thực hiện Chương trình"}},
       {"*", "oà ", "uỷ"}},
      {"001",
       "pdf_blank_wrapped",
       129,
       {"HUYỆN LẤP VÒ", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU", "2. Nội dung thực hiện", "b) Tiểu dự án 2: Cải thiện dinh dưỡng",
        "- Nội dung hỗ trợ:", "3. Trung tâm Dịch vụ Nông nghiệp huyện", "6. Phòng Tư pháp:",
        "14. Chế độ thông tin báo cáo", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"},
       {// The preamble sentence is one line (it was cut after "thực" and "địa bàn").
        {"Thực hiện Kế hoạch số 67/KH-UBND", "của UBND Tỉnh, thực hiện Chương trình"},
        {"Thực hiện Kế hoạch số 67/KH-UBND", "năm 2024 trên địa bàn tỉnh Đồng Tháp;"},
        {"Triển khai thực hiện Chương trình", "huyện Lấp Vò"},
        {"2.7. Rà soát hàng năm", "có mức sống trung bình"},
        {"Dự án 2, Dự án 4,", "Dự án 7."},
        {"12. Đề nghị Ủy ban Mặt trận", "chính trị - xã hội Huyện:"}},
       {{"huyện Lấp Vò", "Thực hiện Kế hoạch số 67"},
        {"3. Trung tâm Dịch vụ Nông nghiệp huyện", "Chủ trì, phối hợp với Phòng"},
        {"TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"}},
       {"Uỷ", "HOÀ", "  "}},
      {"002",
       "table_export",
       139,
       {"ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 34/KH-UBND",
        "Lào Cai, ngày 23 tháng 01 năm 2024", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "IV. MỘT SỐ GIẢI PHÁP CHỦ YẾU", "V. NGUỒN VỐN THỰC HIỆN", "VI. TỔ CHỨC THỰC HIỆN",
        "1. Nhiệm vụ chung", "2.1. Sở Lao động Thương binh và Xã hội",
        "2.8. Sở Nông nghiệp và Phát triển nông thôn", "Nơi nhận:", "Hoàng Quốc Khánh"},
       {{"Căn cứ Đề án số 10-ĐA/TU ngày", "11/12/2020 của Tỉnh ủy"},
        {"giai đoạn 2020 -", "2025, năm 2024 như sau:"},
        {"1. Mục tiêu chung: Thực", "hiện mục tiêu giảm nghèo"},
        {"Ban Thường vụ Tỉnh ủy Lào", "Cai. Phấn đấu"},
        {"phát triển kinh tế", "- xã hội vùng đồng bào"},
        {"Trên đây là Kế hoạch thực hiện", "Đề án số 10-ĐA/TU"},
        {"(Phụ", "lục số 01, 01a"}},
       {{"1. Nhiệm vụ chung", "Các thành viên Ban Chỉ đạo"},
        {"Số: 34/KH-UBND", "Lào Cai, ngày 23"},
        {"- Lưu: VT, TH4, VX3.", "TM. ỦY BAN NHÂN DÂN"}},
       {"|", "-------", "uỷ"}},
      {"003",
       "plain",
       26,
       {"Nội dung thực hiện:", "5. Nâng cao năng lực giảm nghèo"},
       {},
       {{"5. Nâng cao năng lực giảm nghèo", "Nâng cao chất lượng hoạt động"}},
       {}},
      {"004",
       "markdown",
       40,
       {"Số: /KH-BDT", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "III. GIẢI PHÁP",
        "4. Hoạt động kiểm tra, giám sát", "Nơi nhận:", "- Lưu VT.", "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN", "Lý Văn Khi"},
       {},
       {{"KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"}},
       {"#", "**"}},
  };
  return kSeeds;
}

void PrintTo(const SeedCase& c, std::ostream* os) { *os << "seed " << c.seed; }

class SeedTest : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeedTest, Unwraps) {
  const SeedCase& c = GetParam();
  const std::string source = ReadSeed(c.seed);
  ASSERT_FALSE(source.empty());
  const NormalizedText n = Normalize(source);
  EXPECT_EQ(n.format, c.format);
  const std::vector<std::string_view> lines = Lines(n.text);
  EXPECT_EQ(lines.size(), c.lines);
  for (const char* want : c.whole_lines) {
    EXPECT_EQ(LineWith(n.text, want), want) << "seed " << c.seed << ": " << want;
  }
  for (const Together& t : c.together) {
    const std::string_view line = LineWith(n.text, t.first);
    EXPECT_NE(line.find(t.second), std::string_view::npos)
        << "seed " << c.seed << ": \"" << t.second << "\" not joined to \"" << t.first << "\"";
  }
  for (const Together& t : c.apart) {
    const std::string_view line = LineWith(n.text, t.first);
    EXPECT_FALSE(line.empty()) << t.first;
    EXPECT_EQ(line.find(t.second), std::string_view::npos)
        << "seed " << c.seed << ": \"" << t.second << "\" wrongly joined to \"" << t.first << "\"";
    EXPECT_FALSE(LineWith(n.text, t.second).empty()) << t.second;
  }
  for (const char* bad : c.absent) {
    EXPECT_EQ(n.text.find(bad), std::string::npos) << "seed " << c.seed << ": \"" << bad << "\"";
  }
}

TEST_P(SeedTest, OutputIsClean) {
  const NormalizedText n = Normalize(ReadSeed(GetParam().seed));
  ASSERT_FALSE(n.text.empty());
  EXPECT_NE(n.text.back(), '\n');
  for (std::string_view line : Lines(n.text)) {
    ASSERT_FALSE(line.empty()) << "blank line in seed " << GetParam().seed;
    EXPECT_NE(line.front(), ' ') << line;
    EXPECT_NE(line.back(), ' ') << line;
    EXPECT_EQ(line.find("  "), std::string_view::npos) << line;
    EXPECT_EQ(line.find('\t'), std::string_view::npos) << line;
  }
}

TEST_P(SeedTest, SpansRoundTrip) {
  const std::string source = ReadSeed(GetParam().seed);
  testing_util::ExpectSpansRoundTrip(source, Normalize(source), GetParam().seed);
}

// Decomposed input, as a Windows-1258 export decodes, gives the same text.
TEST_P(SeedTest, DecomposedSeedEqualsComposed) {
  const std::string source = ReadSeed(GetParam().seed);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::string decomposed;
  nfd->normalize(icu::UnicodeString::fromUTF8(source), status).toUTF8String(decomposed);
  ASSERT_TRUE(U_SUCCESS(status));
  ASSERT_NE(decomposed, source);
  const NormalizedText a = Normalize(source);
  const NormalizedText b = Normalize(decomposed);
  EXPECT_EQ(b.text, a.text);
  testing_util::ExpectSpansRoundTrip(decomposed, b, std::string(GetParam().seed) + " (NFD)");
}

// The same seed hard-wrapped at a fixed width, with and without a blank line after every
// wrapped line, loses and changes no text: only where lines break may differ.
TEST_P(SeedTest, RewrappedSeedKeepsItsText) {
  const std::string source = ReadSeed(GetParam().seed);
  const std::string original = Normalize(source).text;
  for (const bool blank_after_each : {false, true}) {
    std::string wrapped;
    for (std::string_view line : Lines(original)) {
      // Wrap at 70 code points, at spaces.
      size_t start = 0;
      while (start < line.size()) {
        size_t end = start;
        size_t chars = 0;
        size_t last_space = std::string_view::npos;
        while (end < line.size() && chars < 70) {
          // Not after a hyphen stuck to a word: "06- ĐA/TU" would come back as "06-ĐA/TU".
          const bool after_attached_hyphen =
              end >= 2 && line[end - 1] == '-' && line[end - 2] != ' ';
          if (line[end] == ' ' && !after_attached_hyphen) last_space = end;
          end += 1;
          while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
          ++chars;
        }
        if (end < line.size() && last_space != std::string_view::npos && last_space > start) {
          end = last_space;
        }
        wrapped.append(line.substr(start, end - start));
        wrapped.append(blank_after_each ? "\n\n" : "\n");
        start = end < line.size() && line[end] == ' ' ? end + 1 : end;
      }
      if (!blank_after_each) wrapped.append("\n");  // paragraphs apart by a blank line
    }
    const NormalizedText n = Normalize(wrapped);
    std::string joined = n.text;
    std::string flat = original;
    for (char& c : joined) c = c == '\n' ? ' ' : c;
    for (char& c : flat) c = c == '\n' ? ' ' : c;
    EXPECT_EQ(joined, flat) << "seed " << GetParam().seed << (blank_after_each ? " (blank)" : "");
    const size_t lines = Lines(n.text).size();
    const size_t want = Lines(original).size();
    EXPECT_GE(lines, want * 9 / 10) << "seed " << GetParam().seed;
    EXPECT_LE(lines, want * 13 / 10) << "seed " << GetParam().seed;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, ::testing::ValuesIn(Seeds()),
                         [](const ::testing::TestParamInfo<SeedCase>& info) {
                           return "seed" + std::string(info.param.seed);
                         });

}  // namespace
}  // namespace vnplan
