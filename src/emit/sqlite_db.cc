#include "emit/sqlite_db.h"

#include <sqlite3.h>

namespace vnplan::emit_internal {

namespace {

// Error text shows the start of the SQL only: enough to find the statement, short enough to read.
std::string Excerpt(std::string_view sql) {
  constexpr size_t kMax = 80;
  std::string s(sql.substr(0, kMax));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return sql.size() > kMax ? s + "..." : s;
}

}  // namespace

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::BindNull(int i) { sqlite3_bind_null(stmt_, i); }
void SqliteStatement::BindInt(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
void SqliteStatement::BindReal(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
void SqliteStatement::BindText(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

StatusOr<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(Excerpt(sql_));
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t SqliteStatement::ColumnInt(int i) const { return sqlite3_column_int64(stmt_, i); }
bool SqliteStatement::ColumnIsNull(int i) const {
  return sqlite3_column_type(stmt_, i) == SQLITE_NULL;
}
std::string SqliteStatement::ColumnText(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  return p == nullptr ? std::string()
                      : std::string(reinterpret_cast<const char*>(p),
                                    static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
}

StatusOr<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close(handle);
    return Status::IOError(path, msg);
  }
  sqlite3_extended_result_codes(handle, 1);
  return std::unique_ptr<SqliteDb>(new SqliteDb(path, handle));
}

SqliteDb::~SqliteDb() {
  statements_.clear();  // finalize every statement before the connection can close
  sqlite3_close(db_);
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);  // the same text as sqlite3_errmsg, which Error() reads
  if (rc == SQLITE_OK) return Status::OK();
  return Error(Excerpt(sql));
}

StatusOr<SqliteStatement*> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(Excerpt(sql));
  statements_.push_back(
      std::unique_ptr<SqliteStatement>(new SqliteStatement(this, stmt, std::string(sql))));
  return statements_.back().get();
}

Status SqliteDb::Error(std::string_view what) const {
  int rc = sqlite3_extended_errcode(db_) & 0xff;
  std::string where = path_ + ": " + std::string(what);
  std::string msg = sqlite3_errmsg(db_);
  if (rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_CANTOPEN || rc == SQLITE_NOTADB) {
    return Status::IOError(where, msg);
  }
  return Status::Corruption(where, msg);
}

}  // namespace vnplan::emit_internal
