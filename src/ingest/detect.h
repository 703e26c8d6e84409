// Encoding detection and binary refusal. Internal to ingest; Decode() is the public face.
//
// Order of the checks:
//   1. A BOM decides (UTF-8, UTF-16 LE/BE), confidence 1.
//   2. Binary input is refused: a NUL byte anywhere (outside UTF-16), or more than 10% control
//      characters in the first 32 KiB.
//   3. Valid UTF-8 (the whole input is checked, cheaply) wins at once when it holds no byte
//      above 0x7F, or when its first 4 KiB read as text; only valid UTF-8 that reads as junk is
//      compared with the legacy decodings, which must then beat it clearly.
//   4. Otherwise every candidate (UTF-8 with replacements, TCVN3, VNI, Windows-1258, VISCII)
//      decodes the sample and the best TextScore wins. UTF-8 is scored first, and when it
//      reads as clean text (a few bad bytes in much good text) the others are not tried.
// The sample is the first 32 KiB plus the last 8 KiB, so detection costs the same on any size.
//
//   Detection d = Detect(bytes);
//   if (!d.binary) Decode the bytes after d.bom as d.encoding.
#ifndef VNPLAN_INGEST_DETECT_H_
#define VNPLAN_INGEST_DETECT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/ingest.h"
#include "ingest/text_score.h"

namespace vnplan::ingest_internal {

inline constexpr size_t kHeadSample = 32 * 1024;
inline constexpr size_t kTailSample = 8 * 1024;
// Valid UTF-8 only has to show it is not junk: a shorter look does.
inline constexpr size_t kUtf8Sample = 4 * 1024;

struct BinaryEvidence {
  std::string reason;  // "NUL byte at offset 17", "31% control characters in the first 4096 bytes"
  size_t offset = 0;   // the first offending byte
};

struct Detection {
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0.0;
  size_t bom = 0;           // bytes of byte-order mark to drop
  bool valid_utf8 = false;  // the bytes after the BOM are known to be valid UTF-8
  std::optional<BinaryEvidence> binary;
};

// Detects the encoding of `bytes` (see the order above).
Detection Detect(std::string_view bytes);

// The detection for a forced encoding: its BOM, if the input has one, is still dropped, and
// binary input is still refused. Confidence 1.
Detection ForcedDetection(std::string_view bytes, Encoding forced);

// Why `bytes` (to be read as `encoding`, BOM included) is binary, or nullopt when it is text.
std::optional<BinaryEvidence> FindBinaryEvidence(std::string_view bytes, Encoding encoding);

// The score of the sample of `bytes` decoded as `encoding` (`bytes` without BOM): the first
// `head` bytes and, when the input is longer than head + tail, the last `tail` bytes.
TextScore ScoreSample(std::string_view bytes, Encoding encoding, size_t head = kHeadSample,
                      size_t tail = kTailSample);

}  // namespace vnplan::ingest_internal

#endif  // VNPLAN_INGEST_DETECT_H_
