// Audit checks on records built by hand, each case with the text its spans point into.
#include "audit/audit.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vnplan {
namespace {

Record Doc(const char* date, int year, const char* number = "12/KH-UBND") {
  Record r;
  r.type = "document";
  r.fields = {{"date", date ? nlohmann::json(date) : nlohmann::json(nullptr)},
              {"year", year},
              {"number", number ? nlohmann::json(number) : nlohmann::json(nullptr)}};
  return r;
}

Record Citation(const std::string& text, std::string_view all, const char* number, const char* date,
                const char* doc_type, const char* type_code, const char* issuer_code,
                const char* issuer, int num_year = 0, bool repaired = false) {
  Record r;
  r.type = "citation";
  size_t at = all.find(text);
  r.span = {at, at + text.size()};
  auto opt = [](const char* s) { return s ? nlohmann::json(s) : nlohmann::json(nullptr); };
  r.fields = {{"number", opt(number)},
              {"date", opt(date)},
              {"doc_type", opt(doc_type)},
              {"type_code", opt(type_code)},
              {"issuer_code", opt(issuer_code)},
              {"issuer", opt(issuer)},
              {"num_year", num_year ? nlohmann::json(num_year) : nlohmann::json(nullptr)},
              {"repaired", repaired}};
  return r;
}

Record Amount(std::string_view all, const std::string& text, long long vnd, const char* scale) {
  Record r;
  r.type = "amount";
  size_t at = all.find(text);
  r.span = {at, at + text.size()};
  r.fields = {{"value_vnd", vnd}, {"scale", scale}, {"per", nullptr}};
  return r;
}

std::vector<std::string> Codes(const Records& findings) {
  std::vector<std::string> out;
  for (const Record& f : findings) out.push_back(f.fields["code"].get<std::string>());
  return out;
}

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<Auditor> a = Auditor::Create({});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    auditor_ = std::make_unique<Auditor>(std::move(a).value());
  }
  std::unique_ptr<Auditor> auditor_;
};

TEST_F(AuditTest, YearInNumberAgainstDate) {
  const std::string text = "Căn cứ Nghị quyết số 14/2022/NQ-HĐND ngày 21/02/2021 của HĐND tỉnh;";
  Records recs = {Doc("2024-03-01", 2024),
                  Citation("Nghị quyết số 14/2022/NQ-HĐND ngày 21/02/2021", text, "14/2022/NQ-HĐND",
                           "2021-02-21", "Nghị quyết", "NQ", "HĐND", "HĐND tỉnh", 2022)};
  Records f = auditor_->CheckDocument(recs, text);
  EXPECT_EQ(Codes(f), std::vector<std::string>{"citation.year_mismatch"});
  EXPECT_EQ(f[0].fields["severity"], "error");
  EXPECT_EQ(f[0].fields["records"], nlohmann::json::array({1}));
  EXPECT_EQ(f[0].span.start, text.find("Nghị quyết"));
}

TEST_F(AuditTest, SameNumberTwoDatesIsAConflict) {
  const std::string text =
      "theo Nghị quyết số 14/2022/NQ-HĐND ngày 21/02/2022 và sau đó tại Nghị quyết số "
      "14/2022/NQ-HĐND ngày 21/4/2022";
  const std::string second = "Nghị quyết số 14/2022/NQ-HĐND ngày 21/4/2022";
  Records recs = {Doc("2025-01-10", 2025),
                  Citation("Nghị quyết số 14/2022/NQ-HĐND ngày 21/02/2022", text, "14/2022/NQ-HĐND",
                           "2022-02-21", "Nghị quyết", "NQ", "HĐND", nullptr, 2022),
                  Citation(second, text, "14/2022/NQ-HĐND", "2022-04-21", "Nghị quyết", "NQ",
                           "HĐND", nullptr, 2022)};
  recs[2].span.start = text.rfind("Nghị quyết");
  recs[2].span.end = text.size();
  Records f = auditor_->CheckDocument(recs, text);
  ASSERT_EQ(Codes(f), std::vector<std::string>{"citation.date_conflict"});
  EXPECT_EQ(f[0].fields["records"], nlohmann::json::array({1, 2}));
  EXPECT_EQ(f[0].span.start, recs[2].span.start);
}

