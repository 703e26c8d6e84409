#include "segment/text_shape.h"

#include <utf8proc.h>

#include <algorithm>

#include "base/utf8.h"

namespace vnplan::segment {

namespace {

bool IsLetter(char32_t cp) {
  const utf8proc_category_t c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
bool IsUpper(char32_t cp) { return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp)); }
bool IsLower(char32_t cp) { return utf8proc_islower(static_cast<utf8proc_int32_t>(cp)); }

// Appends the case-converted form of the code point at s[pos] (or its bytes unchanged when the
// converted form has another length, so that offsets stay meaningful). Returns its length.
size_t AppendCased(std::string_view s, size_t pos, bool upper, std::string* out) {
  char32_t cp;
  size_t n = DecodeUtf8(s, pos, &cp);
  if (n == 0) {
    out->push_back(s[pos]);
    return 1;
  }
  const auto c = static_cast<utf8proc_int32_t>(cp);
  const char32_t to = upper ? utf8proc_toupper(c) : utf8proc_tolower(c);
  std::string enc;
  AppendUtf8(&enc, to);
  out->append(enc.size() == n ? enc : std::string(s.substr(pos, n)));
  return n;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string CaseWord(std::string_view w, bool capital) {
  std::string out;
  bool first = true;
  for (size_t i = 0; i < w.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(w, i, &cp);
    const bool letter = n > 0 && IsLetter(cp);
    i += AppendCased(w, i, capital && first && letter, &out);
    if (letter) first = false;
  }
  return out;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// A word in capitals that cannot be a Vietnamese syllable ("UBND", "HĐND", "LĐTBXH", "MTTQ"):
// no vowel, or consonants at its start or end that no syllable has.
bool IsAcronym(std::string_view word) {
  const std::string key = FoldKey(word);
  if (key.size() < 2 || key.find(' ') != std::string::npos) return false;
  size_t first_vowel = 0;
  while (first_vowel < key.size() && !IsVowel(key[first_vowel])) ++first_vowel;
  if (first_vowel == key.size()) return true;
  size_t last_vowel = key.size();
  while (!IsVowel(key[last_vowel - 1])) --last_vowel;
  std::string_view onset(key.data(), first_vowel);
  std::string_view coda(key.data() + last_vowel, key.size() - last_vowel);
  static constexpr std::string_view kOnsets[] = {"ch", "gh", "gi", "kh", "ng", "ngh",
                                                 "nh", "ph", "qu", "th", "tr"};
  static constexpr std::string_view kCodas[] = {"c", "ch", "m", "n", "ng", "nh", "p", "t"};
  if (onset.size() >= 2 &&
      std::find(std::begin(kOnsets), std::end(kOnsets), onset) == std::end(kOnsets)) {
    return true;
  }
  return !coda.empty() && std::find(std::begin(kCodas), std::end(kCodas), coda) == std::end(kCodas);
}

}  // namespace

namespace {

// The folded form of every code point below U+2000 and of the Vietnamese block U+1E00..U+1EFF,
// computed once: folding runs on a prefix of most lines, and utf8proc per character costs more
// than the rest of segmentation.
struct FoldTable {
  static constexpr char32_t kLow = 0x2000;
  static constexpr char32_t kVnBegin = 0x1E00, kVnEnd = 0x1F00;
  std::vector<std::string> low, vn;

  FoldTable() : low(kLow), vn(kVnEnd - kVnBegin) {
    for (char32_t cp = 0; cp < kLow; ++cp) low[cp] = Compute(cp);
    for (char32_t cp = kVnBegin; cp < kVnEnd; ++cp) vn[cp - kVnBegin] = Compute(cp);
  }

  static std::string Compute(char32_t cp) {
    std::string out;
    if (cp == 0x0110 || cp == 0x0111) return "d";
    if (cp == 0x00A0) return " ";
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      return out;
    }
    utf8proc_int32_t buf[8];
    int boundclass = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(cp), buf, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK),
        &boundclass);
    if (m <= 0 || m > 8) {
      AppendUtf8(&out, cp);
    } else {
      for (utf8proc_ssize_t k = 0; k < m; ++k) AppendUtf8(&out, static_cast<char32_t>(buf[k]));
    }
    return out;
  }

