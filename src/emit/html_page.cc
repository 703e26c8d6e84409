#include "emit/html_page.h"

#include "base/sha256.h"
#include "emit/html_text.h"

namespace vnplan::emit_internal {

namespace {

// The colours are part of what the browser test checks (tests/emit/html_browser_test.py).
constexpr std::string_view kStyle = R"css(
body{font:14px/1.45 system-ui,sans-serif;color:#1b1b1b;max-width:1150px;margin:0 auto;padding:0 16px 40px}
h1{font-size:22px;margin:18px 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ccc;padding-bottom:3px}
h3{font-size:15px;margin:16px 0 6px}
a{color:#1a4fa0}
.meta{color:#555;font-size:12px;margin:2px 0 8px}
.legend span{display:inline-block;margin:2px 6px 2px 0;padding:0 6px;border-radius:3px}
.sum b{margin-right:10px}
ul.findings{list-style:none;padding-left:0;margin:4px 0 12px}
ul.findings li{margin:3px 0;padding:3px 8px;border-left:4px solid #999;background:#f7f7f7}
ul.findings li.sev-error{border-left-color:#d62828}
ul.findings li.sev-warning{border-left-color:#e08e0b}
ul.findings li.sev-info{border-left-color:#3a7bd5}
.badge{display:inline-block;min-width:52px;font-size:11px;font-weight:600;text-transform:uppercase}
.badge.sev-error{color:#d62828}.badge.sev-warning{color:#b36b00}.badge.sev-info{color:#3a7bd5}
.code{font-family:ui-monospace,monospace;font-size:12px;color:#444}
a.code.sev-error{color:#d62828}a.code.sev-warning{color:#b36b00}a.code.sev-info{color:#3a7bd5}
.quote{display:block;color:#555;font-size:12px;margin-left:60px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.ok{color:#1d7a1d;font-weight:600}
td.path{width:16%;word-break:break-all;font-size:12px}
.title{display:block;color:#555;font-size:12px}
ul.tree{font-size:13px;margin:4px 0}
ul.tree ul{margin:0;padding-left:22px;border-left:1px dotted #aaa}
.val{font-family:ui-monospace,monospace;font-weight:600}
.tag{display:inline-block;font-size:11px;background:#eee;border-radius:3px;padding:0 4px;margin-left:4px}
.adds{color:#1d7a1d}.differs{color:#d62828;font-weight:600}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.6 system-ui,'Noto Sans','DejaVu Sans',sans-serif;background:#fcfcfc;border:1px solid #ddd;padding:10px 12px}
.hl{border-radius:2px}
.t-citation{background:#9ec5fe}
.t-amount{background:#a3e4a3}
.t-quantity{background:#ffe58a}
.t-date{background:#ffc48a}
.t-responsibility{background:#d9c2ff}
.t-report{background:#ffb3d1}
.t-finding{border-bottom:3px solid #999;padding-bottom:1px}
.t-finding.sev-error{border-bottom-color:#d62828}
.t-finding.sev-warning{border-bottom-color:#e08e0b}
.t-finding.sev-info{border-bottom-color:#3a7bd5}
:target{outline:2px solid #d62828;outline-offset:1px}
#tip{position:fixed;z-index:9;max-width:520px;white-space:pre-wrap;font:12px/1.45 system-ui,'Noto Sans','DejaVu Sans',sans-serif;background:#fffff0;border:1px solid #888;box-shadow:0 2px 6px rgba(0,0,0,.25);padding:6px 8px;pointer-events:none}
)css";

// Shows the fields of every highlight under the pointer, innermost first. Reads attributes and
// writes textContent only: nothing from the page is ever parsed as HTML.
constexpr std::string_view kScript = R"js(
(function () {
  var tip = document.getElementById('tip');
  function place(e) {
    if (tip.hidden) return;
    var x = e.clientX + 14, y = e.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 4) x = Math.max(4, e.clientX - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > window.innerHeight - 4) y = Math.max(4, e.clientY - tip.offsetHeight - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function show(e) {
    var parts = [];
    for (var el = e.target; el && el.nodeType === 1; el = el.parentElement) {
      if (!el.classList.contains('hl')) continue;
      var ref = el.getAttribute('data-r');
      var src = ref ? document.getElementById(ref) : el;
      if (src && src.hasAttribute('data-f')) parts.push(src.getAttribute('data-f'));
    }
    tip.hidden = parts.length === 0;
    if (tip.hidden) return;
    tip.textContent = parts.join('\n\n');
    place(e);
  }
  document.addEventListener('mouseover', show);
  document.addEventListener('mousemove', place);
})();
)js";

std::string HexToBytes(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  }
  return out;
}

}  // namespace

std::string Base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kDigits[(v >> s) & 63];
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0u);
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += two ? kDigits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string PageHead(std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'sha256-";
  out += Base64(HexToBytes(Sha256Hex(kScript)));
  out +=
      "'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  AppendEscaped(title, &out);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  return out;
}

std::string PageTail() {
  std::string out = "<div id=\"tip\" hidden></div>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace vnplan::emit_internal
