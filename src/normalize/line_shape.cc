#include "normalize/line_shape.h"

#include <string_view>

#include "base/utf8.h"
#include "normalize/vn_chars.h"

namespace vnplan::normalize_internal {

namespace {

using namespace std::string_view_literals;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsRoman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// True when `s` starts with `word` followed by a space, the end, or one of `after`.
bool StartsWithWord(std::string_view s, std::string_view word, std::string_view after = " ") {
  if (!StartsWith(s, word)) return false;
  return s.size() == word.size() || after.find(s[word.size()]) != std::string_view::npos;
}

// Bytes that do not continue a code point (10xxxxxx) start one; counted eight at a time.
uint32_t CountCodePoints(std::string_view s) {
  size_t continuations = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    continuations += __builtin_popcountll((w >> 7) & ~(w >> 6) & 0x0101010101010101ULL);
  }
  for (; i < s.size(); ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return static_cast<uint32_t>(s.size() - continuations);
}

bool SpaceOrEnd(std::string_view s, size_t i) { return i >= s.size() || s[i] == ' '; }

char32_t FirstCp(std::string_view s, size_t i) {
  char32_t cp = 0;
  if (i < s.size()) DecodeUtf8(s, i, &cp);
  return cp;
}

// "I. ", "IV) ".
bool IsRomanMarker(std::string_view s) {
  size_t k = 0;
  while (k < s.size() && k < 7 && IsRoman(s[k])) ++k;
  if (k < 1 || k > 6 || k >= s.size()) return false;
  if (s[k] == '.' || s[k] == ')') return SpaceOrEnd(s, k + 1);
  return s[k] == '-' && k + 1 < s.size() && s[k + 1] == ' ';  // "II- MỤC TIÊU" (Party documents)
}

// "1. ", "1.1. ", "2) ", "2. 4. ", and "2.1 Sở" (two short groups, then a capital).
bool IsNumberMarker(std::string_view s) {
  size_t i = 0;
  int groups = 0;
  bool short_groups = true;
  while (true) {
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i]) && i - start < 4) ++i;
    const size_t len = i - start;
    if (len == 0 || len > 3) return false;
    short_groups = short_groups && len <= 2;
    ++groups;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && IsDigit(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  // An item has text after its number: a bare "3." is the end of "Dự án" + "3.".
  if (i < s.size() && (s[i] == '.' || s[i] == ')')) return i + 2 < s.size() && s[i + 1] == ' ';
  if (groups == 1 && s.substr(i, 3) == " ) ") return true;  // word-segmented "2 ) Báo cáo"
  if (groups == 1 && s.substr(i, 2) == "- " && i + 2 < s.size()) {
    return GetCharInfo(FirstCp(s, i + 2)).is_upper();  // "1- Mục tiêu tổng quát" (Party documents)
  }
  if (groups >= 2 && short_groups && i < s.size() && s[i] == ' ') {
    return GetCharInfo(FirstCp(s, i + 1)).is_upper();
  }
  return false;
}

// "a) ", "đ) ", "b. ", "A. ".
bool IsLetterMarker(std::string_view s) {
  size_t len = 0;
  if (!s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) {
    len = 1;
  } else if (StartsWith(s, "đ") || StartsWith(s, "Đ")) {
    len = 2;
  }
  if (len == 0 || len >= s.size()) return false;
  if (s[len] == ')' || s[len] == '.') return SpaceOrEnd(s, len + 1);
  // Word-segmented text splits the bracket off: "a ) Tiểu dự án 1".
  return s.substr(len, 2) == " )" && SpaceOrEnd(s, len + 2);
}

// After a structural word: a number ("Điều 3"), a Roman numeral ("Chương II") or "thứ".
bool NumberFollows(std::string_view s, size_t i, bool roman_ok) {
  if (i >= s.size()) return false;
  if (IsDigit(s[i])) return true;
  if (roman_ok) {
    size_t k = i;
    while (k < s.size() && IsRoman(s[k])) ++k;
    if (k > i &&
        (k == s.size() || std::string_view(" .:)-").find(s[k]) != std::string_view::npos)) {
      return true;
    }
    return StartsWith(s.substr(i), "thứ ") || StartsWith(s.substr(i), "THỨ ");
  }
  return false;
}

bool IsWordMarker(std::string_view s) {
  struct Word {
    std::string_view text;
    bool roman_ok;
  };
  static constexpr Word kWords[] = {
      {"Điều ", false},       {"ĐIỀU ", false},       {"Dự án ", false},      {"DỰ ÁN ", false},
      {"Tiểu dự án ", false}, {"TIỂU DỰ ÁN ", false}, {"Tiểu Dự án ", false}, {"Chương ", true},
      {"CHƯƠNG ", true},      {"Phần ", true},        {"PHẦN ", true},        {"Mục ", true},
      {"MỤC ", true},
  };
  for (const Word& w : kWords) {
    if (StartsWith(s, w.text) && NumberFollows(s, w.text.size(), w.roman_ok)) return true;
  }
  return false;
}

bool IsHeader(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {
      "TM.",      "T/M",      "KT.",      "K/T",      "Q.",  "TL.",  "T/L", "TUQ.",
      "Nơi nhận", "NƠI NHẬN", "Kính gửi", "KÍNH GỬI", "Số:", "Số :", "SỐ:", "CỘNG HÒA XÃ HỘI",
      "Độc lập",  "ĐỘC LẬP",
  };
  for (std::string_view p : kPrefixes) {
    if (StartsWith(s, p)) return true;
  }
  return false;
}

bool IsOpener(std::string_view s) {
  static constexpr std::string_view kOpeners[] = {
      "Căn cứ", "CĂN CỨ", "Thực hiện", "Trên đây", "Xét đề nghị", "Theo đề nghị",
  };
  for (std::string_view p : kOpeners) {
    if (StartsWithWord(s, p, " :")) return true;
  }
  return false;
}

bool IsCitationStart(std::string_view s) {
  static constexpr std::string_view kTypes[] = {
      "Quyết định", "Kế hoạch",  "Nghị quyết", "Nghị định", "Thông tư",
      "Chỉ thị",    "Công văn",  "Đề án",      "Thông báo", "Luật",
      "Văn bản",    "Hướng dẫn", "Báo cáo",    "Tờ trình",  "Chương trình",
  };
  for (std::string_view t : kTypes) {
    if (!StartsWith(s, t) || s.size() < t.size() + 2 || s[t.size()] != ' ') continue;
    std::string_view rest = s.substr(t.size() + 1);
    if (IsDigit(rest[0]) || StartsWithWord(rest, "số")) return true;
  }
  return false;
}

bool InList(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

// Words after which a sentence, or a heading, cannot stop. Words that often end a phrase are
// left out even where they are also prepositions: "đạt được", "vừa qua", "kèm theo", "nêu
// trên", "cách làm hay", "trực thuộc", "dân số", "hằng ngày", "công bằng".
bool IsFunctionWord(std::string_view w) {
  return InList(
      w, {"của",  "và",   "các",  "những", "với", "cho",  "về",  "tại", "trong", "là",   "để", "từ",
          "hoặc", "nhằm", "gồm",  "do",    "bởi", "vào",  "khi", "nếu", "mà",    "thì",  "sự", "đã",
          "sẽ",   "đang", "phải", "nhưng", "như", "giữa", "một", "mọi", "mỗi",   "từng", "bị"});
}

bool IsNumberWord(std::string_view w) {
  return InList(w, {"ngày", "tháng", "năm", "số", "khoản", "điểm", "điều", "Điều", "mục", "phần",
                    "chương", "đoạn", "Khoản", "Điểm", "án"});
}

bool IsPageNumber(std::string_view s) {
  auto digits = [&](size_t* i) {
    const size_t start = *i;
    while (*i < s.size() && IsDigit(s[*i]) && *i - start < 5) ++*i;
    return *i > start && *i - start <= 4;
  };
  size_t i = 0;
  if (s.size() >= 3 && s[0] == '-') {  // "- 3 -"
    i = 1;
    if (i < s.size() && s[i] == ' ') ++i;
    if (!digits(&i)) return false;
    if (i < s.size() && s[i] == ' ') ++i;
    return i + 1 == s.size() && s[i] == '-';
  }
  for (std::string_view w : {"Trang "sv, "trang "sv, "TRANG "sv, "Page "sv}) {
    if (!StartsWith(s, w)) continue;
    i = w.size();
    if (!digits(&i)) return false;
    if (i == s.size()) return true;
    if (s[i] == ' ') ++i;
    if (i < s.size() && s[i] == '/') ++i;
    if (i < s.size() && s[i] == ' ') ++i;
    return digits(&i) && i == s.size();
  }
  return false;
}

bool IsSeparator(std::string_view s) {
  if (s.size() < 3) return false;
  bool rule = false;
  for (char c : s) {
    if (c == '-' || c == '_' || c == '=' || c == '~' || c == '*') {
      rule = true;
    } else if (c != ':' && c != ' ') {
      return false;
    }
  }
  return rule;
}

}  // namespace

LineShape ShapeOf(std::string_view s) {
  LineShape shape;
  if (s.empty()) return shape;

  shape.chars = CountCodePoints(s);
  const size_t space = s.find(' ');
  shape.first_word_chars =
      space == std::string_view::npos ? shape.chars : CountCodePoints(s.substr(0, space));
  // Case, up to the first lowercase letter (which settles all_caps): most lines stop at once.
  uint32_t letters = 0;
  uint32_t lower = 0;
  uint32_t cps = 0;
  bool first_letter_seen = false;
  for (size_t i = 0; i < s.size() && lower == 0;) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) n = 1;
    ++cps;
    const CharInfo info = GetCharInfo(cp);
    if (info.is_letter()) {
      ++letters;
      if (info.is_lower()) ++lower;
      if (!first_letter_seen && cps <= 2) {
        shape.starts_lower = info.is_lower();
        shape.starts_accented_lower = info.is_lower() && info.is_vowel() && cp >= 0x80;
      }
      first_letter_seen = true;
    } else if (!first_letter_seen && cps == 1 &&
               (cp >= 0x80 ||
                std::string_view("(\"'[").find(static_cast<char>(cp)) == std::string_view::npos)) {
      first_letter_seen = true;  // only an opening bracket or quote may come before the letter
    }
    i += n;
  }
  shape.all_caps = letters >= 2 && lower == 0;
  shape.starts_digit = IsDigit(s[0]);

  if (IsRomanMarker(s)) {
    shape.marker = Marker::kRoman;
  } else if (shape.starts_digit && IsNumberMarker(s)) {
    shape.marker = Marker::kNumber;
  } else if (IsLetterMarker(s)) {
    shape.marker = Marker::kLetter;
  } else if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s.size() >= 2 &&
             (s[1] == ' ' || GetCharInfo(FirstCp(s, 1)).is_upper())) {
    shape.marker = Marker::kBullet;
    const size_t word = s[1] == ' ' ? 2 : 1;
    const CharInfo after = GetCharInfo(FirstCp(s, word));
    shape.dash_tail = after.is_lower() || after.is_digit();
  } else if (s[0] == 'T' || s[0] == 'C' || s[0] == 'P' || s[0] == 'M' || s[0] == 'D' ||
             s[0] == '\xC4') {
    if (IsWordMarker(s)) shape.marker = Marker::kWord;
  }
  // Every header, opener, cited type and structural word starts with one of these bytes.
  if (std::string_view("TKQNSCXDPMLVHB\xC4").find(s[0]) != std::string_view::npos) {
    shape.header = IsHeader(s);
    shape.opener = IsOpener(s);
    shape.citation_start = IsCitationStart(s);
  }
  shape.republic = s == "CỘNG HÒA XÃ HỘI";
  shape.socialist = StartsWith(s, "CHỦ NGHĨA");

  // The end of the line, looking through closing quotes and brackets for punctuation.
  const char last = s.back();
  size_t e = s.size();
  while (e > 0 && std::string_view("\"')]").find(s[e - 1]) != std::string_view::npos) --e;
  const char end_char = e > 0 ? s[e - 1] : last;
  shape.ends_terminal = end_char == '.' || end_char == '!' || end_char == '?';
  shape.ends_colon = end_char == ':';
  shape.ends_sentence = shape.ends_terminal || shape.ends_colon || end_char == ';';
  shape.ends_joiner = last == ',' || last == '(' || last == '/' || last == '&';
  shape.ends_hyphen = last == '-' && s.size() >= 2;
  shape.hyphen_attached = shape.ends_hyphen && s[s.size() - 2] != ' ';
  const size_t word_start = s.rfind(' ') == std::string_view::npos ? 0 : s.rfind(' ') + 1;
  const std::string_view last_word = s.substr(word_start);
  char32_t last_cp = 0;
  {
    size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    DecodeUtf8(s, k, &last_cp);
  }
  const CharInfo last_info = GetCharInfo(last_cp);
  shape.ends_alnum = last_info.is_word() || last_info.is_digit();
  shape.ends_function_word = word_start > 0 && IsFunctionWord(last_word);
  shape.ends_number_word = word_start > 0 && IsNumberWord(last_word);

  shape.page_number = IsPageNumber(s);
  shape.digits_only = s.size() <= 3;
  for (char c : s) shape.digits_only = shape.digits_only && IsDigit(c);
  shape.separator = IsSeparator(s);
  return shape;
}

}  // namespace vnplan::normalize_internal
