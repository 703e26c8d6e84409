#include "extract/citation_number.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace vnplan {

namespace {

struct TypeCode {
  std::string_view code;
  std::string_view doc_type;
  bool splits;  // common enough that "QĐUBND" is read as "QĐ-UBND"
};

// Nghị định 30/2020/NĐ-CP, Phụ lục III, plus the normative and Party codes seen in citations.
// clang-format off
constexpr TypeCode kTypeCodes[] = {
    {"VBHN", "Văn bản hợp nhất", true}, {"TTLT", "Thông tư liên tịch", true},
    {"NQLT", "Nghị quyết liên tịch", true},
    {"QyĐ", "Quy định", true},          {"TTr", "Tờ trình", true},
    {"CTr", "Chương trình", true},      {"NQ", "Nghị quyết", true},
    {"QĐ", "Quyết định", true},         {"NĐ", "Nghị định", true},
    {"TT", "Thông tư", true},           {"CT", "Chỉ thị", true},
    {"KH", "Kế hoạch", true},           {"TB", "Thông báo", true},
    {"BC", "Báo cáo", true},            {"HD", "Hướng dẫn", true},
    {"KL", "Kết luận", true},           {"ĐA", "Đề án", true},
    {"QC", "Quy chế", false},           {"PA", "Phương án", false},
    {"DA", "Dự án", false},             {"CĐ", "Công điện", false},
    {"HĐ", "Hợp đồng", false},          {"BB", "Biên bản", false},
};
// clang-format on

// Whole words of the folded view that had a "Đ" or a lowercase letter in the original.
constexpr std::pair<std::string_view, std::string_view> kFoldedWords[] = {
    {"QD", "QĐ"},   {"ND", "NĐ"},     {"QYD", "QyĐ"}, {"TTG", "TTg"}, {"TTR", "TTr"},
    {"CTR", "CTr"}, {"HDND", "HĐND"}, {"BCD", "BCĐ"}, {"DU", "ĐU"},
};
// Parts of longer folded words (ministry and department codes).
constexpr std::pair<std::string_view, std::string_view> kFoldedParts[] = {
    {"LDTBXH", "LĐTBXH"}, {"GDDT", "GDĐT"}, {"KHDT", "KHĐT"}, {"HDND", "HĐND"}};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperStart(std::string_view s) {
  return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || s.substr(0, 2) == "Đ");
}

// True for what may follow a type code as the issuer: "UBND", "CP", "TTg", "QH14", "BTC",
// "SLĐTBXH", "TU". Not "ND" (of "HĐND") nor a single letter.
bool LooksLikeIssuer(std::string_view r) {
  static constexpr std::string_view kExact[] = {"UBND", "HĐND", "CP",   "TTg",  "TW",   "TU",
                                                "HU",   "ĐU",   "VPCP", "VPQH", "VPTW", "NHNN",
                                                "KTNN", "UBDT", "BCĐ",  "BCH",  "HĐDT"};
  if (std::find(std::begin(kExact), std::end(kExact), r) != std::end(kExact)) return true;
  auto digits_after = [&](std::string_view prefix) {
    return r.substr(0, prefix.size()) == prefix &&
           std::all_of(r.begin() + prefix.size(), r.end(), IsAsciiDigit);
  };
  if (digits_after("QH") || digits_after("UBTVQH")) return true;
  if ((r[0] == 'B' || r[0] == 'S') && r.size() >= 3) {
    return std::all_of(r.begin() + 1, r.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    });
  }
  return false;
}

