#include "normalize/nfc.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace vnplan::normalize_internal {

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

bool AllAscii(std::string_view s) {
  // Eight bytes at a time: plain ASCII text (and most of any Vietnamese text) is skipped quickly.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) & 0x80) return false;
  }
  return true;
}

}  // namespace

bool IsNfc(std::string_view utf8) {
  if (AllAscii(utf8)) return true;
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
