#include "extract/fold_key.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace vnplan {
namespace {

// Appends `s` to `out`, folding whitespace runs to one space and "đ" (which has no decomposition,
// so STRIPMARK keeps it) to "d".
void AppendCollapsed(std::string_view s, std::string* out) {
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out->empty();
      continue;
    }
    if (pending_space) {
      out->push_back(' ');
      pending_space = false;
    }
    if (c == 0xC4 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x91) {
      out->push_back('d');  // U+0111 đ
      ++i;
      continue;
    }
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
}

}  // namespace

namespace {

// Case-folded NFC with spaces collapsed: the accented twin of FoldKey.
std::string LowerKey(std::string_view phrase) {
  std::string out;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(phrase.data()),
      static_cast<utf8proc_ssize_t>(phrase.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  bool pending_space = false;
  const std::string_view s = n >= 0 && mapped != nullptr
                                 ? std::string_view(reinterpret_cast<const char*>(mapped), n)
                                 : phrase;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  std::free(mapped);
  return out;
}

}  // namespace

bool SameWords(std::string_view written, std::string_view word) {
  const bool ascii = std::all_of(written.begin(), written.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return FoldKey(written) == FoldKey(word);
  return LowerKey(written) == word;
}

std::string FoldKey(std::string_view phrase) {
  std::string out;
  out.reserve(phrase.size());
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(phrase.data()),
                   static_cast<utf8proc_ssize_t>(phrase.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                  UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  if (n >= 0 && mapped != nullptr) {
    AppendCollapsed(std::string_view(reinterpret_cast<const char*>(mapped), n), &out);
  } else {
    AppendCollapsed(phrase, &out);
  }
  std::free(mapped);
  return out;
}

}  // namespace vnplan
