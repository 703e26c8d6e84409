// Citations end to end: rules/citation through ExtractCitations, on the seeds and on sentences of
// our own (different provinces, agencies, years and wordings).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/citation_tail.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "rules/rules.h"
#include "segment/segment.h"

namespace vnplan {
namespace {

const RuleBook& Book() {
  static const RuleBook* book = [] {
    StatusOr<RuleBook> b = RuleBook::Builtin();
    EXPECT_TRUE(b.ok()) << b.status().message();
    return new RuleBook(std::move(b).value());
  }();
  return *book;
}

ExtractOptions CitationsOnly() {
  ExtractOptions o;
  o.amounts = o.quantities = o.dates = false;
  return o;
}

Records Citations(const NormalizedText& norm, const Segmented& seg) {
  Diagnostics diags;
  ExtractContext ctx{norm, seg, std::nullopt};
  Records out;
  for (Record& r : Extract(Book(), ctx, &diags, CitationsOnly())) {
    if (r.type == "citation") out.push_back(std::move(r));
  }
  return out;
}

// The citations of one paragraph (normalized, no sections).
Records CitationsOf(const std::string& paragraph) {
  const NormalizedText norm = Normalize(paragraph);
  return Citations(norm, Segmented{});
}

std::string ReadSeed(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(VNPLAN_SEEDS_DIR)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      return s.str();
    }
  }
  ADD_FAILURE() << "no seed " << prefix;
  return "";
}

struct SeedDoc {
  NormalizedText norm;
  Segmented seg;
  Records citations;
};

SeedDoc RunSeed(const std::string& prefix) {
  SeedDoc d;
  d.norm = Normalize(ReadSeed(prefix));
  StatusOr<SectionKinds> kinds = SectionKinds::Builtin();
  EXPECT_TRUE(kinds.ok()) << kinds.status().message();
  d.seg = Segment(d.norm, *kinds);
  d.citations = Citations(d.norm, d.seg);
  return d;
}

struct Expected {
  std::string doc_type, number, date, issuer;
};

TEST(CitationSeeds, Seed000PreambleIsReadWhole) {
  const SeedDoc d = RunSeed("000_");
  const std::vector<Expected> want = {
      {"Quyết định", "90/QĐ-TTg", "2022-01-18", "Thủ tướng Chính phủ"},
      {"Kế hoạch", "68/KH-UBND", "2024-03-04", "UBND tỉnh Sơn La"},
      {"Kế hoạch", "109-KH/HU", "2022-02-08", "Ban Thường vụ Huyện ủy"},
      {"Nghị quyết", "20-NQ/TU", "2021-12-21", "Ban Thường vụ Tỉnh ủy"},
      {"Kế hoạch", "209/KH-UBND", "2022-07-18", "UBND huyện Sông Mã"},
      {"Quyết định", "5988/QĐ-UBND", "2023-12-18", "UBND huyện Sông Mã"},
      {"Thông báo", "86/TB-UBND", "2024-03-15", "UBND huyện Sông Mã"},
  };
  std::vector<const Record*> basis;
  for (const Record& r : d.citations) {
    if (r.fields["role"] == "legal_basis") basis.push_back(&r);
  }
  ASSERT_EQ(basis.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const nlohmann::json& f = basis[i]->fields;
    EXPECT_EQ(f["doc_type"], want[i].doc_type) << i;
    EXPECT_EQ(f["number"], want[i].number) << i;
    EXPECT_EQ(f["date"], want[i].date) << i;
    EXPECT_EQ(f["issuer"], want[i].issuer) << i;
    EXPECT_EQ(f["repaired"], false) << i;
    EXPECT_EQ(basis[i]->rule.rfind("citation.", 0), 0u);
    // The span starts on the type word, in the normalized text.
    const std::string_view text(d.norm.text);
    EXPECT_EQ(text.substr(basis[i]->span.start, want[i].doc_type.size()), want[i].doc_type);
  }
  EXPECT_EQ(basis[0]->fields["type_code"], "QĐ");
  EXPECT_EQ(basis[0]->fields["issuer_code"], "TTg");
  EXPECT_EQ(basis[0]->fields["title"].get<std::string>().rfind("phê duyệt Chương trình", 0), 0u);
  EXPECT_EQ(basis[5]->fields["title"], "giao dự toán thu, chi ngân sách năm 2024");
  // Outside the preamble the same documents are references.
  size_t references = 0;
  for (const Record& r : d.citations) {
    if (r.fields["role"] == "reference") {
      ++references;
      EXPECT_NE(r.section, "can_cu");
    }
  }
  EXPECT_GE(references, 5u);
}

TEST(CitationSeeds, Seed003GluedNumberIsRepaired) {
  const SeedDoc d = RunSeed("003_");
  const Record* found = nullptr;
  for (const Record& r : d.citations) {
    if (r.fields["number"] == "1315/QĐ-UBND") found = &r;
  }
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->fields["repaired"], true);
  EXPECT_EQ(found->fields["doc_type"], "Quyết định");
  EXPECT_EQ(found->fields["issuer_code"], "UBND");
  EXPECT_EQ(found->fields["date"], "2022-05-16");
  // The source bytes stay as written.
  EXPECT_NE(d.norm.text.substr(found->span.start, found->span.size()).find("1315/QĐUBND"),
            std::string::npos);
}

