// Amounts: the rules of rules/amount/ find figures of money; this file reads each figure into
// integer đồng and gives it its fund, project, year and rate.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/amount_context.h"
#include "extract/extractors.h"
#include "extract/figure_match.h"
#include "extract/fold_key.h"
#include "extract/text_words.h"
#include "extract/vn_money.h"
#include "extract/vn_number.h"
#include "extract/vn_number_words.h"

namespace vnplan {
namespace {

// Words that turn a preceding "đồng" into another word: "3 đồng chí", "2024 đồng bào", "đồng
// thời", and places ("Đồng Tháp"). Only words that stay apart from the words that follow a sum
// ("hỗ trợ", "bổ sung", "đối ứng") once an unaccented text drops its marks.
constexpr std::string_view kNotCurrencyNext[] = {"chí",  "bào",  "thời",  "loạt", "thuận", "nghiệp",
                                                 "minh", "khởi", "hương", "phục", "ruộng", "lúa",
                                                 "ý",    "tháp", "nai",   "xoài", "hỷ"};

// Figures below this many đồng with no scale word are not money ("3 đồng chí").
constexpr int64_t kMinBareDong = 1000;
constexpr size_t kMaxNumberWords = 40;

struct Figure {
  Span span;  // in the matched text
  std::optional<int64_t> vnd;
  std::string scale;
  std::string problem;  // why vnd is null
};

std::string_view Cap(const Match& m, std::string_view text, std::string_view name) {
  return m.Text(text, name);
}

// The word straight after `pos` (spaces skipped, nothing else); "" when punctuation or the end
// comes first.
std::string_view NextWord(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const Word w = WordAt(text, pos);
  if (w.span.empty() || w.span.start != pos) return "";
  return text.substr(w.span.start, w.span.size());
}

bool CurrencyIsAWord(const Match& m, std::string_view text) {
  if (FoldKey(Cap(m, text, "currency")) != "dong") return false;
  const std::string_view next = NextWord(text, m.Capture("currency").end);
  return !next.empty() && WrittenWords(next).IsAnyOf(kNotCurrencyNext);
}

std::string ScaleNameOfWord(std::string_view key) {
  if (key == "nghin" || key == "ngan") return "nghìn";
  if (key == "trieu") return "triệu";
  if (key == "ty" || key == "ti") return "tỷ";
  return "";
}

// A figure in words: the longest tail of the words that reads as a number with a scale ("trong
// năm hai triệu đồng": "năm" is the year word, "hai triệu" the figure).
std::optional<Figure> ReadWords(const Match& m, std::string_view text) {
  const Span words = m.Capture("words");
  std::vector<Span> tokens;
  auto separator = [&](size_t k) { return text[k] == ' ' || text[k] == '\n' || text[k] == ','; };
  for (size_t i = words.start; i < words.end;) {
    while (i < words.end && separator(i)) ++i;
    size_t j = i;
    while (j < words.end && !separator(j)) ++j;
    if (j > i) tokens.push_back({i, j});
    i = j;
  }
  // The longest figure in words ("chín trăm chín mươi chín nghìn ... tỷ") has under 40 words;
  // reading only the last ones keeps a wall of number words linear.
  const size_t first = tokens.size() > kMaxNumberWords ? tokens.size() - kMaxNumberWords : 0;
  for (size_t t = first; t < tokens.size(); ++t) {
    std::string scale;
    for (size_t k = t; k < tokens.size(); ++k) {
      const std::string s =
          ScaleNameOfWord(FoldKey(text.substr(tokens[k].start, tokens[k].size())));
      if (!s.empty()) scale = s;
    }
    if (scale.empty()) break;
    const std::optional<int64_t> v =
        ParseVnNumberWords(text.substr(tokens[t].start, words.end - tokens[t].start));
    if (v) return Figure{{tokens[t].start, m.Capture("amount").end}, v, scale, ""};
  }
  return std::nullopt;
}

// A figure in digits, with its scale and currency; nullopt when the match is not money.
std::optional<Figure> ReadDigits(const Match& m, std::string_view text) {
  const bool bare = !m.Has("num");
  const std::string_view num = Cap(m, text, bare ? "num_bare" : "num");
  std::string scale_words(Cap(m, text, bare ? "scale_bare" : "scale_word"));
  if (!bare) {
    scale_words += ' ';
    scale_words += Cap(m, text, "currency");
  }
  const std::optional<MoneyScale> scale = ParseMoneyScale(scale_words);
  if (!scale) return std::nullopt;
  Figure f{FigureSpan(m, {"amount", "amount_bare"}), std::nullopt, scale->name, ""};
  const std::optional<Decimal> value = ParseVnNumber(num);
  if (!value) {
    f.problem = "the number \"" + std::string(num) + "\" has more digits than a sum can hold";
    return f;
  }
  if (scale->multiplier == 1 && value->ToDouble() < kMinBareDong) return std::nullopt;
  f.vnd = ToDong(*value, *scale);
  if (!f.vnd) f.problem = "the sum is larger than an int64 of đồng";
  return f;
}

std::optional<Figure> ReadFigure(const Match& m, std::string_view text) {
  if (m.Has("currency") && CurrencyIsAWord(m, text)) return std::nullopt;
  if (m.Has("words")) return ReadWords(m, text);
  if (m.Has("num") || m.Has("num_bare")) return ReadDigits(m, text);
  return std::nullopt;
}

// "/ người / tháng" -> "người/tháng".
std::string RateOf(std::string_view rate) {
  std::string out;
  for (char c : Lower(rate)) {
    if (c == ' ' || c == '\n') continue;
    if (c == '/' && out.empty()) continue;
    out += c;
  }
  return out;
}

nlohmann::json OrNull(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

}  // namespace

void ExtractAmounts(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                    Records* records, Diagnostics* diagnostics) {
  const std::string_view text = view.DigitsRepaired();
  std::vector<Match> matches;
  rules.FindAll(text, view.folded(), &matches);

  std::vector<Candidate> candidates;
  std::vector<Figure> figures;
  for (const Match& m : matches) {
    std::optional<Figure> f = ReadFigure(m, text);
    if (!f) continue;
    candidates.push_back({&m, f->span, RulePriority(*m.rule)});
    figures.push_back(std::move(*f));
  }
  // Every candidate of one figure, best first, so that fund and project can come from any.
  std::map<std::pair<size_t, size_t>, std::vector<size_t>> same_figure;
  for (size_t i = 0; i < candidates.size(); ++i) {
    same_figure[{candidates[i].span.start, candidates[i].span.end}].push_back(i);
  }

  for (size_t i : SelectFigures(candidates)) {
    const Candidate& c = candidates[i];
    const Figure& f = figures[i];
    const Span plain = view.ToPlain(c.span);
    std::optional<std::string> fund, project, per;
    for (size_t j : same_figure[{c.span.start, c.span.end}]) {
      const Match& m = *candidates[j].match;
      if (!fund && m.Has("fund")) fund = FundName(view.PlainText(m.Capture("fund")));
      if (!project && m.Has("project_label")) {
        project = ProjectFromLabel(view.PlainText(m.Capture("project_label")));
      }
      if (!per && m.Has("rate")) per = RateOf(view.PlainText(m.Capture("rate")));
      if (!per && m.Has("rate_each")) per = Lower(view.PlainText(m.Capture("rate_each")));
    }
    if (!project) project = ctx.seg.ProjectAt(plain.start);
    const std::optional<int> year = AmountYear(text, c.span, ctx.seg, plain.start);

    Record r;
    r.type = "amount";
    r.span = plain;
    r.rule = c.match->rule->id;
    r.section = SectionAt(ctx, plain.start);
    r.fields["value_vnd"] = f.vnd ? nlohmann::json(*f.vnd) : nlohmann::json(nullptr);
    r.fields["scale"] = f.scale;
    r.fields["fund"] = OrNull(fund);
    r.fields["project"] = OrNull(project);
    r.fields["year"] = year ? nlohmann::json(*year) : nlohmann::json(nullptr);
    r.fields["per"] = OrNull(per);
    if (!f.vnd) {
      Diagnostic d = Diagnostic::Warning(
          "extract.amount_unreadable",
          "amount \"" + std::string(view.PlainText(c.span)) + "\": " + f.problem, "");
      d.offset = plain.start;
      diagnostics->push_back(std::move(d));
    }
    records->push_back(std::move(r));
  }
}

}  // namespace vnplan