TEST_F(AuditTest, AdministrativeNumbersOfDifferentYearsDoNotConflict) {
  const std::string text =
      "Quyết định số 5/QĐ-UBND ngày 03/01/2022; Quyết định số 5/QĐ-UBND ngày 04/01/2023";
  Records recs = {Doc("2024-01-10", 2024),
                  Citation("Quyết định số 5/QĐ-UBND ngày 03/01/2022", text, "5/QĐ-UBND",
                           "2022-01-03", "Quyết định", "QĐ", "UBND", nullptr),
                  Citation("Quyết định số 5/QĐ-UBND ngày 04/01/2023", text, "5/QĐ-UBND",
                           "2023-01-04", "Quyết định", "QĐ", "UBND", nullptr)};
  EXPECT_TRUE(auditor_->CheckDocument(recs, text).empty());
}

TEST_F(AuditTest, CitedAfterTheDocumentAndTypeAndIssuerCodes) {
  const std::string text =
      "Quyết định số 12/NQ-HĐND ngày 05/05/2024; Quyết định số 90/QĐ-TTg ngày 18/01/2022 "
      "của Bộ Tài chính";
  Records recs = {Doc("2024-03-01", 2024),
                  Citation("Quyết định số 12/NQ-HĐND ngày 05/05/2024", text, "12/NQ-HĐND",
                           "2024-05-05", "Quyết định", "NQ", "HĐND", nullptr),
                  Citation("Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Bộ Tài chính", text,
                           "90/QĐ-TTg", "2022-01-18", "Quyết định", "QĐ", "TTg", "Bộ Tài chính")};
  Records f = auditor_->CheckDocument(recs, text);
  EXPECT_EQ(Codes(f), (std::vector<std::string>{"citation.after_document", "citation.type_mismatch",
                                                "citation.type_mismatch"}));
}

TEST_F(AuditTest, IssuerFitsItsCodeWithoutDiacriticsAndAsAPartyCommittee) {
  const std::string text =
      "Quyet dinh so 90/QD-TTg cua Thu tuong Chinh phu; Nghị quyết số 04-NQ/TU của Ban Chấp hành "
      "Đảng bộ tỉnh; Kết luận số 12-KL/HU của Ban Thường vụ Huyện uỷ; Nghị quyết số 5-NQ/TU của "
      "Hội đồng nhân dân tỉnh";
  Records recs = {
      Doc("2024-03-01", 2024),
      Citation("Quyet dinh so 90/QD-TTg cua Thu tuong Chinh phu", text, "90/QĐ-TTg", nullptr,
               "Quyết định", "QĐ", "TTg", "Thu tuong Chinh phu"),
      Citation("Nghị quyết số 04-NQ/TU của Ban Chấp hành Đảng bộ tỉnh", text, "04-NQ/TU", nullptr,
               "Nghị quyết", "NQ", "TU", "Ban Chấp hành Đảng bộ tỉnh"),
      Citation("Kết luận số 12-KL/HU của Ban Thường vụ Huyện uỷ", text, "12-KL/HU", nullptr,
               "Kết luận", "KL", "HU", "Ban Thường vụ Huyện uỷ"),
      Citation("Nghị quyết số 5-NQ/TU của Hội đồng nhân dân tỉnh", text, "5-NQ/TU", nullptr,
               "Nghị quyết", "NQ", "TU", "Hội đồng nhân dân tỉnh")};
  Records f = auditor_->CheckDocument(recs, text);
  ASSERT_EQ(Codes(f), std::vector<std::string>{"citation.type_mismatch"});
  EXPECT_EQ(f[0].fields["records"], nlohmann::json::array({4}));
}

