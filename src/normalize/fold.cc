#include <utf8proc.h>

#include "base/utf8.h"
#include "normalize/normalize.h"
#include "normalize/vn_chars.h"

namespace vnplan {

using normalize_internal::CharInfo;
using normalize_internal::GetCharInfo;

FoldedText FoldDiacritics(std::string_view utf8) {
  FoldedText result;
  std::string& out = result.text;
  out.reserve(utf8.size());
  OffsetMap::Builder b;
  // Every non-ASCII character may start a run, and the copy after it another.
  size_t leads = 0;
  for (char c : utf8) leads += static_cast<unsigned char>(c) >= 0xC0;
  b.Reserve(2 * leads + 1);
  size_t i = 0;
  while (i < utf8.size()) {
    // ASCII runs go through untouched.
    size_t j = i;
    while (j < utf8.size() && static_cast<unsigned char>(utf8[j]) < 0x80) ++j;
    if (j > i) {
      out.append(utf8.substr(i, j - i));
      b.Copy(j - i);
      i = j;
      continue;
    }
    char32_t cp;
    size_t len = DecodeUtf8(utf8, i, &cp);
    if (len == 0) {  // not UTF-8: kept as it is
      out.push_back(utf8[i]);
      b.Copy(1);
      ++i;
      continue;
    }
    const CharInfo info = GetCharInfo(cp);
    if (info.is_mark()) {
      b.Delete(len);  // a combining mark of decomposed input
    } else if (info.is_letter() && info.base != 0) {
      out.push_back(info.base);
      b.Replace(len, 1);
    } else if (info.is_letter()) {
      // Outside the Latin letters: let utf8proc strip what it can (Greek tonos and the like).
      utf8proc_int32_t buf[8];
      const utf8proc_ssize_t n = utf8proc_decompose_char(
          static_cast<utf8proc_int32_t>(cp), buf, 8,
          static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK), nullptr);
      if (n > 0 && n <= 8 && !(n == 1 && static_cast<char32_t>(buf[0]) == cp)) {
        const size_t before = out.size();
        for (utf8proc_ssize_t k = 0; k < n; ++k) AppendUtf8(&out, static_cast<char32_t>(buf[k]));
        b.Replace(len, out.size() - before);
      } else {
        out.append(utf8.substr(i, len));
        b.Copy(len);
      }
    } else {
      out.append(utf8.substr(i, len));
      b.Copy(len);
    }
    i += len;
  }
  result.map = std::move(b).Build();
  return result;
}

}  // namespace vnplan
