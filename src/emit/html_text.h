// HTML text for the report page: escaping, and a source text with marked spans turned into
// properly nested elements. Internal to the emit stage.
//
//   std::vector<Mark> marks = {{0, 10, "<span class=\"c\" id=\"a\">", "<span class=\"c\">"},
//                              {5, 15, "<span class=\"d\" id=\"b\">", "<span class=\"d\">"}};
//   std::string out;
//   std::vector<bool> shown = AppendMarked("0123456789abcde", marks, &out);
//   // out == <span class="c" id="a">01234<span class="d" id="b">56789</span></span>
//   //        <span class="d">abcde</span>          (the crossing span is split, not interleaved)
#ifndef VNPLAN_EMIT_HTML_TEXT_H_
#define VNPLAN_EMIT_HTML_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::emit_internal {

// Appends `text` with & < > " ' escaped as character references, so that it is inert both as
// element content and inside a quoted attribute value. A NUL byte becomes U+FFFD (HTML parsers
// do the same; writing it out would be a parse error).
void AppendEscaped(std::string_view text, std::string* out);

// One marked span of the text: [start, end) byte offsets, and the opening tags of its element.
// `open` is written where the span begins (it may carry an id); `reopen` where the span goes on
// after an element it crosses was closed (no id, so ids stay unique). Both end with "</span>",
// so the tags must be <span> tags.
struct Mark {
  size_t start = 0;
  size_t end = 0;
  std::string open;
  std::string reopen;
};

// How deep marks may nest. A mark that would open deeper is left out (and reported as not
// shown), which keeps the output linear in the text plus the marks whatever the overlaps.
inline constexpr size_t kMaxMarkDepth = 12;

// Appends the escaped `text` with every mark wrapped in its element. Marks may nest or cross:
// at one start, the longer mark is the outer one (on a tie, the one given first); a mark that
// outlives an element it starts in is closed with it and reopened (`reopen`) right after. Empty
// marks and marks outside the text are left out. Offsets should lie on UTF-8 character
// boundaries (emit's CheckSpans). Returns, for each mark in the order given, whether its `open`
// was written.
std::vector<bool> AppendMarked(std::string_view text, const std::vector<Mark>& marks,
                               std::string* out);

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_HTML_TEXT_H_
