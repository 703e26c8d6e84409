#include <cctype>
#include <string>
#include <string_view>

#include "rules/rules.h"

namespace vnplan {

namespace {

// Characters that ripgrep's regex crate lets a backslash escape. RE2 accepts an escape before any
// punctuation; Rust refuses the rest ("\/", "\:", "\,"), so those lose their backslash.
bool RustEscapable(char c) {
  return std::string_view("\\.+*?()|[]{}^$#&-~").find(c) != std::string_view::npos;
}

void AppendLiteral(std::string* out, char c) {
  if (RustEscapable(c)) out->push_back('\\');
  out->push_back(c);
}

}  // namespace

std::string ToRipgrepPattern(const Rule& rule) {
  const std::string& p = rule.pattern;
  std::string out = rule.case_insensitive ? "(?i)" : "";
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c != '\\' || i + 1 == p.size()) {
      out.push_back(c);
    } else {
      const char e = p[++i];
      if (e == 'Q') {  // \Q...\E quotes a literal run
        const size_t end = p.find("\\E", i + 1);
        const size_t stop = end == std::string::npos ? p.size() : end;
        for (size_t k = i + 1; k < stop; ++k) AppendLiteral(&out, p[k]);
        i = end == std::string::npos ? p.size() : end + 1;
      } else if (e == 'C') {
        out.push_back('.');
      } else if (std::ispunct(static_cast<unsigned char>(e)) && !RustEscapable(e)) {
        out.push_back(e);
      } else if (e == ' ') {
        out.push_back(' ');
      } else {
        out.push_back('\\');
        out.push_back(e);
      }
    }
  }
  return out;
}

}  // namespace vnplan
