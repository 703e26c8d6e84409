// FoldKey: the lookup key of a short Vietnamese phrase, for the extract stage's word tables.
//
// Lowercases (full Unicode case folding), removes diacritics ("ỷ" -> "y", "đ" -> "d"), turns any
// run of spaces, tabs or newlines into one space and trims both ends. Accented, unaccented and
// upper-case spellings of a word share one key, so a table needs one entry per word:
//
//   assert(FoldKey("Mười  LĂM") == "muoi lam");
//   assert(FoldKey("TỶ ĐỒNG") == "ty dong");
//   assert(FoldKey("VNĐ") == "vnd");
//
// Invalid UTF-8 is folded byte by byte as it stands (ASCII lowercased, the rest copied).
#ifndef VNPLAN_EXTRACT_FOLD_KEY_H_
#define VNPLAN_EXTRACT_FOLD_KEY_H_

#include <string>
#include <string_view>

namespace vnplan {

std::string FoldKey(std::string_view phrase);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_FOLD_KEY_H_