const TypeCode* FindType(std::string_view code) {
  for (const TypeCode& t : kTypeCodes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

// Cleans spaces and look-alikes; false for a character no number holds.
bool Clean(std::string_view raw, std::string* s) {
  for (size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    if (c < 0x80) {
      if (!std::isalnum(c) && c != '/' && c != '-') return false;
      s->push_back(static_cast<char>(c));
    } else if (raw.substr(i, 2) == "Đ" || raw.substr(i, 2) == "đ") {
      s->append(raw.substr(i, 2));
      ++i;
    } else if (raw.substr(i, 2) == "\xC3\x90" || raw.substr(i, 2) == "\xC3\xB0") {  // Ð ð
      s->append(raw[i + 1] == '\x90' ? "Đ" : "đ");
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    parts.emplace_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

bool ValidWord(const std::string& w) {
  if (w.empty() || w.size() > 20) return false;
  return std::any_of(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

void RestoreFolded(std::string* w) {
  if (std::none_of(w->begin(), w->end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    for (char& c : *w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const auto& [from, to] : kFoldedWords) {
    if (*w == from) {
      *w = std::string(to);
      return;
    }
  }
  for (const auto& [from, to] : kFoldedParts) {
    const size_t at = w->find(from);
    if (at != std::string::npos) w->replace(at, from.size(), to);
  }
}

// "QĐUBND" -> {"QĐ", "UBND"} when the word starts with a type code and the rest is an issuer.
void SplitGluedCode(std::vector<std::string>* words, bool folded) {
  if (words->empty() || FindType((*words)[0])) return;
  const std::string w = (*words)[0];
  for (const TypeCode& t : kTypeCodes) {
    if (!t.splits) continue;
    // In the folded view the code is written without its "Đ" ("QD" for "QĐ").
    std::string code(t.code);
    if (folded) {
      const size_t d = code.find("Đ");
      if (d != std::string::npos) code.replace(d, 2, "D");
    }
    if (w.size() < code.size() + 2) continue;
    std::string head = w.substr(0, code.size());
    std::string rest = w.substr(code.size());
    if (folded) {
      for (char& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      RestoreFolded(&rest);
      if (head != code) continue;
    } else if (head != code) {
      continue;
    }
    if (LooksLikeIssuer(rest)) {
      (*words)[0] = w.substr(0, code.size());
      words->insert(words->begin() + 1, w.substr(code.size()));
      return;
    }
  }
}

std::string Join(const std::vector<std::string>& words, size_t from) {
  std::string s;
  for (size_t i = from; i < words.size(); ++i) {
    if (i > from) s += '-';
    s += words[i];
  }
  return s;
}

}  // namespace

std::optional<std::string_view> DocTypeOfCode(std::string_view type_code) {
  const TypeCode* t = FindType(type_code);
  if (t == nullptr) return std::nullopt;
  return t->doc_type;
}

std::optional<ParsedNumber> ParseCitationNumber(std::string_view raw, bool folded) {
  std::string s;
  if (!Clean(raw, &s)) return std::nullopt;
  size_t i = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  if (i == 0 || i > 6) return std::nullopt;
  while (i < s.size() && i < 8 && std::islower(static_cast<unsigned char>(s[i]))) ++i;
  if (i >= s.size() || (s[i] != '/' && s[i] != '-')) return std::nullopt;
  ParsedNumber n;
  const std::string serial = s.substr(0, i);
  std::string rest = s.substr(i + 1);
  if (s[i] == '-') {  // Party: 20-NQ/TU
    const size_t slash = rest.find('/');
    if (slash == std::string::npos) return std::nullopt;
    std::string code = rest.substr(0, slash);
    std::vector<std::string> issuer = Split(rest.substr(slash + 1), '-');
    if (!ValidWord(code)) return std::nullopt;
    for (const std::string& w : issuer) {
      if (!ValidWord(w)) return std::nullopt;
    }
    if (folded) {
      RestoreFolded(&code);
      for (std::string& w : issuer) RestoreFolded(&w);
    }
    n.number = serial + "-" + code + "/" + Join(issuer, 0);
    n.type_code = code;
    n.issuer_code = Join(issuer, 0);
    return n;
  }
  std::string year;
  if (rest.size() > 5 && std::all_of(rest.begin(), rest.begin() + 4, IsAsciiDigit) &&
      rest[4] == '/') {
    year = rest.substr(0, 4);
    rest = rest.substr(5);
    const int y = std::stoi(year);
    if (y >= 1945 && y <= 2100) n.num_year = y;
  }
  std::vector<std::string> words = Split(rest, '-');
  if (words.size() > 5) return std::nullopt;
  for (const std::string& w : words) {
    if (!ValidWord(w)) return std::nullopt;
  }
  if (!IsUpperStart(words[0]) && !folded) return std::nullopt;
  SplitGluedCode(&words, folded);
  if (folded) {
    for (std::string& w : words) RestoreFolded(&w);
  }
  n.number = serial + "/" + (year.empty() ? "" : year + "/") + Join(words, 0);
  if (FindType(words[0]) != nullptr) {
    n.type_code = words[0];
    if (words.size() > 1) n.issuer_code = Join(words, 1);
  } else {
    n.issuer_code = words[0];
  }
  return n;
}

}  // namespace vnplan
