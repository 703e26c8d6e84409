#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "emit/emit.h"
#include "sample_document.h"
#include "temp_dir.h"

namespace vnplan {
namespace {

using testing::PlanSample;
using testing::ReadFile;
using testing::SampleDocument;
using testing::TestDir;

TEST(CsvField, QuotesOnlyWhatRfc4180Needs) {
  struct Case {
    const char* in;
    const char* out;
  } const kCases[] = {
      {"", ""},
      {"Sông Mã", "Sông Mã"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"\"", "\"\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"semi;colon", "semi;colon"},
      {"  spaced  ", "  spaced  "},
  };
  for (const Case& c : kCases) EXPECT_EQ(CsvField(c.in), c.out) << c.in;
}

// Splits RFC 4180 text into rows of fields (quoted fields may hold commas and line breaks).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last CRLF
  return rows;
}

TEST(CsvSink, OneFilePerTypeWithBomAndQuoting) {
  const auto dir = TestDir() / "csv";
  SampleDocument d = PlanSample();
  StatusOr<std::unique_ptr<Sink>> sink = OpenCsvSink(dir.string());
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  ASSERT_TRUE((*sink)->Write(d.View()).ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "amounts.csv"));
  ASSERT_TRUE((*sink)->Finish().ok());

  for (const char* name : {"documents", "sections", "citations", "amounts", "quantities", "dates",
                           "responsibilities", "reports", "findings", "diagnostics"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / (std::string(name) + ".csv"))) << name;
    EXPECT_FALSE(std::filesystem::exists(dir / (std::string(name) + ".csv.tmp"))) << name;
  }
  const std::string amounts = ReadFile(dir / "amounts.csv");
  ASSERT_EQ(amounts.substr(0, 3), "\xEF\xBB\xBF");
  auto rows = ParseCsv(std::string_view(amounts).substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"doc", "seq", "span_start", "span_end", "line",
                                               "text", "section", "rule", "value_vnd", "scale",
                                               "fund", "project", "year", "per"}));
  EXPECT_EQ(rows[1][0], d.id);
  EXPECT_EQ(rows[1][1], "5");
  EXPECT_EQ(rows[1][5], "1.500 triệu đồng");
  EXPECT_EQ(rows[1][8], "1500000000");
  EXPECT_EQ(rows[1][12], "");  // null year

  // A field holding a comma, a quote and a line break survives the round trip.
  const std::string sections = ReadFile(dir / "sections.csv");
  rows = ParseCsv(std::string_view(sections).substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].back(), "extent_end");
  EXPECT_EQ(rows[1][rows[0].size() - 2], std::to_string(d.SpanOf("I. MỤC TIÊU").start));

  const std::string resp = ReadFile(dir / "responsibilities.csv");
  EXPECT_NE(resp.find("\"[\"\"du_an_2\"\"]\""), std::string::npos);  // JSON array, quoted
  const std::string docs = ReadFile(dir / "documents.csv");
  rows = ParseCsv(std::string_view(docs).substr(3));
  EXPECT_EQ(rows[0][2], "section");  // no span columns for documents
}

TEST(CsvSink, FieldsWithSeparatorsRoundTrip) {
  const auto dir = TestDir();
  SampleDocument d = PlanSample();
  d.records[7].fields["what"] = "báo cáo, \"6 tháng\"\r\nvà năm";
  StatusOr<std::unique_ptr<Sink>> sink = OpenCsvSink(dir.string());
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Write(d.View()).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  auto rows = ParseCsv(std::string_view(ReadFile(dir / "reports.csv")).substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].back(), "báo cáo, \"6 tháng\"\r\nvà năm");
}

TEST(CsvSink, TypeOutsideTheContractGetsItsOwnFileButCannotEscape) {
  const auto dir = TestDir();
  SampleDocument d = PlanSample();
  d.records.push_back({"target", d.SpanOf("5%"), "target.percent", "I.1", {{"value", 5}}});
  StatusOr<std::unique_ptr<Sink>> sink = OpenCsvSink(dir.string());
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Write(d.View()).ok());

  for (const char* bad : {"../evil", "a/b", "", "Upper", "documents"}) {
    SampleDocument e = PlanSample();
    e.records.push_back({bad, {}, "x", "", {}});
    EXPECT_EQ((*sink)->Write(e.View()).code(), Status::Code::kInvalidArgument) << bad;
  }
  ASSERT_TRUE((*sink)->Finish().ok());
  auto rows = ParseCsv(std::string_view(ReadFile(dir / "target.csv")).substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].back(), "fields");
  EXPECT_EQ(rows[1].back(), "{\"value\":5}");
  EXPECT_FALSE(std::filesystem::exists(dir.parent_path() / "evil.csv"));
  // The refused documents left no rows behind.
  EXPECT_EQ(ParseCsv(std::string_view(ReadFile(dir / "documents.csv")).substr(3)).size(), 2u);
}

TEST(CsvSink, AbandonedRunLeavesNothing) {
  const auto dir = TestDir();
  {
    StatusOr<std::unique_ptr<Sink>> sink = OpenCsvSink(dir.string());
    ASSERT_TRUE(sink.ok());
    ASSERT_TRUE((*sink)->Write(PlanSample().View()).ok());
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

}  // namespace
}  // namespace vnplan
