#include "ingest/legacy_tables.h"

#include <iterator>
#include <string>

#include <unicode/ucnv.h>

#include "base/utf8.h"
#include "ingest/vietnamese_letters.h"

namespace vnplan::ingest_internal {

namespace {

// TCVN3 0xA0..0xFF. The VN3 letters are the lowercase toned vowels, ă â ê ô ơ ư đ and the seven
// capitals at 0xA1..0xA7; the other codes of this range (0xAF, 0xB0..0xB4, 0xBA, 0xBF..0xC5,
// 0xCD, 0xD9..0xDB, 0xE0, 0xF0, 0xFF) hold their VN2 characters.
constexpr char16_t kTcvn3High[96] = {
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // A0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // A8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // B0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // B8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // C0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // C8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // D0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // D8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // E0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // E8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // F0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // F8
};

// VISCII 0x80..0xFF (RFC 1456).
constexpr char16_t kVisciiHigh[128] = {
    0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC,  // 80
    0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,  // 88
    0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE,  // 90
    0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,  // 98
    0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD,  // A0
    0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,  // A8
    0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,  // B0
    0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,  // B8
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5,  // C0
    0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,  // C8
    0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB,  // D0
    0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,  // D8
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB,  // E0
    0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,  // E8
    0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD,  // F0
    0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,  // F8
};

// VISCII also takes six C0 codes for capitals that did not fit above.
constexpr struct {
  uint8_t byte;
  char16_t cp;
} kVisciiLow[] = {{0x02, 0x1EB2}, {0x05, 0x1EB4}, {0x06, 0x1EAA},
                  {0x14, 0x1EF6}, {0x19, 0x1EF8}, {0x1E, 0x1EF4}};

// VNI mark bytes: {lowercase byte, uppercase byte, vowel mark, tone}. Index + 1 is the mark id.
struct VniMark {
  uint8_t lower;
  uint8_t upper;
  Mark mark;
  Tone tone;
};
constexpr VniMark kVniMarks[] = {
    {0xF9, 0xD9, Mark::kNone, Tone::kAcute},       {0xF8, 0xD8, Mark::kNone, Tone::kGrave},
    {0xFB, 0xDB, Mark::kNone, Tone::kHook},        {0xF5, 0xD5, Mark::kNone, Tone::kTilde},
    {0xEF, 0xCF, Mark::kNone, Tone::kDot},         {0xE2, 0xC2, Mark::kCircumflex, Tone::kLevel},
    {0xE1, 0xC1, Mark::kCircumflex, Tone::kAcute}, {0xE0, 0xC0, Mark::kCircumflex, Tone::kGrave},
    {0xE5, 0xC5, Mark::kCircumflex, Tone::kHook},  {0xE3, 0xC3, Mark::kCircumflex, Tone::kTilde},
    {0xE4, 0xC4, Mark::kCircumflex, Tone::kDot},   {0xEA, 0xCA, Mark::kBreve, Tone::kLevel},
    {0xE9, 0xC9, Mark::kBreve, Tone::kAcute},      {0xE8, 0xC8, Mark::kBreve, Tone::kGrave},
    {0xFA, 0xDA, Mark::kBreve, Tone::kHook},       {0xFC, 0xDC, Mark::kBreve, Tone::kTilde},
    {0xEB, 0xCB, Mark::kBreve, Tone::kDot},
};
static_assert(sizeof(kVniMarks) / sizeof(kVniMarks[0]) + 1 == VniTable::kMarks);

// VNI base bytes: {byte, base vowel, its own mark, upper}. Index + 1 is the base id.
struct VniBase {
  uint8_t byte;
  char base;
  Mark mark;
  bool upper;
};
constexpr VniBase kVniBases[] = {
    {'a', 'a', Mark::kNone, false},  {'A', 'a', Mark::kNone, true},
    {'e', 'e', Mark::kNone, false},  {'E', 'e', Mark::kNone, true},
    {'o', 'o', Mark::kNone, false},  {'O', 'o', Mark::kNone, true},
    {'u', 'u', Mark::kNone, false},  {'U', 'u', Mark::kNone, true},
    {'y', 'y', Mark::kNone, false},  {'Y', 'y', Mark::kNone, true},
    {0xF4, 'o', Mark::kHorn, false}, {0xD4, 'o', Mark::kHorn, true},  // ơ Ơ
    {0xF6, 'u', Mark::kHorn, false}, {0xD6, 'u', Mark::kHorn, true},  // ư Ư
};
static_assert(sizeof(kVniBases) / sizeof(kVniBases[0]) + 1 == VniTable::kBases);

// VNI bytes that are whole letters.
constexpr struct {
  uint8_t byte;
  char16_t cp;
} kVniLetters[] = {
    {0xD1, 0x0110}, {0xF1, 0x0111},                                  // Đ đ
    {0xD4, 0x01A0}, {0xF4, 0x01A1}, {0xD6, 0x01AF}, {0xF6, 0x01B0},  // Ơ ơ Ư ư
    {0xCD, 0x00CD}, {0xED, 0x00ED}, {0xCC, 0x00CC}, {0xEC, 0x00EC},  // Í í Ì ì
    {0xC6, 0x1EC8}, {0xE6, 0x1EC9}, {0xD3, 0x0128}, {0xF3, 0x0129},  // Ỉ ỉ Ĩ ĩ
    {0xD2, 0x1ECA}, {0xF2, 0x1ECB}, {0xCE, 0x1EF4}, {0xEE, 0x1EF5},  // Ị ị Ỵ ỵ
};

ByteDecoding Make(char32_t a, char32_t b = 0) {
  ByteDecoding d;
  if (a == 0 || (a >= 0x80 && a <= 0x9F)) return d;  // unassigned
  std::string s;
  AppendUtf8(&s, a);
  if (b != 0) AppendUtf8(&s, b);
  d.len = static_cast<uint8_t>(s.size());
  s.copy(d.utf8, s.size());
  d.cp[0] = a;
  d.cp[1] = b;
  return d;
}

void FillAscii(SingleByteTable* t) {
  for (int b = 0; b < 0x80; ++b) {
    ByteDecoding& d = t->entry[b];
    d.len = 1;
    d.utf8[0] = static_cast<char>(b);
    d.cp[0] = static_cast<char32_t>(b);
  }
}

// Copies ICU's mapping of bytes [lo, hi] in `charset`. A byte ICU cannot map stays unassigned;
// so does every byte if ICU lacks the charset.
void FillFromIcu(const char* charset, int lo, int hi, SingleByteTable* t) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  for (int b = lo; b <= hi && U_SUCCESS(err); ++b) {
    const char in = static_cast<char>(b);
    UChar out[4];
    UErrorCode e = U_ZERO_ERROR;
    ucnv_reset(conv);
    const int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &e);
    if (U_SUCCESS(e) && n == 1) t->entry[b] = Make(out[0]);
  }
  ucnv_close(conv);
}

