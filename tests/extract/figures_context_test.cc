// What amount, quantity and date records take from around their figure: project and year from
// the structure, fund from labels, kinds from the header and the wording, and the diagnostics of
// figures that cannot be read. Every document here is written for this test.
#include <string>

#include <gtest/gtest.h>

#include "figure_harness.h"

namespace vnplan {
namespace {

using testing_figures::Extracted;
using testing_figures::ExtractText;

constexpr std::string_view kPlan =
    "ỦY BAN NHÂN DÂN\n"
    "HUYỆN TÂN UYÊN\n"
    "Số: 45/KH-UBND\n"
    "Tân Uyên, ngày 7 tháng 4 năm 2025\n"
    "KẾ HOẠCH\n"
    "Hỗ trợ sinh kế cho hộ nghèo năm 2025\n"
    "I. MỤC TIÊU\n"
    "Giảm 320 hộ nghèo, tỷ lệ hộ nghèo toàn huyện giảm 2,5% so với cuối năm 2024.\n"
    "II. NỘI DUNG THỰC HIỆN\n"
    "1. Dự án 3: Hỗ trợ phát triển sản xuất\n"
    "a) Nội dung: hỗ trợ giống cây trồng cho 150 hộ.\n"
    "b) Kinh phí: 840 triệu đồng.\n"
    "2. Dự án 6: Truyền thông về giảm nghèo\n"
    "Kinh phí thực hiện: 95 triệu đồng.\n"
    "III. KINH PHÍ THỰC HIỆN NĂM 2026\n"
    "1. Nguồn vốn năm 2025: 935 triệu đồng, gồm:\n"
    "- Ngân sách tỉnh: 600 triệu đồng;\n"
    "- Ngân sách huyện: 335 triệu đồng.\n"
    "2. Dự kiến nhu cầu vốn: 1.100 triệu đồng.\n"
    "IV. CHẾ ĐỘ BÁO CÁO\n"
    "Các xã gửi báo cáo trước ngày 15/6 và ngày 15/12 hằng năm; báo cáo tổng kết gửi trước "
    "ngày 20 tháng 11.\n";

struct AmountWant {
  const char* text;
  int64_t vnd;
  const char* project;  // nullptr: null
  int year;             // 0: null
  const char* fund;     // nullptr: null
};

TEST(FiguresContextTest, AmountsTakeProjectYearAndFund) {
  const Extracted x = ExtractText(kPlan);
  const AmountWant kWant[] = {
      {"840 triệu đồng", 840'000'000, "du_an_3", 0, nullptr},
      {"95 triệu đồng", 95'000'000, "du_an_6", 0, nullptr},
      {"935 triệu đồng", 935'000'000, nullptr, 2025, nullptr},           // its own line wins
      {"600 triệu đồng", 600'000'000, nullptr, 2025, "ngân sách tỉnh"},  // from the lead-in
      {"335 triệu đồng", 335'000'000, nullptr, 2025, "ngân sách huyện"},
      {"1.100 triệu đồng", 1'100'000'000, nullptr, 2026, nullptr},  // from the heading
  };
  ASSERT_EQ(x.OfType("amount").size(), std::size(kWant));
  for (const AmountWant& w : kWant) {
    const Record* r = x.Find("amount", w.text);
    ASSERT_NE(r, nullptr) << w.text;
    EXPECT_EQ(r->fields["value_vnd"], w.vnd) << w.text;
    EXPECT_EQ(r->fields["project"], w.project ? nlohmann::json(w.project) : nlohmann::json())
        << w.text;
    EXPECT_EQ(r->fields["year"], w.year ? nlohmann::json(w.year) : nlohmann::json()) << w.text;
    EXPECT_EQ(r->fields["fund"], w.fund ? nlohmann::json(w.fund) : nlohmann::json()) << w.text;
  }
}

TEST(FiguresContextTest, DatesTakeTheirKindsAndTheDocumentYear) {
  const Extracted x = ExtractText(kPlan);
  const struct {
    const char* iso;
    const char* kind;
    const char* resolved;
  } kWant[] = {
      {"2025-04-07", "issued", "2025-04-07"}, {"--06-15", "deadline", "2025-06-15"},
      {"--12-15", "deadline", "2025-12-15"},  // joined to the deadline before it by "và"
      {"--11-20", "deadline", "2025-11-20"},  {"2024", "period", nullptr},
  };
  for (const auto& w : kWant) {
    const Record* found = nullptr;
    for (const Record* r : x.OfType("date")) {
      if (r->fields["iso"] == w.iso) found = r;
    }
    ASSERT_NE(found, nullptr) << w.iso;
    EXPECT_EQ(found->fields["kind"], w.kind) << w.iso;
    EXPECT_EQ(found->fields["resolved"], w.resolved ? nlohmann::json(w.resolved) : nlohmann::json())
        << w.iso;
  }
}

TEST(FiguresContextTest, QuantitiesLeaveOtherFiguresAlone) {
  const Extracted x = ExtractText(kPlan);
  const Record* households = x.Find("quantity", "320 hộ");
  ASSERT_NE(households, nullptr);
  EXPECT_EQ(households->fields["subject"], "hộ nghèo");
  const Record* rate = x.Find("quantity", "2,5%");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->fields["subject"], "tỷ lệ hộ nghèo");
  EXPECT_NE(x.Find("quantity", "150 hộ"), nullptr);
  for (const Record* q : x.OfType("quantity")) {
    for (const Record* other : x.OfType("amount")) {
      EXPECT_FALSE(q->span.start < other->span.end && other->span.start < q->span.end)
          << x.TextOf(*q);
    }
  }
}

struct UnreadableCase {
  const char* text;
  const char* type;
  const char* code;  // the diagnostic expected
  bool record;       // whether a record (with a null value) is still made
};

TEST(FiguresContextTest, UnreadableFiguresGiveDiagnostics) {
  const UnreadableCase kCases[] = {
      {"Tổng vốn: 99.999.999.999.999.999 tỷ đồng.", "amount", "extract.amount_unreadable", true},
      {"Tổng vốn: 123456789012345678901234567890 đồng.", "amount", "extract.amount_unreadable",
       true},
      {"Báo cáo gửi trước ngày 31/02/2025.", "date", "extract.impossible_date", false},
      {"Ngày 29/02/2023 các xã tổ chức ra quân.", "date", "extract.impossible_date", false},
      // Spelled: neither the whole phrase nor its "tháng 02 năm 2024" is a date.
      {"Hạn chót ngày 31 tháng 02 năm 2024 theo dự thảo.", "date", "extract.impossible_date",
       false},
      {"Hội nghị họp 30 tháng 2 năm 2025 tại huyện.", "date", "extract.impossible_date", false},
  };
  for (const UnreadableCase& c : kCases) {
    const Extracted x = ExtractText(c.text);
    bool diagnosed = false;
    for (const Diagnostic& d : x.diagnostics) diagnosed |= d.code == c.code;
    EXPECT_TRUE(diagnosed) << c.text;
    const auto records = x.OfType(c.type);
    if (c.record) {
      ASSERT_EQ(records.size(), 1u) << c.text;
      EXPECT_TRUE(records[0]->fields["value_vnd"].is_null()) << c.text;
    } else {
      EXPECT_TRUE(records.empty()) << c.text;
    }
  }
}

TEST(FiguresContextTest, HugeInputsStayLinear) {
  // Ten thousand digits, then a wall of number words: nothing may overflow or take long; the
  // words give the figure their last words make ("chín trăm tỷ đồng").
  std::string text = "Tổng vốn " + std::string(10000, '9') + " triệu đồng. Bằng chữ:";
  for (int i = 0; i < 3000; ++i) text += " chín trăm";
  text += " tỷ đồng.";
  const Extracted x = ExtractText(text);
  const auto amounts = x.OfType("amount");
  ASSERT_EQ(amounts.size(), 2u);
  EXPECT_TRUE(amounts[0]->fields["value_vnd"].is_null());
  EXPECT_EQ(amounts[1]->fields["value_vnd"], 900'000'000'000);
  EXPECT_EQ(x.TextOf(*amounts[1]), "chín trăm tỷ đồng");
}

TEST(FiguresContextTest, UnaccentedPlan) {
  const Extracted x = ExtractText(
      "Kinh phi thuc hien nam 2025: 1.500 trieu dong, trong do ngan sach tinh: 900 trieu dong.\n"
      "Ty le ho ngheo giam tren 3%; cac xa gui bao cao truoc ngay 10/12/2025.\n");
  const Record* total = x.Find("amount", "1.500 trieu dong");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->fields["value_vnd"], 1'500'000'000);
  EXPECT_EQ(total->fields["year"], 2025);
  const Record* part = x.Find("amount", "900 trieu dong");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->fields["fund"], "ngan sach tinh");
  const Record* rate = x.Find("quantity", "tren 3%");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->fields["comparator"], ">");
  EXPECT_EQ(rate->fields["subject"], "ty le ho ngheo");
  bool deadline = false;
  for (const Record* r : x.OfType("date")) {
    deadline |= r->fields["iso"] == "2025-12-10" && r->fields["kind"] == "deadline";
  }
  EXPECT_TRUE(deadline);
}

}  // namespace
}  // namespace vnplan
