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
  std::string p, why;
  if (!ExpandNamedClasses(rule.pattern, &p, &why)) p = rule.pattern;  // loaded rules expand
  // ripgrep joins the lines of -f with '|': each pattern is wrapped so that its flags ("(?i)")
  // stay inside it, and loses its group names, which would repeat across patterns.
  std::string out = rule.case_insensitive ? "(?i:" : "(?:";
  // ripgrep matches line by line and refuses a pattern that names '\n': outside a class a newline
  // becomes \s, in a class it is dropped (kept in a negated one, which ripgrep accepts).
  bool in_class = false, negated = false;
  size_t class_open = 0;  // index in `out` just after "[" or "[^"
  auto newline = [&] {
    if (!in_class) {
      out += "\\s";
    } else if (negated) {
      out += "\\n";
    }
  };
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (!in_class && c == '(' && p.compare(i, 4, "(?P<") == 0) {
      const size_t close = p.find('>', i);
      if (close != std::string::npos) {
        out += "(?:";
        i = close;
        continue;
      }
    }
    if (c == '[' && !in_class) {
      in_class = true;
      negated = i + 1 < p.size() && p[i + 1] == '^';
      out += negated ? "[^" : "[";
      i += negated ? 1 : 0;
      class_open = out.size();
    } else if (c == '[' && p.compare(i, 2, "[:") == 0 && p.find(":]", i) != std::string::npos) {
      const size_t end = p.find(":]", i) + 2;
      out.append(p, i, end - i);
      i = end - 1;
    } else if (c == ']' && in_class && out.size() > class_open) {
      in_class = false;
      out.push_back(']');
    } else if (c == '\n') {
      newline();
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
      } else if (e == 'n') {
        newline();
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
  out.push_back(')');
  return out;
}

}  // namespace vnplan
