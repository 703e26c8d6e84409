#include "base/line_index.h"

#include <algorithm>
#include <cstring>

namespace vnplan {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* p = text.data();
  const char* end = p + text.size();
  while (const void* nl = std::memchr(p, '\n', end - p)) {
    p = static_cast<const char*>(nl) + 1;
    starts_.push_back(p - text.data());
  }
}

int LineIndex::LineOf(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

}  // namespace vnplan
