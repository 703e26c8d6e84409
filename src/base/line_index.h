// LineIndex: 1-based line numbers of byte offsets in a text, by binary search over the line
// starts found once.
//
//   LineIndex idx("a\nbc\n");
//   assert(idx.LineOf(0) == 1 && idx.LineOf(2) == 2 && idx.LineOf(4) == 2);
#ifndef VNPLAN_BASE_LINE_INDEX_H_
#define VNPLAN_BASE_LINE_INDEX_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace vnplan {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The 1-based line holding byte `offset` (offsets past the end belong to the last line).
  int LineOf(size_t offset) const;
  // Byte offset where 1-based `line` starts.
  size_t LineStart(int line) const { return starts_[line - 1]; }
  int lines() const { return static_cast<int>(starts_.size()); }

 private:
  std::vector<size_t> starts_;
};

}  // namespace vnplan

#endif  // VNPLAN_BASE_LINE_INDEX_H_
