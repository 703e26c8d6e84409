#include "extract/quantity_subject.h"

#include <vector>

#include <re2/re2.h>

#include "base/span.h"
#include "extract/figure_match.h"
#include "extract/fold_key.h"
#include "extract/text_words.h"

namespace vnplan {
namespace {

// Table entries are lowercase words with their marks (compared with SameWords).
constexpr std::string_view kCutBefore[] = {
    "toàn",      "theo",     "ở",        "tại",    "trên địa bàn", "giai đoạn",
    "bình quân", "hằng năm", "hàng năm", "so với", "giảm",         "tăng",
    "đạt",       "còn",      "lên",      "xuống",  "chiếm",        "duy trì",
    "phấn đấu",  "trong đó", "ở mức",    "đến năm"};
constexpr std::string_view kTrailing[] = {
    "trên",       "dưới",      "từ",        "khoảng",    "hơn",
    "là",         "gần",       "ước",       "bằng",      "vào",
    "mức",        "ít nhất",   "tối thiểu", "tối đa",    "không quá",
    "không dưới", "xấp xỉ",    "chưa đến",  "chưa tới",  "cao hơn",
    "thấp hơn",   "nhiều hơn", "ít hơn",    "trên dưới", "không vượt quá",
    "ước đạt"};
constexpr std::string_view kCutAfter[] = {"được", "có",       "là",   "đạt",  "so với", "trở",
                                          "tại",  "cho",      "dành", "từ",   "đến",    "với",
                                          "năm",  "trong đó", "trên", "dưới", "theo"};
constexpr size_t kMaxAfterWords = 10;

template <size_t N>
bool In(const std::string_view (&table)[N], std::string_view written) {
  return !written.empty() && WrittenWords(written).IsAnyOf(table);
}

// The words of text[from, to): spans, stopping at the first punctuation when `stop_at_punct`.
std::vector<Span> WordsIn(std::string_view text, size_t from, size_t to, bool stop_at_punct) {
  std::vector<Span> words;
  size_t i = from;
  while (i < to) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ') {
      ++i;
      continue;
    }
    const Word w = WordAt(text, i);
    if (w.span.empty() || w.span.start != i) {
      if (stop_at_punct) break;
      ++i;
      continue;
    }
    words.push_back({w.span.start, std::min(w.span.end, to)});
    i = w.span.end;
  }
  return words;
}

// The text of words w[i] .. w[i + n - 1], "" past the end.
std::string_view KeyOf(std::string_view text, const std::vector<Span>& w, size_t i, size_t n) {
  if (i + n > w.size()) return "";
  return text.substr(w[i].start, w[i + n - 1].end - w[i].start);
}

std::optional<Span> Phrase(const std::vector<Span>& w, size_t n) {
  if (n == 0) return std::nullopt;
  return Span{w[0].start, w[n - 1].end};
}

std::optional<Span> RatePhrase(std::string_view text, size_t clause, size_t start) {
  static const RE2 kRate(R"((?i)(?:^|[^\pL])(t(?:ỷ|ỉ|y|i)\s+l(?:ệ|e))(?:[^\pL]|$))");
  re2::StringPiece input(text.data() + clause, start - clause);
  re2::StringPiece found, last;
  while (RE2::FindAndConsume(&input, kRate, &found)) last = found;
  if (last.data() == nullptr) return std::nullopt;
  const size_t from = last.data() - text.data();
  if (text.substr(from, start - from).find('%') != std::string_view::npos) return std::nullopt;
  std::vector<Span> w = WordsIn(text, from, start, false);
  // w[0], w[1] are "tỷ lệ"; the measured thing starts at w[2], which is never cut.
  size_t n = w.size();
  for (size_t i = 3; i < w.size(); ++i) {
    const bool year = SameWords(KeyOf(text, w, i, 1), "năm") && i + 1 < w.size() &&
                      text[w[i + 1].start] >= '0' && text[w[i + 1].start] <= '9';
    if (year || In(kCutBefore, KeyOf(text, w, i, 1)) || In(kCutBefore, KeyOf(text, w, i, 2)) ||
        In(kCutBefore, KeyOf(text, w, i, 3))) {
      n = i;
      break;
    }
  }
  while (n > 2) {
    if (n >= 4 && In(kTrailing, KeyOf(text, w, n - 2, 2))) {
      n -= 2;
    } else if (In(kTrailing, KeyOf(text, w, n - 1, 1))) {
      n -= 1;
    } else {
      break;
    }
  }
  if (n <= 2) return std::nullopt;
  return Phrase(w, n);
}

std::optional<Span> FollowingPhrase(std::string_view text, size_t end) {
  const size_t line_end = LineEndAt(text, end);
  std::vector<Span> w = WordsIn(text, end, line_end, true);
  size_t n = 0;
  while (n < w.size() && n < kMaxAfterWords) {
    const char c = text[w[n].start];
    if (c >= '0' && c <= '9') break;
    if (In(kCutAfter, KeyOf(text, w, n, 1)) || In(kCutAfter, KeyOf(text, w, n, 2))) break;
    ++n;
  }
  // A phrase cut at the word limit may end mid-thought; it still names the thing counted.
  return Phrase(w, n);
}

}  // namespace

std::optional<Span> PercentSubject(std::string_view text, size_t start, size_t end) {
  size_t clause = LineStartAt(text, start);
  for (size_t i = start; i > clause; --i) {
    const char c = text[i - 1];
    if (c == ';' || c == ':' || (c == '.' && i < text.size() && text[i] == ' ')) {
      clause = i;
      break;
    }
  }
  if (auto s = RatePhrase(text, clause, start)) return s;
  return FollowingPhrase(text, end);
}

}  // namespace vnplan
