#include "normalize/char_rules.h"

namespace vnplan::normalize_internal {

namespace {

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

size_t LineBreakAt(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '\n' || c == '\f' || c == '\v') return 1;
  if (c == '\r') return (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
  if (c == 0xC2) return (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) ? 2 : 0;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    return (d == 0xA8 || d == 0xA9) ? 3 : 0;
  }
  return 0;
}

bool IsAtxHeading(std::string_view line) {
  line = TrimBlanks(line);
  size_t k = 0;
  while (k < line.size() && line[k] == '#') ++k;
  return k >= 1 && k <= 6 && (k == line.size() || line[k] == ' ' || line[k] == '\t');
}

bool IsBoldLine(std::string_view line) {
  line = TrimBlanks(line);
  if (line.size() < 5 || line.substr(0, 2) != "**" || line.substr(line.size() - 2) != "**") {
    return false;
  }
  const char first = line[2];
  const char last = line[line.size() - 3];
  return first != ' ' && first != '*' && last != ' ' && last != '*';
}

bool IsZeroWidth(char32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0x00AD;
}

const char* TypographicReplacement(char32_t cp) {
  switch (cp) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033: return "\"";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032: return "'";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: return "-";
    case 0x2026: return "...";
    case 0x00D0: return "\xC4\x90";  // Ð (Icelandic eth) -> Đ
    case 0x00F0: return "\xC4\x91";  // ð -> đ
    default: return nullptr;
  }
}

bool IsBulletGlyph(char32_t cp) {
  switch (cp) {
    case 0x2022:
    case 0x2023:
    case 0x2043:
    case 0x25CF:
    case 0x25AA:
    case 0x25A0:
    case 0x25E6:
    case 0x25CB:
    case 0x25BA:
    case 0x27A2:
    case 0xF0B7:
    case 0xF0A7:
    case 0xF0D8:
    case 0xF076:
    case 0xF0FC: return true;
    default: return false;
  }
}

}  // namespace vnplan::normalize_internal
