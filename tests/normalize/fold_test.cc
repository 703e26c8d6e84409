// FoldDiacritics: the diacritic-free view for matching unaccented input.
#include <string>

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace vnplan {
namespace {

TEST(FoldTest, StripsMarksAndDStroke) {
  const struct {
    const char* input;
    const char* want;
  } cases[] = {
      {"Quyết định số 90/QĐ-TTg", "Quyet dinh so 90/QD-TTg"},
      {"ĐỒNG THÁP", "DONG THAP"},
      {"đường", "duong"},
      {"Ủy ban nhân dân", "Uy ban nhan dan"},
      {"ăâêôơư ĂÂÊÔƠƯ", "aaeoou AAEOOU"},
      {"plain ascii 123 ./-", "plain ascii 123 ./-"},
      {"Quye\u0302\u0301t", "Quyet"},  // decomposed input: the marks go
      {"", ""},
      {"€ và “x”", "€ va “x”"},  // only letters change
  };
  for (const auto& c : cases) EXPECT_EQ(FoldDiacritics(c.input).text, c.want) << c.input;
}

TEST(FoldTest, KeepsCase) {
  EXPECT_EQ(FoldDiacritics("Hà Nội").text, "Ha Noi");
  EXPECT_EQ(FoldDiacritics("hà nội").text, "ha noi");
}

TEST(FoldTest, MapPointsAtSourceCharacters) {
  const std::string src = "Kế hoạch số 34/KH-UBND của Ủy ban";
  const FoldedText f = FoldDiacritics(src);
  ASSERT_EQ(f.text, "Ke hoach so 34/KH-UBND cua Uy ban");
  EXPECT_EQ(f.map.input_size(), src.size());
  EXPECT_EQ(f.map.output_size(), f.text.size());
  for (const std::string& word : {std::string("hoach"), std::string("Uy ban"),
                                  std::string("34/KH-UBND"), std::string("Ke")}) {
    const size_t at = f.text.find(word);
    const Span s = f.map.MapSpan({at, at + word.size()});
    const std::string source = src.substr(s.start, s.size());
    EXPECT_EQ(FoldDiacritics(source).text, word) << source;
  }
  const size_t at = f.text.find("Uy");
  const Span s = f.map.MapSpan({at, at + 1});
  EXPECT_EQ(src.substr(s.start, s.size()), "Ủ");
}

TEST(FoldTest, DecomposedMarksMapIntoTheirLetter) {
  const std::string src = "so\u0302\u0301 5";
  const FoldedText f = FoldDiacritics(src);
  ASSERT_EQ(f.text, "so 5");
  const Span s = f.map.MapSpan({0, 2});
  EXPECT_EQ(s.start, 0u);
  EXPECT_EQ(s.end, 2u);  // "so": the marks after it were dropped, not mapped
  EXPECT_EQ(f.map.MapSpan({0, 4}), (Span{0, src.size()}));
}

}  // namespace
}  // namespace vnplan
