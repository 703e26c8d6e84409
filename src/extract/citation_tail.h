// What a Vietnamese citation says after its head ("Quyết định số 90/QĐ-TTg"): the date, the
// issuer and the title, in whatever order the writer chose, each at most once.
//
//   "..., ngày 18/01/2022 của Thủ tướng Chính phủ về phê duyệt Chương trình X;"
//     date {"18","01","2022"}   issuer "Thủ tướng Chính phủ"   title "phê duyệt Chương trình X"
//   " của UBND tỉnh Sơn La ngày 24 tháng 5 năm 2019 về việc giao dự toán"
//     date {"24","5","2019"}    issuer "UBND tỉnh Sơn La"      title "giao dự toán"
//   " năm 2015"  (a law by name)  date {"", "", "2015"} when `year_alone` is allowed
//
// The title keeps its verb ("phê duyệt ...", "ban hành ...", "thực hiện ...") but not "về" or
// "về việc". An issuer ends before a title verb, "về", "tại", "ngày", "cho" ("của Thủ tướng
// Chính phủ cho phù hợp ..."), "và" before a lowercase word ("Chính phủ và hướng dẫn ..."; "Bộ
// Lao động - Thương binh và Xã hội" stays whole), a comma or the clause end, and "Chính phủ" and
// "Thủ tướng Chính phủ" before any other lowercase word but "nước"; a title ends at ';',
// ": ", a line end, a sentence end (". " before a capital, not after an abbreviation such as
// "TP."), "(sau đây ..." or ", UBND ..." where a new clause starts, and never runs past `limit`.
//
// Each function works on the text the rules matched: the normalized text, or its folded view when
// `folded` (the patterns are written with diacritics and folded once for that view). Spans are
// offsets in that text.
#ifndef VNPLAN_EXTRACT_CITATION_TAIL_H_
#define VNPLAN_EXTRACT_CITATION_TAIL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/span.h"

namespace vnplan {

struct CitationTail {
  // The date as written, parts "" when absent; all empty when there is no date.
  std::string day, month, year;
  std::optional<Span> issuer;
  std::optional<Span> title;
  size_t end = 0;  // where the last part read ends (== start when nothing was read)
};

// Reads the tail from `start` up to `limit`. `year_alone`: accept "năm 2015" as the date (laws
// and the constitution cited by name).
CitationTail ParseCitationTail(std::string_view text, bool folded, size_t start, size_t limit,
                               bool year_alone);

// Where the clause holding `from` ends: the next ';', or the next line break unless the line
// goes on (the next line starts with a lowercase letter, or this one ends on "ngày", "số",
// "tháng", "năm", "của", "về", "và", "tại", '-' or '/': a reference broken across lines), at most
// `max_len` bytes on (fewer, so as to end between two characters).
//   std::string_view t = "Quyết định số 5/QĐ-UBND ngày\n3/4/2020 của tỉnh;\nII. NHIỆM VỤ";
//   ClauseEnd(t, false, 0, 600) == t.find(';')
size_t ClauseEnd(std::string_view text, bool folded, size_t from, size_t max_len);

// The issuer named before the head, as in "của UBND tỉnh tại Tờ trình số 45/TTr-UBND": looks
// back from `head_start` within the clause; nullopt when the text there is not "của X tại ".
std::optional<Span> IssuerBefore(std::string_view text, bool folded, size_t head_start);

// True when the paragraph holding `offset` opens with "Căn cứ" or "Thực hiện" (capitalized, as a
// sentence starts; "thực hiện theo" inside a sentence does not count).
bool OpensWithLegalBasis(std::string_view text, bool folded, size_t offset);

// When the text just before `at` (spaces skipped) ends with a list separator — ',', ';', "và",
// "hoặc", "và các", "cùng" — where that separator starts; a citation starting at `at` is then a
// sibling of the one before it, not part of its title. nullopt otherwise.
//   ListSeparatorBefore("A và Quyết định", false, 5) == 1
std::optional<size_t> ListSeparatorBefore(std::string_view text, bool folded, size_t at);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_CITATION_TAIL_H_