TEST_F(AuditTest, RegistryDateAndDocumentsNoLongerInForce) {
  const std::string text =
      "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/02/2022; Quyết định số 1722/QĐ-TTg ngày 02/9/2016";
  Records recs = {Doc("2023-05-02", 2023),
                  Citation("Quyết định số 90/QĐ-TTg ngày 18/02/2022", text, "90/QĐ-TTg",
                           "2022-02-18", "Quyết định", "QĐ", "TTg", nullptr),
                  Citation("Quyết định số 1722/QĐ-TTg ngày 02/9/2016", text, "1722/QĐ-TTg",
                           "2016-09-02", "Quyết định", "QĐ", "TTg", nullptr)};
  Records f = auditor_->CheckDocument(recs, text);
  ASSERT_EQ(Codes(f), (std::vector<std::string>{"citation.registry", "citation.registry"}));
  EXPECT_NE(f[0].fields["message"].get<std::string>().find("2022-01-18"), std::string::npos);
  EXPECT_NE(f[1].fields["message"].get<std::string>().find("90/QĐ-TTg"), std::string::npos);
}

TEST_F(AuditTest, RepairedNumberIsInfo) {
  const std::string text = "Quyết định số 1315/QĐUBND ngày 12/5/2023";
  Records recs = {Doc("2024-01-02", 2024), Citation(text, text, "1315/QĐ-UBND", "2023-05-12",
                                                    "Quyết định", "QĐ", "UBND", nullptr, 0, true)};
  Records f = auditor_->CheckDocument(recs, text);
  ASSERT_EQ(Codes(f), std::vector<std::string>{"citation.repaired"});
  EXPECT_EQ(f[0].fields["severity"], "info");
}

struct BudgetCase {
  const char* name;
  std::string text;
  std::vector<std::pair<std::string, long long>> amounts;  // text, value in đồng
  bool mismatch;
};

TEST_F(AuditTest, BudgetTotalsAgainstTheirParts) {
  const std::vector<BudgetCase> cases = {
      {"parts do not add up",
       "Tổng số 150,5 tỷ đồng, trong đó:\n- Ngân sách trung ương: 90 tỷ đồng;\n- Ngân sách địa "
       "phương: 61 tỷ đồng.\nCác xã chủ động bố trí.",
       {{"150,5 tỷ đồng", 150500000000}, {"90 tỷ đồng", 90000000000}, {"61 tỷ đồng", 61000000000}},
       true},
      {"parts add up, with blank lines",
       "Vốn năm 2024: 9.250,75 triệu đồng, gồm:\n\n- Ngân sách trung ương: 9.000 triệu đồng.\n\n"
       "- Ngân sách tỉnh: 250,75 triệu đồng.\n\nNội dung chi theo quy định.",
       {{"9.250,75 triệu đồng", 9250750000},
        {"9.000 triệu đồng", 9000000000},
        {"250,75 triệu đồng", 250750000}},
       false},
      {"nested breakdown counts once",
       "Tổng kinh phí 100 triệu đồng, trong đó:\n- Vốn sự nghiệp: 60 triệu đồng, trong đó:\n+ "
       "Dự án 1: 20 triệu đồng;\n+ Dự án 2: 40 triệu đồng;\n- Vốn đầu tư: 40 triệu đồng.",
       {{"100 triệu đồng", 100000000},
        {"60 triệu đồng", 60000000},
        {"20 triệu đồng", 20000000},
        {"40 triệu đồng;", 40000000},
        {"40 triệu đồng.", 40000000}},
       false},
      {"a parenthesis details a part (formats/html_table_pipes)",
       "Tổng vốn 1.086,4 tỷ đồng, trong đó:\n- Vốn đầu tư: 712,6 tỷ đồng (trung ương 689,5 tỷ "
       "đồng; địa phương 23,1 tỷ đồng).\n- Vốn sự nghiệp: 373,8 tỷ đồng.",
       {{"1.086,4 tỷ đồng", 1086400000000},
        {"712,6 tỷ đồng", 712600000000},
        {"689,5 tỷ đồng", 689500000000},
        {"23,1 tỷ đồng", 23100000000},
        {"373,8 tỷ đồng", 373800000000}},
       false},
      {"the next item of the total's numbering is not a part (audit/faults_planted)",
       "1. Tổng kinh phí 150,5 tỷ đồng, trong đó:\n- Trung ương: 90 tỷ đồng;\n- Địa phương: 61 tỷ "
       "đồng.\n2. Kinh phí năm 2024 là 38,2 tỷ đồng, gồm trung ương 36,4 tỷ đồng và địa phương "
       "1,8 tỷ đồng.",
       {{"150,5 tỷ đồng", 150500000000},
        {"90 tỷ đồng", 90000000000},
        {"61 tỷ đồng", 61000000000},
        {"38,2 tỷ đồng", 38200000000},
        {"36,4 tỷ đồng", 36400000000},
        {"1,8 tỷ đồng", 1800000000}},
       true},
      {"a part said again in words counts once",
       "Tổng kinh phí 100 triệu đồng, trong đó:\n- Tập huấn: 60 triệu đồng (Sáu mươi triệu "
       "đồng);\n- Rà soát: 40 triệu đồng.",
       {{"100 triệu đồng", 100000000},
        {"60 triệu đồng", 60000000},
        {"Sáu mươi triệu đồng", 60000000},
        {"40 triệu đồng", 40000000}},
       false},
      {"a later paragraph is not a part",
       "Tổng kinh phí 10 triệu đồng, trong đó ngân sách huyện 10 triệu đồng.\nNăm sau dự kiến 7 "
       "triệu đồng.",
       {{"10 triệu đồng,", 10000000}, {"10 triệu đồng.", 10000000}, {"7 triệu đồng", 7000000}},
       false},
  };
  for (const BudgetCase& c : cases) {
    Records recs = {Doc("2024-01-02", 2024)};
    for (const auto& [t, v] : c.amounts) {
      std::string bare = t;
      while (!bare.empty() && (bare.back() == ',' || bare.back() == ';' || bare.back() == '.')) {
        bare.pop_back();
      }
      size_t at = c.text.find(t);
      ASSERT_NE(at, std::string::npos) << c.name << ": " << t;
      Record r = Amount(c.text, t, v, t.find("tỷ") != std::string::npos ? "tỷ" : "triệu");
      r.span = {at, at + bare.size()};
      recs.push_back(r);
    }
    Records f = auditor_->CheckDocument(recs, c.text);
    EXPECT_EQ(!f.empty(), c.mismatch) << c.name;
    if (c.mismatch) {
      ASSERT_EQ(Codes(f), std::vector<std::string>{"budget.sum_mismatch"}) << c.name;
      EXPECT_EQ(f[0].fields["records"].size(), 3u) << c.name;
    }
  }
}

