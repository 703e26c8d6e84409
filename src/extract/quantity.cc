// Quantities: the rules of rules/quantity/ find percentages and counts; this file reads their
// values, comparator, unit, period and subject, and drops numbers that belong to something else.
#include <optional>
#include <string>
#include <vector>

#include "extract/extractors.h"
#include "extract/figure_match.h"
#include "extract/fold_key.h"
#include "extract/quantity_subject.h"
#include "extract/text_words.h"
#include "extract/vn_number.h"

namespace vnplan {
namespace {

struct Comparator {
  std::string_view words;  // lowercase, with marks (compared with SameWords)
  std::string_view op;
};

// The comparator words of the rules' `cmp` group. "từ" alone is "="; with a range or "trở lên"
// the range or the "trở lên" decides.
constexpr Comparator kComparators[] = {
    {"trên", ">"},           {"hơn", ">"},
    {"cao hơn", ">"},        {"nhiều hơn", ">"},
    {"vượt", ">"},           {"dưới", "<"},
    {"thấp hơn", "<"},       {"ít hơn", "<"},
    {"chưa đến", "<"},       {"chưa tới", "<"},
    {"ít nhất", ">="},       {"tối thiểu", ">="},
    {"không dưới", ">="},    {"không thấp hơn", ">="},
    {"không ít hơn", ">="},  {"tối đa", "<="},
    {"không quá", "<="},     {"không vượt quá", "<="},
    {"không cao hơn", "<="}, {"không nhiều hơn", "<="},
    {"khoảng", "about"},     {"gần", "about"},
    {"xấp xỉ", "about"},     {"trên dưới", "about"},
    {"ước", "about"},        {"ước đạt", "about"},
    {"ước tính", "about"},
};

// Words that make the number after them a label, a date part or a document number, not a
// count: "năm 2024 hộ nghèo", "Dự án 3 xã", "Mục 2 xã hội hóa". One or two words.
constexpr std::string_view kLabelWords[] = {
    "năm",      "ngày",       "tháng",        "quý",       "số",       "điều",
    "khoản",    "mục",        "điểm",         "chương",    "phần",     "dự án",
    "phụ lục",  "biểu",       "mẫu",          "giai đoạn", "lần",      "đợt",
    "kế hoạch", "quyết định", "nghị quyết",   "nghị định", "thông tư", "công văn",
    "chỉ thị",  "thông báo",  "chương trình", "tiểu mục",  "khóa",     "kỳ"};

template <size_t N>
bool In(const std::string_view (&table)[N], std::string_view written) {
  return WrittenWords(written).IsAnyOf(table);
}

// True when the one or two words just before `pos` are a label word. "tổng số 150 hộ" is a
// count: "số" after "tổng" is no label.
bool AfterLabel(std::string_view text, size_t pos) {
  std::vector<Span> words;
  size_t i = pos;
  while (words.size() < 3 && i > 0) {
    size_t end = i;
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
    if (start == end) break;
    const std::string_view w = text.substr(start, end - start);
    const Word word = WordAt(text, start);
    if (word.span.start != start || word.span.end != end) break;  // punctuation: no label
    words.push_back({start, end});
    if (w.empty()) break;
    i = start;
  }
  if (words.empty()) return false;
  const std::string_view one = text.substr(words[0].start, words[0].size());
  if (SameWords(one, "số") && words.size() > 1 &&
      SameWords(text.substr(words[1].start, words[1].size()), "tổng")) {
    return false;
  }
  if (In(kLabelWords, one)) return true;
  return words.size() > 1 &&
         In(kLabelWords, text.substr(words[1].start, words[0].end - words[1].start));
}

std::string ComparatorOf(const Match& m, std::string_view text) {
  if (m.Has("num_to")) return "range";
  if (m.Has("cmp_after")) return SameWords(m.Text(text, "cmp_after"), "trở lên") ? ">=" : "<=";
  const WrittenWords cmp(m.Text(text, "cmp"));
  for (const Comparator& c : kComparators) {
    if (cmp.Is(c.words)) return std::string(c.op);
  }
  return "=";
}

// Unit as the contract names it: lowercase, classifiers dropped ("căn nhà" -> "nhà"), "héc ta"
// -> "ha".
std::string UnitOf(std::string_view written) {
  std::string unit = Lower(written);
  const std::string key = FoldKey(unit);
  if (key == "hec ta" || key == "hecta") return "ha";
  if (key == "can nha" || key == "ngoi nha") return "nhà";
  if (key == "phan tram") return "%";
  return unit;
}

// A number with its multiplier ("1,2 nghìn" -> 1200) as JSON: an integer when whole.
std::optional<nlohmann::json> ValueOf(std::string_view num, std::string_view mult) {
  std::optional<Decimal> d = ParseVnNumber(num);
  if (!d) return std::nullopt;
  const std::string m = FoldKey(mult);
  int64_t factor = 1;
  if (m == "nghin" || m == "ngan") factor = 1'000;
  if (m == "van") factor = 10'000;
  if (m == "trieu") factor = 1'000'000;
  if (factor > 1 || d->frac_digits == 0) {
    std::optional<int64_t> v = d->ScaleToInteger(factor);
    if (!v) return std::nullopt;
    return nlohmann::json(*v);
  }
  return nlohmann::json(d->ToDouble());
}

}  // namespace

void ExtractQuantities(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                       Records* records, Diagnostics* diagnostics) {
  const std::string_view text = view.DigitsRepaired();
  std::vector<Match> matches;
  rules.FindAll(text, view.folded(), &matches);
  const SpanIndex taken(*records, {"citation", "amount", "date"});

  std::vector<Candidate> candidates;
  for (const Match& m : matches) {
    if (!m.Has("num")) continue;
    const size_t start = m.Has("cmp") ? m.Capture("cmp").start : m.Capture("num").start;
    size_t end = m.Capture("num").end;
    // The record is the comparator, number(s) and unit; what qualifies the unit ("hộ nghèo")
    // goes to `subject`, not into the span.
    for (std::string_view g : {"num_to", "unit_word", "per_word", "per_each", "cmp_after"}) {
      if (m.Has(g)) end = std::max(end, m.Capture(g).end);
    }
    const Span span{start, end};
    if (taken.Overlaps(view.ToPlain(span))) continue;
    // A percentage is never a label's number; a count may be ("Dự án 3 xã").
    if (!m.Has("cmp") && m.rule->Attr("unit") != "%" && AfterLabel(text, start)) {
      continue;
    }
    candidates.push_back({&m, span, RulePriority(*m.rule)});
  }

  for (size_t i : SelectFigures(candidates)) {
    const Candidate& c = candidates[i];
    const Match& m = *c.match;
    const std::optional<nlohmann::json> value = ValueOf(m.Text(text, "num"), m.Text(text, "mult"));
    std::optional<nlohmann::json> value_to;
    if (m.Has("num_to")) value_to = ValueOf(m.Text(text, "num_to"), m.Text(text, "mult"));
    const Span plain = view.ToPlain(c.span);
    if (!value || (m.Has("num_to") && !value_to)) {
      Diagnostic d = Diagnostic::Warning(
          "extract.quantity_unreadable",
          "quantity \"" + std::string(view.PlainText(c.span)) + "\": the number is too long", "");
      d.offset = plain.start;
      diagnostics->push_back(std::move(d));
    }
    const std::string unit = m.Has("unit_word") ? UnitOf(view.PlainText(m.Capture("unit_word")))
                                                : std::string(m.rule->Attr("unit"));
    std::optional<std::string> subject;
    if (unit == "%") {
      if (std::optional<Span> s = PercentSubject(text, c.span.start, c.span.end)) {
        subject = Lower(view.PlainText(*s));
      }
    } else if (m.Has("qual")) {
      std::string qual = Lower(view.PlainText(m.Capture("qual")));
      while (!qual.empty() && qual.front() == ' ') qual.erase(0, 1);
      if (!SameWords(qual, "ở") || unit == "nhà") subject = unit + " " + qual;
    }
    std::optional<std::string> per;
    if (m.Has("per_word")) per = Lower(view.PlainText(m.Capture("per_word")));
    if (m.Has("per_each")) per = "năm";

    Record r;
    r.type = "quantity";
    r.span = plain;
    r.rule = m.rule->id;
    r.section = SectionAt(ctx, plain.start);
    r.fields["value"] = value ? *value : nlohmann::json(nullptr);
    r.fields["value_to"] = value_to ? *value_to : nlohmann::json(nullptr);
    r.fields["unit"] = unit;
    r.fields["comparator"] = ComparatorOf(m, text);
    r.fields["per"] = per ? nlohmann::json(*per) : nlohmann::json(nullptr);
    r.fields["subject"] = subject ? nlohmann::json(*subject) : nlohmann::json(nullptr);
    records->push_back(std::move(r));
  }
}

}  // namespace vnplan
