#include "emit/html_text.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace vnplan::emit_internal {

void AppendEscaped(std::string_view text, std::string* out) {
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    const char* ref = nullptr;
    switch (text[i]) {
      case '&': ref = "&amp;"; break;
      case '<': ref = "&lt;"; break;
      case '>': ref = "&gt;"; break;
      case '"': ref = "&quot;"; break;
      case '\'': ref = "&#39;"; break;
      case '\0': ref = "\xEF\xBF\xBD"; break;
      default: continue;
    }
    out->append(text.substr(run, i - run));
    out->append(ref);
    run = i + 1;
  }
  out->append(text.substr(run));
}

std::vector<bool> AppendMarked(std::string_view text, const std::vector<Mark>& marks,
                               std::string* out) {
  std::vector<bool> shown(marks.size(), false);
  std::vector<size_t> order;
  order.reserve(marks.size());
  for (size_t i = 0; i < marks.size(); ++i) {
    if (marks[i].start < marks[i].end && marks[i].end <= text.size()) order.push_back(i);
  }
  // Outer marks first: by start, then the longer first, then as given.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (marks[a].start != marks[b].start) return marks[a].start < marks[b].start;
    return marks[a].end > marks[b].end;
  });

  std::vector<size_t> open;  // indices into `marks`, outermost first; size <= kMaxMarkDepth
  std::vector<size_t> keep;  // scratch: marks closed only to be reopened
  size_t next = 0;           // next entry of `order` to open
  size_t pos = 0;            // text up to here is written
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  while (true) {
    size_t first_end = kNone;
    for (size_t m : open) first_end = std::min(first_end, marks[m].end);
    const size_t next_start = next < order.size() ? marks[order[next]].start : kNone;
    const size_t at = std::min({first_end, next_start, text.size()});
    AppendEscaped(text.substr(pos, at - pos), out);
    pos = at;

    if (first_end == at) {
      // Close from the innermost down to the outermost mark ending here; reopen the marks above
      // it that go on.
      size_t lowest = 0;
      while (marks[open[lowest]].end != at) ++lowest;
      keep.clear();
      for (size_t k = open.size(); k-- > lowest;) {
        out->append("</span>");
        if (marks[open[k]].end != at) keep.push_back(open[k]);
      }
      open.resize(lowest);
      for (size_t k = keep.size(); k-- > 0;) {
        out->append(marks[keep[k]].reopen);
        open.push_back(keep[k]);
      }
      continue;
    }
    if (next_start == at && next < order.size()) {
      const size_t m = order[next++];
      if (open.size() < kMaxMarkDepth) {
        out->append(marks[m].open);
        open.push_back(m);
        shown[m] = true;
      }
      continue;
    }
    break;  // at == text.size(), nothing open, nothing left to open
  }
  return shown;
}

}  // namespace vnplan::emit_internal
