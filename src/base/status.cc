#include "base/status.h"

namespace vnplan {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kIOError: name = "IO error"; break;
    case Code::kCorruption: name = "corruption"; break;
    case Code::kUnsupported: name = "unsupported"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace vnplan
