// Unicode NFC with ICU, recording what changed in an OffsetMap.
//
// Most input is already NFC (precomposed Vietnamese letters), so callers check first and skip
// the copy:
//
//   if (!IsNfc(text)) {
//     OffsetMap m;
//     std::string nfc = ToNfc(text, &m);   // "a\u0300" -> "à"; m maps "à" back to both bytes
//   }
#ifndef VNPLAN_NORMALIZE_NFC_H_
#define VNPLAN_NORMALIZE_NFC_H_

#include <string>
#include <string_view>

#include "base/offset_map.h"

namespace vnplan::normalize_internal {

// True when `utf8` is in NFC: a byte scan first, which settles text made only of code points
// that are NFC whatever surrounds them (see IsNfcInert), then ICU's check for the rest.
// Ill-formed bytes do not count against it (the line cleaner replaces them).
bool IsNfc(std::string_view utf8);

// True for the code points the scan accepts without asking ICU: below U+0300, Latin Extended
// Additional (U+1E00..U+1EFF, the precomposed Vietnamese letters), U+2002..U+206F (spaces, dashes,
// quotes), U+20A0..U+20BF (currency signs, "₫"). Each has NFC_Quick_Check=Yes and combining class
// 0, so any string of them is NFC.
bool IsNfcInert(char32_t cp);

// The NFC form of `utf8`; *map gets offsets in the result -> offsets in `utf8`, one run per
// changed character so that spans stay tight. If ICU fails (it should not on valid input), the
// text is returned unchanged with an identity map.
std::string ToNfc(std::string_view utf8, OffsetMap* map);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_NFC_H_