SingleByteTable BuildWindows1258() {
  SingleByteTable t;
  FillAscii(&t);
  FillFromIcu("windows-1258", 0x80, 0xFF, &t);
  return t;
}

SingleByteTable BuildTcvn3() {
  SingleByteTable t;
  FillAscii(&t);
  FillFromIcu("windows-1252", 0x80, 0x9F, &t);
  for (int i = 0; i < 96; ++i) t.entry[0xA0 + i] = Make(kTcvn3High[i]);
  return t;
}

SingleByteTable BuildViscii() {
  SingleByteTable t;
  FillAscii(&t);
  for (const auto& [byte, cp] : kVisciiLow) t.entry[byte] = Make(cp);
  for (int i = 0; i < 128; ++i) t.entry[0x80 + i] = Make(kVisciiHigh[i]);
  return t;
}

VniTable BuildVni() {
  VniTable t;
  FillAscii(&t.single);
  FillFromIcu("windows-1252", 0x80, 0xFF, &t.single);
  for (size_t m = 0; m < std::size(kVniMarks); ++m) {
    const VniMark& mk = kVniMarks[m];
    t.mark_id[mk.lower] = t.mark_id[mk.upper] = static_cast<uint8_t>(m + 1);
    // A mark with nothing to sit on: the combining marks themselves.
    const char32_t first =
        mk.mark != Mark::kNone ? CombiningForMark(mk.mark) : CombiningForTone(mk.tone);
    const char32_t second = mk.mark != Mark::kNone ? CombiningForTone(mk.tone) : 0;
    t.single.entry[mk.lower] = t.single.entry[mk.upper] = Make(first, second);
  }
  for (const auto& [byte, cp] : kVniLetters) t.single.entry[byte] = Make(cp);
  for (size_t b = 0; b < std::size(kVniBases); ++b) {
    const VniBase& base = kVniBases[b];
    t.base_id[base.byte] = static_cast<uint8_t>(b + 1);
    for (size_t m = 0; m < std::size(kVniMarks); ++m) {
      const VniMark& mk = kVniMarks[m];
      if (base.mark != Mark::kNone && mk.mark != Mark::kNone) continue;
      const Mark mark = base.mark != Mark::kNone ? base.mark : mk.mark;
      const char32_t c = ComposeVnLetter(base.base, mark, mk.tone, base.upper);
      t.pair[b + 1][m + 1] = Make(c);
    }
  }
  return t;
}

}  // namespace

const SingleByteTable& Windows1258Table() {
  static const SingleByteTable* const t = new SingleByteTable(BuildWindows1258());
  return *t;
}

const SingleByteTable& Tcvn3Table() {
  static const SingleByteTable* const t = new SingleByteTable(BuildTcvn3());
  return *t;
}

const SingleByteTable& VisciiTable() {
  static const SingleByteTable* const t = new SingleByteTable(BuildViscii());
  return *t;
}

const VniTable& VniTables() {
  static const VniTable* const t = new VniTable(BuildVni());
  return *t;
}

}  // namespace vnplan::ingest_internal
