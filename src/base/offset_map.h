// OffsetMap: from byte offsets of an edited text back to the text it was made from.
//
// Every stage that rewrites text (decoding, normalization) records its edits in an OffsetMap, so
// a span found in the final text maps back to the exact bytes of the source. Maps compose: if
// `decode` maps UTF-8 text to raw file bytes and `norm` maps normalized text to that UTF-8 text,
// Compose(decode, norm) maps normalized text straight to raw bytes.
//
// A map is built in order, left to right, by a Builder:
//
//   OffsetMap::Builder b;
//   b.Copy(6);          // "Số: " kept as it is (6 bytes: "ố" takes 3)
//   b.Replace(3, 2);    // 3 input bytes became 2 output bytes
//   b.Delete(2);        // 2 input bytes dropped
//   b.Insert(1);        // 1 output byte with no input of its own
//   OffsetMap m = std::move(b).Build();
//
// Mapping rules, for an output offset o:
//   MapStart(o): where a span starting at o starts in the input. Inside a copied run it is exact;
//     inside a replaced run it is the start of that run's input; deleted input just before o is
//     skipped (a span never starts on dropped bytes).
//   MapEnd(o): where a span ending at o ends in the input. Inside a replaced run it is the end of
//     that run's input; deleted input just after the last output byte is not included.
//   Inserted output (a run with no input of its own) is skipped by both: a span starting on it
//     starts where the next output byte that has input starts (input_size() if none), a span
//     ending on it ends where the last earlier output byte that has input ends (MapStart(0) if
//     none). So a span never picks up deleted bytes through an insertion next to them.
//   MapSpan({s, e}) = {MapStart(s), max(MapStart(s), MapEnd(e))} for s < e; an empty span, or one
//     holding only inserted bytes, maps to an empty span at MapStart(s).
// In other words MapSpan covers exactly the input that the span's output bytes came from (all
// of a replaced run's input for any of its output bytes). Both are monotone (non-decreasing) in
// o, MapStart(0) >= 0 and MapEnd(output_size()) <= input_size().
// Lookups are O(log segments) (plus the length of a chain of adjacent insertions).
#ifndef VNPLAN_BASE_OFFSET_MAP_H_
#define VNPLAN_BASE_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/span.h"

namespace vnplan {

class OffsetMap {
  // Runs of output bytes, in order; they tile the output. Deleted input lies in the gaps between
  // one run's input and the next's. Parallel arrays so that lookups binary-search out_start.
  struct Runs {
    std::vector<uint64_t> out_start;
    std::vector<uint64_t> in_start;
    std::vector<uint64_t> in_len;
    std::vector<uint8_t> copy;  // 1: copied run (out_len == in_len), 0: replaced run
    void Push(uint64_t out_start, uint64_t in_start, uint64_t in_len, bool copy);
  };

 public:
  class Builder {
   public:
    // `n` bytes appear unchanged in the output.
    void Copy(size_t n);
    // `in_len` input bytes became `out_len` output bytes. Either may be zero.
    void Replace(size_t in_len, size_t out_len);
    void Delete(size_t in_len) { Replace(in_len, 0); }
    void Insert(size_t out_len) { Replace(0, out_len); }
    // Room for `runs` more runs without reallocating (a hint; the map is the same without it).
    void Reserve(size_t runs);

    size_t input_pos() const { return in_pos_; }
    size_t output_pos() const { return out_pos_; }

    OffsetMap Build() &&;

   private:
    Runs runs_;
    size_t in_pos_ = 0;
    size_t out_pos_ = 0;
  };

  // The empty map (of the empty text).
  OffsetMap() = default;
  // A map where output == input, `len` bytes long.
  static OffsetMap Identity(size_t len);

  // Returns the map from `c` (the output of `second`) to the input of `first`, where `second`'s
  // input is `first`'s output. Example: Compose(decode_map, normalize_map). For every span s,
  // Compose(first, second).MapSpan(s) covers exactly the input of `first` that the bytes of s
  // came from through both maps.
  static OffsetMap Compose(const OffsetMap& first, const OffsetMap& second);

  size_t input_size() const { return in_size_; }
  size_t output_size() const { return out_size_; }
  // True when output and input are the same bytes.
  bool is_identity() const;
  // Number of stored runs (for benchmarks and tests).
  size_t segments() const { return runs_.out_start.size(); }

  size_t MapStart(size_t out_offset) const;
  size_t MapEnd(size_t out_offset) const;
  Span MapSpan(Span out) const;

 private:
  // Index of the run containing output byte `o` (o < out_size_).
  size_t Find(size_t o) const;
  // True for a run that has output but no input (an insertion).
  bool IsInsertion(size_t i) const { return !runs_.copy[i] && runs_.in_len[i] == 0; }
  // The first run at or after the one holding output byte `o` that has input (segments() if
  // none).
  size_t NextWithInput(size_t o) const;

  Runs runs_;
  size_t in_size_ = 0;
  size_t out_size_ = 0;
};

}  // namespace vnplan

#endif  // VNPLAN_BASE_OFFSET_MAP_H_
