// audit: checks over the records of a document, and across documents, that give `finding`
// records. Each finding has a stable code, a severity, a message for a person, the source span of
// the record it rests on, and `records`: the seq numbers (positions in the document's record
// list) of every record involved.
//
// Codes and severities:
//   citation.year_mismatch    error    the year in a normative number disagrees with its date
//                                      ("14/2022/NQ-HĐND ngày 21/02/2021")
//   citation.date_conflict    error    one document cited with different dates (key: number +
//                                      year, and issuer where both citations state one)
//   citation.after_document   error    a cited document dated after the citing document
//   citation.type_mismatch    warning  type word against type code ("Quyết định số 12/NQ-...")
//                                      or issuer against issuer code (TTg / Bộ Tài chính)
//   citation.repaired         info     a number repaired from damaged text ("1315/QĐUBND")
//   citation.registry         warning  disagrees with the registry of known documents, or cites
//                                      one the registry marks as no longer in force
//   budget.sum_mismatch       error    a total followed by parts that do not add up to it
//   year.mismatch             warning  a plan for year Y that assigns a plan for year Y-1
//   deadline.before_document  warning  a deadline earlier than the document's own date
//   responsibility.two_chairs warning  two agencies chairing the same project
//   header.incomplete         info     template number or date left blank
//
//   StatusOr<Auditor> a = Auditor::Create({});
//   Records findings = a->CheckDocument(records, source_text);
//   // across a corpus, documents in input order:
//   CorpusAudit corpus;
//   Records more = corpus.Add(doc_id, records);      // this document's cross-document findings
#ifndef VNPLAN_AUDIT_AUDIT_H_
#define VNPLAN_AUDIT_AUDIT_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/record.h"
#include "base/status.h"

namespace vnplan {

struct AuditOptions {
  // More registry files (YAML, same shape as rules/registry/*.yaml) added to the built-in one.
  std::vector<std::string> registry_files;
  // A registry folder in place of the built-in one ("" = built-in rules/registry/).
  std::string registry_dir;
};

// A known document: the registry's facts about it.
struct RegistryEntry {
  std::string number;    // "90/QĐ-TTg"
  std::string doc_type;  // "Quyết định"
  std::string date;      // ISO
  std::string issuer;    // "Thủ tướng Chính phủ"
  std::string title;
  std::string status;       // "còn hiệu lực", "hết hiệu lực", "sửa đổi, bổ sung"
  std::string replaced_by;  // number of the document that replaced it, or ""
  std::string source;       // "rules/registry/national.yaml:12"
};

class Auditor {
 public:
  // Loads the registry. Errors name the file and line.
  static StatusOr<Auditor> Create(const AuditOptions& options);

  // Every single-document check over `records` (the document record first; spans are source
  // spans into `text`, the decoded source). Returns the findings, in source order.
  Records CheckDocument(const Records& records, std::string_view text) const;

  const std::map<std::string, RegistryEntry>& registry() const { return registry_; }

 private:
  std::map<std::string, RegistryEntry> registry_;  // by number
};

// A budget as budget.sum_mismatch reads it: a total ("Tổng số 148,4 tỷ đồng, trong đó:") and the
// amounts after it that break it down. A total is an amount followed closely by a breakdown word
// (trong đó, gồm, chia ra, cụ thể) or by a parenthesis ("712,6 tỷ đồng (trung ương 689,5 tỷ
// đồng; địa phương 23,1 tỷ đồng)"); its parts run up to the first paragraph that is not a list
// item, the next item of the total's own numbering ("2." after "1."), the parenthesis' ")", or
// until they reach the total. A part that is itself a total whose own parts add up carries them
// as its `parts` (and counts once in its parent's sum); an amount said again in words ("60 triệu
// đồng (Sáu mươi triệu đồng)") is such a part, and alone is no budget.
struct BudgetNode {
  size_t seq = 0;  // the amount record: its position in the document's records
  long long value_vnd = 0;
  long long tolerance = 0;        // half a unit of the last digit written ("148,4 tỷ": 0,05 tỷ)
  std::vector<BudgetNode> parts;  // in source order; empty for a plain amount
  long long parts_sum = 0;        // sum of the parts' value_vnd; 0 without parts

  // True when the parts add up to the value within the tolerance (or there are no parts).
  bool AddsUp() const {
    const long long d = parts_sum - value_vnd;
    return parts.empty() || (d < 0 ? -d : d) <= tolerance;
  }
};

struct Budget {
  BudgetNode total;     // has at least one part
  bool nested = false;  // also a part, with these same parts, of an earlier budget's tree
};

// Every budget of a document (records as for CheckDocument: spans into `text`), in source
// order, nested ones included. Amounts with a `per` (rates) take no part. budget.sum_mismatch
// is a Budget whose total does not AddsUp():
//
//   text: "Tổng kinh phí 148,4 tỷ đồng, trong đó:\n- Vốn ngân sách: 83,8 tỷ đồng.\n- Vốn dân: 65 tỷ đồng"
//   FindBudgets(...)[0].total.parts.size() == 2, .parts_sum == 148'800'000'000, !AddsUp()
std::vector<Budget> FindBudgets(std::span<const Record> records, std::string_view text);

// Cross-document checks: the same document cited with different dates in two documents.
// Administrative and Party numbers restart every year, and local bodies share codes (every
// province has its "QĐ-UBND"), so citations are matched on number + year, and on issuer when
// the code is a local one. The first document (in the order added) to cite one sets its date;
// a citation in a later document that dates it otherwise is a citation.date_conflict of that
// later document. So each document's findings are known when it is added, and only the first
// citation of each cited document is kept: memory follows the number of documents cited, not
// the size of the corpus.
class CorpusAudit {
 public:
  CorpusAudit() = default;
  // Takes `doc`'s citations and returns its cross-document findings, in record order; each
  // names the citation's seq in `records`.
  Records Add(const std::string& doc, std::span<const Record> records);

 private:
  struct FirstCited {
    std::string doc;
    std::string date;
  };
  std::unordered_map<std::string, FirstCited> first_;  // by number|year[|issuer]
};

// A finding's severity as a rank, to filter and sort by: "error" 2, "warning" 1, anything else
// ("info") 0.
int SeverityRank(std::string_view severity);

// One document's findings in the order `vnplan audit` shows them: its own finding records, each
// with its seq (its index in `records`), then its cross-document findings `across` (what
// CorpusAudit::Add returned for it), each with the seq of the first record it names.
void ForEachFinding(std::span<const Record> records, std::span<const Record> across,
                    const std::function<void(const Record& finding, size_t seq)>& visit);

}  // namespace vnplan

#endif  // VNPLAN_AUDIT_AUDIT_H_
