// Record: one item of the output contract (../shared/DESIGN.md, "The record contract"), as the
// stages produce it, before emit adds the document id, the source text and the line.
//
// `span` is a half-open byte range into the NORMALIZED text while a record travels between
// stages; the pipeline maps it to the decoded source through the document's OffsetMap before
// anything is written. `fields` holds the type-specific fields of the contract (for a citation:
// doc_type, number, type_code, ...), by their contract names.
//
//   Record r{"citation", {10, 42}, "citation.quyet_dinh", "I.2", {{"number", "90/QĐ-TTg"}}};
#ifndef VNPLAN_BASE_RECORD_H_
#define VNPLAN_BASE_RECORD_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/span.h"

namespace vnplan {

struct Record {
  std::string type;     // "citation", "amount", "quantity", "date", "responsibility", ...
  Span span;            // normalized-text span while in flight; source span once mapped
  std::string rule;     // id of the rule (or segmenter step) that produced it
  std::string section;  // id of the innermost section ("V.3.b"), "" when outside the body
  nlohmann::json fields = nlohmann::json::object();
};

using Records = std::vector<Record>;

}  // namespace vnplan

#endif  // VNPLAN_BASE_RECORD_H_
