// The audit on the five seeds (../shared/seeds), through the whole pipeline: exactly the findings
// issue 6 names, each resting on the right records, with its span on the text it quotes.
//   seed 000  responsibility.two_chairs (du_an_6.tieu_du_an_2), year.mismatch in VII.9, and no
//             budget finding: the seven 2024 allocations add up to 15.555,25 triệu
//   seed 001  responsibility.two_chairs (Phòng Văn hóa và Thông tin, Phòng Nội vụ)
//   seed 002  budget.sum_mismatch: 148,4 tỷ against 83,8 + 65 tỷ
//   seed 003  citation.date_conflict: 14/2022/NQ-HĐND "ngày 21/02/2022" and "ngày 21/4/2022"
//   seed 004  none: no budget and no year finding
// Info findings (header.incomplete, citation.repaired) are checked where the seed has them.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "processed.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;
using testing_pipeline::Field;
using testing_pipeline::OfType;
using testing_pipeline::SourceText;

ProcessedDocument ProcessSeed(const std::string& prefix) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(VNPLAN_SEEDS_DIR, ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(".txt")) {
      return testing_pipeline::SharedPipeline()->ProcessPath(e.path().string());
    }
  }
  ADD_FAILURE() << "no seed " << prefix << "* in " << VNPLAN_SEEDS_DIR;
  return {};
}

// The error and warning codes of a document, sorted, each once per finding.
std::multiset<std::string> Flagged(const ProcessedDocument& doc) {
  std::multiset<std::string> out;
  for (const Record* f : OfType(doc, "finding")) {
    if (Field(*f, "severity") != "info") out.insert(Field(*f, "code"));
  }
  return out;
}

std::vector<const Record*> WithCode(const ProcessedDocument& doc, const std::string& code) {
  std::vector<const Record*> out;
  for (const Record* f : OfType(doc, "finding")) {
    if (Field(*f, "code") == code) out.push_back(f);
  }
  return out;
}