// The tree the HTML report draws: the nested breakdown is a part with its own parts, and is
// listed again on its own as a nested budget; the total's parts count the subtotal once.
TEST(FindBudgetsTest, NestedBreakdownIsASubtree) {
  const std::string text =
      "Tổng kinh phí 100 triệu đồng, trong đó:\n- Vốn sự nghiệp: 60 triệu đồng, trong đó:\n+ "
      "Dự án 1: 20 triệu đồng;\n+ Dự án 2: 40 triệu đồng;\n- Vốn đầu tư: 45 triệu đồng.";
  Records recs = {Doc("2024-01-02", 2024)};
  size_t from = 0;
  for (long long m : {100, 60, 20, 40, 45}) {
    const std::string t = std::to_string(m) + " triệu đồng";
    const size_t at = text.find(t, from);
    ASSERT_NE(at, std::string::npos) << t;
    Record r = Amount(text, t, m * 1000000, "triệu");
    r.span = {at, at + t.size()};
    recs.push_back(r);
    from = at + t.size();
  }
  const std::vector<Budget> budgets = FindBudgets(recs, text);
  ASSERT_EQ(budgets.size(), 2u);
  const BudgetNode& total = budgets[0].total;
  EXPECT_FALSE(budgets[0].nested);
  EXPECT_EQ(total.seq, 1u);
  ASSERT_EQ(total.parts.size(), 2u);
  EXPECT_EQ(total.parts_sum, 105000000);
  EXPECT_FALSE(total.AddsUp());
  EXPECT_EQ(total.parts[0].seq, 2u);
  ASSERT_EQ(total.parts[0].parts.size(), 2u);
  EXPECT_EQ(total.parts[0].parts[1].seq, 4u);
  EXPECT_TRUE(total.parts[0].AddsUp());
  EXPECT_EQ(total.parts[1].seq, 5u);
  EXPECT_TRUE(budgets[1].nested);
  EXPECT_EQ(budgets[1].total.seq, 2u);
  // The check reads the same tree: one finding, on the total and its two parts.
  StatusOr<Auditor> a = Auditor::Create({});
  ASSERT_TRUE(a.ok());
  Records f = a->CheckDocument(recs, text);
  ASSERT_EQ(Codes(f), std::vector<std::string>{"budget.sum_mismatch"});
  EXPECT_EQ(f[0].fields["records"], nlohmann::json::array({1, 2, 5}));
}

