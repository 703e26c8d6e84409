#include "audit/audit.h"

#include <algorithm>

#include "audit/checks.h"

namespace vnplan {

Records Auditor::CheckDocument(const Records& records, std::string_view text) const {
  using namespace audit_internal;
  const DocView doc = MakeView(records, text);
  Records out;
  CheckCitations(doc, registry_, &out);
  CheckBudgets(doc, &out);
  CheckPlan(doc, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Record& a, const Record& b) { return a.span.start < b.span.start; });
  return out;
}

}  // namespace vnplan
