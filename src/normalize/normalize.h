// normalize: decoded UTF-8 in, one clean text to match on out, with a map back.
//
// What Normalize does, each edit recorded in the OffsetMap:
//   - NFC (ICU; skipped when every character is one NFC leaves alone, the usual case);
//     U+00D0 "Ð" -> U+0110 "Đ" (and ð -> đ);
//   - one tone placement, the traditional one, where two styles differ: a word-final "oa", "oe"
//     or "uy" carries the tone on its first vowel: "hoà" -> "hòa", "thuỷ" -> "thủy", "khoẻ" ->
//     "khỏe", "Uỷ ban" -> "Ủy ban" (never after "q": "quý"; never before a consonant: "hoàng",
//     "hoạch"; never in a longer vowel group: "ngoài", "khuỷu");
//   - NBSP, tabs, other blanks and runs of spaces folded to one space; leading and trailing
//     blanks of a line dropped; zero-width characters and soft hyphens dropped; typographic
//     quotes -> '"' / '\'', dashes and minus signs -> '-', "…" -> "...";
//   - NLP word-segmented text restored: "Kế_hoạch" -> "Kế hoạch" (an underscore between letters);
//   - markdown marks removed: "## " heading marks, "*"/"**" emphasis, escapes ("1\." -> "1."),
//     "*** Tiểu dự án 1**" -> "Tiểu dự án 1" (a lone "* " bullet stays);
//   - HTML-export table pipes removed: a "|" line is dropped, and each table cell of a "| a | b |"
//     row becomes its own line;
//   - page furniture dropped: lines "- 3 -", "Trang 3", "Trang 3/10", a bare number next to a
//     blank line or after a finished sentence, separator lines ("-------", "=====");
//   - hard-wrapped lines joined back into paragraphs, with or without a blank line after every
//     wrapped line. A break stays where a heading or item starts ("I.", "1.1.", "a)", "-", "+",
//     "Điều 3", "Dự án 2", "Tiểu dự án 1", ...), a paragraph opener ("Căn cứ", "Thực hiện"), a
//     header or signature line ("Số:", "TM.", "KT.", "Nơi nhận:", an all-capitals line), or where
//     the line before ends a sentence; lines are joined where the next starts lowercase, or the
//     line before ends with a comma, a hyphen or a word that cannot end a sentence ("của",
//     "và"), or is full at the document's wrap width. The rules in order: normalize/unwrap.h.
// The result has one paragraph, heading or item per line, lines separated by '\n', no blank
// lines, no blanks at either end of a line, no final newline.
//
//   NormalizedText n = Normalize("Lào Cai, ngày 23\ntháng 01 năm 2024");
//   assert(n.text == "Lào Cai, ngày 23 tháng 01 năm 2024");
//   Span src = n.map.MapSpan({0, n.text.size()});   // exact bytes of the input: {0, 38}
//
// FoldDiacritics gives the diacritic-free view used to match unaccented input:
//   FoldedText f = FoldDiacritics("Quyết định số 90/QĐ-TTg");
//   assert(f.text == "Quyet dinh so 90/QD-TTg");   // f.map maps back into the argument
//
// Neither fails: any input gives a text (ill-formed UTF-8 becomes U+FFFD).
#ifndef VNPLAN_NORMALIZE_NORMALIZE_H_
#define VNPLAN_NORMALIZE_NORMALIZE_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/offset_map.h"
#include "base/span.h"

namespace vnplan {

struct NormalizeOptions {
  bool unwrap_lines = true;       // join hard-wrapped lines into paragraphs
  bool strip_markup = true;       // markdown marks and escapes, table pipes, separator lines
  bool drop_page_numbers = true;  // lines holding only a page number ("- 3 -", "Trang 3", "3")
  bool canonical_tones = true;    // hoà -> hòa
};

struct NormalizedText {
  std::string text;    // see above
  OffsetMap map;       // offsets in `text` -> offsets in the decoded input
  std::string format;  // what the input looked like, first match of: "markdown" ("#" headings or
                       // lines in bold), "table_export" (table pipes), "pdf_blank_wrapped" (hard
                       // wraps, a blank line after each), "pdf_wrapped" (hard wraps), "plain"
};

NormalizedText Normalize(std::string_view utf8, const NormalizeOptions& options = {});

// The same as Normalize, for callers that normalize many documents on one thread: the scratch
// buffers (cleaned lines, edit scripts) are kept between calls instead of allocated anew.
//
//   Normalizer normalizer;
//   for (const Document& doc : docs) {
//     NormalizedText n = normalizer.Run(doc.text);
//   }
class Normalizer {
 public:
  explicit Normalizer(const NormalizeOptions& options = {});
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  NormalizedText Run(std::string_view utf8);

 private:
  struct Scratch;
  NormalizeOptions options_;
  std::unique_ptr<Scratch> scratch_;
};

struct FoldedText {
  std::string text;  // case kept; diacritics removed (utf8proc: decompose, drop the marks, also
                     // the combining marks of decomposed input); "đ"/"Đ" -> "d"/"D"; each
                     // changed letter one run of the map
  OffsetMap map;     // offsets in `text` -> offsets in the folded input
};

FoldedText FoldDiacritics(std::string_view utf8);

}  // namespace vnplan

#endif  // VNPLAN_NORMALIZE_NORMALIZE_H_
