// What a batch prints on stderr: a progress line while it runs (only on a terminal) and a
// summary at the end.
//
//   vnplan: 23 documents, 0 failed, 0 skipped; 1.2 MB in 0.31 s (3.9 MB/s)
//   records: document 23, section 412, citation 160, amount 95, date 140
//   diagnostics 2, findings 0
#ifndef VNPLAN_CLI_SUMMARY_H_
#define VNPLAN_CLI_SUMMARY_H_

#include <ostream>

#include "pipeline/pipeline.h"

namespace vnplan::cli {

// "\r[ 12/230] 4.1/80.0 MB  7.9 MB/s  ETA 9 s" on stderr, overwriting itself.
void PrintProgress(const Progress& p);

void PrintSummary(const RunSummary& s, std::ostream& out);

}  // namespace vnplan::cli

#endif  // VNPLAN_CLI_SUMMARY_H_
