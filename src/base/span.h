// Span: a half-open range [start, end) of byte offsets into some text.
#ifndef VNPLAN_BASE_SPAN_H_
#define VNPLAN_BASE_SPAN_H_

#include <cstddef>

namespace vnplan {

struct Span {
  size_t start = 0;
  size_t end = 0;

  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& o) const { return start <= o.start && o.end <= end; }
  friend bool operator==(const Span& a, const Span& b) = default;
};

}  // namespace vnplan

#endif  // VNPLAN_BASE_SPAN_H_
