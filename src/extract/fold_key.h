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
// Folding merges words that differ only in marks ("tại"/"tái" -> "tai"); SameWords keeps them
// apart when the text has its marks.
//
// Invalid UTF-8 is folded byte by byte as it stands (ASCII lowercased, the rest copied).
#ifndef VNPLAN_EXTRACT_FOLD_KEY_H_
#define VNPLAN_EXTRACT_FOLD_KEY_H_

#include <string>
#include <string_view>

namespace vnplan {

std::string FoldKey(std::string_view phrase);

// True when `written` (words of a document, any case, with or without diacritics) is `word` (a
// lowercase table entry with its diacritics). Written with diacritics it must match them;
// written without any (an unaccented document), it matches on the folded form. So "tái" is not
// "tại", but "tai" is both.
//   assert(SameWords("Tại", "tại") && SameWords("tai", "tại") && !SameWords("tái", "tại"));
//   assert(SameWords("SO  VỚI", "so với"));
bool SameWords(std::string_view written, std::string_view word);

// `written` read once, for asking SameWords of it against many table entries:
// WrittenWords(w).Is(k) == SameWords(w, k) for every k, but `w` is lowercased or folded only
// once instead of once per entry.
//   const WrittenWords w("Bình  quân");
//   assert(w.Is("bình quân") && !w.Is("hằng năm"));
class WrittenWords {
 public:
  explicit WrittenWords(std::string_view written);
  bool Is(std::string_view word) const;
  // True when Is(k) for some k of `words` (a table of lowercase words with their marks).
  template <typename Words>
  bool IsAnyOf(const Words& words) const {
    for (std::string_view k : words) {
      if (Is(k)) return true;
    }
    return false;
  }

 private:
  bool ascii_ = true;  // no diacritics written: compared on folded forms
  std::string key_;    // FoldKey(written) when ascii_, else written lowercased
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_FOLD_KEY_H_