// Amount records for each of `texts`, found in `all` in order; record 0 is the document.
Records AmountsIn(const std::string& all, const std::vector<std::string>& texts) {
  Records recs = {Doc("2024-01-02", 2024)};
  size_t from = 0;
  for (const std::string& t : texts) {
    const size_t at = all.find(t, from);
    EXPECT_NE(at, std::string::npos) << t;
    if (at == std::string::npos) break;
    Record r = Amount(all, t, std::stoll(t) * 1000000000, "tỷ");
    r.span = {at, at + t.size()};
    recs.push_back(r);
    from = at + t.size();
  }
  return recs;
}

// Every amount of one paragraph opens a breakdown that never adds up: each total's parts are
// all the amounts after it. Searching each nested total's parts afresh doubled the work with
// every amount (30 took 23 s); summed once each, 200 are quick.
TEST(FindBudgetsTest, ParagraphOfTotalsIsSummedOnce) {
  std::string text = "Kinh phí thực hiện:";
  std::vector<std::string> amounts;
  for (int i = 1; i <= 200; ++i) {
    amounts.push_back(std::to_string(i) + " tỷ đồng");
    text += " năm thứ " + std::to_string(i) + " là " + amounts.back() + ", gồm:";
  }
  const Records recs = AmountsIn(text, amounts);
  ASSERT_EQ(recs.size(), 201u);
  const std::vector<Budget> budgets = FindBudgets(recs, text);
  ASSERT_EQ(budgets.size(), 199u);  // the last amount has nothing after it
  for (size_t i = 0; i < budgets.size(); ++i) {
    EXPECT_EQ(budgets[i].total.seq, i + 1);
    ASSERT_EQ(budgets[i].total.parts.size(), 199 - i);
    EXPECT_TRUE(budgets[i].total.parts[0].parts.empty());  // its own parts never add up to it
    EXPECT_FALSE(budgets[i].total.AddsUp());
  }
}

// Totals nested twelve deep, each a subtotal plus 1 tỷ: all add up; the tree is drawn eight
// levels down, and every budget after the first is shown as nested.
TEST(FindBudgetsTest, DeepNestingIsSummedAndDrawnEightLevels) {
  std::string text;
  std::vector<std::string> amounts;
  for (int v = 13; v >= 2; --v) {
    amounts.push_back(std::to_string(v) + " tỷ đồng");
    text += "- Kinh phí " + amounts.back() + ", gồm:\n";
  }
  for (int i = 0; i < 13; ++i) {
    amounts.push_back("1 tỷ đồng");
    text += "+ Hạng mục: 1 tỷ đồng;\n";
  }
  const Records recs = AmountsIn(text, amounts);
  const std::vector<Budget> budgets = FindBudgets(recs, text);
  ASSERT_EQ(budgets.size(), 12u);
  EXPECT_FALSE(budgets[0].nested);
  for (size_t i = 1; i < budgets.size(); ++i) EXPECT_TRUE(budgets[i].nested) << i;
  const BudgetNode* node = &budgets[0].total;
  EXPECT_TRUE(node->AddsUp());
  int levels = 0;
  while (!node->parts.empty()) {
    ASSERT_EQ(node->parts.size(), 2u);
    EXPECT_TRUE(node->AddsUp());
    node = &node->parts[0];
    ++levels;
  }
  EXPECT_EQ(levels, 9);  // 12 down to 4 tỷ, whose parts are not drawn
  EXPECT_EQ(node->value_vnd, 4000000000LL);
  StatusOr<Auditor> a = Auditor::Create({});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Codes(a->CheckDocument(recs, text)), std::vector<std::string>{});
}

