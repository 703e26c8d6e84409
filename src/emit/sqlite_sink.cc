#include <map>
#include <string>
#include <vector>

#include "emit/emit.h"
#include "emit/output_records.h"
#include "emit/record_types.h"
#include "emit/sqlite_db.h"

namespace vnplan {

namespace {

using emit_internal::Column;
using emit_internal::FieldKind;
using emit_internal::OutputRecords;
using emit_internal::RecordType;
using emit_internal::SqliteDb;
using emit_internal::SqliteStatement;
using OJson = nlohmann::ordered_json;

struct Table {
  std::vector<Column> columns;  // then the `json` column
  SqliteStatement* insert = nullptr;
};

void Bind(SqliteStatement* st, int i, const OJson* v) {
  if (v == nullptr || v->is_null()) {
    st->BindNull(i);
  } else if (v->is_boolean()) {
    st->BindInt(i, v->get<bool>() ? 1 : 0);
  } else if (v->is_number_unsigned()) {
    st->BindInt(i, static_cast<int64_t>(v->get<uint64_t>()));
  } else if (v->is_number_integer()) {
    st->BindInt(i, v->get<int64_t>());
  } else if (v->is_number_float()) {
    st->BindReal(i, v->get<double>());
  } else if (v->is_string()) {
    st->BindText(i, v->get_ref<const std::string&>());
  } else {
    st->BindText(i, emit_internal::Dump(*v));
  }
}

// The rows of one document, made by Prepare on any thread: each record as the contract line
// its columns are read from and the text of its json column, the document record first.
struct Rows : PreparedOutput {
  Status check;  // CheckSpans of the document: nothing is written unless OK
  std::vector<OJson> lines;
  std::vector<std::string> json;  // parallel to lines
  bool has_document_record = false;
};

class SqliteSink : public Sink {
 public:
  SqliteSink(std::string path, std::unique_ptr<SqliteDb> db)
      : db_(std::move(db)), path_(std::move(path)) {}

  // Settings, schema check or creation, and every statement prepared once.
  Status Init() {
    // WAL with synchronous=NORMAL: a commit per document costs no fsync, and a crash loses at
    // most the last documents, never the database.
    if (Status s = db_->Exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; "
                             "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        !s.ok()) {
      return s;
    }
    if (Status s = CheckOrCreateSchema(); !s.ok()) return s;
    for (const RecordType& t : emit_internal::RecordTypes()) {
      Table table{emit_internal::FlatColumns(t)};
      if (Status s = PrepareInsert(std::string(t.table), &table); !s.ok()) return s;
      tables_.emplace(std::string(t.type), std::move(table));
    }
    other_.columns = emit_internal::FlatColumns(RecordType{"", "", true, {}});
    other_.columns.insert(other_.columns.begin() + 2, {"type", FieldKind::kText, "type", ""});
    if (Status s = PrepareInsert("other_records", &other_); !s.ok()) return s;

    struct {
      SqliteStatement** st;
      const char* sql;
    } const kStatements[] = {
        {&begin_, "BEGIN IMMEDIATE"},
        {&commit_, "COMMIT"},
        {&delete_document_, "DELETE FROM documents WHERE doc = ?"},
        {&delete_unread_, "DELETE FROM diagnostics WHERE doc IS NULL AND path = ?"},
        {&has_document_, "SELECT 1 FROM documents WHERE doc = ?"},
        {&insert_file_facts_,
         "INSERT INTO documents (doc, path, bytes, encoding, confidence, format) "
         "VALUES (?, ?, ?, ?, ?, ?)"},
        {&insert_link_,
         "INSERT INTO finding_records (doc, finding_seq, record_doc, record_seq) "
         "VALUES (?, ?, ?, ?)"},
    };
    for (const auto& [st, sql] : kStatements) {
      StatusOr<SqliteStatement*> p = db_->Prepare(sql);
      if (!p.ok()) return p.status();
      *st = *p;
    }
    return Status::OK();
  }

  Status Write(const DocumentOutput& doc) override { return WritePrepared(doc, Prepare(doc)); }

