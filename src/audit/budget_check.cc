// budget.sum_mismatch: a total followed by its parts ("Tổng số 148,4 tỷ đồng, trong đó: - ...:
// 83,8 tỷ đồng. - ...: 65 tỷ đồng"), and the plan's total against its project allocations.
//
// A total is an amount followed closely by a breakdown word (trong đó, gồm, bao gồm, chia ra,
// cụ thể), or by a parenthesis that details it ("712,6 tỷ đồng (ngân sách trung ương 689,5 tỷ
// đồng; ngân sách địa phương 23,1 tỷ đồng)", or the amount again in words). Its parts are the
// amounts after it, up to the first paragraph that is not a list item, the next item of the
// total's own numbering ("1. Tổng ... trong đó: - ...; - ... 2. Kinh phí năm 2024 ...") or, for
// a parenthesis, its closing ")". A part that is itself a total, followed by its own parts,
// counts once (the nested parts are checked on their own). Sums are compared with a tolerance of
// half a unit of the last digit written in the total ("148,4 tỷ": 0,05 tỷ). A total followed by
// more than 256 parts is no breakdown; subtrees are drawn 8 levels deep.
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "audit/checks.h"

namespace vnplan::audit_internal {

namespace {

struct Amount {
  size_t seq;
  const Record* rec;
  long long value;
  bool is_total;
  long long tolerance;
  size_t bound = std::string_view::npos;  // a parenthesis total: where its ")" is
  std::string next_item;                  // the marker of the item after the total's ("2.")
};

std::string_view Slice(std::string_view text, size_t start, size_t end) {
  start = std::min(start, text.size());
  end = std::min(std::max(end, start), text.size());
  return text.substr(start, end - start);
}

bool OpensBreakdown(std::string_view after) {
  for (const char* w : {"trong đó", "Trong đó", "TRONG ĐÓ", "gồm", "chia ra", "cụ thể"}) {
    if (after.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// When the text after an amount opens a parenthesis, where that parenthesis closes (a wrapped
// line may cut it; at most 600 bytes on); npos otherwise.
size_t ParenthesisEnd(std::string_view text, size_t after) {
  size_t i = after;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || text[i] != '(') return std::string_view::npos;
  const size_t limit = std::min(text.size(), i + 600);
  return std::min(text.substr(0, limit).find(')', i), limit);
}

// The marker of the item that follows the one the amount at `at` sits in, when that line opens
// with a numbered or lettered marker: "1." -> "2.", "b)" -> "c)"; "" otherwise.
std::string NextItemMarker(std::string_view text, size_t at) {
  at = std::min(at, text.size());
  // The line's start is looked for in the 4 KiB before the amount only (an amount further into
  // its line has no marker): a text of one long line must not make every amount scan it.
  const size_t floor = at > 4096 ? at - 4096 : 0;
  const size_t nl = text.substr(floor, at - floor).rfind('\n');
  if (nl == std::string_view::npos && floor > 0) return "";
  size_t i = nl == std::string_view::npos ? 0 : floor + nl + 1;
  while (i < at && (text[i] == ' ' || text[i] == '|')) ++i;
  size_t j = i;
  while (j < at && isdigit(static_cast<unsigned char>(text[j])) && j - i < 3) ++j;
  if (j > i && j < at && (text[j] == '.' || text[j] == ')') && j + 1 < at && text[j + 1] == ' ') {
    return std::to_string(std::stoi(std::string(text.substr(i, j - i))) + 1) + text[j];
  }
  const char c = i < at ? text[i] : '\0';
  if (c >= 'a' && c < 'z' && i + 2 < at && text[i + 1] == ')' && text[i + 2] == ' ') {
    return std::string(1, static_cast<char>(c + 1)) + ")";
  }
  return "";
}

bool IsListStart(std::string_view rest) {
  if (rest.empty()) return false;
  const char c = rest[0];
  if (c == '-' || c == '+' || c == '*') return true;
  if (rest.substr(0, 3) == "\xE2\x80\xA2") return true;  // •
  // "a)", "đ)", "1." and "1)" items
  size_t i = 0;
  while (i < rest.size() && i < 4 && rest[i] != ')' && rest[i] != '.' && rest[i] != ' ') ++i;
  return i > 0 && i < rest.size() && (rest[i] == ')' || rest[i] == '.') && i <= 3;
}

// The gap between two amounts ends the breakdown when a sentence ends at a line break and the
// next line is not a list item, when a line opens with `next_item` (the item after the total's
// own), or when the gap is long.
bool EndsBreakdown(std::string_view gap, std::string_view next_item) {
  if (gap.size() > 600) return true;
  for (size_t nl = gap.find('\n'); nl != std::string_view::npos; nl = gap.find('\n', nl + 1)) {
    size_t b = nl;
    while (b > 0 && (gap[b - 1] == ' ' || gap[b - 1] == '\r' || gap[b - 1] == '\n')) --b;
    const bool sentence_end = b > 0 && (gap[b - 1] == '.' || gap[b - 1] == ';');
    size_t a = nl + 1;
    while (a < gap.size() && (gap[a] == ' ' || gap[a] == '\n' || gap[a] == '\r' || gap[a] == '|'))
      ++a;
    const std::string_view line = gap.substr(a);
    if (sentence_end && !IsListStart(line)) return true;
    if (!next_item.empty() && line.starts_with(next_item) &&
        line.substr(next_item.size()).starts_with(" ")) {
      return true;
    }
  }
  return false;
}

long long ScaleOf(const Record& r) {
  const auto scale = Str(r, "scale");
  if (!scale) return 1;
  if (*scale == "tỷ" || *scale == "tỉ") return 1000000000LL;
  if (*scale == "triệu") return 1000000LL;
  if (*scale == "nghìn" || *scale == "ngàn") return 1000LL;
  return 1;
}

long long Tolerance(const Record& r, std::string_view text) {
  // Digits written after the decimal comma of the first number in the amount's text.
  size_t decimals = 0;
  const size_t comma = text.find(',');
  if (comma != std::string_view::npos) {
    for (size_t i = comma + 1; i < text.size() && isdigit(static_cast<unsigned char>(text[i]));
         ++i) {
      ++decimals;
    }
  }
  double unit = static_cast<double>(ScaleOf(r)) / std::pow(10.0, static_cast<double>(decimals));
  return static_cast<long long>(unit / 2);
}

std::string Format(long long vnd) {
  std::string digits = std::to_string(vnd);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out + " đồng";
}

BudgetNode Node(const Amount& a) {
  BudgetNode n;
  n.seq = a.seq;
  n.value_vnd = a.value;
  n.tolerance = a.tolerance;
  return n;
}

// Nested breakdowns deeper than this are summed but not drawn: real plans nest three or four
// levels (total, project, sub-project, item); a chain of totals each of one part could nest as
// deep as a document has amounts.
constexpr int kMaxDrawnDepth = 8;

// A total followed by more parts than this is not a breakdown but a run of amounts that never
// ends it (a table flattened into one paragraph): left out, so that a paragraph of n totals
// gives at most n * kMaxParts parts, not n * n / 2.
constexpr size_t kMaxParts = 256;

// The parts of each total: the amounts after it, consuming nested breakdowns. A part that is
// itself a total looks its own parts' sum up instead of searching for it again, so each total's
// parts are summed once, from the last total back to the first (searched afresh, a paragraph of
// 30 totals each "gồm:" took 23 s, and every further one doubled it).
class PartsFinder {
 public:
  PartsFinder(const std::vector<Amount>& a, std::string_view text) : a_(a), text_(text) {
    sums_.resize(a_.size() + 1);
    for (size_t j = a_.size(); j-- > 1;) {
      if (a_[j - 1].is_total) sums_[j] = Scan(j, [](size_t, bool) {});
    }
  }

  // The sum of the parts of the total a[j - 1].
  long long Sum(size_t j) const { return sums_[j].sum; }

  // Whether a[j - 1] has more than kMaxParts parts: then it is no breakdown.
  bool TooMany(size_t j) const { return sums_[j].too_many; }

  // Those parts, in source order, nested breakdowns as subtrees.
  std::vector<BudgetNode> Parts(size_t j, int depth = 0) const {
    std::vector<BudgetNode> parts;
    Scan(j, [&](size_t k, bool nested) {
      BudgetNode node = Node(a_[k]);
      if (nested && depth < kMaxDrawnDepth) {
        node.parts = Parts(k + 1, depth + 1);
        node.parts_sum = sums_[k + 1].sum;
      }
      parts.push_back(std::move(node));
    });
    return parts;
  }

 private:
  struct PartsSum {
    long long sum = 0;
    size_t next = 0;        // the first index after the parts
    bool too_many = false;  // stopped at kMaxParts with more to come
  };

  // Walks the parts of a[i - 1], calling visit(k, nested) for each part a[k] (nested: its own
  // parts follow it and were consumed). Stops at the end of the list, when the running sum
  // reaches the total within tolerance, or before a part past kMaxParts (too_many).
  template <typename Visit>
  PartsSum Scan(size_t i, Visit visit) const {
    long long sum = 0;
    const Amount& total = a_[i - 1];
    size_t prev_end = total.rec->span.end;
    size_t count = 0;
    while (i < a_.size()) {
      if (a_[i].rec->span.start >= total.bound) break;  // past a parenthesis total's ")"
      if (EndsBreakdown(Slice(text_, prev_end, a_[i].rec->span.start), total.next_item)) break;
      if (count++ == kMaxParts) return {sum, i, true};
      sum += a_[i].value;
      prev_end = a_[i].rec->span.end;
      size_t j = i + 1;
      bool nested = false;
      if (a_[i].is_total && j < a_.size()) {
        const PartsSum& sub = sums_[j];  // j > the scan's start: already summed
        if (!sub.too_many && std::llabs(sub.sum - a_[i].value) <= a_[i].tolerance && sub.next > j) {
          prev_end = a_[sub.next - 1].rec->span.end;
          j = sub.next;
          nested = true;
        }
      }
      visit(i, nested);
      i = j;
      if (std::llabs(sum - total.value) <= total.tolerance) break;
    }
    return {sum, i, false};
  }

  const std::vector<Amount>& a_;
  std::string_view text_;
  std::vector<PartsSum> sums_;  // by the index of a total's first part
};

void CollectTotals(const BudgetNode& n, std::set<size_t>* seqs) {
  for (const BudgetNode& p : n.parts) {
    if (!p.parts.empty()) seqs->insert(p.seq);
    CollectTotals(p, seqs);
  }
}

}  // namespace

void CheckBudgets(const DocView& doc, Records* out) {
  for (const Budget& b : FindBudgets(doc.records, doc.text)) {
    if (b.total.AddsUp()) continue;
    std::vector<size_t> seqs{b.total.seq};
    for (const BudgetNode& p : b.total.parts) seqs.push_back(p.seq);
    out->push_back(MakeFinding("budget.sum_mismatch", "error",
                               "the parts add up to " + Format(b.total.parts_sum) +
                                   ", not to the total " + Format(b.total.value_vnd),
                               doc.records[b.total.seq], std::move(seqs)));
  }
}

}  // namespace vnplan::audit_internal

namespace vnplan {

std::vector<Budget> FindBudgets(std::span<const Record> records, std::string_view text) {
  using namespace audit_internal;
  std::vector<Amount> amounts;
  for (size_t seq = 0; seq < records.size(); ++seq) {
    const Record& r = records[seq];
    if (r.type != "amount") continue;
    const auto value = Int(r, "value_vnd");
    if (!value) continue;
    auto per = r.fields.find("per");
    if (per != r.fields.end() && !per->is_null()) continue;  // a rate, not a sum of money
    const size_t paren = ParenthesisEnd(text, r.span.end);
    const bool total =
        paren != std::string_view::npos || OpensBreakdown(Slice(text, r.span.end, r.span.end + 40));
    amounts.push_back({seq, &r, *value, total, Tolerance(r, Slice(text, r.span.start, r.span.end)),
                       paren, NextItemMarker(text, r.span.start)});
  }
  const PartsFinder finder(amounts, text);
  std::vector<Budget> out;
  std::set<size_t> nested;  // totals already shown, with their parts, inside an earlier budget
  for (size_t i = 0; i < amounts.size(); ++i) {
    if (!amounts[i].is_total || i + 1 >= amounts.size()) continue;
    if (finder.TooMany(i + 1)) continue;
    Budget b;
    b.total = Node(amounts[i]);
    b.total.parts_sum = finder.Sum(i + 1);
    b.total.parts = finder.Parts(i + 1);
    if (b.total.parts.empty()) continue;  // no parts found: nothing to compare
    // One part of the same value is the amount said again (in words), not a breakdown.
    if (b.total.parts.size() == 1 && b.total.AddsUp()) continue;
    b.nested = nested.count(b.total.seq) > 0;
    CollectTotals(b.total, &nested);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace vnplan
