#include "normalize/nfc.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "base/utf8.h"

namespace vnplan::normalize_internal {

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// True when every code point is inert (and the bytes are UTF-8). The common leads are checked
// on the bytes; the rest are decoded.
bool AllInert(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t size = s.size();
  auto cont = [&](size_t k) { return k < size && (p[k] & 0xC0) == 0x80; };
  size_t i = 0;
  while (i < size) {
    if (i + 8 <= size) {  // eight ASCII bytes at a time
      uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xCB && cont(i + 1)) {
      i += 2;  // U+0080..U+02FF
    } else if (c == 0xE1 && i + 1 < size && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB && cont(i + 2)) {
      i += 3;  // U+1E00..U+1EFF
    } else {
      char32_t cp;
      const size_t n = DecodeUtf8(s, i, &cp);
      if (n == 0 || !IsNfcInert(cp)) return false;
      i += n;
    }
  }
  return true;
}

}  // namespace

bool IsNfcInert(char32_t cp) {
  return cp < 0x0300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2002 && cp < 0x2070) ||
         (cp >= 0x20A0 && cp < 0x20C0);
}

bool IsNfc(std::string_view utf8) {
  if (AllInert(utf8)) return true;
  const icu::Normalizer2* n = Nfc();
  if (n == nullptr) return true;
  UErrorCode status = U_ZERO_ERROR;
  const bool yes =
      n->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
  return U_SUCCESS(status) && yes;
}

std::string ToNfc(std::string_view utf8, OffsetMap* map) {
  const icu::Normalizer2* n = Nfc();
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  UErrorCode status = U_ZERO_ERROR;
  if (n != nullptr) {
    n->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                     &edits, status);
  }
  if (n == nullptr || U_FAILURE(status)) {
    *map = OffsetMap::Identity(utf8.size());
    return std::string(utf8);
  }
  OffsetMap::Builder b;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    if (it.hasChange()) {
      b.Replace(static_cast<size_t>(it.oldLength()), static_cast<size_t>(it.newLength()));
    } else {
      b.Copy(static_cast<size_t>(it.oldLength()));
    }
  }
  // The edits must account for every byte on both sides; if they do not, fall back to one run
  // over everything rather than a map that lies.
  if (U_FAILURE(status) || b.input_pos() != utf8.size() || b.output_pos() != out.size()) {
    OffsetMap::Builder whole;
    whole.Replace(utf8.size(), out.size());
    *map = std::move(whole).Build();
    return out;
  }
  *map = std::move(b).Build();
  return out;
}

}  // namespace vnplan::normalize_internal
