#include "segment/lines.h"

namespace vnplan::segment {

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    size_t b = start, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    if (e > b) lines.push_back({{b, e}, text.substr(b, e - b)});
    start = end + 1;
  }
  return lines;
}

size_t LineStartOr(const std::vector<Line>& lines, size_t i, size_t text_end) {
  return i < lines.size() ? lines[i].span.start : text_end;
}

bool IsSeparator(std::string_view line) {
  for (char c : line) {
    if (c != '-' && c != '_' && c != '*' && c != '|' && c != '=' && c != ' ' && c != '.' &&
        c != '~') {
      return false;
    }
  }
  return true;
}

}  // namespace vnplan::segment
