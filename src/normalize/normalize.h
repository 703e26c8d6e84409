// normalize: decoded UTF-8 in, one clean text to match on out, with a map back.
//
// What Normalize does, each edit recorded in the OffsetMap:
//   - NFC (ICU); U+00D0 "Ð" -> U+0110 "Đ" (and ð -> đ);
//   - one tone placement, the traditional one, where two styles differ: "hoà" -> "hòa",
//     "thuỷ" -> "thủy", "khoẻ" -> "khỏe" (never "quý", "hoàng");
//   - NBSP, tabs, zero-width characters and runs of spaces folded to one space; trailing and
//     leading spaces of a line dropped; typographic quotes -> '"' / '\'', dashes -> '-';
//   - NLP word-segmented text restored: "Kế_hoạch" -> "Kế hoạch";
//   - markdown marks ("**", "##") and HTML-export table pipes ("|" lines) removed; standalone page
//     numbers dropped;
//   - hard-wrapped lines joined back into paragraphs (with or without a blank line after every
//     wrapped line); a break stays where a heading, a numbered or bulleted item, a signature or
//     header line starts, or where the line before ends a sentence.
// The result has one paragraph, heading or item per line, lines separated by '\n', no blank lines.
//
//   NormalizedText n = Normalize(doc.text);
//   Span src = n.map.MapSpan({at, at + len});   // exact bytes of doc.text
//
// FoldDiacritics gives the diacritic-free view used to match unaccented input:
//   FoldedText f = FoldDiacritics("Quyết định số 90/QĐ-TTg");
//   assert(f.text == "Quyet dinh so 90/QD-TTg");   // f.map maps back into the argument
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
  bool strip_markup = true;       // markdown marks, table pipes
  bool drop_page_numbers = true;  // lines holding only a page number ("- 3 -", "Trang 3", "3")
  bool canonical_tones = true;    // hoà -> hòa
};

struct NormalizedText {
  std::string text;    // see above
  OffsetMap map;       // offsets in `text` -> offsets in the decoded input
  std::string format;  // what the input looked like: "plain", "markdown", "table_export",
                       // "pdf_wrapped" (hard wraps), "pdf_blank_wrapped" (blank line after each)
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
  std::string text;  // lowercase kept as is; diacritics removed; "đ"/"Đ" -> "d"/"D"
  OffsetMap map;     // offsets in `text` -> offsets in the folded input
};

FoldedText FoldDiacritics(std::string_view utf8);

}  // namespace vnplan

#endif  // VNPLAN_NORMALIZE_NORMALIZE_H_
