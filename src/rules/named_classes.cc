#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include "rules/rules.h"

namespace vnplan {

namespace {

// The blocks Vietnamese text draws its letters and digits from, as an ICU set.
constexpr char kBlocks[] = "[\\u0000-\\u052F\\u1E00-\\u1FFF\\u2070-\\u218F\\uFF00-\\uFFEF]";

// The ranges of ICU's `category` within kBlocks, written for the inside of an RE2 class:
// ASCII letters and digits as themselves, the rest as \x{...}.
std::string RangesOf(const char* category) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string pattern = std::string("[[:") + category + ":]&" + kBlocks + "]";
  const icu::UnicodeSet set(icu::UnicodeString::fromUTF8(pattern), status);
  std::string out;
  if (U_FAILURE(status)) return out;
  auto append = [&out](UChar32 c) {
    if (c < 0x80 && std::isalnum(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(c));
      out += buf;
    }
  };
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    append(set.getRangeStart(i));
    if (set.getRangeEnd(i) != set.getRangeStart(i)) {
      out.push_back('-');
      append(set.getRangeEnd(i));
    }
  }
  return out;
}

// The class a name stands for, or null for a name that is not ours (RE2's own POSIX classes
// pass through).
const std::string* NamedClass(std::string_view name) {
  static const std::string letter = RangesOf("L");
  static const std::string number = RangesOf("N");
  if (name == "letter") return &letter;
  if (name == "number") return &number;
  return nullptr;
}

}  // namespace

bool ExpandNamedClasses(std::string_view p, std::string* out, std::string* error) {
  out->clear();
  out->reserve(p.size());
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      if (p[i + 1] == 'Q' && !in_class) {  // \Q...\E: a literal run, brackets included
        const size_t end = p.find("\\E", i + 2);
        const size_t stop = end == std::string_view::npos ? p.size() : end + 2;
        out->append(p.substr(i, stop - i));
        i = stop - 1;
      } else {
        out->append(p.substr(i, 2));
        ++i;
      }
      continue;
    }
    if (c == '[' && p.substr(i, 2) == "[:") {
      const size_t close = p.find(":]", i + 2);
      const std::string_view name =
          close == std::string_view::npos ? std::string_view() : p.substr(i + 2, close - i - 2);
      const std::string* ranges = NamedClass(name);
      if (ranges != nullptr && !in_class) {
        *error = "[:" + std::string(name) +
                 ":] names a class only inside brackets: write [[:" + std::string(name) + ":]]";
        return false;
      }
      if (ranges != nullptr) {
        out->append(*ranges);
        i = close + 1;
        continue;
      }
      if (in_class && close != std::string_view::npos) {  // an RE2 class such as [:digit:]
        out->append(p.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
    }
    if (c == '[' && !in_class) {
      in_class = true;
      out->push_back('[');
      // "[^" and a ']' right after the opening are part of the class, not its end.
      if (i + 1 < p.size() && p[i + 1] == '^') out->push_back(p[++i]);
      if (i + 1 < p.size() && p[i + 1] == ']') out->push_back(p[++i]);
      continue;
    }
    if (c == ']' && in_class) in_class = false;
    out->push_back(c);
  }
  return true;
}

}  // namespace vnplan
