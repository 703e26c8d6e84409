#include <cstdint>
#include <cstring>

#include "base/utf8.h"
#include "ingest/decoders.h"

namespace vnplan::ingest_internal {

namespace {

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";
constexpr size_t kReplacementLen = 3;

// The second byte of a sequence has a narrower range after some lead bytes: that is what rules
// out overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
struct LeadInfo {
  uint8_t length;  // 0: never a valid lead byte
  uint8_t lo;
  uint8_t hi;
};

inline LeadInfo Lead(unsigned char c) {
  if (c < 0x80) return {1, 0, 0};
  if (c < 0xC2) return {0, 0, 0};
  if (c < 0xE0) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};
  if (c == 0xED) return {3, 0x80, 0x9F};
  if (c < 0xF0) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c < 0xF4) return {4, 0x80, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

inline bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence at p, or 0.
inline size_t ValidSequence(const unsigned char* p, size_t left) {
  const LeadInfo l = Lead(p[0]);
  if (l.length <= 1) return l.length;
  if (left < l.length || p[1] < l.lo || p[1] > l.hi) return 0;
  for (size_t k = 2; k < l.length; ++k) {
    if (!IsCont(p[k])) return 0;
  }
  return l.length;
}

// At an invalid position: the bytes that start a well-formed sequence but stop short of it.
inline size_t MaximalSubpart(const unsigned char* p, size_t left) {
  const LeadInfo l = Lead(p[0]);
  if (l.length <= 1 || left < 2 || p[1] < l.lo || p[1] > l.hi) return 1;
  size_t k = 2;
  while (k < l.length && k < left && IsCont(p[k])) ++k;
  return k;
}

inline void AppendReplacement(size_t in_len, size_t offset, const DecodeSink& sink) {
  sink.text->append(kReplacementUtf8, kReplacementLen);
  if (sink.map) sink.map->Replace(in_len, kReplacementLen);
  sink.invalid->Add(offset, in_len);
}

}  // namespace

size_t ValidUtf8Prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      // Plain ASCII dominates even Vietnamese text: skip it eight bytes at a time.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) break;
        i += 8;
      }
      while (i < n && p[i] < 0x80) ++i;
      if (i == n) break;
    }
    // Vietnamese letters need only their continuation bytes checked; the rest is ValidSequence's.
    if (const size_t letter = VietnameseLetterLength(p + i, n - i)) {
      i += letter;
      continue;
    }
    const size_t len = ValidSequence(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

void DecodeUtf8Text(std::string_view bytes, size_t base, const DecodeSink& sink) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  sink.text->reserve(sink.text->size() + n + n / 8);
  size_t i = 0;
  while (i < n) {
    const size_t good = ValidUtf8Prefix(bytes.substr(i));
    if (good > 0) {
      sink.text->append(bytes.data() + i, good);
      if (sink.map) sink.map->Copy(good);
      i += good;
      if (i == n) break;
    }
    const size_t bad = MaximalSubpart(p + i, n - i);
    AppendReplacement(bad, base + i, sink);
    i += bad;
  }
}

void DecodeUtf16Text(std::string_view bytes, size_t base, bool big_endian, const DecodeSink& sink) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  auto unit = [&](size_t i) -> char32_t {
    return big_endian ? (p[i] << 8) | p[i + 1] : (p[i + 1] << 8) | p[i];
  };
  sink.text->reserve(sink.text->size() + n);
  size_t i = 0;
  while (i + 1 < n) {
    const char32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      const size_t before = sink.text->size();
      AppendUtf8(sink.text, u);
      if (sink.map) sink.map->Replace(2, sink.text->size() - before);
      i += 2;
      continue;
    }
    if (u <= 0xDBFF && i + 3 < n) {
      const char32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendUtf8(sink.text, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        if (sink.map) sink.map->Replace(4, 4);
        i += 4;
        continue;
      }
    }
    AppendReplacement(2, base + i, sink);
    i += 2;
  }
  if (i < n) AppendReplacement(1, base + i, sink);
}

}  // namespace vnplan::ingest_internal
