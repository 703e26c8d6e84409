#include <cstdint>

#include "ingest/decoders.h"

namespace vnplan::ingest_internal {

namespace {

inline void Emit(const ByteDecoding& d, size_t in_len, size_t offset, const DecodeSink& sink) {
  if (d.len == 0) {
    sink.text->append("\xEF\xBF\xBD", 3);
    if (sink.map) sink.map->Replace(in_len, 3);
    sink.invalid->Add(offset, in_len);
    return;
  }
  sink.text->append(d.utf8, d.len);
  if (sink.map) sink.map->Replace(in_len, d.len);
}

inline void CopyRun(const char* p, size_t len, const DecodeSink& sink) {
  sink.text->append(p, len);
  if (sink.map) sink.map->Copy(len);
}

}  // namespace

void DecodeSingleByteText(std::string_view bytes, size_t base, const SingleByteTable& table,
                          const DecodeSink& sink) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  sink.text->reserve(sink.text->size() + n + n / 2);
  size_t i = 0;
  while (i < n) {
    // No table maps a byte to an ASCII character other than itself, so a one-byte decoding is
    // a copy, and runs of them become one Copy in the map.
    size_t j = i;
    while (j < n && table.entry[p[j]].len == 1) ++j;
    if (j > i) {
      CopyRun(bytes.data() + i, j - i, sink);
      i = j;
      if (i == n) break;
    }
    Emit(table.entry[p[i]], 1, base + i, sink);
    ++i;
  }
}

void DecodeVniText(std::string_view bytes, size_t base, const DecodeSink& sink) {
  const VniTable& t = VniTables();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  auto starts_pair = [&](size_t i) {
    return t.base_id[p[i]] != 0 && i + 1 < n && t.mark_id[p[i + 1]] != 0;
  };
  sink.text->reserve(sink.text->size() + n + n / 2);
  size_t i = 0;
  while (i < n) {
    if (starts_pair(i)) {
      const ByteDecoding& d = t.pair[t.base_id[p[i]]][t.mark_id[p[i + 1]]];
      if (d.len != 0) {
        Emit(d, 2, base + i, sink);
        i += 2;
        continue;
      }
    }
    const ByteDecoding& d = t.single.entry[p[i]];
    if (d.len == 1) {
      size_t j = i + 1;
      while (j < n && t.single.entry[p[j]].len == 1 && !starts_pair(j)) ++j;
      CopyRun(bytes.data() + i, j - i, sink);
      i = j;
      continue;
    }
    Emit(d, 1, base + i, sink);
    ++i;
  }
}

void DecodeText(Encoding encoding, std::string_view bytes, size_t base, const DecodeSink& sink) {
  switch (encoding) {
    case Encoding::kUtf8:
    case Encoding::kUtf8Bom: DecodeUtf8Text(bytes, base, sink); return;
    case Encoding::kUtf16Le: DecodeUtf16Text(bytes, base, /*big_endian=*/false, sink); return;
    case Encoding::kUtf16Be: DecodeUtf16Text(bytes, base, /*big_endian=*/true, sink); return;
    case Encoding::kWindows1258:
      DecodeSingleByteText(bytes, base, Windows1258Table(), sink);
      return;
    case Encoding::kTcvn3: DecodeSingleByteText(bytes, base, Tcvn3Table(), sink); return;
    case Encoding::kViscii: DecodeSingleByteText(bytes, base, VisciiTable(), sink); return;
    case Encoding::kVni: DecodeVniText(bytes, base, sink); return;
  }
}

}  // namespace vnplan::ingest_internal
