// Dates: the rules of rules/date/ find dates, months, years and periods; this file reads them
// (impossible dates are dropped), resolves yearless dates with the document's year and gives
// each its kind.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extract/extractors.h"
#include "extract/figure_match.h"
#include "extract/fold_key.h"
#include "extract/vn_date.h"
#include "extract/vn_number.h"

namespace vnplan {
namespace {

// What may stand between a deadline and a date that shares it: "trước ngày 10/5/2024 và ngày
// 10/11/2024". FoldKey forms.
constexpr std::string_view kJoiners[] = {"",       "va",   ",",         "hoac", "va ngay",
                                         ", ngay", "ngay", "hoac ngay", ";"};
constexpr size_t kMaxJoinerBytes = 16;

bool Joins(std::string_view between) {
  if (between.size() > kMaxJoinerBytes) return false;
  const std::string key = FoldKey(between);
  for (std::string_view j : kJoiners) {
    if (key == j) return true;
  }
  return false;
}

// True when `s` holds a four-digit run (a year) and at least two other numbers: day and month.
bool HasFullDate(std::string_view s) {
  int numbers = 0;
  bool year = false;
  for (size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    ++numbers;
    year |= j - i == 4;
    i = j;
  }
  return year && numbers >= 3;
}

}  // namespace

void ExtractDates(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                  Records* records, Diagnostics* diagnostics) {
  const std::string_view text = view.DigitsRepaired();
  std::vector<Match> matches;
  rules.FindAll(text, view.folded(), &matches);

  std::vector<Candidate> candidates;
  std::vector<DateParts> parts;
  std::vector<Candidate> impossible;
  for (const Match& m : matches) {
    const Span span = FigureSpan(m, {"date"});
    const std::optional<DateParts> d = ParseDatePhrase(text.substr(span.start, span.size()));
    if (!d) {
      impossible.push_back({&m, span, RulePriority(*m.rule)});
      continue;
    }
    candidates.push_back({&m, span, RulePriority(*m.rule)});
    parts.push_back(*d);
  }

  // A month or a year read inside an impossible full date ("tháng 02 năm 2024" of "ngày 31
  // tháng 02 năm 2024") is a fragment of that date, not a date of its own: it is dropped, and
  // the warning below names the whole phrase.
  std::vector<Span> bad_dates;
  for (const Candidate& c : impossible) {
    if (c.match->rule->Attr("kind") == "period") continue;
    if (HasFullDate(text.substr(c.span.start, c.span.size()))) bad_dates.push_back(c.span);
  }
  if (!bad_dates.empty()) {
    std::sort(bad_dates.begin(), bad_dates.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<size_t> reach(bad_dates.size());  // furthest end among bad_dates[0..i]
    for (size_t i = 0; i < bad_dates.size(); ++i) {
      reach[i] = std::max(bad_dates[i].end, i > 0 ? reach[i - 1] : 0);
    }
    size_t kept = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Span s = candidates[i].span;
      auto after = std::upper_bound(bad_dates.begin(), bad_dates.end(), s.start,
                                    [](size_t start, const Span& b) { return start < b.start; });
      if (after != bad_dates.begin() && reach[after - bad_dates.begin() - 1] >= s.end) continue;
      candidates[kept] = candidates[i];
      parts[kept] = parts[i];
      ++kept;
    }
    candidates.resize(kept);
    parts.resize(kept);
  }

  // The issue date: the header's date, or, when day and month were left blank ("Sông Mã, ngày
  // tháng năm 2024") and the header kept no date span, the year on the place-and-date line.
  Span header_date = ctx.seg.header.date.span;
  if (header_date.empty() && !ctx.seg.header.place.span.empty()) {
    const std::string_view plain_text = view.plain();
    header_date = {LineStartAt(plain_text, ctx.seg.header.place.span.start),
                   LineEndAt(plain_text, ctx.seg.header.place.span.start)};
  }
  const std::optional<int> doc_year = ctx.seg.header.year;
  std::vector<Span> kept_spans;
  std::string previous_kind;
  size_t previous_end = 0;
  for (size_t i : SelectFigures(candidates)) {
    const Candidate& c = candidates[i];
    const Span plain = view.ToPlain(c.span);
    std::string kind(c.match->rule->Attr("kind", "event"));
    if (!header_date.empty() && plain.start < header_date.end && header_date.start < plain.end) {
      kind = "issued";
    } else if (kind == "event" && previous_kind == "deadline" && c.span.start >= previous_end &&
               Joins(text.substr(previous_end, c.span.start - previous_end))) {
      kind = "deadline";
    }
    const std::optional<std::string> resolved = Resolve(parts[i], doc_year);

    Record r;
    r.type = "date";
    r.span = plain;
    r.rule = c.match->rule->id;
    r.section = SectionAt(ctx, plain.start);
    r.fields["iso"] = IsoOf(parts[i]);
    r.fields["resolved"] = resolved ? nlohmann::json(*resolved) : nlohmann::json(nullptr);
    r.fields["kind"] = kind;
    records->push_back(std::move(r));
    kept_spans.push_back(c.span);
    previous_kind = kind;
    previous_end = c.span.end;
  }

  // A full date that is no day of the calendar ("31/02/2024") is worth a warning, unless a valid
  // date was read at the same place. Shorter shapes ("15-20") are too often something else.
  // Both lists sorted left to right, one pass over the kept spans serves them all.
  std::sort(impossible.begin(), impossible.end(),
            [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
  size_t k = 0;
  size_t warned_end = 0;
  for (const Candidate& c : impossible) {
    while (k < kept_spans.size() && kept_spans[k].end <= c.span.start) ++k;
    const bool covered = k < kept_spans.size() && kept_spans[k].start < c.span.end;
    if (covered || c.span.start < warned_end || c.match->rule->Attr("kind") == "period") continue;
    if (!HasFullDate(text.substr(c.span.start, c.span.size()))) continue;
    const Span plain = view.ToPlain(c.span);
    Diagnostic d = Diagnostic::Warning(
        "extract.impossible_date",
        "\"" + std::string(view.PlainText(c.span)) + "\" is not a date of the calendar", "");
    d.offset = plain.start;
    diagnostics->push_back(std::move(d));
    warned_end = c.span.end;
  }
}

}  // namespace vnplan
