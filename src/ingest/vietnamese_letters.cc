#include "ingest/vietnamese_letters.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace vnplan::ingest_internal {

namespace {

// Precomposed Vietnamese letters live in two blocks: Latin-1 Supplement to Latin Extended-B
// (à, ă, đ, ơ, ư, ...) and Latin Extended Additional (ạ, ả, ấ, ...).
constexpr char32_t kLowFirst = 0x00C0;
constexpr char32_t kLowLast = 0x01B0;
constexpr char32_t kHighFirst = 0x1EA0;
constexpr char32_t kHighLast = 0x1EF9;

constexpr const char kVowels[] = "aeiouy";
constexpr int kVowelCount = 6;
constexpr int kMarkCount = 5;
constexpr int kToneCount = 6;

int VowelIndex(char base) {
  for (int i = 0; i < kVowelCount; ++i) {
    if (kVowels[i] == base) return i;
  }
  return -1;
}

// The marks each vowel takes in Vietnamese; other pairs (ĩ with a circumflex, ...) are not
// letters of the language even when Unicode has a code point for them.
bool TakesMark(char base, Mark mark) {
  switch (mark) {
    case Mark::kNone: return true;
    case Mark::kCircumflex: return base == 'a' || base == 'e' || base == 'o';
    case Mark::kBreve: return base == 'a';
    case Mark::kHorn: return base == 'o' || base == 'u';
    case Mark::kStroke: return false;
  }
  return false;
}

struct LetterTables {
  std::array<VnLetter, kLowLast - kLowFirst + 1> low{};
  std::array<VnLetter, kHighLast - kHighFirst + 1> high{};
  // compose[vowel][mark][tone][upper]
  char32_t compose[kVowelCount][kMarkCount][kToneCount][2] = {};

  LetterTables() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    if (U_FAILURE(err)) return;
    auto consider = [&](char32_t c, VnLetter* slot) {
      icu::UnicodeString d = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), err);
      if (U_FAILURE(err) || d.length() < 2) {
        err = U_ZERO_ERROR;
        return;
      }
      const UChar32 first = d.char32At(0);
      if (first >= 0x80) return;
      const bool upper = first >= 'A' && first <= 'Z';
      const char base = static_cast<char>(upper ? first + ('a' - 'A') : first);
      const int vowel = VowelIndex(base);
      if (vowel < 0) return;
      VnLetter l{base, Mark::kNone, Tone::kLevel, upper};
      for (int32_t i = d.moveIndex32(0, 1); i < d.length(); i = d.moveIndex32(i, 1)) {
        const UChar32 m = d.char32At(i);
        if (Tone t = ToneOfCombining(m); t != Tone::kLevel && l.tone == Tone::kLevel) {
          l.tone = t;
        } else if (Mark k = MarkOfCombining(m); k != Mark::kNone && l.mark == Mark::kNone) {
          l.mark = k;
        } else {
          return;
        }
      }
      if (!TakesMark(base, l.mark)) return;
      *slot = l;
      compose[vowel][static_cast<int>(l.mark)][static_cast<int>(l.tone)][upper] = c;
    };
    for (char32_t c = kLowFirst; c <= kLowLast; ++c) consider(c, &low[c - kLowFirst]);
    for (char32_t c = kHighFirst; c <= kHighLast; ++c) consider(c, &high[c - kHighFirst]);
    low[0x0110 - kLowFirst] = {'d', Mark::kStroke, Tone::kLevel, true};
    low[0x0111 - kLowFirst] = {'d', Mark::kStroke, Tone::kLevel, false};
    for (int v = 0; v < kVowelCount; ++v) {
      compose[v][0][0][0] = static_cast<char32_t>(kVowels[v]);
      compose[v][0][0][1] = static_cast<char32_t>(kVowels[v] - ('a' - 'A'));
    }
  }
};

const LetterTables& Tables() {
  static const LetterTables* const tables = new LetterTables();
  return *tables;
}

}  // namespace

VnLetter LookupVnLetter(char32_t c) {
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return {static_cast<char>(c), Mark::kNone, Tone::kLevel, false};
    if (c >= 'A' && c <= 'Z') {
      return {static_cast<char>(c + ('a' - 'A')), Mark::kNone, Tone::kLevel, true};
    }
    return {};
  }
  const LetterTables& t = Tables();
  if (c >= kLowFirst && c <= kLowLast) return t.low[c - kLowFirst];
  if (c >= kHighFirst && c <= kHighLast) return t.high[c - kHighFirst];
  return {};
}

char32_t ComposeVnLetter(char base, Mark mark, Tone tone, bool upper) {
  if (base == 'd' && mark == Mark::kStroke && tone == Tone::kLevel) {
    return upper ? 0x0110 : 0x0111;
  }
  const int vowel = VowelIndex(base);
  if (vowel < 0 || !TakesMark(base, mark)) return 0;
  return Tables().compose[vowel][static_cast<int>(mark)][static_cast<int>(tone)][upper ? 1 : 0];
}

Tone ToneOfCombining(char32_t c) {
  switch (c) {
    case 0x0301: return Tone::kAcute;
    case 0x0300: return Tone::kGrave;
    case 0x0309: return Tone::kHook;
    case 0x0303: return Tone::kTilde;
    case 0x0323: return Tone::kDot;
    default: return Tone::kLevel;
  }
}

Mark MarkOfCombining(char32_t c) {
  switch (c) {
    case 0x0302: return Mark::kCircumflex;
    case 0x0306: return Mark::kBreve;
    case 0x031B: return Mark::kHorn;
    default: return Mark::kNone;
  }
}

char32_t CombiningForTone(Tone tone) {
  switch (tone) {
    case Tone::kAcute: return 0x0301;
    case Tone::kGrave: return 0x0300;
    case Tone::kHook: return 0x0309;
    case Tone::kTilde: return 0x0303;
    case Tone::kDot: return 0x0323;
    case Tone::kLevel: break;
  }
  return 0;
}

char32_t CombiningForMark(Mark mark) {
  switch (mark) {
    case Mark::kCircumflex: return 0x0302;
    case Mark::kBreve: return 0x0306;
    case Mark::kHorn: return 0x031B;
    case Mark::kNone:
    case Mark::kStroke: break;
  }
  return 0;
}

}  // namespace vnplan::ingest_internal
