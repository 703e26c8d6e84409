// The letters of Vietnamese, taken apart: base letter, vowel mark (circumflex, breve, horn, the
// stroke of đ) and tone. Internal to ingest: the legacy decoders compose letters from these parts
// and the encoding detector checks words with them.
//
//   VnLetter l = LookupVnLetter(U'ế');   // {'e', Mark::kCircumflex, Tone::kAcute, upper=false}
//   assert(ComposeVnLetter('e', Mark::kCircumflex, Tone::kAcute, true) == U'Ế');
//   assert(ToneOfCombining(0x0323) == Tone::kDot);
#ifndef VNPLAN_INGEST_VIETNAMESE_LETTERS_H_
#define VNPLAN_INGEST_VIETNAMESE_LETTERS_H_

#include <cstdint>

namespace vnplan::ingest_internal {

enum class Mark : uint8_t { kNone, kCircumflex, kBreve, kHorn, kStroke };

// The five marked tones; kLevel is the unmarked one.
enum class Tone : uint8_t { kLevel, kAcute, kGrave, kHook, kTilde, kDot };

struct VnLetter {
  char base = 0;  // lowercase ASCII letter ('d' for đ); 0 when not a letter of Vietnamese
  Mark mark = Mark::kNone;
  Tone tone = Tone::kLevel;
  bool upper = false;
};

// Splits a letter of the Vietnamese alphabet: the ASCII letters (including f, j, w, z, which
// loanwords use), the 132 precomposed vowels and Đ/đ. Anything else has base == 0. Only NFC
// forms are recognised; combining marks are looked up with the two functions below.
VnLetter LookupVnLetter(char32_t c);

// The precomposed code point for a base vowel (a e i o u y), a mark and a tone, or for 'd' with
// Mark::kStroke. Returns 0 when Vietnamese has no such letter (e.g. 'i' with a circumflex).
char32_t ComposeVnLetter(char base, Mark mark, Tone tone, bool upper);

// The tone a combining mark stands for: U+0301 acute, U+0300 grave, U+0309 hook above,
// U+0303 tilde, U+0323 dot below (Windows-1258 writes tones this way). kLevel otherwise.
Tone ToneOfCombining(char32_t c);

// The vowel mark a combining character stands for: U+0302 circumflex, U+0306 breve, U+031B
// horn. Mark::kNone otherwise.
Mark MarkOfCombining(char32_t c);

// The combining character for a tone (kLevel: 0) or a vowel mark (kNone, kStroke: 0).
char32_t CombiningForTone(Tone tone);
char32_t CombiningForMark(Mark mark);

}  // namespace vnplan::ingest_internal

#endif  // VNPLAN_INGEST_VIETNAMESE_LETTERS_H_