  const std::string* Find(char32_t cp) const {
    if (cp < kLow) return &low[cp];
    if (cp >= kVnBegin && cp < kVnEnd) return &vn[cp - kVnBegin];
    return nullptr;
  }
};

const FoldTable& Table() {
  static const FoldTable* table = new FoldTable();
  return *table;
}

}  // namespace

namespace {

// Fold's text into *text and, when `src` is not null, the offsets into *src.
void FoldInto(std::string_view s, std::string* text, std::vector<uint32_t>* src) {
  text->reserve(s.size());
  if (src) src->reserve(s.size() + 1);
  size_t i = 0;
  while (i < s.size()) {
    // A run of ASCII is lowercased in one go.
    size_t run = i;
    while (run < s.size() && static_cast<unsigned char>(s[run]) < 0x80) ++run;
    if (run > i) {
      const size_t at = text->size();
      text->resize(at + (run - i));
      for (size_t k = i; k < run; ++k) {
        const char c = s[k];
        (*text)[at + k - i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        if (src) src->push_back(static_cast<uint32_t>(k));
      }
      i = run;
      continue;
    }
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) n = 1;
    const std::string* folded = Table().Find(cp);
    const std::string computed = folded ? std::string() : FoldTable::Compute(cp);
    const std::string& out = folded ? *folded : computed;
    *text += out;
    if (src) src->insert(src->end(), out.size(), static_cast<uint32_t>(i));
    i += n;
  }
  if (src) src->push_back(static_cast<uint32_t>(s.size()));
}

}  // namespace

Folded Fold(std::string_view s) {
  Folded f;
  FoldInto(s, &f.text, &f.src);
  return f;
}

std::string FoldKey(std::string_view s) {
  // The folded text without its offsets, in a buffer each thread keeps.
  thread_local std::string folded;
  folded.clear();
  FoldInto(s, &folded, nullptr);
  std::string key;
  key.reserve(folded.size());
  bool space = false;
  for (size_t i = 0; i < folded.size();) {
    const unsigned char b = static_cast<unsigned char>(folded[i]);
    char32_t cp = b;
    size_t n = 1;
    if (b >= 0x80) {
      n = DecodeUtf8(folded, i, &cp);
      if (n == 0) n = 1;
    }
    const bool keep =
        (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 0x80 && IsLetter(cp));
    if (keep) {
      if (space && !key.empty()) key.push_back(' ');
      key.append(folded, i, n);
      space = false;
    } else {
      space = true;
    }
    i += n;
  }
  return key;
}

bool KeyStartsWith(std::string_view key, std::string_view prefix) {
  if (prefix.empty() || key.size() < prefix.size()) return false;
  if (key.substr(0, prefix.size()) != prefix) return false;
  return key.size() == prefix.size() || key[prefix.size()] == ' ';
}

bool KeyContains(std::string_view key, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (size_t at = key.find(phrase); at != std::string_view::npos; at = key.find(phrase, at + 1)) {
    const bool left = at == 0 || key[at - 1] == ' ';
    const size_t end = at + phrase.size();
    const bool right = end == key.size() || key[end] == ' ';
    if (left && right) return true;
  }
  return false;
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) n = 1;
    if (IsLetter(cp)) {
      if (IsLower(cp)) return false;
      ++letters;
    }
    i += n;
  }
  return letters >= 2;
}

bool HasLower(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) n = 1;
    if (IsLower(cp)) return true;
    i += n;
  }
  return false;
}

static int FirstLetterCase(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) return 0;
    if (IsLetter(cp)) return IsUpper(cp) ? 1 : (IsLower(cp) ? -1 : 0);
    if (cp >= '0' && cp <= '9') return 0;
    i += n;
  }
  return 0;
}

bool StartsUpper(std::string_view s) { return FirstLetterCase(s) == 1; }
bool StartsLower(std::string_view s) { return FirstLetterCase(s) == -1; }

