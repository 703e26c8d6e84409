// The single-document checks of the audit stage, one function per family. Internal.
#ifndef VNPLAN_AUDIT_CHECKS_H_
#define VNPLAN_AUDIT_CHECKS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "base/record.h"

namespace vnplan::audit_internal {

// What every check reads: the records, the source text, and the citing document's own facts.
struct DocView {
  const Records& records;
  std::string_view text;
  std::optional<std::string> date;  // the document's ISO date (may be "2022-06" with no day)
  std::optional<int> year;          // the document's year
  std::optional<std::string> number;
};

DocView MakeView(const Records& records, std::string_view text);

// A string field, or nullopt when absent, null or not a string.
std::optional<std::string> Str(const Record& r, const char* field);
std::optional<long long> Int(const Record& r, const char* field);

Record MakeFinding(const char* code, const char* severity, std::string message,
                   const Record& anchor, std::vector<size_t> seqs);

void CheckCitations(const DocView& doc, const std::map<std::string, RegistryEntry>& registry,
                    Records* out);
void CheckBudgets(const DocView& doc, Records* out);
void CheckPlan(const DocView& doc, Records* out);

}  // namespace vnplan::audit_internal

#endif  // VNPLAN_AUDIT_CHECKS_H_
