#include "extract/amount_context.h"

#include <algorithm>
#include <array>
#include <vector>

#include <re2/re2.h>

#include "extract/figure_match.h"
#include "extract/fold_key.h"
#include "extract/text_words.h"

namespace vnplan {
namespace {

struct Abbreviation {
  std::string_view key;  // FoldKey of the label
  std::string_view name;
};

constexpr std::array<Abbreviation, 4> kFundAbbreviations = {{
    {"nstw", "ngân sách trung ương"},
    {"ngan sach tw", "ngân sách trung ương"},
    {"nsdp", "ngân sách địa phương"},
    {"nsnn", "ngân sách nhà nước"},
}};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The kind of list item a line is: "-", "+", "*", "•", "a)", "1.", "1)", or "" for none.
std::string ListMarker(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size()) return "";
  if (line.substr(i).starts_with("•")) return "•";
  const char c = line[i];
  if (c == '-' || c == '+' || c == '*') return std::string(1, c);
  size_t j = i;
  while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
  if (j > i && j < line.size() && (line[j] == '.' || line[j] == ')')) {
    return std::string("1") + line[j];
  }
  if (c >= 'a' && c <= 'z' && i + 1 < line.size() && line[i + 1] == ')') return "a)";
  return "";
}

std::optional<int> LastYearIn(std::string_view text) {
  std::vector<YearMention> years = YearMentions(text);
  if (years.empty()) return std::nullopt;
  return years.back().year;
}

}  // namespace

std::vector<YearMention> YearMentions(std::string_view text) {
  static const RE2 kYear(
      R"((?i)(?:^|[^\pL])(?:năm|nam)\s+((?:19|20)\d{2})(\s*-\s*(?:19|20)\d{2})?)");
  std::vector<YearMention> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece year, range;
  while (RE2::FindAndConsume(&input, kYear, &year, &range)) {
    if (!range.empty()) continue;
    out.push_back(
        {static_cast<size_t>(year.data() - text.data()),
         (year[0] - '0') * 1000 + (year[1] - '0') * 100 + (year[2] - '0') * 10 + (year[3] - '0')});
  }
  return out;
}

std::string FundName(std::string_view label) {
  const std::string key = FoldKey(label);
  for (const Abbreviation& a : kFundAbbreviations) {
    if (key == a.key) return std::string(a.name);
  }
  std::string name = Lower(label);
  // Collapse the spaces of a label cut across lines.
  std::string tidy;
  for (char c : name) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
    tidy += c;
  }
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  const std::string folded = FoldKey(tidy);
  if (StartsWith(folded, "von ngan sach") || StartsWith(folded, "von xa hoi hoa") ||
      StartsWith(folded, "nguon ")) {
    tidy = tidy.substr(tidy.find(' ') + 1);
  }
  return tidy;
}

std::optional<std::string> ProjectFromLabel(std::string_view label) {
  const std::string key = FoldKey(label);
  std::vector<int> numbers;
  for (size_t i = 0; i < key.size();) {
    if (key[i] < '0' || key[i] > '9') {
      ++i;
      continue;
    }
    int v = 0;
    while (i < key.size() && key[i] >= '0' && key[i] <= '9')
      v = std::min(v * 10 + (key[i++] - '0'), 1000);
    numbers.push_back(v);
  }
  if (numbers.empty()) return std::nullopt;
  std::string id = "du_an_" + std::to_string(numbers.back());
  if (StartsWith(key, "tieu") && numbers.size() >= 2) {
    id += ".tieu_du_an_" + std::to_string(numbers.front());
  }
  return id;
}

std::optional<int> AmountYear(std::string_view text, Span figure, const Segmented& seg,
                              size_t plain_offset) {
  const size_t line_start = LineStartAt(text, figure.start);
  if (auto y = LastYearIn(text.substr(line_start, figure.start - line_start))) return y;

  const std::string marker =
      ListMarker(text.substr(line_start, LineEndAt(text, line_start) - line_start));
  if (!marker.empty()) {
    size_t start = line_start;
    for (int steps = 0; start > 0 && steps < 40; ++steps) {
      const size_t prev = LineStartAt(text, start - 1);
      const std::string_view line = text.substr(prev, start - 1 - prev);
      start = prev;
      if (ListMarker(line) == marker) continue;
      if (auto y = LastYearIn(line)) return y;
      break;
    }
  }

  const size_t line_end = LineEndAt(text, figure.end);
  size_t clause_end = line_end;
  for (size_t i = figure.end; i < line_end; ++i) {
    if (text[i] == ';' || (text[i] == '.' && (i + 1 == line_end || text[i + 1] == ' '))) {
      clause_end = i;
      break;
    }
  }
  std::vector<YearMention> after = YearMentions(text.substr(figure.end, clause_end - figure.end));
  if (!after.empty()) return after.front().year;

  for (const Section* s = seg.Innermost(plain_offset); s != nullptr;) {
    if (auto y = LastYearIn(s->heading)) return y;
    // The parent is the nearest section before s with that id (sections are in pre-order, ids
    // unique): walking back stops there instead of scanning every section for every figure,
    // which made a document with tens of thousands of sections and figures quadratic.
    const Section* parent = nullptr;
    if (!s->parent.empty()) {
      for (const Section* p = s; p != seg.sections.data();) {
        if ((--p)->id == s->parent) {
          parent = p;
          break;
        }
      }
    }
    s = parent;
  }
  return std::nullopt;
}

}  // namespace vnplan
