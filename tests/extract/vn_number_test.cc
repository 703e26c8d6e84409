#include "extract/vn_number.h"

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "extract/fold_key.h"
#include "extract/vn_money.h"
#include "extract/vn_number_words.h"

namespace vnplan {
namespace {

struct NumberCase {
  const char* text;
  const char* value;  // Decimal::ToString(), nullptr when the text must be rejected
};

TEST(VnNumberTest, ReadsVietnameseAndEnglishGrouping) {
  const NumberCase kCases[] = {
      {"15.555,25", "15555.25"},
      {"100.000.000", "100000000"},
      {"5.000.000.000", "5000000000"},
      {"1,5", "1.5"},
      {"0,2", "0.2"},
      {"68,8", "68.8"},
      {"1.500", "1500"},
      {"2,000", "2"},  // a lone comma is a decimal mark
      {"2.000", "2000"},
      {"68.8", "68.8"},  // English decimal point
      {"0.500", "0.5"},  // a group cannot start with 0
      {"1,500,000", "1500000"},
      {"15,555.25", "15555.25"},
      {"1 500 000", "1500000"},
      {"1 500,75", "1500.75"},
      {"007", "7"},
      {"0", "0"},
      {"0,0005", "0.0005"},
      {"466,25", "466.25"},
      {"999.999.999.999.999.999", "999999999999999999"},
      {"  42 ", "42"},
      {"1.50.0", nullptr},
      {"1.5000", nullptr},  // neither grouped nor a plausible single decimal? it is: see below
      {"1,2,3", nullptr},
      {"1.500,25,5", nullptr},
      {"15.555,2.5", nullptr},
      {"1.000.000,5.5", nullptr},
      {"1  500", nullptr},
      {"12 5", nullptr},
      {".5", nullptr},
      {"5.", nullptr},
      {",", nullptr},
      {"", nullptr},
      {"12a", nullptr},
      {"-3", nullptr},
      {"1.000.000.000.000.000.000", nullptr},  // 19 digits: past int64's exact range
  };
  for (const NumberCase& c : kCases) {
    std::optional<Decimal> d = ParseVnNumber(c.text);
    if (std::string(c.text) == "1.5000") {
      // One dot before four digits is not thousands grouping, so it reads as a decimal point.
      ASSERT_TRUE(d.has_value());
      EXPECT_EQ(d->ToString(), "1.5");
      continue;
    }
    if (c.value == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text << " -> " << d->ToString();
    } else {
      ASSERT_TRUE(d.has_value()) << c.text;
      EXPECT_EQ(d->ToString(), c.value) << c.text;
    }
  }
}

TEST(VnNumberTest, HugeInputsGiveNulloptNotOverflow) {
  EXPECT_FALSE(ParseVnNumber(std::string(10000, '9')).has_value());
  std::string grouped = "1";
  for (int i = 0; i < 3000; ++i) grouped += ".000";
  EXPECT_FALSE(ParseVnNumber(grouped).has_value());
  EXPECT_FALSE(ParseVnNumber("0," + std::string(10000, '0') + "1").has_value());
  // Leading zeros are not significant digits.
  std::optional<Decimal> zeros = ParseVnNumber(std::string(10000, '0') + "12");
  ASSERT_TRUE(zeros.has_value());
  EXPECT_EQ(zeros->units, 12);
}

TEST(VnNumberTest, ScaleToIntegerIsExact) {
  EXPECT_EQ(ParseVnNumber("15.555,25")->ScaleToInteger(1'000'000), 15'555'250'000);
  EXPECT_EQ(ParseVnNumber("148,4")->ScaleToInteger(1'000'000'000), 148'400'000'000);
  EXPECT_EQ(ParseVnNumber("0,1")->ScaleToInteger(3), 0);  // 0.3 rounds down
  EXPECT_EQ(ParseVnNumber("0,5")->ScaleToInteger(1), 1);  // half away from zero
  EXPECT_EQ(ParseVnNumber("9.000.000")->ScaleToInteger(1'000'000'000'000),
            9'000'000'000'000'000'000);
  EXPECT_EQ(ParseVnNumber("10.000.000")->ScaleToInteger(1'000'000'000'000), std::nullopt);
  EXPECT_DOUBLE_EQ(ParseVnNumber("68,8")->ToDouble(), 68.8);
}

struct MoneyCase {
  const char* number;
  const char* scale;
  int64_t dong;  // -1: the scale is rejected
  const char* name;
};

TEST(VnMoneyTest, ScalesGiveExactDong) {
  const MoneyCase kCases[] = {
      {"15.555,25", "triệu đồng", 15'555'250'000, "triệu"},
      {"148,4", "tỷ đồng", 148'400'000'000, "tỷ"},
      {"83,8", "tỷ", 83'800'000'000, "tỷ"},
      {"2,75", "tỉ đồng", 2'750'000'000, "tỷ"},
      {"100.000.000", "đồng", 100'000'000, "đồng"},
      {"5.000.000.000", "đ", 5'000'000'000, "đồng"},
      {"250.000", "VNĐ", 250'000, "đồng"},
      {"1.200.000", "VND", 1'200'000, "đồng"},
      {"750", "nghìn đồng", 750'000, "nghìn"},
      {"320", "ngàn đồng", 320'000, "nghìn"},
      {"1,5", "triệu đồng", 1'500'000, "triệu"},
      {"12", "TRIỆU ĐỒNG", 12'000'000, "triệu"},
      {"3,2", "nghìn tỷ đồng", 3'200'000'000'000, "nghìn tỷ"},
      {"45", "trđ", 45'000'000, "triệu"},
      {"45", "tr.đ", 45'000'000, "triệu"},
      {"45", "tr.", -1, ""},
      {"45", "trieu dong", 45'000'000, "triệu"},
      {"45", "triệu", 45'000'000, "triệu"},
      {"45", "tr", -1, ""},
      {"45", "", -1, ""},
      {"45", "người", -1, ""},
      {"45", "triệu USD", -1, ""},
  };
  for (const MoneyCase& c : kCases) {
    std::optional<MoneyScale> s = ParseMoneyScale(c.scale);
    if (c.dong < 0) {
      EXPECT_FALSE(s.has_value()) << c.scale;
      continue;
    }
    ASSERT_TRUE(s.has_value()) << c.scale;
    EXPECT_EQ(s->name, c.name) << c.scale;
    EXPECT_EQ(ToDong(*ParseVnNumber(c.number), *s), c.dong) << c.number << " " << c.scale;
  }
}

TEST(VnNumberTest, RepairsDigitSlipsInPlace) {
  const struct {
    const char* text;
    const char* repaired;  // nullptr: nothing to repair
  } kCases[] = {
      {"giảm l.240 triệu", "giảm 1.240 triệu"},
      {"ngày l5/12/2O24.", "ngày 15/12/2024."},
      {"số 18/0l/2022 của", "số 18/01/2022 của"},
      {"năm 2O24", "năm 2024"},
      {"quý II/2024", nullptr},
      {"Lào Cai 2024", nullptr},
      {"lO và Ol", nullptr},
      {"l5", nullptr},           // one real digit is too little to tell
      {"Bl5/12/2024", nullptr},  // touches a letter
      {"", nullptr},
  };
  for (const auto& c : kCases) {
    const std::optional<std::string> r = RepairDigitSlips(c.text);
    if (c.repaired == nullptr) {
      EXPECT_FALSE(r.has_value()) << c.text << " -> " << *r;
    } else {
      ASSERT_TRUE(r.has_value()) << c.text;
      EXPECT_EQ(*r, c.repaired);
      EXPECT_EQ(r->size(), std::string(c.text).size());
    }
  }
}

TEST(VnMoneyTest, OverflowGivesNullopt) {
  EXPECT_EQ(ToDong(*ParseVnNumber("999.999.999.999"), *ParseMoneyScale("tỷ đồng")), std::nullopt);
}

struct WordsCase {
  const char* words;
  int64_t value;  // -1: rejected
};

TEST(VnNumberWordsTest, ReadsNumbersInWords) {
  const WordsCase kCases[] = {
      {"Mười lăm tỷ năm trăm năm mươi lăm triệu", 15'555'000'000},
      {"mười", 10},
      {"mười một", 11},
      {"mười lăm", 15},
      {"mười bốn", 14},
      {"hai mươi", 20},
      {"hai mươi mốt", 21},
      {"ba mươi tư", 34},
      {"bốn mươi lăm", 45},
      {"năm mươi nhăm", 55},
      {"chín mươi chín", 99},
      {"một trăm", 100},
      {"một trăm linh năm", 105},
      {"ba trăm lẻ tư", 304},
      {"bảy trăm hai mươi", 720},
      {"hai nghìn không trăm hai mươi tư", 2024},
      {"một nghìn không trăm linh một", 1001},
      {"ba ngàn", 3000},
      {"hai triệu ba trăm nghìn", 2'300'000},
      {"hai triệu rưỡi", 2'500'000},
      {"hai trăm rưỡi", 250},
      {"một tỷ hai trăm triệu", 1'200'000'000},
      {"một nghìn tỷ", 1'000'000'000'000},
      {"một nghìn năm trăm tỷ", 1'500'000'000'000},
      {"sáu tỉ", 6'000'000'000},
      {"ba chục", 30},
      {"không", 0},
      {"MƯỜI HAI TRIỆU", 12'000'000},
      {"muoi lam ty", 15'000'000'000},
      {"1 tỷ 500 triệu", 1'500'000'000},
      {"Một tỷ, hai trăm ba mươi tư triệu, năm trăm nghìn", 1'234'500'000},
      {"năm năm", -1},
      {"triệu", -1},
      {"linh năm", -1},
      {"một trăm linh", -1},
      {"hai tỷ ba", -1},  // spoken 2.3 tỷ: not read
      {"hai tỷ không trăm linh ba", 2'000'000'003},
      {"một triệu mười lăm", -1},
      {"mười lăm tỷ đồng", -1},
      {"hai tỷ ba tỷ", -1},
      {"", -1},
      {"tỷ tỷ", -1},
  };
  for (const WordsCase& c : kCases) {
    std::optional<int64_t> v = ParseVnNumberWords(c.words);
    if (c.value < 0) {
      EXPECT_FALSE(v.has_value()) << c.words << " -> " << *v;
    } else {
      EXPECT_EQ(v, c.value) << c.words;
    }
  }
}

TEST(VnNumberWordsTest, EndlessScalesOverflowToNullopt) {
  std::string words = "chín trăm";
  for (int i = 0; i < 5000; ++i) words += " nghìn tỷ";
  EXPECT_FALSE(ParseVnNumberWords(words).has_value());
  std::string counting;
  for (int i = 0; i < 5000; ++i) counting += "chín ";
  EXPECT_FALSE(ParseVnNumberWords(counting).has_value());
}

TEST(FoldKeyTest, FoldsCaseDiacriticsAndSpaces) {
  EXPECT_EQ(FoldKey("Mười  LĂM"), "muoi lam");
  EXPECT_EQ(FoldKey(" TỶ ĐỒNG\n"), "ty dong");
  EXPECT_EQ(FoldKey("VNĐ"), "vnd");
  EXPECT_EQ(FoldKey("Ngân sách Trung ương"), "ngan sach trung uong");
}

TEST(FoldKeyTest, SameWordsKeepsMarksWhenWritten) {
  const struct {
    const char* written;
    const char* word;
    bool same;
  } kCases[] = {
      {"Tại", "tại", true},        {"tai", "tại", true},       {"tái", "tại", false},
      {"SO  VỚI", "so với", true}, {"so voi", "so với", true}, {"hỗ", "hồ", false},
      {"ho", "hồ", true},          {"Đạt", "đạt", true},       {"dat", "đạt", true},
      {"đất", "đạt", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(SameWords(c.written, c.word), c.same) << c.written << " / " << c.word;
  }
}

// Every Vietnamese letter, upper and lower case, precomposed and decomposed, folds to its base
// letter (the common text takes a table, the rest utf8proc: both must agree).
TEST(FoldKeyTest, EveryVietnameseLetterFoldsToItsBase) {
  const struct {
    const char* letters;
    const char* base;
  } kGroups[] = {
      {"aàáảãạăằắẳẵặâầấẩẫậAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "a"},
      {"eèéẻẽẹêềếểễệEÈÉẺẼẸÊỀẾỂỄỆ", "e"},
      {"iìíỉĩịIÌÍỈĨỊ", "i"},
      {"oòóỏõọôồốổỗộơờớởỡợOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "o"},
      {"uùúủũụưừứửữựUÙÚỦŨỤƯỪỨỬỮỰ", "u"},
      {"yỳýỷỹỵYỲÝỶỸỴ", "y"},
      {"đĐdD", "d"},
  };
  for (const auto& g : kGroups) {
    const std::string letters = g.letters;
    for (size_t i = 0; i < letters.size();) {
      size_t n = 1;
      while (i + n < letters.size() &&
             (static_cast<unsigned char>(letters[i + n]) & 0xC0) == 0x80) {
        ++n;
      }
      const std::string letter = letters.substr(i, n);
      EXPECT_EQ(FoldKey(letter), g.base) << letter;
      EXPECT_EQ(FoldKey("x" + letter + "  " + letter), std::string("x") + g.base + " " + g.base)
          << letter;
      i += n;
    }
  }
  // Decomposed marks (U+0301, U+0323) and letters outside the table take the slow path.
  EXPECT_EQ(FoldKey("to\xCC\x81i ha\xCC\xA3n"), "toi han");
  EXPECT_EQ(FoldKey("Straße"), "strasse");
  EXPECT_EQ(FoldKey("Ωmega"), "ωmega");
}

TEST(FoldKeyTest, SameWordsOnUpperCaseAndDecomposedText) {
  EXPECT_TRUE(SameWords("ĐỀ NGHỊ", "đề nghị"));
  EXPECT_TRUE(SameWords("TRỞ  LÊN", "trở lên"));
  EXPECT_FALSE(SameWords("TRỞ LÊN", "trở lại"));
  EXPECT_TRUE(SameWords("tro\xCC\x9Bu", "trơu"));  // decomposed horn
  EXPECT_FALSE(SameWords("to\xCC\x81i", "tối"));   // decomposed acute is not "ố"
}

// One written phrase asked against a whole table gives, entry by entry, what SameWords gives:
// marks kept when written, folded when not, case and spacing ignored.
TEST(FoldKeyTest, WrittenWordsAgainstATable) {
  constexpr std::string_view kTable[] = {"tại", "so với", "đạt", "hồ", "trở lên", "trơu"};
  const struct {
    const char* written;
    std::vector<bool> is;  // parallel to kTable
  } kCases[] = {
      {"Tại", {true, false, false, false, false, false}},
      {"tai", {true, false, false, false, false, false}},
      {"tái", {false, false, false, false, false, false}},
      {"SO  VỚI", {false, true, false, false, false, false}},
      {"so voi", {false, true, false, false, false, false}},
      {"DAT", {false, false, true, false, false, false}},
      {"hỗ", {false, false, false, false, false, false}},
      {"ho", {false, false, false, true, false, false}},
      {"TRỞ\nLÊN", {false, false, false, false, true, false}},
      {"tro\xCC\x9Bu", {false, false, false, false, false, true}},  // decomposed horn
      {"", {false, false, false, false, false, false}},
  };
  for (const auto& c : kCases) {
    const WrittenWords w(c.written);
    bool any = false;
    for (size_t k = 0; k < std::size(kTable); ++k) {
      EXPECT_EQ(w.Is(kTable[k]), c.is[k]) << c.written << " / " << kTable[k];
      EXPECT_EQ(SameWords(c.written, kTable[k]), c.is[k]) << c.written << " / " << kTable[k];
      any = any || c.is[k];
    }
    EXPECT_EQ(w.IsAnyOf(kTable), any) << c.written;
  }
}

}  // namespace
}  // namespace vnplan
