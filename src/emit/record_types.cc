#include "emit/record_types.h"

namespace vnplan::emit_internal {

namespace {

using K = FieldKind;

}  // namespace

const std::vector<RecordType>& RecordTypes() {
  // Field order here is the key order of the JSON lines and the column order of the tables;
  // it follows the contract table of ../shared/DESIGN.md. Append, never reorder or rename.
  // clang-format off
  static const std::vector<RecordType> kTypes = {
      {"document", "documents", false,
       {{"path", K::kText}, {"bytes", K::kInteger}, {"encoding", K::kText},
        {"confidence", K::kReal}, {"format", K::kText}, {"doc_type", K::kText},
        {"number", K::kText}, {"issuer", K::kText}, {"issuer_parent", K::kText},
        {"place", K::kText}, {"date", K::kText}, {"year", K::kInteger}, {"title", K::kText},
        {"signer", K::kText}, {"signer_title", K::kText}, {"sign_mode", K::kText},
        {"recipients", K::kList}}},
      {"section", "sections", true,
       {{"id", K::kText}, {"parent", K::kText}, {"level", K::kInteger}, {"label", K::kText},
        {"heading", K::kText}, {"kind", K::kText}, {"project", K::kText}, {"applies", K::kBool},
        {"extent", K::kRange}}},
      {"citation", "citations", true,
       {{"doc_type", K::kText}, {"number", K::kText}, {"type_code", K::kText},
        {"issuer_code", K::kText}, {"num_year", K::kInteger}, {"date", K::kText},
        {"issuer", K::kText}, {"title", K::kText}, {"role", K::kText}, {"repaired", K::kBool}}},
      {"amount", "amounts", true,
       {{"value_vnd", K::kInteger}, {"scale", K::kText}, {"fund", K::kText},
        {"project", K::kText}, {"year", K::kInteger}, {"per", K::kText}}},
      {"quantity", "quantities", true,
       {{"value", K::kReal}, {"value_to", K::kReal}, {"unit", K::kText},
        {"comparator", K::kText}, {"per", K::kText}, {"subject", K::kText}}},
      {"date", "dates", true,
       {{"iso", K::kText}, {"resolved", K::kText}, {"kind", K::kText}}},
      {"responsibility", "responsibilities", true,
       {{"agency", K::kText}, {"role", K::kText}, {"projects", K::kList}, {"tasks", K::kList},
        {"agency_text", K::kText}}},
      {"report", "reports", true,
       {{"reporter", K::kText}, {"recipient", K::kText}, {"due", K::kText}, {"what", K::kText}}},
      {"finding", "findings", true,
       {{"code", K::kText}, {"severity", K::kText}, {"message", K::kText},
        {"records", K::kList}}},
      {"diagnostic", "diagnostics", false,
       {{"level", K::kText}, {"code", K::kText}, {"message", K::kText}, {"path", K::kText},
        {"offset", K::kInteger}}},
  };
  // clang-format on
  return kTypes;
}

const RecordType* FindRecordType(std::string_view type) {
  for (const RecordType& t : RecordTypes()) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

std::vector<Column> FlatColumns(const RecordType& type) {
  std::vector<Column> cols = {{"doc", K::kText, "doc", ""}, {"seq", K::kInteger, "seq", ""}};
  if (type.from_text) {
    cols.push_back({"span_start", K::kInteger, "span", "start"});
    cols.push_back({"span_end", K::kInteger, "span", "end"});
    cols.push_back({"line", K::kInteger, "line", ""});
    cols.push_back({"text", K::kText, "text", ""});
  }
  cols.push_back({"section", K::kText, "section", ""});
  cols.push_back({"rule", K::kText, "rule", ""});
  for (const FieldSpec& f : type.fields) {
    std::string name(f.name);
    if (f.kind == K::kRange) {
      cols.push_back({name + "_start", K::kInteger, name, "start"});
      cols.push_back({name + "_end", K::kInteger, name, "end"});
    } else {
      cols.push_back({name, f.kind, name, ""});
    }
  }
  return cols;
}

}  // namespace vnplan::emit_internal