// The records a finding rests on (its `records` seq numbers).
std::vector<const Record*> RestsOn(const ProcessedDocument& doc, const Record& finding) {
  std::vector<const Record*> out;
  for (const auto& seq : finding.fields.at("records")) {
    const size_t i = seq.get<size_t>();
    if (i < doc.records.size()) out.push_back(&doc.records[i]);
  }
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// "Phòng Văn hóa và Thông tin" whatever the tone placement of the source.
std::set<std::string> Agencies(const std::vector<const Record*>& records) {
  std::set<std::string> out;
  for (const Record* r : records) {
    if (r->type == "responsibility") out.insert(Field(*r, "agency"));
  }
  return out;
}

TEST(SeedsAudit, Seed000TwoChairsAndLastYearsPlanButNoBudgetFinding) {
  const ProcessedDocument doc = ProcessSeed("000_");
  ASSERT_FALSE(doc.failed);
  EXPECT_EQ(Flagged(doc),
            (std::multiset<std::string>{"responsibility.two_chairs", "year.mismatch"}));

  const std::vector<const Record*> chairs = WithCode(doc, "responsibility.two_chairs");
  ASSERT_EQ(chairs.size(), 1u);
  EXPECT_TRUE(Contains(Field(*chairs[0], "message"), "du_an_6.tieu_du_an_2"));
  EXPECT_EQ(Agencies(RestsOn(doc, *chairs[0])),
            (std::set<std::string>{"Phòng Lao động - Thương binh và Xã hội",
                                   "Trung tâm Truyền thông - Văn hóa"}));
  const std::string chair_text = SourceText(doc, *chairs[0]);
  EXPECT_TRUE(Contains(chair_text, "Chủ trì")) << chair_text;
  EXPECT_TRUE(Contains(chair_text, "Tiểu dự án 2 - Dự án 6")) << chair_text;

  const std::vector<const Record*> year = WithCode(doc, "year.mismatch");
  ASSERT_EQ(year.size(), 1u);
  EXPECT_TRUE(year[0]->section == "VII.9" || year[0]->section.starts_with("VII.9."))
      << year[0]->section;
  const std::string year_text = SourceText(doc, *year[0]);
  EXPECT_TRUE(Contains(year_text, "Xây dựng Kế hoạch")) << year_text;
  EXPECT_TRUE(year_text.ends_with("năm 2023")) << year_text;

  // The seven 2024 allocations are there and add up to the plan's 15.555,25 triệu: not flagged.
  long long allocated = 0;
  int projects = 0;
  for (const Record* a : OfType(doc, "amount")) {
    if (!Field(*a, "project").empty() && a->fields.value("year", 0) == 2024 &&
        Field(*a, "fund").empty()) {
      allocated += a->fields.value("value_vnd", 0LL);
      ++projects;
    }
  }
  EXPECT_EQ(projects, 7);
  EXPECT_EQ(allocated, 15'555'250'000LL);
  EXPECT_TRUE(WithCode(doc, "budget.sum_mismatch").empty());
}

TEST(SeedsAudit, Seed001TwoChairsForTieuDuAn2OfDuAn6) {
  const ProcessedDocument doc = ProcessSeed("001_");
  ASSERT_FALSE(doc.failed);
  EXPECT_EQ(Flagged(doc), std::multiset<std::string>{"responsibility.two_chairs"});
  const std::vector<const Record*> chairs = WithCode(doc, "responsibility.two_chairs");
  ASSERT_EQ(chairs.size(), 1u);
  EXPECT_TRUE(Contains(Field(*chairs[0], "message"), "du_an_6.tieu_du_an_2"));
  EXPECT_EQ(Agencies(RestsOn(doc, *chairs[0])),
            (std::set<std::string>{"Phòng Nội vụ", "Phòng Văn hóa và Thông tin"}));
  const std::string text = SourceText(doc, *chairs[0]);
  EXPECT_TRUE(Contains(text, "Chủ trì")) << text;
  EXPECT_TRUE(Contains(text, "Tiểu dự án 2")) << text;
}

TEST(SeedsAudit, Seed002TotalOf148Point4AgainstPartsOf148Point8) {
  const ProcessedDocument doc = ProcessSeed("002_");
  ASSERT_FALSE(doc.failed);
  EXPECT_EQ(Flagged(doc), std::multiset<std::string>{"budget.sum_mismatch"});
  const std::vector<const Record*> budget = WithCode(doc, "budget.sum_mismatch");
  ASSERT_EQ(budget.size(), 1u);
  EXPECT_EQ(Field(*budget[0], "severity"), "error");
  EXPECT_EQ(SourceText(doc, *budget[0]), "148,4 tỷ đồng");
  std::vector<long long> values;
  for (const Record* r : RestsOn(doc, *budget[0])) {
    EXPECT_EQ(r->type, "amount");
    values.push_back(r->fields.value("value_vnd", 0LL));
  }
  EXPECT_EQ(values, (std::vector<long long>{148'400'000'000, 83'800'000'000, 65'000'000'000}));
}

TEST(SeedsAudit, Seed003OneResolutionCitedWithTwoDates) {
  const ProcessedDocument doc = ProcessSeed("003_");
  ASSERT_FALSE(doc.failed);
  EXPECT_EQ(Flagged(doc), std::multiset<std::string>{"citation.date_conflict"});
  const std::vector<const Record*> conflict = WithCode(doc, "citation.date_conflict");
  ASSERT_EQ(conflict.size(), 1u);
  const std::string text = SourceText(doc, *conflict[0]);
  EXPECT_TRUE(text.starts_with("Nghị quyết số 14/2022/NQ-HĐND ngày 21/4/2022")) << text;
  std::set<std::string> dates;
  for (const Record* r : RestsOn(doc, *conflict[0])) {
    EXPECT_EQ(r->type, "citation");
    EXPECT_EQ(Field(*r, "number"), "14/2022/NQ-HĐND");
    dates.insert(Field(*r, "date"));
  }
  EXPECT_EQ(dates, (std::set<std::string>{"2022-02-21", "2022-04-21"}));
  // The glued numbers are noted, not flagged.
  for (const Record* f : WithCode(doc, "citation.repaired")) {
    EXPECT_EQ(Field(*f, "severity"), "info");
  }
  EXPECT_EQ(WithCode(doc, "citation.repaired").size(), 2u);
}

TEST(SeedsAudit, Seed004NoBudgetAndNoYearFinding) {
  const ProcessedDocument doc = ProcessSeed("004_");
  ASSERT_FALSE(doc.failed);
  EXPECT_EQ(Flagged(doc), std::multiset<std::string>{});
  for (const Record* f : OfType(doc, "finding")) {
    EXPECT_FALSE(Field(*f, "code").starts_with("budget.")) << Field(*f, "message");
    EXPECT_FALSE(Field(*f, "code").starts_with("year.")) << Field(*f, "message");
  }
}

TEST(SeedsAudit, BlankTemplateHeadersAreNotedOnTheNumberLine) {
  for (const char* seed : {"000_", "001_", "004_"}) {
    const ProcessedDocument doc = ProcessSeed(seed);
    const std::vector<const Record*> blank = WithCode(doc, "header.incomplete");
    ASSERT_EQ(blank.size(), 1u) << seed;
    EXPECT_EQ(Field(*blank[0], "severity"), "info") << seed;
    const std::string text = SourceText(doc, *blank[0]);
    EXPECT_TRUE(text.starts_with("Số:")) << seed << ": " << text;
  }
  EXPECT_TRUE(WithCode(ProcessSeed("002_"), "header.incomplete").empty());
  EXPECT_TRUE(WithCode(ProcessSeed("003_"), "header.incomplete").empty());
}

}  // namespace
}  // namespace vnplan
