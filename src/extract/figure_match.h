// What the amount, quantity and date extractors share: one record per figure when several
// rules find it, and the text around a match.
//
// Rules of one topic may find the same figure more than once ("Ngân sách tỉnh: 500 triệu đồng"
// is both a plain figure and a figure with its fund). Each match is a Candidate whose `span` is
// the figure itself (a named group such as `amount` or `date`, else the whole match);
// SelectFigures keeps, among overlapping candidates, the one with the higher `priority`
// attribute, then the longer span, then the earlier start.
//
//   std::vector<Candidate> c = ...;           // spans in the matched text
//   for (size_t i : SelectFigures(c)) { ... } // kept candidates, left to right
//
// All offsets here are offsets of the text the rules ran on (TextView::text()).
#ifndef VNPLAN_EXTRACT_FIGURE_MATCH_H_
#define VNPLAN_EXTRACT_FIGURE_MATCH_H_

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "base/record.h"
#include "base/span.h"
#include "rules/rules.h"

namespace vnplan {

struct Candidate {
  const Match* match = nullptr;
  Span span;         // the figure
  int priority = 0;  // the rule's `priority` attribute (0 when unset)
};

// The rule's `priority` attribute as an integer; 0 when unset or not a number.
int RulePriority(const Rule& rule);

// The span of the first of `groups` the match captured, else the whole match.
Span FigureSpan(const Match& m, std::initializer_list<std::string_view> groups);

// Indices of the kept candidates, sorted by span start (see above).
std::vector<size_t> SelectFigures(const std::vector<Candidate>& candidates);

// The spans of the records of some types, for overlap questions in O(log n).
//   SpanIndex taken(*records, {"citation", "amount"});
//   if (taken.Overlaps(span)) ...   // span: a normalized-text span
class SpanIndex {
 public:
  SpanIndex(const Records& records, std::initializer_list<std::string_view> types);
  bool Overlaps(Span span) const;

 private:
  std::vector<Span> spans_;      // sorted by start
  std::vector<size_t> max_end_;  // max_end_[i]: the largest end among spans_[0..i]
};

// Start of the line holding `pos` / end of that line (the '\n' or the text's end), looking at
// most kLineContextBytes away from `pos`: in a longer line the context of a figure is cut there
// (on a character boundary), so that a figure's context is never the whole of a 20 MB line and
// a text made of one long line stays linear.
inline constexpr size_t kLineContextBytes = 4096;
size_t LineStartAt(std::string_view text, size_t pos);
size_t LineEndAt(std::string_view text, size_t pos);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_FIGURE_MATCH_H_