// A plan for 2024 whose text, from its first line "VI. TỔ CHỨC THỰC HIỆN", is one section that
// assigns work.
Records PlanFor2024(const std::string& text) {
  Record section;
  section.type = "section";
  section.section = "VI";
  section.span = {0, text.find('\n')};
  section.fields = {{"kind", "to_chuc_thuc_hien"},
                    {"extent", {{"start", 0}, {"end", text.size()}}}};
  return {Doc("2024-02-01", 2024), section};
}

TEST_F(AuditTest, PlanForLastYearInsideTheTasks) {
  const std::string text =
      "VI. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ\n- Xây dựng kế hoạch triển khai Chương trình năm "
      "2023 trên địa bàn.\n- So với năm 2023, giảm 2% hộ nghèo.";
  Records f = auditor_->CheckDocument(PlanFor2024(text), text);
  ASSERT_EQ(Codes(f), std::vector<std::string>{"year.mismatch"});
  EXPECT_EQ(f[0].section, "VI");
}

// Openings that lead to no clause ("Lập," "lập báo cáo") are passed over, the longer opening is
// taken where the shorter leads nowhere ("Xây dựng và ban hành kế hoạch"), and this year's plan is
// no finding.
TEST_F(AuditTest, PlanForLastYearQuotesEachClauseFromItsOpening) {
  const std::string text =
      "VI. TỔ CHỨC THỰC HIỆN\n- Lập, ban hành kế hoạch năm 2023; lập báo cáo. Xây dựng và ban "
      "hành kế hoạch thực hiện năm 2023 trên địa bàn; ban hành kế hoạch năm 2024.";
  Records f = auditor_->CheckDocument(PlanFor2024(text), text);
  ASSERT_EQ(Codes(f), (std::vector<std::string>{"year.mismatch", "year.mismatch"}));
  auto quoted = [&](const Record& r) { return text.substr(r.span.start, r.span.size()); };
  EXPECT_EQ(quoted(f[0]), "ban hành kế hoạch năm 2023");
  EXPECT_EQ(quoted(f[1]), "Xây dựng và ban hành kế hoạch thực hiện năm 2023");
}

TEST_F(AuditTest, TwoChairsForOneProjectAndEarlyDeadlines) {
  const std::string text =
      "chủ trì Tiểu dự án 2 ... chủ trì Tiểu dự án 2 ... trước ngày 10/01/2024";
  Record a, b, d;
  a.type = b.type = "responsibility";
  a.fields = {{"agency", "Phòng Lao động - Thương binh và Xã hội"},
              {"role", "chu_tri"},
              {"projects", {"du_an_6.tieu_du_an_2"}}};
  b.fields = {{"agency", "Trung tâm Truyền thông - Văn hóa"},
              {"role", "chu_tri"},
              {"projects", {"du_an_6.tieu_du_an_2"}}};
  b.span = {20, 30};
  d.type = "date";
  d.fields = {{"kind", "deadline"}, {"iso", "2024-01-10"}, {"resolved", "2024-01-10"}};
  d.span = {text.find("trước"), text.size()};
  Records recs = {Doc("2024-03-05", 2024), a, b, d};
  Records f = auditor_->CheckDocument(recs, text);
  EXPECT_EQ(Codes(f),
            (std::vector<std::string>{"responsibility.two_chairs", "deadline.before_document"}));
}

TEST_F(AuditTest, BlankTemplateHeaderIsInfo) {
  Record header;
  header.type = "section";
  header.fields = {{"kind", "header"}};
  Records recs = {Doc(nullptr, 2024, nullptr), header};
  Records f = auditor_->CheckDocument(recs, "Số: /KH-UBND");
  ASSERT_EQ(Codes(f), std::vector<std::string>{"header.incomplete"});
  // No header block at all (a text that starts mid-body): nothing was left blank.
  Records none = {Doc(nullptr, 2025, nullptr)};
  EXPECT_TRUE(auditor_->CheckDocument(none, "Mục đích: ...").empty());
}