  // The contract lines and their JSON text are made here, on the worker. While the writer
  // thread made them, `--db` alone on the 10 MB bench corpus took 5.7 s at -j 2 (5.2 at -j 1);
  // now 4.1 s (4.9).
  std::unique_ptr<PreparedOutput> Prepare(const DocumentOutput& doc) const override {
    auto rows = std::make_unique<Rows>();
    rows->check = CheckSpans(doc);
    if (!rows->check.ok()) return rows;
    OutputRecords records(doc);
    rows->lines.reserve(records.size());
    // The documents row goes first: every other row refers to it.
    for (const bool document : {true, false}) {
      for (size_t seq = 0; seq < records.size(); ++seq) {
        if ((records.at(seq).type == "document") != document) continue;
        rows->has_document_record = rows->has_document_record || document;
        rows->lines.push_back(records.Json(seq));
        records.AppendLine(seq, &rows->json.emplace_back());  // Dump(line) and a '\n'
        rows->json.back().pop_back();
      }
    }
    return rows;
  }

  Status WritePrepared(const DocumentOutput& doc,
                       std::unique_ptr<PreparedOutput> prepared) override {
    if (db_ == nullptr) return Status::InvalidArgument(path_, "Write after Finish");
    const auto* rows = dynamic_cast<const Rows*>(prepared.get());
    if (rows == nullptr) return Write(doc);
    if (!rows->check.ok()) return rows->check;
    if (Status s = Run(begin_); !s.ok()) return s;
    Status s = WriteRows(doc, *rows);
    if (s.ok()) s = Run(commit_);
    if (!s.ok()) db_->Exec("ROLLBACK").ok();  // the first error is the one to report
    return s;
  }

  Status Finish() override {
    if (db_ == nullptr) return Status::InvalidArgument(path_, "Finish called twice");
    Status s = db_->Exec("PRAGMA optimize");
    db_.reset();  // closing checkpoints the WAL into the database file
    return s;
  }

  bool HasDocument(const std::string& doc_id) override {
    if (db_ == nullptr) return false;
    has_document_->BindText(1, doc_id);
    StatusOr<bool> row = has_document_->Step();
    has_document_->Reset();
    return row.ok() && *row;
  }

 private:
  Status CheckOrCreateSchema() {
    StatusOr<SqliteStatement*> tables = db_->Prepare(
        "SELECT count(*), count(CASE WHEN name = 'meta' THEN 1 END) FROM sqlite_master "
        "WHERE type = 'table'");
    if (!tables.ok()) return tables.status();
    StatusOr<bool> row = (*tables)->Step();
    if (!row.ok()) return row.status();
    const int64_t count = (*tables)->ColumnInt(0);
    const bool has_meta = (*tables)->ColumnInt(1) > 0;
    (*tables)->Reset();
    if (count == 0) {
      Status s = db_->Exec("BEGIN IMMEDIATE;\n" + std::string(SqliteSchema()) + "\nCOMMIT;");
      if (!s.ok()) db_->Exec("ROLLBACK").ok();
      return s;
    }
    if (!has_meta) {
      return Status::InvalidArgument(path_,
                                     "not a vnplan database (no meta table); write to a "
                                     "new file");
    }
    StatusOr<SqliteStatement*> version =
        db_->Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.ok()) return version.status();
    row = (*version)->Step();
    if (!row.ok()) return row.status();
    const std::string found = *row ? (*version)->ColumnText(0) : "none";
    (*version)->Reset();
    if (found != std::to_string(kSqliteSchemaVersion)) {
      return Status::InvalidArgument(path_, "database has schema version " + found +
                                                " but this vnplan writes version " +
                                                std::to_string(kSqliteSchemaVersion) +
                                                "; write to a new file or delete this one");
    }
    return Status::OK();
  }

  Status PrepareInsert(const std::string& table_name, Table* table) {
    std::string names, marks;
    for (const Column& c : table->columns) {
      names += c.name + ", ";
      marks += "?, ";
    }
    StatusOr<SqliteStatement*> st =
        db_->Prepare("INSERT INTO " + table_name + " (" + names + "json) VALUES (" + marks + "?)");
    if (!st.ok()) return st.status();
    table->insert = *st;
    return Status::OK();
  }

