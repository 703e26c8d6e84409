#include "segment/header_block.h"

#include <algorithm>
#include <array>
#include <string>

#include "segment/heading_marker.h"
#include "segment/written_date.h"
#include "segment/text_shape.h"

namespace vnplan::segment {

namespace {

constexpr size_t kMaxHeaderLines = 40;
constexpr int kMaxIssuerWords = 14;

// Type words (folded) and how the type is written in records, longest first so that "thong tu
// lien tich" wins over "thong tu". The written form does not depend on the input: unaccented
// "KE HOACH" is "Kế hoạch" too.
struct DocType {
  std::string_view key;
  std::string_view name;
};
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

HeaderField Field(std::string value, size_t start, size_t end) {
  return HeaderField{std::move(value), Span{start, end}};
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The type word in capitals at the start of `line` ("KẾ HOẠCH"): its entry and the bytes it
// takes; nullptr when there is none.
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

// Where the motto begins in `line` (bytes), or npos.
size_t MottoStart(std::string_view line) {
  Folded f = Fold(line);
  size_t best = std::string::npos;
  for (std::string_view p : {"cong hoa xa hoi", "chu nghia viet nam", "doc lap", "dang cong san"}) {
    size_t at = f.text.find(p);
    if (at != std::string::npos) best = std::min(best, static_cast<size_t>(f.src[at]));
  }
  return best;
}

bool IsMarkLine(std::string_view key) {
  return key == "du thao" || key == "mat" || key == "khan" || key == "hoa toc" ||
         key == "thuong khan" || key == "toi mat";
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
      h->number = Field(number_text + line[sep] + std::string(symbol), base + num_start,
                        base + sym_end);
    }
    return true;
  }
  if (digits > 0 && colon && (k == line.size() || line[k] == ' ')) {
    h->number = Field(number_text, base + num_start, base + k);
    return true;
  }
  return false;
}

// "Số: 34/KH-UBND", "Số: /KH-UBND", "Số 15-NQ/TU", "Số: 12/2020/NĐ-CP"; also "Số:" alone with
// the number on the next line (`next`), as cells of HTML exports wrap. Returns the number of
// lines read (0: `line` does not open with a document number).
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

// A place-and-date line ("Lào Cai, ngày 23 tháng 01 năm 2024"), or the first half of one cut
// by an export ("Lào Cai, ngày 23" / "tháng 01 năm 2024"): a date phrase with at most a place
// before it. A sentence citing a date further on ("Thực hiện Kế hoạch số 5 ngày 2/2/2023") is not.
bool IsDateish(std::string_view line, std::string_view next) {
  const std::string key = FoldKey(line.substr(0, std::min<size_t>(line.size(), 200)));
  if (WordCount(key) > 16) return false;
  if (KeyStartsWith(key, "thang") && KeyContains(key, "nam")) return true;
  if (KeyStartsWith(key, "nam") && WordCount(key) == 2 && DigitRun(key, 4) == 4) return true;
  const size_t at = key.find("ngay");
  if (at == std::string::npos || (at > 0 && key[at - 1] != ' ')) return false;
  if (WordCount(std::string_view(key).substr(0, at)) > 6) return false;
  std::string joined(line);
  joined += ' ';
  joined += next.substr(0, std::min<size_t>(next.size(), 80));
  return FindWrittenDate(joined).has_value();
}

// The place before a date on its line: "Lào Cai" in "Lào Cai, ngày 23", also when table cells
// put a number or the motto before it on the same line: the run of capitalised words that ends
// at the comma (words in capitals stop a run of mixed-case ones: they are the motto's).
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
  auto word = [&](size_t k) { return seg.substr(words[k].first, words[k].second - words[k].first); };
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

// A line of one or two capitalised words, not in capitals: the head of a place name an export
// cut off its date line ("Hà" / "Nội, ngày ...") or wrote alone above it ("Lào Cai,").
bool IsPlaceFragment(std::string_view t) {
  const int words = WordCount(t);
  return words >= 1 && words <= 2 && StartsUpper(t) && !IsAllCaps(t) &&
         t.find_first_of(":/") == std::string_view::npos;
}

bool IsAuthorityLine(std::string_view line);

// A whole header flattened onto one line by a PDF converter ("... Độc lập - Tự do - Hạnh phúc
// Số: 23/2007/QĐ-BLĐTBXH Hà Nội, ngày 05 tháng 10 năm 2007 QUYẾT ĐỊNH BAN HÀNH ... BỘ TRƯỞNG
// ..."): the number, and the type and title after the date, read from inside the line.
void ReadFlattenedRow(const Line& line, size_t motto, Header* h) {
  std::string_view t = line.text;
  const size_t base = line.span.start;
  Folded f = Fold(t);
  for (size_t at = f.text.find("so", motto); at != std::string::npos;
       at = f.text.find("so", at + 2)) {
    if (at == 0 || f.text[at - 1] != ' ') continue;
    const size_t o = f.src[at];
    if (!h->number.value && !h->number_symbol.value && ParseNumber(t.substr(o), base + o, nullptr, h)) {
      break;
    }
  }
  std::optional<WrittenDate> d = FindWrittenDate(t);
  if (!d || h->doc_type.value) return;
  size_t at = d->span.end;
  while (at < t.size() && t[at] == ' ') ++at;
  size_t type_end = 0;
  const DocType* type = DocTypePrefix(t.substr(at), &type_end);
  if (!type) return;
  h->doc_type = Field(std::string(type->name), base + at, base + at + type_end);
  // The title: the words in capitals after the type, up to the authority that signs.
  size_t b = at + type_end;
  while (b < t.size() && t[b] == ' ') ++b;
  size_t e = b;
  for (size_t w = b; w < t.size();) {
    size_t we = t.find(' ', w);
    if (we == std::string_view::npos) we = t.size();
    std::string_view word = t.substr(w, we - w);
    if (HasLower(word)) break;
    if (IsAuthorityLine(t.substr(w))) break;
    e = we;
    w = we + 1;
  }
  if (e > b) h->title = Field(std::string(t.substr(b, e - b)), base + b, base + e);
}

// The issuing body from the capitalised lines above the number, grouped into names: a line
// that starts with an administrative unit ("TỈNH LÀO CAI") or a connective ("VÀ XÃ HỘI")
// continues the name above it unless that already names a place. The last name is the issuer,
// the one before it the parent.
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

// A line that opens the preamble: "Căn cứ ...", "Kính gửi:", or "Thực hiện ..." citing a
// document by number ("Thực hiện Kế hoạch số 67/KH-UBND ngày 07/3/2024 ...") — a title such as
// "Thực hiện Chương trình mục tiêu quốc gia ..." cites none.
bool OpensPreamble(std::string_view line) {
  const std::string key = FoldKey(line.substr(0, std::min<size_t>(line.size(), 60)));
  for (std::string_view p : {"can cu", "kinh gui", "theo de nghi", "xet de nghi", "xet to trinh"}) {
    if (KeyStartsWith(key, p)) return true;
  }
  if (!KeyStartsWith(key, "thuc hien") && !KeyStartsWith(key, "trien khai") &&
      !KeyStartsWith(key, "theo") && !KeyStartsWith(key, "nham")) {
    return false;
  }
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (line[i] == '/' && line[i - 1] >= '0' && line[i - 1] <= '9') return true;
  }
  return line.ends_with(";") || line.ends_with(",") || line.ends_with(".");
}

