#include "segment/signature_block.h"

#include <array>
#include <string>

#include "segment/heading_marker.h"
#include "segment/text_shape.h"

namespace vnplan::segment {

namespace {

enum class Kind { kSeparator, kNoiNhan, kRecipient, kMode, kTitle, kName, kSigned, kOther };

struct Mode {
  std::string value;  // "TM.", "KT.", "Q.", "TL.", "TUQ."
  size_t begin = 0;   // the marker as written, in the line
  size_t end = 0;
  size_t object = 0;  // where the text after it starts
};

// An authority mode at `at` in `t`: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ",
// "Q. CHỦ TỊCH". The text after it must start with a capital.
std::optional<Mode> ModeAt(std::string_view t, size_t at) {
  struct Spelling {
    std::string_view written;
    std::string_view mode;
    bool needs_dot_or_caps;  // bare letters ("TM ") only before a text in capitals
  };
  static constexpr std::array<Spelling, 17> kSpellings = {{
      {"TUQ.", "TUQ.", false},
      {"TU.Q.", "TUQ.", false},
      {"T.U.Q.", "TUQ.", false},
      {"TUQ ", "TUQ.", true},
      {"TM.", "TM.", false},
      {"T/M", "TM.", false},
      {"T.M.", "TM.", false},
      {"TM ", "TM.", true},
      {"KT.", "KT.", false},
      {"K/T", "KT.", false},
      {"K.T.", "KT.", false},
      {"KT ", "KT.", true},
      {"TL.", "TL.", false},
      {"T/L", "TL.", false},
      {"T.L.", "TL.", false},
      {"TL ", "TL.", true},
      {"Q.", "Q.", false},
  }};
  std::string_view rest = t.substr(at);
  for (const Spelling& s : kSpellings) {
    if (!rest.starts_with(s.written)) continue;
    size_t obj = at + s.written.size();
    while (obj < t.size() && t[obj] == ' ') ++obj;
    if (obj >= t.size() || !StartsUpper(t.substr(obj))) return std::nullopt;
    std::string_view object = t.substr(obj);
    size_t word_end = object.find(' ');
    std::string_view first_word = object.substr(0, word_end);
    if ((s.needs_dot_or_caps || s.mode == "Q.") && !IsAllCaps(first_word) &&
        first_word.size() > 1) {
      return std::nullopt;
    }
    size_t marker_end = at + TrimRight(s.written, " ").size();
    return Mode{std::string(s.mode), at, marker_end, obj};
  }
  return std::nullopt;
}

bool IsSignedNote(std::string_view key) {
  if (WordCount(key) > 8) return false;
  for (std::string_view p : {"da ky", "ky ten", "ky ghi ro", "ky va ghi ro", "ky dong dau",
                             "chu ky", "ky so", "da ky va dong dau"}) {
    if (KeyStartsWith(key, p)) return true;
  }
  return false;
}

// The name without a trailing "(đã ký)".
std::string_view StripSignedNote(std::string_view t) {
  size_t open = t.rfind('(');
  if (open != std::string_view::npos && t.ends_with(")") && IsSignedNote(FoldKey(t.substr(open)))) {
    return Trim(t.substr(0, open));
  }
  return t;
}

Kind Classify(std::string_view t) {
  if (IsSeparator(t)) return Kind::kSeparator;
  const std::string key = FoldKey(t.substr(0, std::min<size_t>(t.size(), 120)));
  if (KeyStartsWith(key, "noi nhan")) return Kind::kNoiNhan;
  if (ModeAt(t, 0)) return Kind::kMode;
  if (IsSignedNote(key)) return Kind::kSigned;
  const Scheme bullet = ScanMarker(t).scheme;
  if ((IsBullet(bullet) && WordCount(t) <= 40) ||
      (KeyStartsWith(key, "luu") && WordCount(t) <= 12) || KeyStartsWith(key, "nhu tren") ||
      KeyStartsWith(key, "nhu dieu")) {
    return Kind::kRecipient;
  }
  if (KeyStartsWith(key, "phu luc") || KeyStartsWith(key, "bieu mau")) return Kind::kOther;
  if (IsAllCaps(t) && WordCount(t) <= 10 && DigitRun(key, 0) == 0 && bullet == Scheme::kNone) {
    return Kind::kTitle;
  }
  if (IsNameShape(StripSignedNote(t))) return Kind::kName;
  return Kind::kOther;
}

// A title in capitals that is a person's name ("NGUYỄN VĂN A"): none of the words of titles.
bool IsCapsName(std::string_view t) {
  const std::string key = FoldKey(t);
  if (WordCount(key) < 2 || WordCount(key) > 5) return false;
  for (std::string_view w :
       {"chu tich", "giam doc", "truong",    "pho",         "bi thu",   "chanh",  "tong",
        "uy vien",  "ban",      "hoi dong",  "uy ban",      "nhan dan", "so",     "phong",
        "cuc",      "bo",       "van phong", "thuong truc", "ky",       "thu ky", "dang uy",
        "huyen",    "tinh",     "xa",        "doan",        "hoi",      "ve"}) {
    if (KeyContains(key, w)) return false;
  }
  return true;
}

HeaderField FieldOf(const Line& line, size_t b, size_t e) {
  return HeaderField{std::string(line.text.substr(b, e - b)),
                     Span{line.span.start + b, line.span.start + e}};
}

// The recipients on a line, as written, without bullets and closing punctuation. A cell
// flattened onto one line holds several: "- Như Điều 3; - Lưu: VT.".
void AddRecipients(const Line& line, size_t from, std::vector<HeaderField>* out) {
  std::string_view t = line.text;
  while (from < t.size()) {
    while (from < t.size() && t[from] == ' ') ++from;
    Marker m = ScanMarker(t.substr(from));
    size_t b = from + (IsBullet(m.scheme) ? m.text_start : 0);
    while (b < t.size() && t[b] == ' ') ++b;
    // The item ends where "; -" / ". +" opens the next one.
    size_t e = t.size();
    for (size_t k = b; k + 2 < t.size(); ++k) {
      if (t[k] != ';' && t[k] != '.') continue;
      size_t n = k + 1;
      while (n < t.size() && t[n] == ' ') ++n;
      if (n > k + 1 && n + 1 < t.size() && (t[n] == '-' || t[n] == '+') && t[n + 1] == ' ') {
        e = k + 1;
        break;
      }
    }
    std::string_view item = TrimRight(t.substr(b, e - b), ";,.");
    if (!item.empty()) out->push_back(FieldOf(line, b, b + item.size()));
    from = e;
  }
}

}  // namespace

Tail ParseTail(const std::vector<Line>& lines, size_t from, Header* h) {
  Tail tail;
  tail.begin = tail.end = lines.size();
  if (from >= lines.size()) return tail;
  // Lines are classified when first looked at: most of a document never is.
  std::vector<std::optional<Kind>> cache(lines.size());
  auto kind_of = [&](size_t i) {
    if (!cache[i]) cache[i] = Classify(lines[i].text);
    return *cache[i];
  };

  // The anchor: the last "Nơi nhận" or mode line; else a title and a name closing the text.
  size_t anchor = lines.size();
  for (size_t i = lines.size(); i-- > from;) {
    const char c = lines[i].text[0];  // "Nơi nhận", "TM.", "KT.", "Q.": a cheap first look
    if (c != 'N' && c != 'n' && c != 'T' && c != 'K' && c != 'Q') continue;
    if (kind_of(i) == Kind::kNoiNhan || kind_of(i) == Kind::kMode) {
      anchor = i;
      break;
    }
  }
  if (anchor == lines.size()) {
    size_t j = lines.size();
    while (j > from && kind_of(j - 1) == Kind::kSeparator) --j;
    if (j >= from + 2 && (kind_of(j - 1) == Kind::kName ||
                          (kind_of(j - 1) == Kind::kTitle && IsCapsName(lines[j - 1].text)))) {
      size_t t = j - 2;
      while (t > from && kind_of(t) == Kind::kSigned) --t;
      if (kind_of(t) == Kind::kTitle) anchor = t;
    }
    if (anchor == lines.size()) return tail;
  }

  // Grow backwards over block lines; recipients only count under a "Nơi nhận".
  size_t b = anchor;
  while (b > from && kind_of(b - 1) != Kind::kOther) --b;
  bool seen_noi = false;
  for (size_t j = b; j <= anchor; ++j) {
    if (kind_of(j) == Kind::kNoiNhan) seen_noi = true;
    if (kind_of(j) == Kind::kRecipient && !seen_noi) b = j + 1;
  }
  while (b < anchor && kind_of(b) == Kind::kSeparator) ++b;
  // Grow forwards; after "Nơi nhận" a short line closed by ';' or '.' is a recipient too.
  size_t e = anchor + 1;
  for (; e < lines.size(); ++e) {
    Kind k = kind_of(e);
    if (k == Kind::kNoiNhan) seen_noi = true;
    if (k == Kind::kOther && seen_noi && WordCount(lines[e].text) <= 25 &&
        (lines[e].text.ends_with(";") || lines[e].text.ends_with("."))) {
      cache[e] = k = Kind::kRecipient;
    }
    if (k == Kind::kOther || (k == Kind::kRecipient && !seen_noi)) break;
  }
  while (e > anchor + 1 && kind_of(e - 1) == Kind::kSeparator) --e;
  tail.begin = b;
  tail.end = e;

  // Parts and fields.
  bool in_noi = false;
  std::optional<size_t> last_mode_line;
  std::optional<size_t> name_line;
  std::vector<size_t> title_lines;
  for (size_t j = b; j < e; ++j) {
    const Line& line = lines[j];
    switch (kind_of(j)) {
      case Kind::kNoiNhan: {
        in_noi = true;
        tail.noi_nhan = {j, j};
        size_t colon = line.text.find(':');
        if (colon != std::string_view::npos) AddRecipients(line, colon + 1, &h->recipients);
        break;
      }
      case Kind::kRecipient:
        if (in_noi) {
          AddRecipients(line, 0, &h->recipients);
          tail.noi_nhan->second = j;
        }
        break;
      case Kind::kMode: {
        // Several modes may share a line ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"): the last one is
        // the signer's.
        std::optional<Mode> m = ModeAt(line.text, 0);
        for (size_t at = m->object; at < line.text.size(); ++at) {
          if (line.text[at - 1] != ' ') continue;
          if (std::optional<Mode> more = ModeAt(line.text, at)) {
            m = more;
            at = more->object;
          }
        }
        h->sign_mode = FieldOf(line, m->begin, m->end);
        h->sign_mode.value = m->value;
        last_mode_line = j;
        title_lines.clear();
        // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" flattened onto one line: the signer's title is the part
        // from "PHÓ" on; otherwise a mode other than TM. names the signer's office itself.
        std::string_view object = line.text.substr(m->object);
        size_t pho = object.find(" PHÓ ");
        h->signer_title = {};
        if (pho != std::string_view::npos) {
          h->signer_title = FieldOf(line, m->object + pho + 1, line.text.size());
        } else if (m->value != "TM.") {
          h->signer_title = FieldOf(line, m->object, line.text.size());
        }
        break;
      }
      case Kind::kTitle:
        if (!title_lines.empty() && IsCapsName(line.text)) {
          name_line = j;
        } else {
          title_lines.push_back(j);
        }
        break;
      case Kind::kName: name_line = j; break;
      default: break;
    }
    if (kind_of(j) == Kind::kMode || kind_of(j) == Kind::kTitle || kind_of(j) == Kind::kName ||
        kind_of(j) == Kind::kSigned) {
      if (!tail.signature) tail.signature = {j, j};
      tail.signature->second = j;
    }
  }
  if (!title_lines.empty()) {
    // After a mode, its first title line; without one, the last title above the name.
    const size_t t = last_mode_line ? title_lines.front() : title_lines.back();
    h->signer_title = FieldOf(lines[t], 0, lines[t].text.size());
  }
  if (name_line) {
    std::string_view name = StripSignedNote(lines[*name_line].text);
    h->signer = FieldOf(lines[*name_line], 0, name.size());
  }
  return tail;
}

}  // namespace vnplan::segment
