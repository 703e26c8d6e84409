// The decoders behind Decode(): each turns the bytes of one encoding into UTF-8, records every
// edit in an OffsetMap builder and logs the bytes it could not decode. Internal to ingest.
//
//   std::string text;
//   OffsetMap::Builder map;
//   InvalidBytes invalid;
//   DecodeSink sink{&text, &map, &invalid};
//   DecodeUtf8Text("a\xC0z", 0, sink);   // text == "a\uFFFDz", invalid.runs() == 1
//
// Offsets given to InvalidBytes are raw-byte offsets: `base` is the offset of bytes[0] in the
// whole input (3 after a UTF-8 BOM), so reports point into the file, not into the slice.
#ifndef VNPLAN_INGEST_DECODERS_H_
#define VNPLAN_INGEST_DECODERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/offset_map.h"
#include "ingest/ingest.h"
#include "ingest/legacy_tables.h"

namespace vnplan::ingest_internal {

// The bytes a decoder replaced by U+FFFD: adjacent bytes form one run; the first kListed runs
// keep their offsets, the rest are only counted.
class InvalidBytes {
 public:
  static constexpr size_t kListed = 20;

  struct Run {
    size_t offset;
    size_t length;
  };

  void Add(size_t offset, size_t length);

  const std::vector<Run>& listed() const { return listed_; }
  size_t runs() const { return runs_; }
  size_t bytes() const { return bytes_; }

 private:
  std::vector<Run> listed_;
  size_t runs_ = 0;
  size_t bytes_ = 0;
  size_t last_end_ = static_cast<size_t>(-1);
};

struct DecodeSink {
  std::string* text;        // UTF-8 is appended here
  OffsetMap::Builder* map;  // null: no map wanted (detection samples)
  InvalidBytes* invalid;
};

// Length of the longest prefix of `s` that is valid UTF-8 (no overlong forms, no surrogates,
// nothing past U+10FFFF, no sequence cut at the end).
size_t ValidUtf8Prefix(std::string_view s);

// UTF-8 with each maximal ill-formed subsequence (the Unicode/WHATWG practice) replaced by one
// U+FFFD: "\xE2\x82" followed by "x" is one replacement, "\xC0\x80" two.
void DecodeUtf8Text(std::string_view bytes, size_t base, const DecodeSink& sink);

// UTF-16 without its BOM. An unpaired surrogate or a final odd byte becomes U+FFFD.
void DecodeUtf16Text(std::string_view bytes, size_t base, bool big_endian, const DecodeSink& sink);

// A one-byte-per-character code page (Windows-1258, TCVN3, VISCII).
void DecodeSingleByteText(std::string_view bytes, size_t base, const SingleByteTable& table,
                          const DecodeSink& sink);

// VNI: a base letter and the mark byte after it become one letter (one Replace(2, n) in the map).
void DecodeVniText(std::string_view bytes, size_t base, const DecodeSink& sink);

// TCVN3 has no codes for capital toned vowels, so "HOẠCH" arrives as "HOạCH". Where a word
// shows it was written in capitals (no other lowercase letter, and more than a title-case
// initial in capitals: "HOạCH", "ủY"), its toned letters are raised back: "HOẠCH", "ỦY". Words
// that cannot tell ("Kế" may be "KẾ") are left alone. Capitals and small letters have UTF-8
// forms of equal length, so the text changes in place and the OffsetMap stays right.
void RestoreTcvn3Capitals(std::string* text);

// Dispatches on the encoding. `bytes` starts after any BOM; kUtf8 and kUtf8Bom both decode
// as UTF-8.
void DecodeText(Encoding encoding, std::string_view bytes, size_t base, const DecodeSink& sink);

// Decode() for bytes the caller owns and gives up: when they are UTF-8 that needs no edit, the
// text takes over their buffer instead of copying it. `*raw` is left unspecified.
Decoded DecodeOwned(std::string* raw, const DecodeOptions& options, std::string_view path);

}  // namespace vnplan::ingest_internal

#endif  // VNPLAN_INGEST_DECODERS_H_
