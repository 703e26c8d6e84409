#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "emit/emit.h"
#include "sample_document.h"
#include "temp_dir.h"

namespace vnplan {
namespace {

using testing::PlanSample;
using testing::PrepareOnTwoThreads;
using testing::SampleDocument;
using testing::TestDir;

// A second connection to the database, as a user's sqlite3 shell would open it.
class Db {
 public:
  explicit Db(const std::filesystem::path& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
    Exec("PRAGMA foreign_keys = ON");
  }
  ~Db() { sqlite3_close(db_); }

  void Exec(const std::string& sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
        << sql << ": " << (err ? err : "");
    sqlite3_free(err);
  }
  // Every row of `sql`, columns joined by '|', NULL as "NULL".
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        if (i > 0) row += '|';
        const unsigned char* t = sqlite3_column_text(st, i);
        row += t ? reinterpret_cast<const char*>(t) : "NULL";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(st);
    return rows;
  }
  std::string One(const std::string& sql) {
    std::vector<std::string> rows = Rows(sql);
    return rows.empty() ? "<no row>" : rows[0];
  }

 private:
  sqlite3* db_ = nullptr;
};

const char* const kTables[] = {
    "documents",        "sections", "citations", "amounts",         "quantities",  "dates",
    "responsibilities", "reports",  "findings",  "finding_records", "diagnostics", "other_records"};

std::string Counts(Db& db) {
  std::string out;
  for (const char* t : kTables)
    out += std::string(t) + "=" + db.One(std::string("SELECT count(*) FROM ") + t) + " ";
  return out;
}

std::unique_ptr<Sink> Open(const std::filesystem::path& path) {
  StatusOr<std::unique_ptr<Sink>> sink = OpenSqliteSink(path.string());
  EXPECT_TRUE(sink.ok()) << sink.status().ToString();
  return sink.ok() ? std::move(sink).value() : nullptr;
}

TEST(SqliteSink, RewritingADocumentReplacesItsRows) {
  const auto path = TestDir() / "plans.db";
  SampleDocument a = PlanSample("a.txt", 1);
  SampleDocument b = PlanSample("b.txt", 2);
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  ASSERT_TRUE(sink->Write(b.View()).ok());
  Db db(path);
  const std::string two =
      "documents=2 sections=2 citations=2 amounts=2 quantities=2 dates=2 responsibilities=2 "
      "reports=2 findings=2 finding_records=2 diagnostics=2 other_records=0 ";
  EXPECT_EQ(Counts(db), two);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  EXPECT_EQ(Counts(db), two);
  EXPECT_TRUE(sink->HasDocument(a.id));
  EXPECT_TRUE(sink->HasDocument(b.id));
  EXPECT_FALSE(sink->HasDocument(PlanSample("c.txt", 3).id));
  ASSERT_TRUE(sink->Finish().ok());

  // Reopened later: the documents are still there, for --resume.
  std::unique_ptr<Sink> again = Open(path);
  EXPECT_TRUE(again->HasDocument(a.id));
  ASSERT_TRUE(again->Finish().ok());
}

TEST(SqliteSink, RowsCarryColumnsAndTheWholeJsonLine) {
  const auto path = TestDir() / "plans.db";
  SampleDocument a = PlanSample();
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(db.One("SELECT json FROM citations"), RecordToJson(a.records[2], a.View(), 2).dump());
  EXPECT_EQ(db.One("SELECT seq, line, text, number, role, repaired, num_year FROM citations"),
            "2|5|Quyết định số 90/QĐ-TTg ngày 18/01/2022|90/QĐ-TTg|legal_basis|0|NULL");
  EXPECT_EQ(db.One("SELECT value_vnd, typeof(value_vnd), project FROM amounts"),
            "1500000000|integer|du_an_2");
  EXPECT_EQ(db.One("SELECT value, typeof(value), unit FROM quantities"), "5.0|real|%");
  EXPECT_EQ(db.One("SELECT id, level, extent_start, extent_end = " + std::to_string(a.text.size()) +
                   ", applies FROM sections"),
            "I|1|" + std::to_string(a.SpanOf("I. MỤC TIÊU").start) + "|1|NULL");
  EXPECT_EQ(db.One("SELECT value FROM responsibilities, json_each(responsibilities.tasks)"),
            "báo cáo");
  EXPECT_EQ(db.One("SELECT path, number, recipients, seq FROM documents"),
            "plans/34-KH-UBND.txt|34/KH-UBND|[]|0");
  EXPECT_EQ(db.One("SELECT seq, level, code, offset FROM diagnostics"),
            "9|warning|ingest.invalid_bytes|17");
}

// Every row of every table, in a fixed order: what a database holds, to compare two.
std::vector<std::string> Everything(Db& db) {
  std::vector<std::string> out;
  for (const char* t : kTables) {
    for (const std::string& row : db.Rows(std::string("SELECT * FROM ") + t + " ORDER BY 1, 2"))
      out.push_back(std::string(t) + ": " + row);
  }
  return out;
}

TEST(SqliteSink, PreparedOnOtherThreadsWritesTheSameRows) {
  SampleDocument first = PlanSample("a.txt", 1);
  SampleDocument second = PlanSample("b.txt", 2);
  second.records.pop_back();
  const auto dir = TestDir();  // emptied at each call
  const auto plain_path = dir / "plain.db";
  std::unique_ptr<Sink> a = Open(plain_path);
  ASSERT_TRUE(a->Write(first.View()).ok());
  ASSERT_TRUE(a->Write(second.View()).ok());
  ASSERT_TRUE(a->Finish().ok());

  const auto prepared_path = dir / "prepared.db";
  std::unique_ptr<Sink> b = Open(prepared_path);
  auto [p1, p2] = PrepareOnTwoThreads(*b, first, second);
  ASSERT_NE(p1, nullptr);
  {
    Db db(prepared_path);
    EXPECT_EQ(db.One("SELECT count(*) FROM documents"), "0");  // preparing writes nothing
  }
  ASSERT_TRUE(b->WritePrepared(first.View(), std::move(p1)).ok());
  ASSERT_TRUE(b->WritePrepared(second.View(), std::move(p2)).ok());
  ASSERT_TRUE(b->Finish().ok());

  Db want(plain_path);
  Db got(prepared_path);
  const std::vector<std::string> rows = Everything(want);
  EXPECT_EQ(rows.size(), 20u);  // both documents, every table
  EXPECT_EQ(Everything(got), rows);
}

TEST(SqliteSink, PreparedBadSpanIsRefusedWhenWritten) {
  SampleDocument d = PlanSample();
  d.records[3].span = {1, 2};  // inside "Ủ"
  const auto path = TestDir() / "plans.db";
  std::unique_ptr<Sink> sink = Open(path);
  std::unique_ptr<PreparedOutput> p = sink->Prepare(d.View());
  EXPECT_EQ(sink->WritePrepared(d.View(), std::move(p)).code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(db.One("SELECT count(*) FROM documents"), "0");
}

TEST(SqliteSink, ViewsAnswer) {
  const auto path = TestDir() / "plans.db";
  SampleDocument a = PlanSample("a.txt", 1);
  SampleDocument b = PlanSample("b.txt", 2);
  b.records.pop_back();  // b has no finding: its legal basis is 'ok'
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  ASSERT_TRUE(sink->Write(b.View()).ok());
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(db.Rows("SELECT path, number, status, findings FROM legal_bases ORDER BY path"),
            (std::vector<std::string>{"a.txt|90/QĐ-TTg|warning|citation.year_missing",
                                      "b.txt|90/QĐ-TTg|ok|NULL"}));
  EXPECT_EQ(db.Rows("SELECT project, fund, value_vnd, amounts FROM budget_by_project"),
            (std::vector<std::string>{"du_an_2|ngân sách trung ương|1500000000|1",
                                      "du_an_2|ngân sách trung ương|1500000000|1"}));
  EXPECT_EQ(db.One("SELECT count(*), agency FROM who_chairs"), "2|Phòng Lao động - TB&XH");
}

TEST(SqliteSink, ForeignKeysHoldAndCascade) {
  const auto path = TestDir() / "plans.db";
  SampleDocument a = PlanSample("a.txt", 1);
  SampleDocument b = PlanSample("b.txt", 2);
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  ASSERT_TRUE(sink->Write(b.View()).ok());
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(db.Rows("PRAGMA foreign_key_check").size(), 0u);
  db.Exec("DELETE FROM documents WHERE doc = '" + a.id + "'");
  EXPECT_EQ(Counts(db),
            "documents=1 sections=1 citations=1 amounts=1 quantities=1 dates=1 "
            "responsibilities=1 reports=1 findings=1 finding_records=1 diagnostics=1 "
            "other_records=0 ");
}

TEST(SqliteSink, WalModeAndSchemaVersion) {
  const auto path = TestDir() / "plans.db";
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(db.One("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(db.One("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSqliteSchemaVersion));
}

TEST(SqliteSink, RefusesAnotherSchemaVersion) {
  const auto path = TestDir() / "plans.db";
  ASSERT_TRUE(Open(path)->Finish().ok());
  {
    Db db(path);
    db.Exec("UPDATE meta SET value = '0' WHERE key = 'schema_version'");
  }
  StatusOr<std::unique_ptr<Sink>> sink = OpenSqliteSink(path.string());
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(sink.status().message().find("schema version 0"), std::string::npos)
      << sink.status().ToString();
}

TEST(SqliteSink, RefusesOtherFiles) {
  const auto dir = TestDir();
  {
    Db db(dir / "other.db");
    db.Exec("CREATE TABLE t (x)");
  }
  StatusOr<std::unique_ptr<Sink>> other = OpenSqliteSink((dir / "other.db").string());
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("not a vnplan database"), std::string::npos);

  std::ofstream(dir / "text.db") << "this is not a database, just some text that is long enough\n";
  StatusOr<std::unique_ptr<Sink>> text = OpenSqliteSink((dir / "text.db").string());
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("text.db"), std::string::npos);

