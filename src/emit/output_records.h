// OutputRecords: every record of one document in written order with its seq — the
// DocumentOutput's records, then its diagnostics as `diagnostic` records — and their contract
// lines. Internal to the emit stage; each sink walks one of these per document.
#ifndef VNPLAN_EMIT_OUTPUT_RECORDS_H_
#define VNPLAN_EMIT_OUTPUT_RECORDS_H_

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "base/line_index.h"
#include "base/record.h"
#include "emit/emit.h"
#include "emit/record_types.h"

namespace vnplan::emit_internal {

class OutputRecords {
 public:
  explicit OutputRecords(const DocumentOutput& doc);

  size_t size() const { return doc_.records.size() + diagnostics_.size(); }
  const Record& at(size_t seq) const {
    return seq < doc_.records.size() ? doc_.records[seq] : diagnostics_[seq - doc_.records.size()];
  }
  // RecordToJson(at(seq), doc, seq).
  nlohmann::ordered_json Json(size_t seq) const;
  // Appends Dump(Json(seq)) and '\n' to *out: the same bytes, made from the same key walk
  // as RecordToJson but without building the object. Used by the JSON Lines sink.
  void AppendLine(size_t seq, std::string* out) const;

 private:
  const DocumentOutput& doc_;
  LineIndex lines_;
  Records diagnostics_;
};

// The compact text of a contract object (no spaces, UTF-8 kept as is, never throws: a byte
// that is not UTF-8 becomes U+FFFD).
std::string Dump(const nlohmann::ordered_json& j);

// The value of flat-table column `c` in the contract line `line`, or nullptr when the line has
// no such key (a record without a span has no span_start).
const nlohmann::ordered_json* ColumnValue(const nlohmann::ordered_json& line, const Column& c);

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_OUTPUT_RECORDS_H_
