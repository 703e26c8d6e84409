// The words around an agency's name, for the agency reader (agency.cc): the administrative level
// words ("huyện", "thị xã"), the words and verb pairs that end a name ("của", "chủ trì"), and
// how a name read from the text is tidied. Internal to src/extract.
//
//   size_t n = 0;
//   LevelWordAt("huyện Sông Mã", &n) == "huyện"        // n == 7 (bytes)
//   TidyName("PHÒNG  NỘI VỤ") == "Phòng nội vụ"
#ifndef VNPLAN_EXTRACT_AGENCY_WORDS_H_
#define VNPLAN_EXTRACT_AGENCY_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/text_words.h"

namespace vnplan::extract_internal {

// The level word at the start of `words` ("huyện Sông Mã" -> "huyện", *length its bytes), "" if
// none or when the next word makes it part of another ("Tỉnh ủy", "xã hội").
std::string LevelWordAt(std::string_view words, size_t* length);

// True when word `w` of `text` ends a name instead of continuing it: a stop word or verb pair
// ("của", "chủ trì") written in lowercase or all capitals; the strongest pairs even capitalised.
// `limit` bounds the next word looked at; `folded` when `text` has no diacritics.
bool EndsName(std::string_view text, const Word& w, size_t limit, bool folded);

// True when `a` and `b` have the same FoldKey.
bool SameFold(std::string_view a, std::string_view b);

// A level written after a head that only exists at that level tells no two bodies apart: a Sở
// or a Bộ has one level only, a Phòng belongs to a district ("huyện", "quận", "thị xã",
// "thành phố"). `suffix` is the level and place as written.
bool ImpliedLevel(std::string_view head, std::string_view suffix);

// "PHÒNG NỘI VỤ" -> "Phòng nội vụ" for names read from an all-capitals heading; text with any
// lowercase letter is returned as it is.
std::string SentenceCaseIfCapitals(std::string_view s);

// Spaces folded, dashes spaced, then SentenceCaseIfCapitals: "Truyền thông-Văn hóa" ->
// "Truyền thông - Văn hóa".
std::string TidyName(std::string_view s);

}  // namespace vnplan::extract_internal

#endif  // VNPLAN_EXTRACT_AGENCY_WORDS_H_