struct SentenceCase {
  const char* name;
  std::string text;
  size_t index;         // which citation of the paragraph
  nlohmann::json want;  // fields it must have
  size_t count;         // citations in the paragraph
};

const std::vector<SentenceCase>& SentenceCases() {
  static const std::vector<SentenceCase> kCases = {
      {"list_of_two_each_with_its_date",
       "Căn cứ Quyết định số 2781/QĐ-UBND ngày 30/12/2022 và Quyết định số 66/QĐ-UBND ngày "
       "17/01/2023 của UBND tỉnh Bắc Giang;",
       1,
       {{"number", "66/QĐ-UBND"}, {"date", "2023-01-17"}, {"issuer", "UBND tỉnh Bắc Giang"}},
       2},
      {"first_of_a_list_stops_at_the_second",
       "Căn cứ Quyết định số 2781/QĐ-UBND ngày 30/12/2022 và Quyết định số 66/QĐ-UBND ngày "
       "17/01/2023 của UBND tỉnh Bắc Giang;",
       0,
       {{"number", "2781/QĐ-UBND"}, {"issuer", nullptr}, {"title", nullptr}},
       2},
      {"nested_citation_stays_in_the_title",
       "Căn cứ Kế hoạch số 88-KH/HU ngày 3/3/2023 của Ban Thường vụ Huyện ủy về thực hiện Nghị "
       "quyết số 07-NQ/TU ngày 1/12/2022 của Tỉnh ủy về phát triển cây dược liệu;",
       0,
       {{"title",
         "thực hiện Nghị quyết số 07-NQ/TU ngày 1/12/2022 của Tỉnh ủy về phát triển cây dược "
         "liệu"}},
       2},
      {"issuer_before_the_type_word",
       "Xét đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 19/TTr-PNV ngày 6/6/2024.",
       0,
       {{"issuer", "Trưởng phòng Nội vụ"}, {"number", "19/TTr-PNV"}, {"role", "reference"}},
       1},
      {"law_by_name_has_no_number",
       "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
       0,
       {{"number", nullptr}, {"doc_type", "Luật"}, {"date", "2015-06-19"}},
       1},
      {"date_written_in_words_after_the_issuer",
       "theo Nghị quyết số 03/2024/NQ-HĐND của HĐND tỉnh Bình Phước ngày 24 tháng 4 năm 2024 về "
       "chính sách hỗ trợ",
       0,
       {{"issuer", "HĐND tỉnh Bình Phước"}, {"date", "2024-04-24"}, {"title", "chính sách hỗ trợ"}},
       1},
      // The writer left out "quy định" after the issuer (as a seed does): the Government is
      // the issuer, not "Chính phủ chuẩn nghèo ...".
      {"government_ends_before_a_lowercase_word",
       "theo Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ chuẩn nghèo đa chiều giai "
       "đoạn 2022 - 2025 và xây dựng dữ liệu hộ nghèo",
       0,
       {{"issuer", "Chính phủ"}, {"date", "2021-01-27"}},
       1},
      {"prime_minister_ends_before_a_lowercase_word",
       "Thực hiện Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ giai đoạn "
       "2021 - 2030",
       0,
       {{"issuer", "Thủ tướng Chính phủ"}},
       1},
      {"government_of_the_republic_stays_whole",
       "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ nước Cộng hòa xã hội chủ "
       "nghĩa Việt Nam;",
       0,
       {{"issuer", "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"}},
       1},
      {"invalid_date_is_null",
       "theo Quyết định số 12/QĐ-UBND ngày 31/02/2023 của UBND huyện",
       0,
       {{"date", nullptr}},
       1},
      {"reference_broken_across_lines",
       "Căn cứ Quyết định số 4521/QĐ-UBND ngày\n12/12/2022 của UBND tỉnh Thanh Hóa;",
       0,
       {{"number", "4521/QĐ-UBND"}, {"date", "2022-12-12"}, {"issuer", "UBND tỉnh Thanh Hóa"}},
       1},
      {"no_citation_in_a_plain_sentence",
       "Kế hoạch này được gửi tới các xã trước ngày 15/3/2024 theo số 0214.3826.999.",
       0,
       {},
       0},
  };
  return kCases;
}

TEST(CitationSentences, FieldsAreRead) {
  for (const SentenceCase& c : SentenceCases()) {
    const Records recs = CitationsOf(c.text);
    ASSERT_EQ(recs.size(), c.count) << c.name;
    if (c.count == 0) continue;
    const nlohmann::json& f = recs[c.index].fields;
    for (const auto& [key, value] : c.want.items()) {
      EXPECT_EQ(f[key], value) << c.name << ": " << key;
    }
  }
}