// A line in capitals that names who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...") or closes the
// preamble ("QUYẾT ĐỊNH:"): never part of a title in capitals above it.
bool IsAuthorityLine(std::string_view line) {
  const std::string key = FoldKey(line.substr(0, std::min<size_t>(line.size(), 60)));
  for (std::string_view p : {"chu tich", "uy ban nhan dan", "hoi dong nhan dan", "giam doc",
                             "truong ban", "bo truong", "thu tuong", "ban thuong vu",
                             "ban chap hanh", "quyet dinh", "quyet nghi"}) {
    if (KeyStartsWith(key, p)) return true;
  }
  return false;
}

bool StopsTitle(std::string_view line) {
  return OpensPreamble(line) || ScanMarker(line).scheme != Scheme::kNone || IsSeparator(line);
}

// Title lines after the type line: the first always (unless it opens the preamble), then lines
// that continue it: in capitals under a title in capitals, or starting in lowercase.
size_t ReadTitle(const std::vector<Line>& lines, size_t i, size_t first_offset, Header* h) {
  size_t start = first_offset;
  size_t end = 0;
  std::string title;
  std::string_view same_line = Trim(lines[i].text.substr(first_offset - lines[i].span.start));
  if (!same_line.empty()) {
    title = std::string(same_line);
    start = lines[i].span.start + (same_line.data() - lines[i].text.data());
    end = lines[i].span.end;
  }
  size_t j = i + 1;
  while (j < lines.size() && IsSeparator(lines[j].text)) ++j;
  for (int taken = 0; j < lines.size() && taken < 4; ++j, ++taken) {
    std::string_view t = lines[j].text;
    if (t.starts_with("(") && !title.empty()) break;  // "(Kèm theo Quyết định ...)"
    if (title.empty()) {
      if (StopsTitle(t) || WordCount(t) > 60) break;
      start = lines[j].span.start;
    } else {
      const bool caps = IsAllCaps(title) && IsAllCaps(t) && WordCount(t) <= 20;
      const bool lower = StartsLower(t) && WordCount(t) <= 30;
      const char last = title.back();
      if ((!caps && !lower) || StopsTitle(t) || (caps && IsAuthorityLine(t)) || last == '.' ||
          last == ';' || last == ':') {
        break;
      }
      title += ' ';
    }
    title += t;
    end = lines[j].span.end;
  }
  if (!title.empty()) h->title = Field(std::string(TrimRight(title, ":")), start, end);
  // Skip a parenthesised note under the title and the rule that often closes the block.
  while (j < lines.size() && (IsSeparator(lines[j].text) ||
                              (lines[j].text.starts_with("(") && lines[j].text.ends_with(")") &&
                               WordCount(lines[j].text) <= 40))) {
    ++j;
  }
  return j;
}

