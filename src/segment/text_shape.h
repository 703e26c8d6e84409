// Internal to segment: the shape of a line of Vietnamese text, as the segmenter needs it.
//
// Fold gives a lowercase, diacritic-free copy of a text with, for every byte, the offset of the
// character of the original it came from, so that a match found in the folded copy maps back to
// exact bytes of the original:
//
//   Folded f = Fold("Số: 34/KH-UBND");
//   assert(f.text == "so: 34/kh-ubnd");
//   assert(f.src[1] == 0 && f.src[2] == 3);   // "ố" is 3 bytes
//
// FoldKey is the matching key for heading wordings: Fold, then every run of characters that are
// neither letters nor digits becomes one space, trimmed:
//
//   assert(FoldKey("I. MỤC ĐÍCH, YÊU CẦU") == "i muc dich yeu cau");
#ifndef VNPLAN_SEGMENT_TEXT_SHAPE_H_
#define VNPLAN_SEGMENT_TEXT_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::segment {

struct Folded {
  std::string text;  // lowercase, marks stripped, "đ" -> "d"; other characters kept
  // src[i]: offset in the original of folded byte i; one extra entry, src[text.size()], is the
  // original's length.
  std::vector<uint32_t> src;
};

Folded Fold(std::string_view s);
std::string FoldKey(std::string_view s);

// True when `key` (a FoldKey) starts with the words of `prefix` (also a FoldKey), whole words.
bool KeyStartsWith(std::string_view key, std::string_view prefix);
// True when `key` holds the words of `phrase` somewhere, whole words.
bool KeyContains(std::string_view key, std::string_view phrase);

// Letter case of a text: IsAllCaps when it has at least two letters and none is lowercase.
bool IsAllCaps(std::string_view s);
// `s` holds a lowercase letter.
bool HasLower(std::string_view s);
// The first letter of `s` (skipping quotes, brackets and spaces) is uppercase / lowercase.
bool StartsUpper(std::string_view s);
bool StartsLower(std::string_view s);
// Every word starts with an uppercase letter followed by lowercase ones, 2 to 6 words, letters
// only: the shape of a person's name ("Nguyễn Chí Chung").
bool IsNameShape(std::string_view s);

// "KẾ HOẠCH" -> "Kế hoạch": the first letter upper, every other letter lower.
std::string SentenceCase(std::string_view s);
// The name of an issuing body in the case Vietnamese writes it: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
// -> "Ủy ban nhân dân tỉnh Lào Cai", "BAN DÂN TỘC" -> "Ban Dân tộc", "UBND HUYỆN SÔNG MÃ" ->
// "UBND huyện Sông Mã". Text that is not all caps is returned as it is.
std::string OrganizationCase(std::string_view s);

std::string_view Trim(std::string_view s);
// Drops trailing characters in `chars` and spaces.
std::string_view TrimRight(std::string_view s, std::string_view chars);
// Number of space-separated words.
int WordCount(std::string_view s);
// Length of the run of ASCII digits at s[pos].
size_t DigitRun(std::string_view s, size_t pos);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_TEXT_SHAPE_H_
