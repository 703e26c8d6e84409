// Helpers shared by the normalize tests: reading the seed documents and checking the OffsetMap
// property of a normalized text.
#ifndef VNPLAN_TESTS_NORMALIZE_TEST_UTIL_H_
#define VNPLAN_TESTS_NORMALIZE_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace vnplan::testing_util {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seed whose file name starts with `prefix` ("001"), read from ../shared/seeds.
inline std::string ReadSeed(std::string_view prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(VNPLAN_SEEDS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
      return ReadFile(entry.path());
    }
  }
  ADD_FAILURE() << "no seed " << prefix << " in " << VNPLAN_SEEDS_DIR;
  return "";
}

inline std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// The line of `text` holding `fragment`, or "" when there is none.
inline std::string_view LineWith(std::string_view text, std::string_view fragment) {
  for (std::string_view line : Lines(text)) {
    if (line.find(fragment) != std::string_view::npos) return line;
  }
  return {};
}

// For every output line: its source span is inside the source, after the span of the line
// before, and normalizing the span's bytes again gives the line's text back (modulo line breaks:
// a join that needed the whole document's profile may come out as a break on its own).
inline void ExpectSpansRoundTrip(std::string_view source, const NormalizedText& n,
                                 const std::string& what) {
  ASSERT_EQ(n.map.output_size(), n.text.size()) << what;
  ASSERT_EQ(n.map.input_size(), source.size()) << what;
  size_t out = 0;
  size_t last_end = 0;
  for (std::string_view line : Lines(n.text)) {
    const Span span = n.map.MapSpan({out, out + line.size()});
    out += line.size() + 1;
    EXPECT_LE(last_end, span.start) << what << ": spans out of order at \"" << line << "\"";
    EXPECT_LE(span.start, span.end) << what;
    ASSERT_LE(span.end, source.size()) << what;
    last_end = span.end;
    bool digits_only = !line.empty() && line.size() <= 3;
    for (char c : line) digits_only = digits_only && c >= '0' && c <= '9';
    if (digits_only) continue;  // alone, a bare number is taken for a page number
    std::string again = Normalize(source.substr(span.start, span.size())).text;
    for (char& c : again) {
      if (c == '\n') c = ' ';
    }
    EXPECT_NE(again.find(line), std::string::npos)
        << what << ": line \"" << line << "\"\nspan renormalizes to \"" << again << "\"";
  }
}

}  // namespace vnplan::testing_util

#endif  // VNPLAN_TESTS_NORMALIZE_TEST_UTIL_H_
