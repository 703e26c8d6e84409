#include "base/diagnostic.h"

namespace vnplan {

const char* LevelName(Diagnostic::Level level) {
  switch (level) {
    case Diagnostic::Level::kError: return "error";
    case Diagnostic::Level::kWarning: return "warning";
    case Diagnostic::Level::kInfo: return "info";
  }
  return "warning";
}

}  // namespace vnplan