  EXPECT_FALSE(OpenSqliteSink((dir / "no/such/dir/x.db").string()).ok());
}

TEST(SqliteSink, InputsWithoutRecords) {
  const auto path = TestDir() / "plans.db";
  std::unique_ptr<Sink> sink = Open(path);
  // Read but refused as binary: an id and file facts, one diagnostic.
  Diagnostics binary_diags = {Diagnostic::Error("ingest.binary", "NUL byte at 3", "x.bin")};
  DocumentOutput binary;
  binary.path = "x.bin";
  const std::string binary_id = "0f" + std::string(62, '0');
  binary.id = binary_id;
  binary.bytes = 9;
  binary.diagnostics = binary_diags;
  // Not readable at all: no id.
  Diagnostics gone_diags = {Diagnostic::Error("ingest.unreadable", "no such file", "gone.txt")};
  DocumentOutput gone;
  gone.path = "gone.txt";
  gone.diagnostics = gone_diags;
  for (int i = 0; i < 2; ++i) {
    Status s = sink->Write(binary);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE(sink->Write(gone).ok());
  }
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(
      db.Rows("SELECT doc IS NULL, seq, path, code FROM diagnostics ORDER BY path"),
      (std::vector<std::string>{"1|0|gone.txt|ingest.unreadable", "0|0|x.bin|ingest.binary"}));
  EXPECT_EQ(db.One("SELECT path, bytes, seq, json, encoding FROM documents"),
            "x.bin|9|NULL|NULL|NULL");
}

