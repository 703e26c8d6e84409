#include "segment/header_fields.h"

#include <algorithm>
#include <array>
#include <string>

#include "segment/text_shape.h"

namespace vnplan::segment {

namespace {

// Type words (folded) and how the type is written in records, longest first so that "thong tu
// lien tich" wins over "thong tu". The written form does not depend on the input: unaccented
// "KE HOACH" is "Kế hoạch" too.
constexpr std::array<DocType, 27> kDocTypes = {{
    {"thong tu lien tich", "Thông tư liên tịch"},
    {"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {"ke hoach lien tich", "Kế hoạch liên tịch"},
    {"chuong trinh", "Chương trình"},
    {"quyet dinh", "Quyết định"},
    {"nghi quyet", "Nghị quyết"},
    {"thong bao", "Thông báo"},
    {"huong dan", "Hướng dẫn"},
    {"nghi dinh", "Nghị định"},
    {"phuong an", "Phương án"},
    {"cong dien", "Công điện"},
    {"quy trinh", "Quy trình"},
    {"ke hoach", "Kế hoạch"},
    {"bao cao", "Báo cáo"},
    {"chi thi", "Chỉ thị"},
    {"to trinh", "Tờ trình"},
    {"cong van", "Công văn"},
    {"ket luan", "Kết luận"},
    {"quy che", "Quy chế"},
    {"quy dinh", "Quy định"},
    {"thong tu", "Thông tư"},
    {"bien ban", "Biên bản"},
    {"giay moi", "Giấy mời"},
    {"thong tri", "Thông tri"},
    {"dieu le", "Điều lệ"},
    {"de an", "Đề án"},
    {"luat", "Luật"},
}};

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The number token at `i` of `line` ("34/KH-UBND", "/KH-UBND", "15-NQ/TU", "12/2020/NĐ-CP"),
// template fill ("....../QĐ-UBND") skipped. `colon` tells whether "Số:" had its colon: without
// one only a full number counts. False when no number token is there.
bool ParseNumberToken(std::string_view line, size_t i, size_t base, bool colon, Header* h) {
  auto filler = [&](size_t k) {
    return line[k] == ' ' || line[k] == '.' || line[k] == '_' ||
           (static_cast<unsigned char>(line[k]) >= 0x80 && line.substr(k).starts_with("…"));
  };
  while (i < line.size() && filler(i)) i += line.substr(i).starts_with("…") ? 3 : 1;
  if (i >= line.size()) return false;
  const size_t num_start = i;
  size_t digits = DigitRun(line, i);
  size_t k = i + digits;
  size_t sep = k;
  while (digits > 0 && sep < line.size() && line[sep] == ' ') ++sep;
  std::string number_text(line.substr(i, digits));
  if (sep < line.size() && (line[sep] == '/' || line[sep] == '-')) {
    size_t sym = sep + 1;
    while (sym < line.size() && line[sym] == ' ') ++sym;
    size_t end = sym;
    while (end < line.size() && line[end] != ' ') ++end;
    std::string_view symbol = TrimRight(line.substr(sym, end - sym), ",;.");
    if (symbol.empty() || (!StartsUpper(symbol) && DigitRun(symbol, 0) == 0)) return false;
    if (!colon && digits == 0) return false;
    const size_t sym_end = sym + symbol.size();
    std::string_view code = symbol;
    if (code.size() > 5 && DigitRun(code, 0) == 4 && code[4] == '/') code.remove_prefix(5);
    h->number_symbol = Field(std::string(code), base + sym_end - code.size(), base + sym_end);
    if (digits > 0) {
      h->number =
          Field(number_text + line[sep] + std::string(symbol), base + num_start, base + sym_end);
    }
    return true;
  }
  if (digits > 0 && colon && (k == line.size() || line[k] == ' ')) {
    h->number = Field(number_text, base + num_start, base + k);
    return true;
  }
  return false;
}

}  // namespace

HeaderField Field(std::string value, size_t start, size_t end) {
  return HeaderField{std::move(value), Span{start, end}};
}

const DocType* DocTypePrefix(std::string_view line, size_t* end) {
  Folded f = Fold(line.substr(0, std::min<size_t>(line.size(), 80)));
  for (const DocType& t : kDocTypes) {
    if (!f.text.starts_with(t.key)) continue;
    if (f.text.size() > t.key.size() && IsWordByte(f.text[t.key.size()])) continue;
    *end = f.src[t.key.size()];
    if (IsAllCaps(line.substr(0, *end))) return &t;
  }
  return nullptr;
}

bool IsMottoKey(std::string_view key) {
  return KeyContains(key, "cong hoa xa hoi") || KeyContains(key, "hoa xa hoi chu nghia") ||
         KeyStartsWith(key, "chu nghia viet nam") || KeyContains(key, "doc lap tu do") ||
         KeyStartsWith(key, "doc lap") || KeyContains(key, "tu do hanh phuc") ||
         KeyContains(key, "dang cong san viet nam");
}

size_t MottoStart(std::string_view line) {
  Folded f = Fold(line);
  size_t best = std::string::npos;
  for (std::string_view p : {"cong hoa xa hoi", "chu nghia viet nam", "doc lap", "dang cong san"}) {
    size_t at = f.text.find(p);
    if (at != std::string::npos) best = std::min(best, static_cast<size_t>(f.src[at]));
  }
  return best;
}

size_t ParseNumber(std::string_view line, size_t base, const Line* next, Header* h) {
  if (line.size() < 3 || (line[0] != 'S')) return 0;
  Folded f = Fold(line.substr(0, std::min<size_t>(line.size(), 8)));
  if (!f.text.starts_with("so")) return 0;
  size_t i = f.src[2];
  if (i < line.size() && line[i] != ' ' && line[i] != ':') return 0;
  while (i < line.size() && line[i] == ' ') ++i;
  const bool colon = i < line.size() && line[i] == ':';
  if (colon) ++i;
  if (ParseNumberToken(line, i, base, colon, h)) return 1;
  if (!colon || !Trim(line.substr(i)).empty()) return 0;
  // "Số:" alone: a blank form, or the number cut onto the next line.
  if (next && ParseNumberToken(next->text, 0, next->span.start, true, h)) return 2;
  return 1;
}

std::optional<std::pair<size_t, size_t>> PlaceBefore(std::string_view line, size_t date_at) {
  std::string_view seg = TrimRight(line.substr(0, date_at), ",");
  std::vector<std::pair<size_t, size_t>> words;  // [start, end) of each word
  for (size_t i = 0; i < seg.size();) {
    while (i < seg.size() && seg[i] == ' ') ++i;
    size_t j = i;
    while (j < seg.size() && seg[j] != ' ') ++j;
    if (j > i) words.push_back({i, j});
    i = j;
  }
  if (words.empty()) return std::nullopt;
  auto word = [&](size_t k) {
    return seg.substr(words[k].first, words[k].second - words[k].first);
  };
  const bool mixed = !IsAllCaps(word(words.size() - 1));
  size_t first = words.size();
  while (first > 0) {
    std::string_view w = word(first - 1);
    if (w.find_first_of(":/") != std::string_view::npos) break;
    if (w != "-" && !StartsUpper(w)) break;
    if (mixed && w != "-" && IsAllCaps(w)) break;
    --first;
  }
  while (first < words.size() && word(first) == "-") ++first;
  if (first == words.size() || words.size() - first > 6) return std::nullopt;
  std::pair<size_t, size_t> place{words[first].first, words.back().second};
  if (IsMottoKey(FoldKey(seg.substr(place.first, place.second - place.first)))) {
    return std::nullopt;
  }
  return place;
}

void SetIssuer(const std::vector<Span>& pieces, std::string_view text, Header* h) {
  struct Name {
    Span span;
    std::string words;
  };
  static constexpr std::array<std::string_view, 8> kUnits = {
      "tinh", "huyen", "xa", "thanh pho", "quan", "thi xa", "phuong", "thi tran"};
  auto names_place = [](std::string_view key) {
    for (std::string_view u : kUnits) {
      if (KeyContains(key, u) && !(u == "xa" && KeyContains(key, "xa hoi"))) return true;
    }
    return false;
  };
  std::vector<Name> names;
  for (const Span& p : pieces) {
    std::string_view t = text.substr(p.start, p.size());
    const std::string key = FoldKey(t);
    bool continues = false;
    if (!names.empty()) {
      bool starts_unit = false;
      for (std::string_view u : kUnits) {
        starts_unit = starts_unit || (KeyStartsWith(key, u) && !KeyStartsWith(key, "xa hoi"));
      }
      // A name is never one word: "CHÍNH" / "PHỦ", "BỘ" / "LAO ĐỘNG - ..." are one name cut by
      // an export.
      continues = (starts_unit && !names_place(FoldKey(names.back().words))) ||
                  KeyStartsWith(key, "va") || t.starts_with("-") || t.starts_with("&") ||
                  WordCount(names.back().words) == 1;
    }
    if (continues) {
      names.back().span.end = p.end;
      names.back().words += " ";
      names.back().words += t;
    } else {
      names.push_back({p, std::string(t)});
    }
  }
  if (names.empty()) return;
  const Name& issuer = names.back();
  h->issuer = Field(OrganizationCase(issuer.words), issuer.span.start, issuer.span.end);
  if (names.size() >= 2) {
    const Name& parent = names[names.size() - 2];
    h->issuer_parent = Field(OrganizationCase(parent.words), parent.span.start, parent.span.end);
  }
}

}  // namespace vnplan::segment