  Status Run(SqliteStatement* st) {
    StatusOr<bool> row = st->Step();
    st->Reset();
    return row.status();
  }

  Status WriteRows(const DocumentOutput& doc, const Rows& rows) {
    const std::string id(doc.id);
    if (id.empty()) {
      delete_unread_->BindText(1, doc.path);
      if (Status s = Run(delete_unread_); !s.ok()) return s;
    } else {
      delete_document_->BindText(1, id);
      if (Status s = Run(delete_document_); !s.ok()) return s;
    }
    if (!rows.has_document_record && !id.empty()) {
      SqliteStatement* st = insert_file_facts_;
      st->BindText(1, id);
      st->BindText(2, doc.path);
      st->BindInt(3, static_cast<int64_t>(doc.bytes));
      doc.encoding.empty() ? st->BindNull(4) : st->BindText(4, doc.encoding);
      st->BindReal(5, doc.confidence);
      doc.format.empty() ? st->BindNull(6) : st->BindText(6, doc.format);
      if (Status s = Run(st); !s.ok()) return s;
    }
    for (size_t i = 0; i < rows.lines.size(); ++i) {
      if (Status s = Insert(rows.lines[i], rows.json[i]); !s.ok()) return s;
    }
    return Status::OK();
  }

  Status Insert(const OJson& line, const std::string& json) {
    const std::string& type = line["type"].get_ref<const std::string&>();
    auto it = tables_.find(type);
    Table& table = it != tables_.end() ? it->second : other_;
    SqliteStatement* st = table.insert;
    int i = 1;
    for (const Column& c : table.columns) Bind(st, i++, emit_internal::ColumnValue(line, c));
    st->BindText(i, json);
    if (Status s = Run(st); !s.ok()) return s;
    if (type == "finding") return InsertLinks(line);
    return Status::OK();
  }

  // finding_records rows for the records a finding names.
  Status InsertLinks(const OJson& finding) {
    const OJson& doc = finding["doc"];
    const OJson& named = finding["records"];
    if (!named.is_array() || !doc.is_string()) return Status::OK();
    for (const OJson& r : named) {
      const OJson* seq = &r;
      const OJson* record_doc = &doc;
      if (r.is_object()) {
        auto s = r.find("seq");
        if (s == r.end()) continue;  // a span, not a record id
        seq = &*s;
        auto d = r.find("doc");
        if (d != r.end() && d->is_string()) record_doc = &*d;
      }
      if (!seq->is_number_integer()) continue;
      insert_link_->BindText(1, doc.get_ref<const std::string&>());
      Bind(insert_link_, 2, &finding["seq"]);
      insert_link_->BindText(3, record_doc->get_ref<const std::string&>());
      Bind(insert_link_, 4, seq);
      if (Status s = Run(insert_link_); !s.ok()) return s;
    }
    return Status::OK();
  }

  std::unique_ptr<SqliteDb> db_;
  std::string path_;
  std::map<std::string, Table, std::less<>> tables_;  // by record type
  Table other_;
  SqliteStatement* begin_ = nullptr;
  SqliteStatement* commit_ = nullptr;
  SqliteStatement* delete_document_ = nullptr;
  SqliteStatement* delete_unread_ = nullptr;
  SqliteStatement* has_document_ = nullptr;
  SqliteStatement* insert_file_facts_ = nullptr;
  SqliteStatement* insert_link_ = nullptr;
};

}  // namespace

StatusOr<std::unique_ptr<Sink>> OpenSqliteSink(const std::string& path) {
  StatusOr<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path);
  if (!db.ok()) return db.status();
  auto sink = std::make_unique<SqliteSink>(path, std::move(db).value());
  if (Status s = sink->Init(); !s.ok()) return s;
  return std::unique_ptr<Sink>(std::move(sink));
}

}  // namespace vnplan
