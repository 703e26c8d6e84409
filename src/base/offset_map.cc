#include "base/offset_map.h"

#include <algorithm>
#include <cassert>

namespace vnplan {

void OffsetMap::Runs::Push(uint64_t out, uint64_t in, uint64_t len, bool is_copy) {
  if (is_copy && !copy.empty() && copy.back() && in_start.back() + in_len.back() == in) {
    in_len.back() += len;  // contiguous copies become one run
    return;
  }
  out_start.push_back(out);
  in_start.push_back(in);
  in_len.push_back(len);
  copy.push_back(is_copy ? 1 : 0);
}

void OffsetMap::Builder::Reserve(size_t runs) {
  const size_t n = runs_.out_start.size() + runs;
  runs_.out_start.reserve(n);
  runs_.in_start.reserve(n);
  runs_.in_len.reserve(n);
  runs_.copy.reserve(n);
}

void OffsetMap::Builder::Copy(size_t n) {
  if (n == 0) return;
  runs_.Push(out_pos_, in_pos_, n, true);
  in_pos_ += n;
  out_pos_ += n;
}

void OffsetMap::Builder::Replace(size_t in_len, size_t out_len) {
  // A pure deletion stores nothing: it is the gap before the next run's input.
  if (out_len > 0) runs_.Push(out_pos_, in_pos_, in_len, false);
  in_pos_ += in_len;
  out_pos_ += out_len;
}

OffsetMap OffsetMap::Builder::Build() && {
  OffsetMap m;
  m.runs_ = std::move(runs_);
  m.in_size_ = in_pos_;
  m.out_size_ = out_pos_;
  return m;
}

OffsetMap OffsetMap::Identity(size_t len) {
  Builder b;
  b.Copy(len);
  return std::move(b).Build();
}

bool OffsetMap::is_identity() const {
  if (in_size_ != out_size_) return false;
  if (runs_.copy.empty()) return out_size_ == 0;
  return runs_.copy.size() == 1 && runs_.copy[0] && runs_.in_start[0] == 0;
}

size_t OffsetMap::Find(size_t o) const {
  auto it = std::upper_bound(runs_.out_start.begin(), runs_.out_start.end(), o);
  return static_cast<size_t>(it - runs_.out_start.begin()) - 1;
}

size_t OffsetMap::NextWithInput(size_t o) const {
  size_t i = Find(o);
  while (i < runs_.out_start.size() && IsInsertion(i)) ++i;
  return i;
}

size_t OffsetMap::MapStart(size_t o) const {
  if (o >= out_size_) return in_size_;
  const size_t i = NextWithInput(o);
  if (i == runs_.out_start.size()) return in_size_;
  if (runs_.copy[i] && o >= runs_.out_start[i]) return runs_.in_start[i] + (o - runs_.out_start[i]);
  return runs_.in_start[i];
}

size_t OffsetMap::MapEnd(size_t o) const {
  if (o > out_size_) o = out_size_;
  if (o == 0) return MapStart(0);
  size_t i = Find(o - 1);
  if (!IsInsertion(i)) {
    return runs_.copy[i] ? runs_.in_start[i] + (o - runs_.out_start[i])
                         : runs_.in_start[i] + runs_.in_len[i];
  }
  while (i-- > 0) {
    if (!IsInsertion(i)) return runs_.in_start[i] + runs_.in_len[i];
  }
  return MapStart(0);
}

Span OffsetMap::MapSpan(Span out) const {
  const size_t s = MapStart(out.start);
  if (out.end <= out.start || out.start >= out_size_) return {s, s};
  // Only inserted bytes: they came from no input, even when the bytes around them did.
  const size_t i = NextWithInput(out.start);
  if (i == runs_.out_start.size() || runs_.out_start[i] >= out.end) return {s, s};
  return {s, std::max(s, MapEnd(out.end))};
}

OffsetMap OffsetMap::Compose(const OffsetMap& first, const OffsetMap& second) {
  assert(second.in_size_ == first.out_size_);
  OffsetMap m;
  m.in_size_ = first.in_size_;
  m.out_size_ = second.out_size_;
  const Runs& r2 = second.runs_;
  const Runs& r1 = first.runs_;
  const size_t n2 = r2.out_start.size();
  for (size_t j = 0; j < n2; ++j) {
    const uint64_t c_start = r2.out_start[j];
    const uint64_t c_end = j + 1 < n2 ? r2.out_start[j + 1] : second.out_size_;
    const uint64_t b_start = r2.in_start[j];
    if (!r2.copy[j]) {
      const uint64_t b_len = r2.in_len[j];
      const uint64_t a = first.MapStart(b_start);
      const uint64_t e = b_len > 0 ? std::max<uint64_t>(a, first.MapEnd(b_start + b_len)) : a;
      m.runs_.Push(c_start, a, e - a, false);
      continue;
    }
    // A copied run: split it along the runs of `first` that it covers.
    const uint64_t b_end = b_start + (c_end - c_start);
    uint64_t pos = b_start;
    for (size_t k = first.Find(pos); pos < b_end; ++k) {
      const uint64_t f_start = r1.out_start[k];
      const uint64_t f_end = k + 1 < r1.out_start.size() ? r1.out_start[k + 1] : first.out_size_;
      const uint64_t stop = std::min(b_end, f_end);
      const uint64_t out = c_start + (pos - b_start);
      if (r1.copy[k]) {
        m.runs_.Push(out, r1.in_start[k] + (pos - f_start), stop - pos, true);
      } else {
        m.runs_.Push(out, r1.in_start[k], r1.in_len[k], false);
      }
      pos = stop;
    }
  }
  return m;
}

}  // namespace vnplan
