// A thin SQLite handle for the emit stage: opening, running SQL and prepared statements, every
// SQLite error returned as a Status naming the database and the SQL that failed. Internal.
//
//   StatusOr<std::unique_ptr<SqliteDb>> db = SqliteDb::Open("plans.db");
//   StatusOr<SqliteStatement*> q = (*db)->Prepare("SELECT 1 FROM documents WHERE doc = ?");
//   (*q)->BindText(1, id);
//   StatusOr<bool> row = (*q)->Step();     // true: a row is ready; false: done
//   (*q)->Reset();
#ifndef VNPLAN_EMIT_SQLITE_DB_H_
#define VNPLAN_EMIT_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vnplan::emit_internal {

class SqliteDb;

// A prepared statement owned by its SqliteDb and reused: bind, Step until false, Reset.
class SqliteStatement {
 public:
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based. Text is copied by SQLite.
  void BindNull(int i);
  void BindInt(int i, int64_t v);
  void BindReal(int i, double v);
  void BindText(int i, std::string_view v);
  // true when a result row is ready, false when the statement is done.
  StatusOr<bool> Step();
  // Clears bindings and makes the statement ready to run again.
  void Reset();

  int64_t ColumnInt(int i) const;
  std::string ColumnText(int i) const;
  bool ColumnIsNull(int i) const;

 private:
  friend class SqliteDb;
  SqliteStatement(SqliteDb* db, sqlite3_stmt* stmt, std::string sql)
      : db_(db), stmt_(stmt), sql_(std::move(sql)) {}

  SqliteDb* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
};

class SqliteDb {
 public:
  // Opens (creating when missing) the database file. IOError when SQLite cannot open it.
  static StatusOr<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements that return no rows we need.
  Status Exec(std::string_view sql);
  // Prepares `sql` once; the statement lives as long as the database.
  StatusOr<SqliteStatement*> Prepare(std::string_view sql);
  // A Status for the last error on this connection, labelled with `what`.
  Status Error(std::string_view what) const;

  const std::string& path() const { return path_; }

 private:
  SqliteDb(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  sqlite3* db_;
  std::vector<std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_SQLITE_DB_H_
