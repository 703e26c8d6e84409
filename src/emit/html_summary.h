// The top of the HTML report: what the report sink keeps of each document (findings, cited
// legal bases, the rendered budget trees) and the page part drawn from it. Internal to the emit
// stage.
#ifndef VNPLAN_EMIT_HTML_SUMMARY_H_
#define VNPLAN_EMIT_HTML_SUMMARY_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::emit_internal {

struct FindingEntry {
  std::string id;      // "f3-17": the list item
  std::string target;  // "d3-r17": its place in the text; "d3" when it has none
  int rank = 0;        // 2 error, 1 warning, 0 info
  std::string severity, code, message;
  std::string quote;         // the text it rests on, one line, shortened
  int line = 0;              // 0 when unknown
  std::vector<size_t> seqs;  // the records it rests on
};

// A citation with role legal_basis.
struct LegalBasis {
  size_t seq = 0;
  std::string text, number, date, issuer, title;
};

struct DocEntry {
  std::string path, id;
  std::vector<FindingEntry> findings;
  std::vector<LegalBasis> bases;
  std::string budgets;                  // rendered <h3> + tree, "" when the document has none
  std::vector<int> lines;               // line of each record with a span, else 0
  std::vector<bool> shown;              // record highlight written: "d<N>-r<seq>" exists
  std::map<size_t, std::string> cited;  // quote of each citation, for cross-document findings
  size_t corpus_findings = 0;
};

// Everything above the document texts: title, counts, legend, the findings (sorted here: most
// severe first, then by line), the legal bases table and the budgets, then the heading of the
// documents part. Every string from the input is escaped.
std::string RenderTop(std::string_view title, std::vector<DocEntry>* docs);

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_HTML_SUMMARY_H_
