#include "extract/figure_match.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace vnplan {

int RulePriority(const Rule& rule) {
  const std::string_view p = rule.Attr("priority", "0");
  int v = 0;
  std::from_chars(p.data(), p.data() + p.size(), v);
  return v;
}

Span FigureSpan(const Match& m, std::initializer_list<std::string_view> groups) {
  for (std::string_view g : groups) {
    if (m.Has(g)) return m.Capture(g);
  }
  return m.span;
}

std::vector<size_t> SelectFigures(const std::vector<Candidate>& candidates) {
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.span.size() != y.span.size()) return x.span.size() > y.span.size();
    return x.span.start < y.span.start;
  });
  // Kept spans by start; they never overlap, so a new span overlaps a kept one only if it
  // overlaps the kept span starting just before its end.
  std::map<size_t, size_t> kept;  // start -> end
  std::vector<size_t> out;
  for (size_t i : order) {
    const Span s = candidates[i].span;
    if (s.empty()) continue;
    auto it = kept.lower_bound(s.end);
    if (it != kept.begin() && std::prev(it)->second > s.start) continue;
    kept.emplace(s.start, s.end);
    out.push_back(i);
  }
  std::sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    return candidates[a].span.start < candidates[b].span.start;
  });
  return out;
}

SpanIndex::SpanIndex(const Records& records, std::initializer_list<std::string_view> types) {
  for (const Record& r : records) {
    if (std::find(types.begin(), types.end(), r.type) != types.end()) spans_.push_back(r.span);
  }
  std::sort(spans_.begin(), spans_.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  size_t m = 0;
  for (const Span& s : spans_) max_end_.push_back(m = std::max(m, s.end));
}

bool SpanIndex::Overlaps(Span span) const {
  // Spans starting before span.end; one of them reaches past span.start iff their max end does.
  auto it = std::lower_bound(spans_.begin(), spans_.end(), span.end,
                             [](const Span& s, size_t end) { return s.start < end; });
  if (it == spans_.begin()) return false;
  return max_end_[it - spans_.begin() - 1] > span.start;
}

namespace {

bool IsContinuation(std::string_view text, size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

}  // namespace

size_t LineStartAt(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  const size_t floor = pos > kLineContextBytes ? pos - kLineContextBytes : 0;
  for (size_t i = pos; i > floor; --i) {
    if (text[i - 1] == '\n') return i;
  }
  size_t start = floor;
  while (start < pos && IsContinuation(text, start)) ++start;
  return start;
}

size_t LineEndAt(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  const size_t limit = std::min(text.size(), pos + kLineContextBytes);
  const size_t nl = text.substr(0, limit).find('\n', pos);
  if (nl != std::string_view::npos) return nl;
  size_t end = limit;
  while (end > pos && IsContinuation(text, end)) --end;
  return end;
}

}  // namespace vnplan
