#include "extract/citation_tail.h"

#include <algorithm>
#include <string>

#include <re2/re2.h>

#include "base/utf8.h"
#include "normalize/normalize.h"

namespace vnplan {

namespace {

// One pattern written with diacritics, compiled for the normalized text and, folded, for the
// diacritic-free view. Case rules are inside the pattern, so "tại" (a boundary) and "Tài" (of
// "Sở Tài chính") stay apart in the folded view as long as the writer used capitals.
class DualRegex {
 public:
  explicit DualRegex(std::string_view pattern)
      : plain_(std::string(pattern), Options()), folded_(FoldDiacritics(pattern).text, Options()) {}
  const re2::RE2& get(bool folded) const { return folded ? folded_ : plain_; }

 private:
  static re2::RE2::Options Options() {
    re2::RE2::Options o;
    o.set_log_errors(false);
    return o;
  }
  re2::RE2 plain_;
  re2::RE2 folded_;
};

constexpr char kLead[] = R"(\s*[,:]?\s*)";
constexpr char kTitleVerbs[] =
    "phê duyệt|ban hành|quy định|hướng dẫn|thực hiện|triển khai|sửa đổi|bãi bỏ|thành lập|"
    "kiện toàn|phân bổ|giao";

const DualRegex& DateDigits() {
  static const DualRegex r(std::string(kLead) +
                           R"((?i:(?:ban hành|ký)\s+)?(?i:ngày)\s*(\d{1,2})\s*[/.-]\s*)"
                           R"((\d{1,2})\s*[/.-]\s*(\d{4}))");
  return r;
}
const DualRegex& DateWords() {
  static const DualRegex r(std::string(kLead) +
                           R"((?i:(?:ban hành|ký)\s+)?(?i:ngày)\s*(\d{1,2})\s+(?i:tháng)\s*)"
                           R"((\d{1,2})\s*,?\s*(?i:năm)\s*(\d{4}))");
  return r;
}
const DualRegex& YearAlone() {
  static const DualRegex r(std::string(kLead) + R"((?i:năm)\s+(\d{4}))");
  return r;
}
const DualRegex& IssuerLead() {
  static const DualRegex r(std::string(kLead) + R"((?i:của)\s+)");
  return r;
}
const DualRegex& TitleLead() {
  static const DualRegex r(std::string(kLead) + R"((?i:(về việc|v/v|về)\s+|()" + kTitleVerbs +
                           R"()\s+))");
  return r;
}
// Where an issuer stops: a title verb (any case), a lowercase joining word, punctuation.
const DualRegex& IssuerEnd() {
  static const DualRegex r(std::string(R"(\s(?i:về việc|)") + kTitleVerbs +
                           R"()\s|\s(?:về|tại|ngày|năm|theo|nhằm|để|đã|đối với|trong|với|)"
                           R"(và các|cho)\s)"
                           R"(|\svà\s+\p{Ll})"
                           R"(|[,;():"]|\n[^\p{Ll}]|\.\s|\.$)");
  return r;
}
// Where a title stops. Matched with an end short of the text, so "$" is the text's own end.
const DualRegex& TitleEnd() {
  static const DualRegex r(
      R"(;|\n[^\p{Ll}]|:\s|[^\p{Lu}]\.\s+\p{Lu}|\.\s*$|\s\((?i:sau đây)|)"
      R"(,\s+(?:UBND|HĐND|Ủy ban|Hội đồng|Sở|Phòng|Ban|Chủ tịch|các sở|các cơ quan)\s)");
  return r;
}
// The Government and the Prime Minister are whole names: a lowercase word after them starts
// something else, as in "của Chính phủ chuẩn nghèo đa chiều ..." where the writer left out
// "quy định". Group 1 is the name, group 2 the next word ("nước" goes on: "Chính phủ nước Cộng
// hòa ...").
const DualRegex& WholeIssuer() {
  static const DualRegex r(R"(((?:Thủ tướng\s+)?Chính\s+phủ)\s+(\p{Ll}+))");
  return r;
}
const DualRegex& IssuerThenTai() {
  static const DualRegex r(R"((?i:của)\s+([^,;()\n]{2,120}?)\s+(?i:tại)\s*$)");
  return r;
}
const DualRegex& LegalBasisOpening() {
  static const DualRegex r(R"(\s*[-+*•]?\s*(?:Căn cứ|CĂN CỨ|Thực hiện|THỰC HIỆN)\s)");
  return r;
}
const DualRegex& ListSeparator() {
  static const DualRegex r(R"(\s*([,;]|(?i:và các|và tại|và|hoặc|cùng))\s*$)");
  return r;
}

const DualRegex& Lowercase() {
  static const DualRegex r(R"(\p{Ll})");
  return r;
}
// A line that ends on one of these words is cut inside a reference.
const DualRegex& HangingWord() {
  static const DualRegex r(R"((?:\s(?i:ngày|số|tháng|năm|của|về|và|tại)|[-/])[ ]*$)");
  return r;
}

bool Consume(const DualRegex& re, bool folded, std::string_view text, size_t pos, size_t limit,
             re2::StringPiece* groups, int n) {
  return re.get(folded).Match(text, pos, limit, re2::RE2::ANCHOR_START, groups, n);
}

size_t Offset(std::string_view text, const re2::StringPiece& p) { return p.data() - text.data(); }

// Trims spaces and stray punctuation from both ends of a span.
Span Trim(std::string_view text, Span s) {
  auto junk = [](char c) { return c == ' ' || c == ',' || c == ':' || c == '\n' || c == '"'; };
  while (s.start < s.end && junk(text[s.start])) ++s.start;
  while (s.end > s.start && (junk(text[s.end - 1]) || text[s.end - 1] == '.')) --s.end;
  return s;
}

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace

CitationTail ParseCitationTail(std::string_view text, bool folded, size_t start, size_t limit,
                               bool year_alone) {
  CitationTail tail;
  tail.end = start;
  limit = std::min(limit, text.size());
  size_t pos = start;
  bool have_date = false;
  while (pos < limit) {
    re2::StringPiece g[4];
    if (!have_date && (Consume(DateDigits(), folded, text, pos, limit, g, 4) ||
                       Consume(DateWords(), folded, text, pos, limit, g, 4))) {
      tail.day = std::string(g[1]);
      tail.month = std::string(g[2]);
      tail.year = std::string(g[3]);
      pos = Offset(text, g[0]) + g[0].size();
      have_date = true;
    } else if (!have_date && year_alone && pos == start &&
               Consume(YearAlone(), folded, text, pos, limit, g, 2)) {
      tail.year = std::string(g[1]);
      pos = Offset(text, g[0]) + g[0].size();
      have_date = true;
    } else if (!tail.issuer && Consume(IssuerLead(), folded, text, pos, limit, g, 1)) {
      const size_t from = Offset(text, g[0]) + g[0].size();
      re2::StringPiece stop;
      size_t to = limit;
      if (IssuerEnd().get(folded).Match(text, from, limit, re2::RE2::UNANCHORED, &stop, 1)) {
        to = Offset(text, stop);
      }
      re2::StringPiece whole[3];
      if (WholeIssuer().get(folded).Match(text, from, to, re2::RE2::ANCHOR_START, whole, 3) &&
          whole[2] != (folded ? "nuoc" : "nước")) {
        to = Offset(text, whole[1]) + whole[1].size();
      }
      const Span issuer = Trim(text, {from, to});
      if (issuer.empty() || Words(text.substr(issuer.start, issuer.size())) > 16) break;
      tail.issuer = issuer;
      pos = issuer.end;
    } else if (!tail.title && Consume(TitleLead(), folded, text, pos, limit, g, 3)) {
      // "về"/"về việc" are dropped; a title verb stays part of the title.
      const size_t from =
          g[2].data() != nullptr ? Offset(text, g[2]) : Offset(text, g[0]) + g[0].size();
      re2::StringPiece stop;
      size_t to = limit;
      if (TitleEnd().get(folded).Match(text, from, limit, re2::RE2::UNANCHORED, &stop, 1)) {
        // A sentence end matches from the character before its full stop, which stays.
        const size_t dot = std::string_view(stop.data(), stop.size()).find('.');
        to = Offset(text, stop) + (dot == std::string_view::npos ? 0 : dot);
      }
      const Span title = Trim(text, {from, to});
      if (title.empty()) break;
      tail.title = title;
      pos = title.end;
      break;  // nothing of the citation follows its title
    } else {
      break;
    }
    tail.end = pos;
  }
  if (tail.title) tail.end = tail.title->end;
  return tail;
}

size_t ClauseEnd(std::string_view text, bool folded, size_t from, size_t max_len) {
  // Never inside a character: a tail cut there gave a record whose span emit refuses, and that
  // stopped the whole batch (found by fuzzing: tests/regressions/extract-tail-cut-in-a-character).
  const size_t stop = Utf8CharStart(text, std::min(text.size(), from + max_len), from);
  // Looked for before `stop` only: in a paragraph with no ';' or line break, searching the whole
  // rest of the text for each citation made 20,000 citations in one paragraph take 30 s.
  const std::string_view reach = text.substr(0, stop);
  for (size_t at = reach.find_first_of(";\n", from); at < stop;
       at = reach.find_first_of(";\n", at + 1)) {
    if (text[at] == ';') return at;
    const std::string_view line = text.substr(0, at);
    const bool goes_on = Lowercase().get(folded).Match(text, at + 1, text.size(),
                                                       re2::RE2::ANCHOR_START, nullptr, 0) ||
                         HangingWord().get(folded).Match(line, at > 16 ? at - 16 : 0, at,
                                                         re2::RE2::UNANCHORED, nullptr, 0);
    if (!goes_on) return at;
  }
  return stop;
}

std::optional<Span> IssuerBefore(std::string_view text, bool folded, size_t head_start) {
  size_t from = head_start > 200 ? head_start - 200 : 0;
  const size_t clause = text.substr(0, head_start).find_last_of(";\n");
  if (clause != std::string_view::npos && clause + 1 > from) from = clause + 1;
  // Matched on the text cut at the head, so that "$" means "just before the head".
  const std::string_view before = text.substr(0, head_start);
  re2::StringPiece g[2];
  if (!IssuerThenTai().get(folded).Match(before, from, before.size(), re2::RE2::UNANCHORED, g, 2)) {
    return std::nullopt;
  }
  const size_t s = Offset(text, g[1]);
  const Span issuer = Trim(text, {s, s + g[1].size()});
  if (issuer.empty() || Words(text.substr(issuer.start, issuer.size())) > 16) return std::nullopt;
  return issuer;
}

bool OpensWithLegalBasis(std::string_view text, bool folded, size_t offset) {
  const size_t nl = text.substr(0, offset).rfind('\n');
  const size_t line = nl == std::string_view::npos ? 0 : nl + 1;
  return LegalBasisOpening().get(folded).Match(text, line, std::min(text.size(), line + 40),
                                               re2::RE2::ANCHOR_START, nullptr, 0);
}

std::optional<size_t> ListSeparatorBefore(std::string_view text, bool folded, size_t at) {
  const size_t from = at > 16 ? at - 16 : 0;
  const std::string_view before = text.substr(0, at);
  re2::StringPiece g[2];
  if (!ListSeparator().get(folded).Match(before, from, at, re2::RE2::UNANCHORED, g, 2)) {
    return std::nullopt;
  }
  // A word separator must stand alone: "và" yes, "Hà Nội và" yes, "qua" (ends in "a") no.
  const size_t sep = Offset(text, g[1]);
  if (sep > 0 && text[sep] != ',' && text[sep] != ';' && text[sep - 1] != ' ') {
    return std::nullopt;
  }
  return sep;
}

}  // namespace vnplan
