// Diagnostic: a non-fatal problem found while reading a document. The batch goes on; the problem
// becomes a `diagnostic` record of the output contract.
//
//   Diagnostic d = Diagnostic::Error("ingest.binary", "file looks binary (NUL byte at 17)", path);
#ifndef VNPLAN_BASE_DIAGNOSTIC_H_
#define VNPLAN_BASE_DIAGNOSTIC_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

struct Diagnostic {
  enum class Level { kInfo, kWarning, kError };

  Level level = Level::kWarning;
  std::string code;              // stable, dotted: "ingest.invalid_bytes", "rules.bad_pattern"
  std::string message;           // for a person: what happened and where
  std::string path;              // the file it concerns ("-" for stdin, "" when none)
  std::optional<size_t> offset;  // byte offset in the source, when known

  static Diagnostic Error(std::string_view code, std::string_view message, std::string_view path) {
    return {Level::kError, std::string(code), std::string(message), std::string(path), {}};
  }
  static Diagnostic Warning(std::string_view code, std::string_view message,
                            std::string_view path) {
    return {Level::kWarning, std::string(code), std::string(message), std::string(path), {}};
  }
  static Diagnostic Info(std::string_view code, std::string_view message, std::string_view path) {
    return {Level::kInfo, std::string(code), std::string(message), std::string(path), {}};
  }
};

// "error", "warning" or "info": the `level` field of a diagnostic record.
const char* LevelName(Diagnostic::Level level);

using Diagnostics = std::vector<Diagnostic>;

}  // namespace vnplan

#endif  // VNPLAN_BASE_DIAGNOSTIC_H_
