#include "extract/fold_key.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace vnplan {
namespace {

// Appends `s` to `out`, folding whitespace runs to one space and "đ" (which has no decomposition,
// so STRIPMARK keeps it) to "d".
void AppendCollapsed(std::string_view s, std::string* out) {
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out->empty();
      continue;
    }
    if (pending_space) {
      out->push_back(' ');
      pending_space = false;
    }
    if (c == 0xC4 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x91) {
      out->push_back('d');  // U+0111 đ
      ++i;
      continue;
    }
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
}

}  // namespace

namespace {

// Case-folded NFC with spaces collapsed: the accented twin of FoldKey.
std::string LowerKey(std::string_view phrase) {
  std::string out;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(phrase.data()),
      static_cast<utf8proc_ssize_t>(phrase.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  bool pending_space = false;
  const std::string_view s = n >= 0 && mapped != nullptr
                                 ? std::string_view(reinterpret_cast<const char*>(mapped), n)
                                 : phrase;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  std::free(mapped);
  return out;
}

// The fast paths below read code points through a table made once with utf8proc, so that the
// common text (Vietnamese letters, ASCII) never allocates; anything else takes the utf8proc path
// and gives the same result.
struct FoldTable {
  // Per code point below kSize: its FoldKey as one ASCII byte, kDrop for a combining mark (folded
  // away), kSlow when folding it takes utf8proc (several letters, no ASCII base).
  static constexpr size_t kSize = 0x1F00;
  static constexpr char kDrop = 0;
  static constexpr char kSlow = 1;
  char fold[kSize];
  FoldTable() {
    for (size_t cp = 0; cp < kSize; ++cp) {
      fold[cp] = kSlow;
      utf8proc_uint8_t buf[4];
      const utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
      if (len <= 0 || cp < 0x80) continue;
      utf8proc_uint8_t* mapped = nullptr;
      const utf8proc_ssize_t n =
          utf8proc_map(buf, len, &mapped,
                       static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
      if (n == 0) fold[cp] = kDrop;
      if (n == 1 && mapped[0] > ' ' && mapped[0] < 0x80) fold[cp] = static_cast<char>(mapped[0]);
      std::free(mapped);
    }
    fold[0x110] = fold[0x111] = 'd';  // Đ đ: no decomposition, AppendCollapsed folds them
  }
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

bool IsBlank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads the code point at s[*i] (advancing *i), or returns -1 for a byte that starts no valid
// sequence of at most 3 bytes (the fast paths then give up).
int32_t NextCodePoint(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) return s[(*i)++];
  if ((c & 0xE0) == 0xC0 && *i + 1 < s.size() && (s[*i + 1] & 0xC0) == 0x80 && c >= 0xC2) {
    const int32_t cp = ((c & 0x1F) << 6) | (s[*i + 1] & 0x3F);
    *i += 2;
    return cp;
  }
  if ((c & 0xF0) == 0xE0 && *i + 2 < s.size() && (s[*i + 1] & 0xC0) == 0x80 &&
      (s[*i + 2] & 0xC0) == 0x80) {
    const int32_t cp = ((c & 0x0F) << 12) | ((s[*i + 1] & 0x3F) << 6) | (s[*i + 2] & 0x3F);
    *i += 3;
    return cp >= 0x800 ? cp : -1;
  }
  return -1;
}

// FoldKey without utf8proc; false when some character needs it.
bool FastFold(std::string_view s, std::string* out) {
  const FoldTable& t = Table();
  out->clear();
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsBlank(c)) {
      pending_space = !out->empty();
      ++i;
      continue;
    }
    char f;
    if (c < 0x80) {
      f = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
    } else {
      const int32_t cp = NextCodePoint(s, &i);
      if (cp < 0 || cp >= static_cast<int32_t>(FoldTable::kSize)) return false;
      f = t.fold[cp];
      if (f == FoldTable::kSlow) return false;
      if (f == FoldTable::kDrop) continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(f);
  }
  return true;
}

// LowerKey without utf8proc's allocation: lowercase letter by letter (NFC text of the Latin and
// Vietnamese blocks, where case folding is one letter to one letter); false otherwise.
bool FastLower(std::string_view s, std::string* out) {
  out->clear();
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsBlank(c)) {
      pending_space = !out->empty();
      ++i;
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      ++i;
      continue;
    }
    const int32_t cp = NextCodePoint(s, &i);
    // Combining marks (a decomposed text) and letters outside these blocks take utf8proc.
    if (cp < 0 || (cp >= 0x250 && cp < 0x1E00) || cp >= 0x1F00) return false;
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

bool SameWords(std::string_view written, std::string_view word) {
  return WrittenWords(written).Is(word);
}

WrittenWords::WrittenWords(std::string_view written)
    : ascii_(std::all_of(written.begin(), written.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
  if (ascii_) {
    if (!FastFold(written, &key_)) key_ = FoldKey(written);
  } else if (!FastLower(written, &key_)) {
    key_ = LowerKey(written);
  }
}

bool WrittenWords::Is(std::string_view word) const {
  if (!ascii_) return key_ == word;
  thread_local std::string folded;
  if (!FastFold(word, &folded)) folded = FoldKey(word);
  return key_ == folded;
}

std::string FoldKey(std::string_view phrase) {
  std::string out;
  out.reserve(phrase.size());
  if (FastFold(phrase, &out)) return out;
  out.clear();
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(phrase.data()),
                   static_cast<utf8proc_ssize_t>(phrase.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                  UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  if (n >= 0 && mapped != nullptr) {
    AppendCollapsed(std::string_view(reinterpret_cast<const char*>(mapped), n), &out);
  } else {
    AppendCollapsed(phrase, &out);
  }
  std::free(mapped);
  return out;
}

}  // namespace vnplan
