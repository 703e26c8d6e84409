#include "ingest/decoders.h"

namespace vnplan::ingest_internal {

void InvalidBytes::Add(size_t offset, size_t length) {
  bytes_ += length;
  if (offset == last_end_) {
    // Continues the previous run: one report for "\xC0\x80", not two.
    if (runs_ <= kListed) listed_.back().length += length;
  } else {
    ++runs_;
    if (runs_ <= kListed) listed_.push_back({offset, length});
  }
  last_end_ = offset + length;
}

}  // namespace vnplan::ingest_internal