TEST(SqliteSink, FailedWriteKeepsTheEarlierVersion) {
  const auto path = TestDir() / "plans.db";
  SampleDocument a = PlanSample();
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  SampleDocument broken = PlanSample();
  broken.records.push_back(broken.records[0]);  // a second document record: refused by the key
  Status s = sink->Write(broken.View());
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
  broken.records.pop_back();
  broken.records[2].span = {1, 2};
  EXPECT_EQ(sink->Write(broken.View()).code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(sink->Finish().ok());
  EXPECT_EQ(sink->Write(a.View()).code(), Status::Code::kInvalidArgument);
  Db db(path);
  EXPECT_EQ(db.One("SELECT count(*) FROM citations"), "1");
  EXPECT_EQ(db.One("SELECT count(*) FROM documents"), "1");
}

TEST(SqliteSink, TypesOutsideTheContractAreKept) {
  const auto path = TestDir() / "plans.db";
  SampleDocument a = PlanSample();
  a.records.push_back({"target", a.SpanOf("5%"), "target.percent", "I.1", {{"value", 5}}});
  std::unique_ptr<Sink> sink = Open(path);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  ASSERT_TRUE(sink->Finish().ok());
  Db db(path);
  EXPECT_EQ(db.One("SELECT type, seq, text, json ->> '$.value' FROM other_records"),
            "target|9|5%|5");
}

}  // namespace
}  // namespace vnplan
