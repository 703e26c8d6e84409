// Words of Vietnamese text for the hand-written readers of src/extract (agencies, duties): where
// a word starts and ends, whether it is capitalised, its lowercase form. A word is a run of
// letters (Latin, with any Vietnamese marks) and digits; everything else separates words.
//
//   Word w = WordAt("  Sở Y tế", 0);     // w.span == {2, 5}, w.capital == true
//   NextWord("- (Phòng", 0).span          // {3, 9}: punctuation skipped
//   Lower("ĐỀ NGHỊ") == "đề nghị"
#ifndef VNPLAN_EXTRACT_TEXT_WORDS_H_
#define VNPLAN_EXTRACT_TEXT_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/span.h"

namespace vnplan {

struct Word {
  Span span;               // empty when there is no word
  bool capital = false;    // starts with an upper-case letter
  bool has_digit = false;  // holds a digit
};

// True for letters (ASCII and marked Latin, not punctuation or symbols) and ASCII digits.
bool IsWordChar(char32_t cp);
// The word at `pos` once spaces are skipped; an empty span when something else is there.
Word WordAt(std::string_view text, size_t pos);
// The first word at or after `pos`, whatever lies between; an empty span when none.
Word NextWord(std::string_view text, size_t pos);
// No word character just before / at `pos`.
bool IsWordStart(std::string_view text, size_t pos);
bool IsWordEnd(std::string_view text, size_t pos);
// Unicode lowercase.
std::string Lower(std::string_view s);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_TEXT_WORDS_H_
