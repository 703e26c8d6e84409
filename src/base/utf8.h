// Small UTF-8 helpers used on hot paths, where a library call per character costs too much.
//
//   char32_t cp;
//   size_t n = DecodeUtf8("Đồng", 0, &cp);   // n == 2, cp == U+0110
//   std::string s; AppendUtf8(&s, 0x1EA1);    // s == "ạ"
#ifndef VNPLAN_BASE_UTF8_H_
#define VNPLAN_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vnplan {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos`. Returns its length in bytes (1 to 4), or 0 when the bytes there
// are not valid UTF-8 (overlong forms, surrogates, truncation, values past U+10FFFF), in which
// case *cp is U+FFFD. `pos` must be < s.size().
inline size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const size_t left = s.size() - pos;
  const unsigned char c = p[0];
  *cp = kReplacementChar;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  auto cont = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return 0;
    *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    char32_t v = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    char32_t v = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

inline void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Number of bytes of the code point that starts with lead byte `c` (1 for invalid leads).
inline size_t Utf8Length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// The length of the Vietnamese letter whose UTF-8 starts at p[0] (`left` bytes readable): 2 for a
// lead byte C2-DF (à, đ, ơ), 3 for E1 (ạ, ế, ữ), when its continuation bytes follow; else 0. Such
// a sequence is always valid UTF-8, so a scan can pass these, most of Vietnamese text beyond
// ASCII, without DecodeUtf8's full checks.
inline size_t VietnameseLetterLength(const unsigned char* p, size_t left) {
  auto cont = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (p[0] >= 0xC2 && p[0] <= 0xDF && cont(1)) return 2;
  if (p[0] == 0xE1 && cont(1) && cont(2)) return 3;
  return 0;
}

// `pos` moved back to the start of the character it falls inside, never below `floor`: a text
// cut there keeps whole characters on both sides. A `pos` at or past the end stays.
//   Utf8CharStart("aệ", 2) == 1      ("ệ" is bytes 1-3)
inline size_t Utf8CharStart(std::string_view s, size_t pos, size_t floor = 0) {
  while (pos > floor && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

}  // namespace vnplan

#endif  // VNPLAN_BASE_UTF8_H_
