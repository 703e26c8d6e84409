// The record types of the contract and their fields, in contract order: the one table that the
// JSON line layout, the CSV columns and the SQLite columns are all derived from. Internal to the
// emit stage; src/emit/record.schema.json and src/emit/schema.sql are checked against it by
// tests/emit/schema_test.cc.
#ifndef VNPLAN_EMIT_RECORD_TYPES_H_
#define VNPLAN_EMIT_RECORD_TYPES_H_

#include <string>
#include <string_view>
#include <vector>

namespace vnplan::emit_internal {

// How a field is stored where a flat table needs to know (CSV, SQLite).
enum class FieldKind {
  kText,     // string (or null)
  kInteger,  // integer (or null)
  kReal,     // number (or null)
  kBool,     // true/false (or null); 1/0 in SQLite and "true"/"false" in CSV
  kList,     // array or object: JSON text in flat tables
  kRange,    // {"start": s, "end": e}: two columns <name>_start and <name>_end in flat tables
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind;
};

struct RecordType {
  std::string_view type;   // "citation"
  std::string_view table;  // "citations": SQLite table and CSV file name
  bool from_text;          // records of this type carry span/text/line
  std::vector<FieldSpec> fields;
};

// Every type of the contract, in output order: document, section, citation, amount, quantity,
// date, responsibility, report, finding, diagnostic.
const std::vector<RecordType>& RecordTypes();

// The entry for `type`, or nullptr for a type the contract does not know.
const RecordType* FindRecordType(std::string_view type);

// A column of a flat table: its name and where its value sits in the record's JSON line (a key,
// or a key and a sub-key for the halves of a range).
struct Column {
  std::string name;
  FieldKind kind;
  std::string key;
  std::string sub_key;  // "" unless the column is one half of a range
};

// The columns of the flat table for `type`: doc, seq, then (for types drawn from text)
// span_start, span_end, line, text; then section, rule; then the type's fields, ranges split.
std::vector<Column> FlatColumns(const RecordType& type);

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_RECORD_TYPES_H_
