#include "segment/header_block.h"

#include <algorithm>
#include <array>
#include <string>

#include "segment/header_fields.h"
#include "segment/heading_marker.h"
#include "segment/text_shape.h"
#include "segment/written_date.h"

namespace vnplan::segment {

namespace {

constexpr size_t kMaxHeaderLines = 40;
constexpr int kMaxIssuerWords = 14;

bool IsMarkLine(std::string_view key) {
  return key == "du thao" || key == "mat" || key == "khan" || key == "hoa toc" ||
         key == "thuong khan" || key == "toi mat";
}

// A place-and-date line ("Lào Cai, ngày 23 tháng 01 năm 2024"), or the first half of one cut
// by an export ("Lào Cai, ngày 23" / "tháng 01 năm 2024"): a date phrase with at most a place
// before it. A sentence citing a date further on ("Thực hiện Kế hoạch số 5 ngày 2/2/2023") is not.
bool IsDateish(std::string_view line, std::string_view next) {
  const std::string key = FoldKey(line.substr(0, std::min<size_t>(line.size(), 200)));
  if (WordCount(key) > 16) return false;
  if (KeyStartsWith(key, "thang") && KeyContains(key, "nam")) return true;
  if (KeyStartsWith(key, "nam") && WordCount(key) == 2 && DigitRun(key, 4) == 4) return true;
  // "02 tháng 8 năm 2023" under "Tiền Giang, ngày": the day went with the month.
  const size_t day = DigitRun(key, 0);
  if (day >= 1 && day <= 2 && KeyStartsWith(key.substr(day + (day < key.size())), "thang") &&
      KeyContains(key, "nam")) {
    return true;
  }
  const size_t at = key.find("ngay");
  if (at == std::string::npos || (at > 0 && key[at - 1] != ' ')) return false;
  if (WordCount(std::string_view(key).substr(0, at)) > 6) return false;
  std::string joined(line);
  joined += ' ';
  joined += next.substr(0, std::min<size_t>(next.size(), 80));
  return FindWrittenDate(joined).has_value();
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
    if (!h->number.value && !h->number_symbol.value &&
        ParseNumber(t.substr(o), base + o, nullptr, h)) {
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
  for (std::string_view p :
       {"chu tich", "uy ban nhan dan", "hoi dong nhan dan", "giam doc", "truong ban", "bo truong",
        "thu tuong", "ban thuong vu", "ban chap hanh", "quyet dinh", "quyet nghi"}) {
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
  // "QUYẾT ĐỊNH 24/2021/QĐ-TTg", "NGHỊ QUYẾT SỐ 15-NQ/TU": the type line repeats the number.
  const std::string same_key = FoldKey(same_line.substr(0, std::min<size_t>(same_line.size(), 40)));
  if (DigitRun(same_line, 0) > 0 || (KeyStartsWith(same_key, "so") && DigitRun(same_key, 3) > 0)) {
    same_line = {};
  }
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
