#include "cli/summary.h"

#include <algorithm>
#include <cstdio>

namespace vnplan::cli {

namespace {

double Mb(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

}  // namespace

void PrintProgress(const Progress& p) {
  const double rate = p.seconds > 0 ? Mb(p.bytes_done) / p.seconds : 0;
  const double left =
      rate > 0 ? Mb(p.bytes_total - std::min(p.bytes_done, p.bytes_total)) / rate : 0;
  std::fprintf(stderr, "\r\033[K[%zu/%zu] %.1f/%.1f MB  %.1f MB/s  ETA %.0f s", p.done, p.total,
               Mb(p.bytes_done), Mb(p.bytes_total), rate, left);
  std::fflush(stderr);
}

void PrintSummary(const RunSummary& s, std::ostream& out) {
  char line[256];
  const double rate = s.seconds > 0 ? Mb(s.bytes) / s.seconds : 0;
  std::snprintf(line, sizeof line,
                "vnplan: %zu documents, %zu failed, %zu skipped; %.1f MB in %.2f s (%.1f MB/s)%s\n",
                s.documents, s.failed, s.skipped, Mb(s.bytes), s.seconds, rate,
                s.interrupted ? " - interrupted" : "");
  out << line << "records:";
  bool first = true;
  for (const auto& [type, count] : s.records_by_type) {
    out << (first ? " " : ", ") << type << ' ' << count;
    first = false;
  }
  if (first) out << " none";
  out << "\ndiagnostics " << s.diagnostics << ", findings " << s.findings << "\n";
}

}  // namespace vnplan::cli