Record Cite(const char* number, const char* date, const char* code, const char* issuer) {
  Record r;
  r.type = "citation";
  r.fields = {{"number", number},
              {"date", date},
              {"issuer_code", code},
              {"issuer", issuer ? nlohmann::json(issuer) : nlohmann::json(nullptr)},
              {"num_year", nullptr}};
  return r;
}

TEST(CorpusAuditTest, NationalNumbersMatchAcrossDocumentsLocalOnesNeedTheIssuer) {
  CorpusAudit corpus;
  const Records first = {Cite("90/QĐ-TTg", "2022-01-18", "TTg", nullptr),
                         Cite("15/QĐ-UBND", "2023-02-01", "UBND", "UBND tỉnh Hòa Bình")};
  EXPECT_TRUE(corpus.Add("aaa", first).empty());
  const Records second = {Cite("90/QĐ-TTg", "2022-01-19", "TTg", nullptr),
                          Cite("15/QĐ-UBND", "2023-03-09", "UBND", "UBND tỉnh Yên Bái")};
  Records f = corpus.Add("bbb", second);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].fields["code"], "citation.date_conflict");
  EXPECT_EQ(f[0].fields["records"], nlohmann::json::array({0}));
  EXPECT_EQ(f[0].fields["message"],
            "90/QĐ-TTg is cited here as of 2022-01-19 but as of 2022-01-18 in document aaa");
}

// The first document to cite one sets its date; each later document that dates it otherwise
// gets its finding when it is added, on the citation that disagrees.
TEST(CorpusAuditTest, EachLaterDocumentGetsItsFindingsWhenAdded) {
  CorpusAudit corpus;
  // Within one document, two dates are the per-document check's business.
  EXPECT_TRUE(corpus
                  .Add("first", Records{Cite("90/QĐ-TTg", "2022-01-18", "TTg", nullptr),
                                        Cite("90/QĐ-TTg", "2022-01-19", "TTg", nullptr)})
                  .empty());
  EXPECT_TRUE(
      corpus.Add("agrees", Records{Cite("90/QĐ-TTg", "2022-01-18", "TTg", nullptr)}).empty());
  Record other;
  other.type = "amount";
  Records f = corpus.Add("later", Records{other, Cite("90/QĐ-TTg", "2022-01-19", "TTg", nullptr),
                                          Cite("90/QĐ-TTg", "2022-01-18", "TTg", nullptr),
                                          Cite("90/QĐ-TTg", "2022-01-20", "TTg", nullptr)});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].fields["records"], nlohmann::json::array({1}));
  EXPECT_EQ(f[1].fields["records"], nlohmann::json::array({3}));
  EXPECT_NE(f[1].fields["message"].get<std::string>().find("as of 2022-01-20 but as of 2022-01-18"),
            std::string::npos);
}

// What `vnplan audit` and the Python audit() show for one document, in their order: its own
// findings with their seq, then its cross-document ones on the first record each names.
TEST(CorpusAuditTest, ForEachFindingOwnFindingsThenCrossDocumentOnes) {
  CorpusAudit corpus;
  ASSERT_TRUE(
      corpus.Add("first", Records{Cite("90/QĐ-TTg", "2022-01-18", "TTg", nullptr)}).empty());
  Record own;
  own.type = "finding";
  own.fields = {{"code", "budget.sum_mismatch"}, {"severity", "warning"}};
  Record other;
  other.type = "amount";
  const Records records = {other, Cite("90/QĐ-TTg", "2022-01-19", "TTg", nullptr), own};
  const Records across = corpus.Add("second", records);
  ASSERT_EQ(across.size(), 1u);
  std::vector<std::pair<std::string, size_t>> seen;
  ForEachFinding(records, across, [&](const Record& f, size_t seq) {
    seen.emplace_back(f.fields["code"].get<std::string>(), seq);
  });
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, size_t>>{{"budget.sum_mismatch", 2},
                                                               {"citation.date_conflict", 1}}));

  EXPECT_GT(SeverityRank("error"), SeverityRank("warning"));
  EXPECT_GT(SeverityRank("warning"), SeverityRank("info"));
  EXPECT_EQ(SeverityRank("info"), SeverityRank("anything else"));
}

}  // namespace
}  // namespace vnplan
