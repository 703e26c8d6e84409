// How much a decoded text looks like Vietnamese: the measure that picks an encoding. Internal to
// ingest.
//
// A wrong decoding of Vietnamese bytes shows itself in two ways: words that no Vietnamese
// syllable can spell ("Kõ", "ho¹ch", "thaùng"), and characters real text hardly holds (C1
// controls, "¸", "Ã", U+FFFD). The score counts both over the words that hold a letter or mark
// beyond ASCII; plain-ASCII words say nothing about the encoding and are not counted.
//
//   TextScore s = ScoreText("Kế hoạch năm 2024");
//   // s.words == 3, s.syllables == 3, s.improbable == 0, s.Quality() == 1.0
//   assert(IsVietnameseSyllable("nghiêng") && !IsVietnameseSyllable("ngiêng"));
#ifndef VNPLAN_INGEST_TEXT_SCORE_H_
#define VNPLAN_INGEST_TEXT_SCORE_H_

#include <cstddef>
#include <string_view>

namespace vnplan::ingest_internal {

struct TextScore {
  size_t words = 0;       // words with a letter or mark beyond ASCII (and at least one vowel)
  size_t syllables = 0;   // of those, well-formed Vietnamese syllables
  size_t improbable = 0;  // characters Vietnamese text hardly holds (see ScoreText)

  void Add(const TextScore& o) {
    words += o.words;
    syllables += o.syllables;
    improbable += o.improbable;
  }
  // How many observations the quality rests on.
  size_t evidence() const { return words + improbable; }
  // From -2 (nothing but misspelt words and junk) to 1 (every counted word a syllable, no
  // junk); 0 when there is no evidence at all.
  double Quality() const;
};

// Scores UTF-8 text. Improbable: U+FFFD, C0 controls other than tab, LF, VT, FF, CR; C1
// controls; Latin letters that are not Vietnamese (ç, ð, Š, ...); Latin-1 and Windows-1252
// symbols that Vietnamese text does not use (¸ ¹ ¾ ‡ ™ ...); combining marks that do not make a
// Vietnamese letter with the letter before them; private-use characters. Letters of other
// scripts are neither counted nor held against the text.
TextScore ScoreText(std::string_view utf8);

// True when `word` (UTF-8, any case, precomposed or with combining marks) is a well-formed
// Vietnamese syllable: onset, vowel nucleus, final consonant, at most one tone, and a stop
// final (c, ch, p, t) only with the acute or dot-below tone.
bool IsVietnameseSyllable(std::string_view word);

}  // namespace vnplan::ingest_internal

#endif  // VNPLAN_INGEST_TEXT_SCORE_H_
