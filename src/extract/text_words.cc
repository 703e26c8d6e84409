#include "extract/text_words.h"

#include <utf8proc.h>

#include "base/utf8.h"

namespace vnplan {

namespace {

char32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
  char32_t cp;
  size_t n = DecodeUtf8(text, pos, &cp);
  *length = n == 0 ? 1 : n;
  return cp;
}

}  // namespace

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  // Latin-1 letters, Latin Extended (Ă, Đ, Ơ, Ư) and Latin Extended Additional (the toned
  // vowels); general punctuation, dashes and quotes are not letters.
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x300 && cp <= 0x36F) ||
         (cp >= 0x1E00 && cp <= 0x1EFF);
}

Word WordAt(std::string_view text, size_t pos) {
  Word w;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  size_t end = pos;
  bool first = true;
  while (end < text.size()) {
    size_t n;
    const char32_t cp = CodePointAt(text, end, &n);
    if (!IsWordChar(cp)) break;
    if (first) w.capital = utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
    if (cp >= '0' && cp <= '9') w.has_digit = true;
    first = false;
    end += n;
  }
  if (end > pos) w.span = {pos, end};
  return w;
}

Word NextWord(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    size_t n;
    const char32_t cp = CodePointAt(text, pos, &n);
    if (IsWordChar(cp)) return WordAt(text, pos);
    pos += n;
  }
  return {};
}

bool IsWordStart(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return true;
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  size_t n;
  return !IsWordChar(CodePointAt(text, p, &n));
}

bool IsWordEnd(std::string_view text, size_t pos) {
  if (pos >= text.size()) return true;
  size_t n;
  return !IsWordChar(CodePointAt(text, pos, &n));
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n;
    const char32_t cp = CodePointAt(s, i, &n);
    AppendUtf8(&out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    i += n;
  }
  return out;
}

}  // namespace vnplan
