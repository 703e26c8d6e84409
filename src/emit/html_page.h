// The fixed parts of the HTML report page: head (charset, Content-Security-Policy, style) and
// tail (the hover script). Internal to the emit stage.
//
// The policy allows nothing from outside the page and no script but the page's own, named by
// its SHA-256: text that slipped through escaping could not run or fetch anything (and the
// browser would log the refusal as a console error, which the browser test looks for).
#ifndef VNPLAN_EMIT_HTML_PAGE_H_
#define VNPLAN_EMIT_HTML_PAGE_H_

#include <string>
#include <string_view>

namespace vnplan::emit_internal {

// "<!DOCTYPE html>…<body>" with `title` escaped.
std::string PageHead(std::string_view title);

// The hover script and "</body></html>".
std::string PageTail();

// The record types the page highlights, in legend order, each with its colour class
// "t-<type>" defined in the page's style.
inline constexpr std::string_view kHighlightTypes[] = {"citation", "amount",         "quantity",
                                                       "date",     "responsibility", "report"};

// Base64 (RFC 4648, with padding) of `bytes`: Base64("ab") == "YWI=".
std::string Base64(std::string_view bytes);

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_HTML_PAGE_H_