bool IsNameShape(std::string_view s) {
  std::vector<std::string_view> words = Words(s);
  if (words.size() < 2 || words.size() > 6) return false;
  for (std::string_view w : words) {
    bool first = true;
    for (size_t i = 0; i < w.size();) {
      char32_t cp;
      size_t n = DecodeUtf8(w, i, &cp);
      if (n == 0 || !IsLetter(cp)) return false;
      if (first ? !IsUpper(cp) : !IsLower(cp)) return false;
      first = false;
      i += n;
    }
  }
  return true;
}

std::string SentenceCase(std::string_view s) {
  std::string out;
  bool first = true;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    const bool letter = n > 0 && IsLetter(cp);
    i += AppendCased(s, i, first && letter, &out);
    if (letter) first = false;
  }
  return out;
}

std::string OrganizationCase(std::string_view s) {
  if (!IsAllCaps(s)) return std::string(s);
  // Matched on lowercase words with their accents: folding would confuse "quận" with "quản".
  static const char* const kAdminUnits[] = {"tỉnh",   "huyện",     "xã",     "quận",
                                            "phường", "thành phố", "thị xã", "thị trấn"};
  static const char* const kBodyTypes[] = {
      "sở", "ban",  "phòng", "bộ",  "cục",      "chi cục",   "trung tâm", "văn phòng", "tổng cục",
      "vụ", "viện", "đài",   "hội", "hội đồng", "ngân hàng", "kho bạc",   "công an"};
  std::vector<std::string_view> words = Words(s);
  std::vector<std::string> lower;
  for (std::string_view w : words) lower.push_back(CaseWord(w, false));
  // Compared with accents ("quận" is not "quản"); a text written without any is compared folded.
  auto same = [](const std::string& word, std::string_view phrase_word) {
    if (word == phrase_word) return true;
    return word == FoldKey(word) && word == FoldKey(phrase_word);
  };
  auto phrase_at = [&](size_t i, std::string_view phrase) -> size_t {
    size_t k = i;
    for (size_t p = 0; p < phrase.size(); ++k) {
      size_t q = phrase.find(' ', p);
      if (q == std::string_view::npos) q = phrase.size();
      if (k >= lower.size() || !same(lower[k], phrase.substr(p, q - p))) return 0;
      p = q + 1;
    }
    return k - i;
  };
  std::vector<bool> capital(words.size(), false);
  if (!words.empty()) capital[0] = true;
  size_t body_len = 0;
  for (const char* t : kBodyTypes) body_len = std::max(body_len, phrase_at(0, t));
  // "Hội đồng nhân dân" and "Ủy ban nhân dân" are generic: the place after them is the name.
  bool name_next = body_len > 0 && phrase_at(body_len, "nhân dân") == 0;
  bool proper = false;
  for (size_t i = body_len; i < words.size(); ++i) {
    size_t unit = 0;
    for (const char* u : kAdminUnits) unit = std::max(unit, phrase_at(i, u));
    if (unit > 0 && !proper && phrase_at(i, "xã hội") == 0) {
      i += unit - 1;
      proper = true;
      continue;
    }
    if (proper) {
      capital[i] = !same(lower[i], "ủy") && lower[i] != "uỷ";
      continue;
    }
    if (words[i] == "-" || lower[i] == "và") {
      name_next = body_len > 0;
      continue;
    }
    if (name_next) {
      capital[i] = true;
      name_next = false;
    }
    if (words[i].back() == ',') name_next = body_len > 0;
  }
  if (!words.empty()) capital[0] = true;
  // Names of the state's own bodies keep their capital wherever they stand.
  for (size_t i = 0; i < words.size(); ++i) {
    if (phrase_at(i, "chính phủ") || phrase_at(i, "quốc hội")) capital[i] = true;
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out.push_back(' ');
    if (IsAcronym(words[i])) {
      out.append(words[i]);
    } else {
      out += CaseWord(words[i], capital[i]);
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::string_view TrimRight(std::string_view s, std::string_view chars) {
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == ' ' || chars.find(s[e - 1]) != std::string_view::npos)) --e;
  return s.substr(0, e);
}

int WordCount(std::string_view s) { return static_cast<int>(Words(s).size()); }

size_t DigitRun(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() && s[pos + n] >= '0' && s[pos + n] <= '9') ++n;
  return n;
}

}  // namespace vnplan::segment
