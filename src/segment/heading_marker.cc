#include "segment/heading_marker.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/utf8.h"
#include "segment/text_shape.h"

namespace vnplan::segment {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// Value of a Roman numeral made of I, V, X (and L, C in part headings); 0 when malformed.
int RomanValue(std::string_view r) {
  auto digit = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      default: return 0;
    }
  };
  int total = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    int v = digit(r[i]);
    if (v == 0) return 0;
    int next = i + 1 < r.size() ? digit(r[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  return total > 0 && total < 400 ? total : 0;
}

// Position of a letter in the alphabet Vietnamese lists use: a b c d đ e f g h i ... (f, j, w, z
// kept so that lists written with the Latin alphabet still count up).
int LetterValue(std::string_view letter) {
  if (letter == "đ") return 5;
  if (letter.size() != 1 || letter[0] < 'a' || letter[0] > 'z') return 0;
  int v = letter[0] - 'a' + 1;
  return v <= 4 ? v : v + 1;
}

// After a marker: the text must begin (possibly after spaces) or the line end.
bool TextFollows(std::string_view s, size_t i) { return i == s.size() || IsSpace(s[i]); }

// The first letter after position i is uppercase (digits, quotes and brackets skipped).
bool UpperAfter(std::string_view s, size_t i) { return StartsUpper(s.substr(i)); }

Marker Make(Scheme scheme, std::vector<int> value, std::string label, std::string_view s,
            size_t at) {
  return Marker{scheme, std::move(value), std::move(label), SkipSpaces(s, at)};
}

std::optional<Marker> ScanBullet(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, Scheme>, 8> kBullets = {{
      {"-", Scheme::kDash},
      {"+", Scheme::kPlus},
      {"*", Scheme::kStar},
      {"•", Scheme::kStar},
      {"●", Scheme::kStar},
      {"▪", Scheme::kStar},
      {"\xEF\x82\xB7", Scheme::kStar},  // U+F0B7, the Symbol-font bullet of Word exports
      {"○", Scheme::kPlus},
  }};
  for (const auto& [mark, scheme] : kBullets) {
    if (!s.starts_with(mark)) continue;
    size_t at = mark.size();
    if (scheme == Scheme::kStar && mark == "*" && !TextFollows(s, at)) return std::nullopt;
    if (at < s.size() && (s[at] == '-' || s[at] == '>')) return std::nullopt;  // "->", "--"
    return Make(scheme, {}, "", s, at);
  }
  return std::nullopt;
}

// "Điều 3.", "Phần I", "Chương II", "Mục 1": a word, a numeral, an optional [.:-].
std::optional<Marker> ScanNamedPart(std::string_view s) {
  if (!StartsUpper(s)) return std::nullopt;
  struct Word {
    std::string_view folded;
    Scheme scheme;
    const char* name;
  };
  static constexpr std::array<Word, 4> kWords = {{{"dieu ", Scheme::kArticle, "Điều"},
                                                  {"phan ", Scheme::kPart, "Phần"},
                                                  {"chuong ", Scheme::kChapter, "Chương"},
                                                  {"muc ", Scheme::kMuc, "Mục"}}};
  Folded f = Fold(s.substr(0, std::min<size_t>(s.size(), 48)));
  for (const Word& w : kWords) {
    if (!f.text.starts_with(w.folded)) continue;
    size_t i = SkipSpaces(s, f.src[w.folded.size()]);
    int value = 0;
    std::string numeral;
    size_t n = DigitRun(s, i);
    if (n > 0 && n <= 3) {
      numeral = std::string(s.substr(i, n));
      value = std::stoi(numeral);
      i += n;
    } else if (w.scheme != Scheme::kArticle) {
      size_t j = i;
      while (j < s.size() && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X' || s[j] == 'L')) ++j;
      if (j > i) {
        numeral = std::string(s.substr(i, j - i));
        value = RomanValue(numeral);
        i = j;
      } else if (w.scheme == Scheme::kPart) {
        // "PHẦN THỨ NHẤT", "Phần thứ hai"
        static constexpr std::array<std::string_view, 10> kOrdinals = {
            "nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"};
        Folded rest = Fold(s.substr(i, std::min<size_t>(s.size() - i, 24)));
        if (rest.text.starts_with("thu ")) {
          for (size_t k = 0; k < kOrdinals.size(); ++k) {
            std::string_view o = kOrdinals[k];
            if (rest.text.substr(4).starts_with(o) &&
                (rest.text.size() == 4 + o.size() ||
                 !std::isalpha(static_cast<unsigned char>(rest.text[4 + o.size()])))) {
              value = static_cast<int>(k) + 1;
              size_t end = i + rest.src[4 + o.size()];
              numeral = std::string(s.substr(i, end - i));
              i = end;
              break;
            }
          }
        }
      }
    }
    if (value == 0) return std::nullopt;
    bool punct = false;
    if (i < s.size() && (s[i] == '.' || s[i] == ':' || s[i] == '-')) {
      ++i;
      punct = true;
    }
    if (!TextFollows(s, i)) return std::nullopt;
    // A heading: punctuation after the number, the label alone, or a title in capitals. "Điều 3
    // Quyết định số ..." at the start of a wrapped line is the tail of a citation.
    const size_t title = SkipSpaces(s, i);
    const bool alone = title == s.size();
    const bool caps_title = !alone && IsAllCaps(s.substr(title));
    if (!punct && !alone && !caps_title) return std::nullopt;
    if (punct && w.scheme == Scheme::kMuc && !alone && !UpperAfter(s, i)) return std::nullopt;
    return Make(w.scheme, {value}, std::string(w.name) + " " + numeral, s, i);
  }
  return std::nullopt;
}

std::optional<Marker> ScanRomanOrUpper(std::string_view s) {
  size_t j = 0;
  while (j < s.size() && j < 6 && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X')) ++j;
  if (j > 0) {
    int v = RomanValue(s.substr(0, j));
    if (v == 0 || j >= s.size()) return std::nullopt;
    size_t i = j;
    if (s[i] == '.' || s[i] == ')' || s[i] == ':') {
      ++i;
    } else if ((s[i] == '/' || s[i] == '-') && TextFollows(s, i + 1)) {
      ++i;  // "II/ MỤC TIÊU", "I- TÌNH HÌNH"
    } else if (IsSpace(s[i]) && i + 1 < s.size() && s[i + 1] == '-') {
      i += 2;
    } else {
      return std::nullopt;
    }
    if (!TextFollows(s, i)) return std::nullopt;
    return Make(Scheme::kRoman, {v}, std::string(s.substr(0, j)), s, i);
  }
  if (s.size() >= 3 && s[0] >= 'A' && s[0] <= 'H' && (s[1] == '.' || s[1] == ')') &&
      IsSpace(s[2]) && UpperAfter(s, 2)) {
    return Make(Scheme::kUpperLetter, {s[0] - 'A' + 1}, std::string(1, s[0]), s, 2);
  }
  return std::nullopt;
}

std::optional<Marker> ScanArabic(std::string_view s) {
  bool paren_open = !s.empty() && s[0] == '(';
  size_t i = paren_open ? 1 : 0;
  std::vector<int> value;
  std::string label;
  for (;;) {
    size_t n = DigitRun(s, i);
    if (n == 0 || n > 2) return std::nullopt;  // years, thousands ("2024.", "6.800")
    value.push_back(std::stoi(std::string(s.substr(i, n))));
    if (!label.empty()) label.push_back('.');
    label.append(s.substr(i, n));
    i += n;
    if (i >= s.size()) return std::nullopt;
    if (s[i] != '.') break;
    // "2.1." / "2. 4." continue the label; "1.5 lần" or "6.800" do not.
    size_t k = i + 1;
    if (k < s.size() && s[k] >= '0' && s[k] <= '9') {
      size_t m = DigitRun(s, k);
      if (m > 2) return std::nullopt;
      i = k;
      continue;
    }
    size_t after = SkipSpaces(s, k);
    size_t m = DigitRun(s, after);
    if (after > k && m >= 1 && m <= 2 && after + m < s.size() && s[after + m] == '.' &&
        TextFollows(s, after + m + 1)) {
      i = after;
      continue;
    }
    ++i;  // the closing dot
    if (!TextFollows(s, i)) return std::nullopt;
    if (value.size() > 4) return std::nullopt;
    return Make(Scheme::kArabic, std::move(value), std::move(label), s, i);
  }
  if (value.size() > 1) {
    // "2.1 Dự án": no closing dot, a capital must follow.
    if (!IsSpace(s[i]) || !UpperAfter(s, i) || paren_open) return std::nullopt;
    return Make(Scheme::kArabic, std::move(value), std::move(label), s, i);
  }
  if (s[i] == ')' && TextFollows(s, i + 1)) {
    return Make(Scheme::kArabicParen, std::move(value), std::move(label), s, i + 1);
  }
  if (paren_open) return std::nullopt;
  if ((s[i] == '-' || s[i] == '/') && i + 1 < s.size() && IsSpace(s[i + 1]) &&
      UpperAfter(s, i + 1)) {
    return Make(Scheme::kArabic, std::move(value), std::move(label), s, i + 1);
  }
  return std::nullopt;
}

std::optional<Marker> ScanLetter(std::string_view s) {
  char32_t cp;
  size_t n = s.empty() ? 0 : DecodeUtf8(s, 0, &cp);
  if (n == 0 || n >= s.size()) return std::nullopt;
  int v = LetterValue(s.substr(0, n));
  if (v == 0) return std::nullopt;
  if (s[n] == ')' && TextFollows(s, n + 1)) {
    return Make(Scheme::kLetter, {v}, std::string(s.substr(0, n)), s, n + 1);
  }
  // "a ) Tiểu dự án 1": word-segmented text splits punctuation off.
  if (s[n] == ' ' && n + 2 < s.size() && s[n + 1] == ')' && s[n + 2] == ' ' &&
      UpperAfter(s, n + 2)) {
    return Make(Scheme::kLetter, {v}, std::string(s.substr(0, n)), s, n + 2);
  }
  if ((s[n] == '.' || s[n] == '/') && n + 1 < s.size() && IsSpace(s[n + 1]) &&
      UpperAfter(s, n + 1)) {
    return Make(Scheme::kLetter, {v}, std::string(s.substr(0, n)), s, n + 1);
  }
  return std::nullopt;
}

}  // namespace

bool IsBullet(Scheme s) { return s == Scheme::kDash || s == Scheme::kPlus || s == Scheme::kStar; }

Marker ScanMarker(std::string_view line) {
  if (line.empty()) return {};
  const char c = line[0];
  std::optional<Marker> m;
  if (c >= '0' && c <= '9') {
    m = ScanArabic(line);
  } else if (c == '(') {
    m = ScanArabic(line);
  } else if (c == 'I' || c == 'V' || c == 'X' || (c >= 'A' && c <= 'H')) {
    m = ScanRomanOrUpper(line);
    if (!m) m = ScanNamedPart(line);
  } else if ((c >= 'a' && c <= 'z') || line.starts_with("đ")) {
    m = ScanLetter(line);
  } else {
    m = ScanBullet(line);
    if (!m) m = ScanNamedPart(line);
  }
  if (!m && (c == 'D' || c == 'P' || c == 'M' || c == 'C')) m = ScanNamedPart(line);
  return m ? *m : Marker{};
}

std::optional<ProjectRef> ScanProjectHeading(std::string_view text, bool lead_words) {
  // Every wording starts with D ("Dự án"), T ("Tiểu dự án", "Thực hiện", "Triển khai", "Tổ
  // chức") or N ("Nội dung"): a cheap first look before folding.
  if (text.empty()) return std::nullopt;
  const char c = text[0];
  if (c != 'D' && c != 'T' && c != 'N') return std::nullopt;
  if (!StartsUpper(text)) return std::nullopt;
  Folded f = Fold(text.substr(0, std::min<size_t>(text.size(), 160)));
  std::string_view t = f.text;
  size_t i = 0;
  if (lead_words) {
    for (std::string_view lead : {"trien khai thuc hien ", "thuc hien ", "trien khai ", "noi dung ",
                                  "to chuc thuc hien "}) {
      if (t.starts_with(lead)) {
        i = lead.size();
        break;
      }
    }
  }
  auto read_ref = [&](size_t* at, bool* sub) -> int {
    size_t k = *at;
    *sub = false;
    if (t.substr(k).starts_with("tieu ")) {
      *sub = true;
      k += 5;
    }
    if (!t.substr(k).starts_with("du an ")) return 0;
    k += 6;
    size_t n = DigitRun(t, k);
    if (n == 0 || n > 2) return 0;
    int v = std::stoi(std::string(t.substr(k, n)));
    k += n;
    if (k < t.size() && std::isalpha(static_cast<unsigned char>(t[k]))) return 0;
    *at = k;
    return v;
  };
  ProjectRef ref;
  bool sub = false;
  int first = read_ref(&i, &sub);
  if (first == 0) return std::nullopt;
  ref.label = sub ? "Tiểu dự án " + std::to_string(first) : "Dự án " + std::to_string(first);
  (sub ? ref.tieu_du_an : ref.du_an) = first;
  if (sub) {
    // "Tiểu dự án 1 thuộc Dự án 3", "Tiểu dự án 2, Dự án 7", "Tiểu dự án 2 - Dự án 6",
    // "Tiểu dự án 2 (Dự án 6)".
    size_t k = i;
    while (k < t.size() && (t[k] == ' ' || t[k] == ',' || t[k] == '-' || t[k] == '(')) ++k;
    for (std::string_view w : {"thuoc ", "cua ", "trong "}) {
      if (t.substr(k).starts_with(w)) k += w.size();
    }
    bool parent_sub = false;
    size_t p = k;
    int parent = read_ref(&p, &parent_sub);
    if (parent > 0 && !parent_sub) {
      ref.du_an = parent;
      i = p;
      if (i < t.size() && t[i] == ')') ++i;
    }
  }
  // What follows the reference decides whether it heads a section.
  size_t k = SkipSpaces(t, i);
  if (k >= t.size()) return ref;
  const char sep = t[k];
  if (sep == ':' || sep == '-' || sep == '.') {
    size_t title = SkipSpaces(t, k + 1);
    if (title >= t.size()) {
      if (sep == '.') return std::nullopt;  // "Dự án 7." ends a sentence
      return ref;
    }
    // A title, or an amount on a budget line ("- Dự án 2: 1.240 triệu đồng;").
    const bool digit = t[title] >= '0' && t[title] <= '9';
    return digit || UpperAfter(text, f.src[title]) ? std::optional(ref) : std::nullopt;
  }
  if (sep == '(') return ref;
  if (k > i && UpperAfter(text, f.src[k])) return ref;
  return std::nullopt;
}

bool SaysNotApplicable(std::string_view text) {
  const std::string key = FoldKey(text.substr(0, std::min<size_t>(text.size(), 400)));
  for (std::string_view p :
       {"khong thuoc doi tuong", "khong trien khai", "khong thuc hien", "khong ap dung",
        "khong co doi tuong", "khong duoc phan bo", "khong phan bo", "khong bo tri",
        "khong thuoc dia ban", "khong thuoc pham vi", "khong thuoc dien", "khong nam trong"}) {
    if (KeyContains(key, p)) return true;
  }
  return false;
}

}  // namespace vnplan::segment
