#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "emit/atomic_file.h"
#include "emit/emit.h"
#include "emit/output_records.h"
#include "emit/record_types.h"

namespace vnplan {

namespace {

using emit_internal::AtomicFile;
using emit_internal::Column;
using emit_internal::Dump;
using emit_internal::FieldKind;
using emit_internal::OutputRecords;
using emit_internal::RecordType;
using OJson = nlohmann::ordered_json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kFieldsColumn = "fields";  // all fields of a type outside the contract

std::string CellText(const OJson* v) {
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return v->get_ref<const std::string&>();
  if (v->is_boolean()) return v->get<bool>() ? "true" : "false";
  return Dump(*v);
}

// File names come only from the contract's table names or from type names made of [a-z0-9_],
// so no record can place a file outside the folder.
bool IsSafeName(std::string_view name) {
  if (name.empty() || name.size() > 64 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

struct CsvTable {
  std::vector<Column> columns;
  std::unique_ptr<AtomicFile> file;
};

class CsvSink : public Sink {
 public:
  explicit CsvSink(std::filesystem::path dir) : dir_(std::move(dir)) {}

  Status OpenContractTables() {
    for (const RecordType& t : emit_internal::RecordTypes()) {
      if (Status s = OpenTable(t.type, t.table, emit_internal::FlatColumns(t)); !s.ok()) return s;
    }
    return Status::OK();
  }

  Status Write(const DocumentOutput& doc) override {
    if (finished_) return Status::InvalidArgument("CSV output", "Write after Finish");
    if (Status s = CheckSpans(doc); !s.ok()) return s;
    OutputRecords records(doc);
    // Every table is found before any row is written, so a refused type leaves no half document.
    std::vector<CsvTable*> tables(records.size());
    for (size_t seq = 0; seq < records.size(); ++seq) {
      StatusOr<CsvTable*> table = TableFor(records.at(seq).type);
      if (!table.ok()) return table.status();
      tables[seq] = *table;
    }
    std::string row;
    for (size_t seq = 0; seq < records.size(); ++seq) {
      row.clear();
      AppendRow(*tables[seq], records.Json(seq), &row);
      tables[seq]->file->out() << row;
    }
    for (auto& [type, table] : tables_) {
      if (Status s = table.file->CheckWrites(); !s.ok()) return s;
    }
    return Status::OK();
  }

  Status Finish() override {
    if (finished_) return Status::InvalidArgument("CSV output", "Finish called twice");
    finished_ = true;
    for (auto& [type, table] : tables_) {
      if (Status s = table.file->Commit(); !s.ok()) return s;
    }
    return Status::OK();
  }

 private:
  Status OpenTable(std::string_view type, std::string_view name, std::vector<Column> columns) {
    StatusOr<std::unique_ptr<AtomicFile>> file =
        AtomicFile::Create((dir_ / (std::string(name) + ".csv")).string());
    if (!file.ok()) return file.status();
    CsvTable table{std::move(columns), std::move(file).value()};
    std::string header(kBom);
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (i > 0) header += ',';
      header += CsvField(table.columns[i].name);
    }
    header += "\r\n";
    table.file->out() << header;
    tables_.emplace(std::string(type), std::move(table));
    return Status::OK();
  }

  StatusOr<CsvTable*> TableFor(const std::string& type) {
    auto it = tables_.find(type);
    if (it != tables_.end()) return &it->second;
    bool clashes = false;
    for (const RecordType& t : emit_internal::RecordTypes()) clashes |= t.table == type;
    if (!IsSafeName(type) || clashes) {
      return Status::InvalidArgument(
          "CSV output", "record type \"" + type + "\" cannot name a file in " + dir_.string());
    }
    std::vector<Column> columns = emit_internal::FlatColumns(RecordType{type, type, true, {}});
    columns.push_back({std::string(kFieldsColumn), FieldKind::kList, "", ""});
    if (Status s = OpenTable(type, type, std::move(columns)); !s.ok()) return s;
    return &tables_.find(type)->second;
  }

  static void AppendRow(const CsvTable& table, const OJson& line, std::string* row) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& c = table.columns[i];
      if (i > 0) *row += ',';
      if (c.key.empty()) {
        OJson fields = OJson::object();
        bool past_common = false;
        for (auto it = line.begin(); it != line.end(); ++it) {
          if (past_common) fields[it.key()] = it.value();
          past_common |= it.key() == "rule";
        }
        *row += CsvField(Dump(fields));
      } else {
        *row += CsvField(CellText(emit_internal::ColumnValue(line, c)));
      }
    }
    *row += "\r\n";
  }

  std::filesystem::path dir_;
  std::map<std::string, CsvTable> tables_;
  bool finished_ = false;
};

}  // namespace

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

StatusOr<std::unique_ptr<Sink>> OpenCsvSink(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir, ec.message());
  if (!std::filesystem::is_directory(dir, ec)) return Status::IOError(dir, "not a directory");
  auto sink = std::make_unique<CsvSink>(dir);
  if (Status s = sink->OpenContractTables(); !s.ok()) return s;
  return std::unique_ptr<Sink>(std::move(sink));
}

}  // namespace vnplan