TEST(CitationUnaccented, FoldedViewGivesTheSameRecord) {
  const std::string text =
      "Can cu Quyet dinh so 90/QD-TTg ngay 18/01/2022 cua Thu tuong Chinh phu ve phe duyet "
      "Chuong trinh muc tieu quoc gia giam ngheo ben vung giai doan 2021 - 2025;";
  const NormalizedText norm = Normalize(text);
  const Records recs = Citations(norm, Segmented{});
  ASSERT_EQ(recs.size(), 1u);
  const nlohmann::json& f = recs[0].fields;
  EXPECT_EQ(f["doc_type"], "Quyết định");
  EXPECT_EQ(f["number"], "90/QĐ-TTg");
  EXPECT_EQ(f["type_code"], "QĐ");
  EXPECT_EQ(f["date"], "2022-01-18");
  EXPECT_EQ(f["issuer"], "Thu tuong Chinh phu");
  // A lowercase word after the Government's name ends the issuer in the folded view too.
  const NormalizedText norm2 = Normalize(
      "theo Nghi dinh so 07/2021/ND-CP ngay 27/01/2021 cua Chinh phu chuan ngheo da chieu giai "
      "doan 2022 - 2025;");
  const Records recs2 = Citations(norm2, Segmented{});
  ASSERT_EQ(recs2.size(), 1u);
  EXPECT_EQ(recs2[0].fields["issuer"], "Chinh phu");
  EXPECT_EQ(f["role"], "legal_basis");
  // "QD" is how an unaccented document writes "QĐ": given back its "Đ", not repaired damage.
  EXPECT_EQ(f["repaired"], false);
  EXPECT_EQ(norm.text.substr(recs[0].span.start, 10), "Quyet dinh");
}

TEST(CitationContext, RoleFollowsTheSectionAndSelfCitationIsSkipped) {
  const std::string text =
      "Căn cứ Kế hoạch số 12/KH-UBND ngày 2/2/2024 của UBND tỉnh Phú Thọ;\n"
      "I. MỤC ĐÍCH\n"
      "Thực hiện Kế hoạch số 12/KH-UBND ngày 2/2/2024, các xã báo cáo theo Kế hoạch số "
      "40/KH-UBND.\n";
  const NormalizedText norm = Normalize(text);
  Segmented seg;
  const size_t body = norm.text.find("I. MỤC");
  Section can_cu;
  can_cu.id = "can_cu";
  can_cu.kind = "can_cu";
  can_cu.extent = {0, body};
  Section muc_dich;
  muc_dich.id = "I";
  muc_dich.kind = "muc_dich";
  muc_dich.level = 1;
  muc_dich.extent = {body, norm.text.size()};
  seg.sections = {can_cu, muc_dich};
  Records recs = Citations(norm, seg);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].fields["role"], "legal_basis");
  EXPECT_EQ(recs[0].section, "can_cu");
  EXPECT_EQ(recs[1].fields["role"], "reference");  // "Thực hiện" in the body is no preamble
  EXPECT_EQ(recs[1].section, "I");
  // The document's own number is not a citation of it.
  seg.header.number.value = "40/KH-UBND";
  recs = Citations(norm, seg);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields["number"], "12/KH-UBND");
}

TEST(CitationTail, ClauseEndFollowsBrokenReferences) {
  const std::string_view t = "Quyết định số 5/QĐ-UBND ngày\n3/4/2020 của tỉnh;\nII. NHIỆM VỤ";
  EXPECT_EQ(ClauseEnd(t, false, 0, 600), t.find(';'));
  const std::string_view u = "theo Quyết định số 5/QĐ-UBND\nII. NHIỆM VỤ";
  EXPECT_EQ(ClauseEnd(u, false, 0, 600), u.find('\n'));
  EXPECT_EQ(ListSeparatorBefore("A và Quyết định", false, 5), 2u);
  EXPECT_EQ(ListSeparatorBefore("A, Quyết định", false, 3), 1u);
  EXPECT_FALSE(ListSeparatorBefore("thực hiện Quyết định", false, 11).has_value());
}

TEST(CitationRules, EveryExampleHoldsAndTheTopicIsLargeEnough) {
  const RuleSet* set = Book().Topic("citation");
  ASSERT_NE(set, nullptr);
  size_t examples = 0, counter_examples = 0;
  for (const Rule* r : set->rules()) {
    examples += r->examples.size();
    counter_examples += r->counter_examples.size();
  }
  EXPECT_GE(examples, 60u);
  EXPECT_GE(counter_examples, 25u);
  RuleTestResult result = TestRules(Book(), [](const Rule& rule, std::string_view text) {
    return rule.topic == "citation" ? ExampleFields(Book(), rule, text) : nlohmann::json();
  });
  for (const ExampleFailure& f : result.failures) {
    if (f.rule_id.rfind("citation.", 0) == 0) ADD_FAILURE() << f.ToString();
  }
}

}  // namespace
}  // namespace vnplan
