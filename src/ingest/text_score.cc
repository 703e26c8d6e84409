#include "ingest/text_score.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/uchar.h>

#include "base/utf8.h"
#include "ingest/vietnamese_letters.h"

namespace vnplan::ingest_internal {

namespace {

struct Letter {
  char base;  // lowercase ASCII letter, 'd' with Mark::kStroke for đ
  Mark mark;
  Tone tone;
};

bool IsVowel(char base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

// Longest first, so that "ngh" is tried before "ng" and "g"; every match is tried in turn.
constexpr std::string_view kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
                                        "qu",  "b",  "c",  "d",  "đ",  "g",  "h",  "k",  "l",  "m",
                                        "n",   "p",  "r",  "s",  "t",  "v",  "x",  ""};
constexpr std::string_view kCodas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};

// Vowel nuclei and whether they stand with no final consonant (open) and with one (closed).
struct Nucleus {
  std::string_view text;
  bool open;
  bool closed;
};
constexpr Nucleus kNuclei[] = {
    {"a", true, true},    {"ă", false, true},   {"â", false, true},   {"e", true, true},
    {"ê", true, true},    {"i", true, true},    {"y", true, true},    {"o", true, true},
    {"ô", true, true},    {"ơ", true, true},    {"u", true, true},    {"ư", true, true},
    {"iê", false, true},  {"yê", false, true},  {"uô", false, true},  {"ươ", false, true},
    {"oa", true, true},   {"oă", false, true},  {"oe", true, true},   {"oo", false, true},
    {"uâ", false, true},  {"uê", true, true},   {"uơ", true, false},  {"uy", true, true},
    {"uyê", false, true}, {"ai", true, false},  {"ao", true, false},  {"au", true, false},
    {"ay", true, false},  {"âu", true, false},  {"ây", true, false},  {"eo", true, false},
    {"êu", true, false},  {"ia", true, false},  {"iu", true, false},  {"oi", true, false},
    {"ôi", true, false},  {"ơi", true, false},  {"ui", true, false},  {"ưi", true, false},
    {"ưu", true, false},  {"ua", true, false},  {"ưa", true, false},  {"iêu", true, false},
    {"yêu", true, false}, {"oai", true, false}, {"oay", true, false}, {"oao", true, false},
    {"oeo", true, false}, {"uây", true, false}, {"uôi", true, false}, {"ươi", true, false},
    {"ươu", true, false}, {"uya", true, false}, {"uyu", true, false},
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// k, gh and ngh come before the front vowels only; c, g (not gi) and ng never do.
bool OnsetFits(std::string_view onset, std::string_view rest) {
  const bool front = StartsWith(rest, "i") || StartsWith(rest, "e") || StartsWith(rest, "ê") ||
                     StartsWith(rest, "y");
  if (onset == "k" || onset == "gh" || onset == "ngh") return front;
  if (onset == "c" || onset == "ng") return !front;
  return true;
}

bool IsStopCoda(std::string_view coda) {
  return coda == "c" || coda == "ch" || coda == "p" || coda == "t";
}

const Nucleus* FindNucleus(std::string_view text) {
  // Built once: the table is small, but a syllable check tries several splits per word.
  static const auto* const index = [] {
    auto* m = new std::unordered_map<std::string_view, const Nucleus*>();
    for (const Nucleus& n : kNuclei) m->emplace(n.text, &n);
    return m;
  }();
  auto it = index->find(text);
  return it == index->end() ? nullptr : it->second;
}

bool CheckToneless(std::string_view s, Tone tone) {
  for (std::string_view onset : kOnsets) {
    if (!StartsWith(s, onset)) continue;
    const std::string_view rest = s.substr(onset.size());
    if (!OnsetFits(onset, rest)) continue;
    for (std::string_view coda : kCodas) {
      if (!EndsWith(rest, coda) || rest.size() == coda.size()) continue;
      const Nucleus* n = FindNucleus(rest.substr(0, rest.size() - coda.size()));
      if (n == nullptr || !(coda.empty() ? n->open : n->closed)) continue;
      if (IsStopCoda(coda) && tone != Tone::kAcute && tone != Tone::kDot) continue;
      return true;
    }
  }
  return false;
}

// Text repeats its syllables, so the parse of each (toneless spelling, tone) is kept, keyed by
// the letters packed into an integer (Pack): no string is built for a word already seen.
using SyllableCache = std::unordered_map<uint64_t, bool>;

// Syllables already checked, kept per thread from one text to the next: Vietnamese has a few
// thousand syllables, so after the first documents nearly every word is a lookup. Emptied when
// it grows past kMaxCachedSyllables (a text of non-words), so that it stays small.
constexpr size_t kMaxCachedSyllables = 50000;
SyllableCache& ThreadSyllableCache() {
  thread_local SyllableCache cache;
  if (cache.size() > kMaxCachedSyllables) cache.clear();
  return cache;
}

// The longest syllable has seven letters ("nghiêng"); a longer word is checked without the cache.
constexpr size_t kMaxPackedLetters = 7;

// Letters (base and mark, a byte each), their count and the tone in one integer.
uint64_t Pack(const std::vector<Letter>& letters, Tone tone) {
  uint64_t key = static_cast<uint64_t>(letters.size()) << 56 |
                 static_cast<uint64_t>(static_cast<int>(tone)) << 60;
  for (size_t i = 0; i < letters.size(); ++i) {
    const uint64_t byte = static_cast<uint64_t>(letters[i].base - 'a') << 3 |
                          static_cast<uint64_t>(static_cast<int>(letters[i].mark));
    key |= byte << (8 * i);
  }
  return key;
}

bool ValidLetters(const std::vector<Letter>& letters, SyllableCache* cache) {
  Tone tone = Tone::kLevel;
  for (const Letter& l : letters) {
    if (l.tone != Tone::kLevel) {
      if (tone != Tone::kLevel || !IsVowel(l.base)) return false;
      tone = l.tone;
    }
  }
  auto check = [&] {
    std::string toneless;
    for (const Letter& l : letters) {
      if (l.mark == Mark::kNone) {
        toneless.push_back(l.base);
      } else {
        AppendUtf8(&toneless, ComposeVnLetter(l.base, l.mark, Tone::kLevel, false));
      }
    }
    return CheckToneless(toneless, tone);
  };
  if (cache == nullptr || letters.size() > kMaxPackedLetters) return check();
  auto [it, inserted] = cache->try_emplace(Pack(letters, tone), false);
  if (inserted) it->second = check();
  return it->second;
}

bool IsPlausibleSymbol(char32_t c) {
  switch (c) {
    case 0x00A0:  // no-break space
    case 0x00A7:  // §
    case 0x00A9:  // ©
    case 0x00AB:  // «
    case 0x00AE:  // ®
    case 0x00B0:  // °
    case 0x00B1:  // ±
    case 0x00B2:  // ² (km²)
    case 0x00B3:  // ³ (m³)
    case 0x00B7:  // ·
    case 0x00BB:  // »
      return true;
    default: return false;
  }
}

// Symbols and controls (not letters) that mark a wrong decoding.
bool IsImprobableSymbol(char32_t c) {
  if (c < 0x20) return !(c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r');
  if (c < 0x80) return false;
  if (c < 0xA0) return true;                    // C1 controls
  if (c < 0x250) return !IsPlausibleSymbol(c);  // Latin-1 and Latin Extended symbols
  if (c >= 0x2B0 && c < 0x300) return true;     // spacing modifier letters: ˆ ˜
  switch (c) {
    case 0x201A:
    case 0x201E:
    case 0x2020:
    case 0x2021:
    case 0x2030:
    case 0x2039:
    case 0x203A:
    case 0x2122:
    case 0xFFFD: return true;
    default: break;
  }
  return c >= 0xE000 && c <= 0xF8FF;  // private use
}

// Marks that may end a word with no space: closing quotes, dashes, ellipsis, degrees, ...
bool IsPunctuation(char32_t c) {
  return IsPlausibleSymbol(c) || (c >= 0x2000 && c <= 0x206F) || c == 0x20AC;
}

bool IsLatinBlock(char32_t c) { return (c >= 0x80 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00); }

// Splits text into words and scores them as it goes.
class Scorer {
 public:
  void Feed(char32_t c) {
    if (c < 0x80) {  // most of any text: what follows, without its lookups
      const char lower = static_cast<char>(c | 0x20);
      if (lower >= 'a' && lower <= 'z') {
        if (other_script_) MixedScripts();
        other_script_ = false;
        letters_.push_back({lower, Mark::kNone, Tone::kLevel});
        return;
      }
      EndWord();
      other_script_ = false;
      if (IsImprobableSymbol(c)) ++score_.improbable;
      return;
    }
    if (c >= 0x0300 && c <= 0x036F) {
      Combining(c);
      return;
    }
    const VnLetter l = LookupVnLetter(c);
    if (l.base != 0) {
      if (other_script_) MixedScripts();
      other_script_ = false;
      letters_.push_back({l.base, l.mark, l.tone});
      if (c >= 0x80) non_ascii_ = true;
      return;
    }
    if (c >= 0x80 && u_isalpha(static_cast<UChar32>(c))) {
      if (IsLatinBlock(c)) {
        ++score_.improbable;
        foreign_ = true;
        non_ascii_ = true;
        return;
      }
      // Another script is neither counted nor held against the text, unless it sits inside a
      // Latin word: legacy bytes read as UTF-8 make such words ("ng߶i" from VISCII).
      if (!letters_.empty()) MixedScripts();
      other_script_ = true;
      return;
    }
    if (c >= 0x80 && !letters_.empty() && !IsPunctuation(c)) {
      // A symbol glued to a Latin word is as telling as a letter of another script there.
      MixedScripts();
      other_script_ = true;
      return;
    }
    EndWord();
    other_script_ = false;
    if (IsImprobableSymbol(c)) ++score_.improbable;
  }

  TextScore Finish() {
    EndWord();
    return score_;
  }

 private:
  void Combining(char32_t c) {
    non_ascii_ = true;
    if (letters_.empty() || foreign_) {
      ++score_.improbable;
      foreign_ = !letters_.empty();
      return;
    }
    Letter& last = letters_.back();
    const Tone tone = ToneOfCombining(c);
    const Mark mark = MarkOfCombining(c);
    if (tone != Tone::kLevel && IsVowel(last.base) && last.tone == Tone::kLevel) {
      last.tone = tone;
    } else if (mark != Mark::kNone && last.mark == Mark::kNone &&
               ComposeVnLetter(last.base, mark, Tone::kLevel, false) != 0) {
      last.mark = mark;
    } else {
      ++score_.improbable;
      foreign_ = true;
    }
  }

  void MixedScripts() {
    ++score_.improbable;
    foreign_ = true;
    non_ascii_ = true;
  }

  void EndWord() {
    if (non_ascii_) {
      bool has_vowel = false;
      for (const Letter& l : letters_) has_vowel |= IsVowel(l.base);
      // Abbreviations such as "QĐ" or "HĐND" have no vowel and no syllable to check.
      if (has_vowel || foreign_) {
        ++score_.words;
        if (!foreign_ && ValidLetters(letters_, &cache_)) ++score_.syllables;
      }
    }
    letters_.clear();
    non_ascii_ = false;
    foreign_ = false;
  }

  TextScore score_;
  SyllableCache& cache_ = ThreadSyllableCache();
  std::vector<Letter> letters_;
  bool non_ascii_ = false;
  bool foreign_ = false;
  bool other_script_ = false;  // the last character was a letter of another script
};

}  // namespace

double TextScore::Quality() const {
  if (evidence() == 0) return 0.0;
  const double bad_words = static_cast<double>(words - syllables);
  return (static_cast<double>(syllables) - 2.0 * bad_words -
          2.0 * static_cast<double>(improbable)) /
         static_cast<double>(evidence());
}

TextScore ScoreText(std::string_view utf8) {
  Scorer scorer;
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t c;
    const size_t n = DecodeUtf8(utf8, i, &c);
    scorer.Feed(c);
    i += n == 0 ? 1 : n;
  }
  return scorer.Finish();
}

bool IsVietnameseSyllable(std::string_view word) {
  std::vector<Letter> letters;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c;
    const size_t n = DecodeUtf8(word, i, &c);
    if (n == 0) return false;
    i += n;
    if (const Tone t = ToneOfCombining(c); t != Tone::kLevel) {
      if (letters.empty() || letters.back().tone != Tone::kLevel) return false;
      letters.back().tone = t;
      continue;
    }
    if (const Mark m = MarkOfCombining(c); m != Mark::kNone) {
      if (letters.empty() || letters.back().mark != Mark::kNone ||
          ComposeVnLetter(letters.back().base, m, Tone::kLevel, false) == 0) {
        return false;
      }
      letters.back().mark = m;
      continue;
    }
    const VnLetter l = LookupVnLetter(c);
    if (l.base == 0) return false;
    letters.push_back({l.base, l.mark, l.tone});
  }
  return !letters.empty() && ValidLetters(letters, nullptr);
}

}  // namespace vnplan::ingest_internal
