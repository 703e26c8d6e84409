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

// True when `utf8` is in NFC (an ASCII scan first, then ICU's check). Ill-formed UTF-8 counts as
// not normalized.
bool IsNfc(std::string_view utf8);

// The NFC form of `utf8`; *map gets offsets in the result -> offsets in `utf8`, one run per
// changed character so that spans stay tight. If ICU fails (it should not on valid input), the
// text is returned unchanged with an identity map.
std::string ToNfc(std::string_view utf8, OffsetMap* map);

}  // namespace vnplan::normalize_internal

#endif  // VNPLAN_NORMALIZE_NFC_H_
