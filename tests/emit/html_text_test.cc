// Escaping and span nesting of the HTML report's text (emit/html_text.h).
#include "emit/html_text.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "emit/emit.h"

namespace vnplan::emit_internal {
namespace {

TEST(HtmlEscape, HostileTextBecomesInert) {
  struct Case {
    std::string in;
    std::string out;
  } const kCases[] = {
      {"", ""},
      {"Quyết định số 90/QĐ-TTg", "Quyết định số 90/QĐ-TTg"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
      {"'><svg onload=alert(1)>", "&#39;&gt;&lt;svg onload=alert(1)&gt;"},
      {"a & b &amp; c", "a &amp; b &amp;amp; c"},
      {"</pre></section><!--", "&lt;/pre&gt;&lt;/section&gt;&lt;!--"},
      {std::string("nul\0here", 8), "nul\xEF\xBF\xBDhere"},
      {"javascript:alert(1)", "javascript:alert(1)"},  // inert as text; never put in an href
  };
  for (const Case& c : kCases) EXPECT_EQ(HtmlEscape(c.in), c.out) << c.in;
}

Mark M(size_t start, size_t end, const std::string& name) {
  return {start, end, "<span class=\"" + name + "\" id=\"" + name + "\">",
          "<span class=\"" + name + "\">"};
}

TEST(AppendMarked, NestsCrossesAndSkips) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Mark> marks;
    std::string out;
    std::vector<bool> shown;
  } const kCases[] = {
      {"no marks", "a<b", {}, "a&lt;b", {}},
      {"a date inside a citation",
       "QĐ 90 ngày 18/01/2022;",
       {M(0, 23, "c"), M(13, 23, "d")},
       "<span class=\"c\" id=\"c\">QĐ 90 ngày <span class=\"d\" id=\"d\">18/01/2022</span></span>;",
       {true, true}},
      {"the inner one given first still nests inside",
       "QĐ 90 ngày 18/01/2022;",
       {M(13, 23, "d"), M(0, 23, "c")},
       "<span class=\"c\" id=\"c\">QĐ 90 ngày <span class=\"d\" id=\"d\">18/01/2022</span></span>;",
       {true, true}},
      {"same span: the first given is the outer",
       "x<y",
       {M(0, 3, "f"), M(0, 3, "c")},
       "<span class=\"f\" id=\"f\"><span class=\"c\" id=\"c\">x&lt;y</span></span>",
       {true, true}},
      {"crossing spans are split, never interleaved",
       "0123456789abcde",
       {M(0, 10, "a"), M(5, 15, "b")},
       "<span class=\"a\" id=\"a\">01234<span class=\"b\" id=\"b\">56789</span></span>"
       "<span class=\"b\">abcde</span>",
       {true, true}},
      {"adjacent spans",
       "abcd",
       {M(0, 2, "a"), M(2, 4, "b")},
       "<span class=\"a\" id=\"a\">ab</span><span class=\"b\" id=\"b\">cd</span>",
       {true, true}},
      {"empty and out-of-text marks are left out",
       "abcd",
       {M(2, 2, "e"), M(3, 9, "o"), M(1, 3, "a")},
       "a<span class=\"a\" id=\"a\">bc</span>d",
       {false, false, true}},
  };
  for (const Case& c : kCases) {
    for (const Mark& m : c.marks) {  // offsets are bytes: "Đ" and "à" take two
      ASSERT_TRUE(m.start >= m.end || m.end > c.text.size() ||
                  (static_cast<unsigned char>(c.text[m.start]) & 0xC0) != 0x80)
          << c.name;
    }
    std::string out;
    EXPECT_EQ(AppendMarked(c.text, c.marks, &out), c.shown) << c.name;
    EXPECT_EQ(out, c.out) << c.name;
  }
}

// The text between the tags, unescaped, and whether every </span> closes an open <span>.
struct Parsed {
  std::string text;
  bool balanced = true;
  size_t opens = 0;
};

Parsed Parse(const std::string& html) {
  Parsed p;
  int depth = 0;
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 5, "<span") == 0) {
      ++depth;
      ++p.opens;
      i = html.find('>', i) + 1;
    } else if (html.compare(i, 7, "</span>") == 0) {
      if (--depth < 0) p.balanced = false;
      i += 7;
    } else if (html[i] == '<') {
      p.balanced = false;  // no other tag may appear
      ++i;
    } else if (html[i] == '&') {
      const size_t semi = html.find(';', i);
      const std::string ref = html.substr(i, semi - i + 1);
      p.text += ref == "&lt;"     ? "<"
                : ref == "&gt;"   ? ">"
                : ref == "&amp;"  ? "&"
                : ref == "&quot;" ? "\""
                                  : "'";
      i = semi + 1;
    } else {
      p.text += html[i++];
    }
  }
  if (depth != 0) p.balanced = false;
  return p;
}

// Random overlapping marks (fixed seed): the output is always balanced, keeps the text, and
// writes every mark within the depth limit.
TEST(AppendMarked, RandomOverlapsStayBalanced) {
  std::mt19937 rng(6);
  const std::string text = "Căn cứ <Quyết định> số 12/QĐ & \"ngày\" 01/02/2024 'x' của UBND.";
  for (int round = 0; round < 300; ++round) {
    std::vector<Mark> marks;
    const int n = static_cast<int>(rng() % 9);
    for (int i = 0; i < n; ++i) {
      size_t a = rng() % (text.size() + 1), b = rng() % (text.size() + 1);
      if (a > b) std::swap(a, b);
      // keep offsets on character boundaries
      while (a < text.size() && (static_cast<unsigned char>(text[a]) & 0xC0) == 0x80) ++a;
      while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
      marks.push_back(M(a, b, "m" + std::to_string(i)));
    }
    std::string out;
    const std::vector<bool> shown = AppendMarked(text, marks, &out);
    const Parsed p = Parse(out);
    ASSERT_TRUE(p.balanced) << out;
    ASSERT_EQ(p.text, text) << out;
    for (size_t i = 0; i < marks.size(); ++i) {
      EXPECT_EQ(shown[i], marks[i].start < marks[i].end) << out;
      EXPECT_EQ(out.find("id=\"m" + std::to_string(i) + "\"") != std::string::npos, shown[i]);
    }
  }
}

// A chain of spans each crossing the next costs a bounded number of elements per span, and
// nesting deeper than kMaxMarkDepth is cut off: the output stays linear in the input.
TEST(AppendMarked, CrossingChainsAndDeepNestingStayLinear) {
  const std::string text(20000, 'x');
  std::vector<Mark> chain;
  for (size_t i = 0; i + 15 <= text.size(); i += 10) chain.push_back(M(i, i + 15, "c"));
  std::string out;
  AppendMarked(text, chain, &out);
  Parsed p = Parse(out);
  EXPECT_TRUE(p.balanced);
  EXPECT_LE(p.opens, 2 * chain.size());

  std::vector<Mark> deep;
  for (size_t i = 0; i < 1000; ++i) deep.push_back(M(i, text.size() - i, "n"));
  out.clear();
  const std::vector<bool> shown = AppendMarked(text, deep, &out);
  p = Parse(out);
  EXPECT_TRUE(p.balanced);
  EXPECT_EQ(p.opens, kMaxMarkDepth);
  EXPECT_TRUE(shown[kMaxMarkDepth - 1]);
  EXPECT_FALSE(shown[kMaxMarkDepth]);
}

}  // namespace
}  // namespace vnplan::emit_internal
