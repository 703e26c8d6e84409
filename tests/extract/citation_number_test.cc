// Reading document numbers: every shape, the repairs, and what is not a number.
#include "extract/citation_number.h"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vnplan {
namespace {

struct NumberCase {
  std::string raw;
  bool folded;
  std::string number;
  std::optional<std::string> type_code;
  std::optional<std::string> issuer_code;
  std::optional<int> num_year;
};

const std::vector<NumberCase>& Cases() {
  static const std::vector<NumberCase> kCases = {
      // administrative, normative, law, Party, official letter, consolidated, joint, lettered
      {"90/QĐ-TTg", false, "90/QĐ-TTg", "QĐ", "TTg", std::nullopt},
      {"07/2021/NĐ-CP", false, "07/2021/NĐ-CP", "NĐ", "CP", 2021},
      {"24/2021/QH15", false, "24/2021/QH15", std::nullopt, "QH15", 2021},
      {"20-NQ/TU", false, "20-NQ/TU", "NQ", "TU", std::nullopt},
      {"153-CTr/TU", false, "153-CTr/TU", "CTr", "TU", std::nullopt},
      {"941/SLĐTBXH-BTXHTE", false, "941/SLĐTBXH-BTXHTE", std::nullopt, "SLĐTBXH", std::nullopt},
      {"18/VBHN-VPQH", false, "18/VBHN-VPQH", "VBHN", "VPQH", std::nullopt},
      {"12/2015/TTLT-BLĐTBXH-BTC", false, "12/2015/TTLT-BLĐTBXH-BTC", "TTLT", "BLĐTBXH-BTC", 2015},
      {"30a/2008/NQ-CP", false, "30a/2008/NQ-CP", "NQ", "CP", 2008},
      {"02/2020/UBTVQH14", false, "02/2020/UBTVQH14", std::nullopt, "UBTVQH14", 2020},
      // repairs: glued codes, spaces, line breaks, the OCR "Ð"
      {"1315/QĐUBND", false, "1315/QĐ-UBND", "QĐ", "UBND", std::nullopt},
      {"07/2021/NĐCP", false, "07/2021/NĐ-CP", "NĐ", "CP", 2021},
      {"14/2023/NQHĐND", false, "14/2023/NQ-HĐND", "NQ", "HĐND", 2023},
      {"46/2022/TTBTC", false, "46/2022/TT-BTC", "TT", "BTC", 2022},
      {"90/QĐ - TTg", false, "90/QĐ-TTg", "QĐ", "TTg", std::nullopt},
      {"06- ĐA/TU", false, "06-ĐA/TU", "ĐA", "TU", std::nullopt},
      {"12/QĐ-\nUBND", false, "12/QĐ-UBND", "QĐ", "UBND", std::nullopt},
      {"5/Q\xC3\x90-UBND", false, "5/QĐ-UBND", "QĐ", "UBND", std::nullopt},
      // a type code alone before an issuer that is not one stays whole
      {"45/HĐND", false, "45/HĐND", std::nullopt, "HĐND", std::nullopt},
      {"8/BCĐ", false, "8/BCĐ", std::nullopt, "BCĐ", std::nullopt},
      // the folded view: "Đ" and letter case come back for known codes
      {"90/QD-TTg", true, "90/QĐ-TTg", "QĐ", "TTg", std::nullopt},
      {"90/qd-ttg", true, "90/QĐ-TTg", "QĐ", "TTg", std::nullopt},
      {"14/2022/nq-hdnd", true, "14/2022/NQ-HĐND", "NQ", "HĐND", 2022},
      {"1315/QDUBND", true, "1315/QĐ-UBND", "QĐ", "UBND", std::nullopt},
      {"10/2022/TT-BLDTBXH", true, "10/2022/TT-BLĐTBXH", "TT", "BLĐTBXH", 2022},
      {"45/TTr-SKHDT", true, "45/TTr-SKHĐT", "TTr", "SKHĐT", std::nullopt},
  };
  return kCases;
}

TEST(CitationNumber, ReadsEveryShape) {
  for (const NumberCase& c : Cases()) {
    std::optional<ParsedNumber> n = ParseCitationNumber(c.raw, c.folded);
    ASSERT_TRUE(n.has_value()) << c.raw;
    EXPECT_EQ(n->number, c.number) << c.raw;
    EXPECT_EQ(n->type_code, c.type_code) << c.raw;
    EXPECT_EQ(n->issuer_code, c.issuer_code) << c.raw;
    EXPECT_EQ(n->num_year, c.num_year) << c.raw;
  }
}

TEST(CitationNumber, RefusesWhatIsNoNumber) {
  const char* kNotNumbers[] = {
      "10/6",                // a day and month
      "2022/2023",           // years
      "1234567/QĐ-UBND",     // a serial of seven digits
      "12/QĐ-",              // an empty part
      "12",                  // no symbol
      "/KH-UBND",            // a blank template
      "12/tháng",            // a word, and not a code
      "5/abc",               // lowercase outside the folded view
      "12/QĐ-UBND-A-B-C-D",  // too many parts
  };
  for (const char* raw : kNotNumbers) {
    EXPECT_FALSE(ParseCitationNumber(raw, false).has_value()) << raw;
  }
}

TEST(CitationNumber, DocTypeOfCode) {
  EXPECT_EQ(DocTypeOfCode("QĐ"), "Quyết định");
  EXPECT_EQ(DocTypeOfCode("TTLT"), "Thông tư liên tịch");
  EXPECT_EQ(DocTypeOfCode("CTr"), "Chương trình");
  EXPECT_FALSE(DocTypeOfCode("UBND").has_value());
  EXPECT_FALSE(DocTypeOfCode("QH15").has_value());
}

}  // namespace
}  // namespace vnplan
