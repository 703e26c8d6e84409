#include "audit/checks.h"

namespace vnplan::audit_internal {

std::optional<std::string> Str(const Record& r, const char* field) {
  auto it = r.fields.find(field);
  if (it == r.fields.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<long long> Int(const Record& r, const char* field) {
  auto it = r.fields.find(field);
  if (it == r.fields.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<long long>();
}

DocView MakeView(const Records& records, std::string_view text) {
  DocView v{records, text, std::nullopt, std::nullopt, std::nullopt};
  for (const Record& r : records) {
    if (r.type != "document") continue;
    v.date = Str(r, "date");
    if (auto y = Int(r, "year")) v.year = static_cast<int>(*y);
    v.number = Str(r, "number");
    break;
  }
  return v;
}

Record MakeFinding(const char* code, const char* severity, std::string message,
                   const Record& anchor, std::vector<size_t> seqs) {
  Record f;
  f.type = "finding";
  f.span = anchor.span;
  f.rule = std::string("audit.") + code;
  f.section = anchor.section;
  f.fields = {{"code", code},
              {"severity", severity},
              {"message", std::move(message)},
              {"records", std::move(seqs)}};
  return f;
}

}  // namespace vnplan::audit_internal