// An addressee as written: without its bullet and closing punctuation.
void AddAddressee(const Line& line, size_t from, Header* h) {
  std::string_view t = line.text.substr(from);
  Marker m = ScanMarker(t);
  if (IsBullet(m.scheme)) t.remove_prefix(m.text_start);
  t = TrimRight(Trim(t), ";,.");
  if (t.empty()) return;
  const size_t b = line.span.start + (t.data() - line.text.data());
  h->addressees.push_back(Field(std::string(t), b, b + t.size()));
}

// "Kính gửi:" and the list under it belong to the header block of a letter.
size_t SkipAddressees(const std::vector<Line>& lines, size_t j, Header* h) {
  if (j >= lines.size() || !KeyStartsWith(FoldKey(lines[j].text), "kinh gui")) return j;
  if (size_t colon = lines[j].text.find(':'); colon != std::string_view::npos) {
    AddAddressee(lines[j], colon + 1, h);
  }
  ++j;
  while (j < lines.size() && IsBullet(ScanMarker(lines[j].text).scheme) &&
         WordCount(lines[j].text) <= 30) {
    AddAddressee(lines[j], 0, h);
    ++j;
  }
  return j;
}

}  // namespace

size_t ParseHeaderBlock(const std::vector<Line>& lines, std::string_view text, Header* h) {
  std::vector<Span> issuer_pieces;
  bool anchored = false;  // a number, date, motto or type line: this is a header block
  size_t last = 0;        // one past the last line of the block
  size_t date_to = 0;     // one past the last line that may hold the date
  size_t i = 0;
  const size_t n = std::min(lines.size(), kMaxHeaderLines);
  for (; i < n; ++i) {
    const Line& line = lines[i];
    std::string_view t = line.text;
    if (IsSeparator(t) || t == "*") continue;
    const std::string key = FoldKey(t.substr(0, std::min<size_t>(t.size(), 200)));
    if (IsMarkLine(key)) continue;
    if (ScanMarker(t).scheme != Scheme::kNone) break;
    const Line* next_line = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
    const std::string_view next = next_line ? next_line->text : std::string_view();
    // "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": a motto cut after its first word.
    if (next_line && WordCount(key) <= 2 && !IsMottoKey(key) &&
        IsMottoKey(key + " " + FoldKey(next.substr(0, std::min<size_t>(next.size(), 60)))) &&
        MottoStart(std::string(t) + " " + std::string(next)) == 0) {
      anchored = true;
      last = date_to = i + 2;
      ++i;
      continue;
    }
    if (size_t motto = MottoStart(t); motto != std::string::npos && IsMottoKey(key)) {
      std::string_view before = Trim(t.substr(0, motto));
      if (!before.empty() && IsAllCaps(before)) {
        size_t b = line.span.start + (before.data() - t.data());
        issuer_pieces.push_back({b, b + before.size()});
      }
      ReadFlattenedRow(line, motto, h);
      anchored = true;
      last = i + 1;
      date_to = i + 1;  // a flattened table row may carry the date after the motto
      continue;
    }
    if (size_t taken = ParseNumber(t, line.span.start, next_line, h); taken > 0) {
      if (taken == 2) {
        ++i;
        anchored = true;
        last = date_to = i + 1;
        continue;
      }
      anchored = true;
      last = date_to = i + 1;
      // "Số: 88/UBND-VX V/v triển khai ..." when the subject shares the number's cell.
      if (size_t vv = t.find(" V/v "); vv != std::string_view::npos) {
        std::string_view subject = Trim(t.substr(vv + 5));
        const size_t b = line.span.start + (subject.data() - t.data());
        h->title = Field(std::string(subject), b, b + subject.size());
        if (!h->doc_type.value) h->doc_type = Field("Công văn", b - 4, b - 1);
      }
      continue;
    }
    if (t.size() < 160 && IsDateish(t, next)) {
      anchored = true;
      last = date_to = i + 1;
      continue;
    }
    // "Hà" / "Nội, ngày 19 tháng 05 năm 2011": a place cut before the date line.
    if (next_line && IsPlaceFragment(t) &&
        IsDateish(next, i + 2 < lines.size() ? lines[i + 2].text : std::string_view())) {
      anchored = true;
      last = date_to = i + 1;
      continue;
    }
    size_t type_end = 0;
    if (const DocType* type = DocTypePrefix(t, &type_end)) {
      h->doc_type = Field(std::string(type->name), line.span.start, line.span.start + type_end);
      last = ReadTitle(lines, i, line.span.start + type_end, h);
      last = SkipAddressees(lines, last, h);
      anchored = true;
      break;
    }
    if (t.starts_with("V/v") || t.starts_with("V/V") || t.starts_with("v/v")) {
      std::string subject(Trim(t.substr(3)));
      size_t end = line.span.end;
      while (i + 1 < lines.size() && StartsLower(lines[i + 1].text) &&
             WordCount(lines[i + 1].text) <= 30 && !subject.ends_with(".")) {
        ++i;
        subject += ' ';
        subject += lines[i].text;
        end = lines[i].span.end;
      }
      h->title = Field(subject, line.span.start, end);
      if (!h->doc_type.value) {
        h->doc_type = Field("Công văn", line.span.start, line.span.start + 3);
      }
      anchored = true;
      last = SkipAddressees(lines, i + 1, h);
      i = last - 1;
      continue;
    }
    if (KeyStartsWith(key, "kinh gui") && anchored) {
      last = SkipAddressees(lines, i, h);
      i = last - 1;
      continue;
    }
    // The issuing body: lines in capitals before the type line, above the number as a rule,
    // under the date when an export reads the right column first.
    if (IsAllCaps(t) && WordCount(t) <= kMaxIssuerWords) {
      issuer_pieces.push_back(line.span);
      last = i + 1;
      continue;
    }
    break;
  }
  if (!anchored) {
    *h = Header{};
    return 0;
  }
  SetIssuer(issuer_pieces, text, h);
  // The date: searched over the lines that may hold it joined into one, so that a date cut
  // over two lines or cells reads whole. Offsets stay those of the text ('\n' -> ' ').
  if (date_to > 0) {
    const size_t b = lines[0].span.start;
    std::string joined(text.substr(b, lines[date_to - 1].span.end - b));
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    if (std::optional<WrittenDate> d = FindWrittenDate(joined)) {
      const Span span{b + d->span.start, b + d->span.end};
      h->year = d->year;
      if (std::optional<std::string> iso = d->Iso()) h->date = Field(*iso, span.start, span.end);
      for (size_t k = 0; k < date_to; ++k) {
        if (!lines[k].span.Contains({span.start, span.start})) continue;
        // The place is on the date's line, or cut onto the line above ("Hà" / "Nội, ngày
        // 19 ..."), or alone above it ("Lào Cai," / "ngày 23 ...").
        size_t from = lines[k].span.start;
        if (k > 0 && IsPlaceFragment(lines[k - 1].text) &&
            WordCount(lines[k].text.substr(0, span.start - from)) <= 3) {
          from = lines[k - 1].span.start;
        }
        std::string_view before = text.substr(from, span.start - from);
        std::string flat(before);
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        if (std::optional<std::pair<size_t, size_t>> place = PlaceBefore(flat, flat.size())) {
          h->place = Field(flat.substr(place->first, place->second - place->first),
                           from + place->first, from + place->second);
        }
        break;
      }
    }
  }
  return last;
}

}  // namespace vnplan::segment
