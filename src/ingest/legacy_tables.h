// Byte tables of the legacy Vietnamese encodings, built once and shared by every thread.
// Internal to ingest (decoders and detection); tests read them to encode text back.
//
// Windows-1258 comes from ICU ("windows-1258"); the others are tables of our own:
//   - VISCII: RFC 1456, the same mapping as glibc's VISCII (tests check it against iconv).
//   - TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime): ASCII unchanged, 0xA0..0xFF as in
//     VN3, where 0xA1..0xA7 hold the only capitals Ă Â Ê Ô Ơ Ư Đ and the toned letters are all
//     lowercase. The codes VN3 leaves free in 0xA0..0xFF decode as their VN2 letters (the
//     capitals glibc's TCVN5712-1 puts there), so a VN2 file decodes too. 0x80..0x9F decode as
//     in Windows-1252 (curly quotes, dashes), which is what text saved from Windows with an ABC
//     font holds there. glibc's TCVN5712-1 is the VN1 variant, which puts capitals on C0 and C1
//     codes, so it is not used for TCVN3.
//   - VNI (VNI-Windows fonts): a vowel with a mark is the ASCII base letter followed by one mark
//     byte ("aù" = á, "aâ" = â, "aá" = ấ, "ôù" = ớ); ơ ư đ, the toned i and ỵ have one byte each.
//     A mark byte with no base before it decodes as combining marks; bytes VNI does not use
//     decode as in Windows-1252.
// In every table a byte that maps to nothing (or to a C1 control) is unassigned: the decoders
// turn it into U+FFFD and report it.
#ifndef VNPLAN_INGEST_LEGACY_TABLES_H_
#define VNPLAN_INGEST_LEGACY_TABLES_H_

#include <cstdint>

namespace vnplan::ingest_internal {

// What one byte (or one VNI pair) decodes to: up to two code points, as ready UTF-8.
struct ByteDecoding {
  uint8_t len = 0;  // UTF-8 length; 0: unassigned
  char utf8[7] = {};
  char32_t cp[2] = {0, 0};  // the code points (cp[1] == 0 when there is one)
};

struct SingleByteTable {
  ByteDecoding entry[256];
};

const SingleByteTable& Windows1258Table();
const SingleByteTable& Tcvn3Table();
const SingleByteTable& VisciiTable();

// VNI: bytes alone, plus the pairs (base byte, mark byte).
struct VniTable {
  static constexpr int kBases = 15;  // index 0: not a base
  static constexpr int kMarks = 18;  // index 0: not a mark
  SingleByteTable single;
  uint8_t base_id[256] = {};
  uint8_t mark_id[256] = {};
  ByteDecoding pair[kBases][kMarks];  // len 0: this base does not take this mark
};

const VniTable& VniTables();

}  // namespace vnplan::ingest_internal

#endif  // VNPLAN_INGEST_LEGACY_TABLES_H_
