#include <string>

#include "base/utf8.h"
#include "extract/extractors.h"
#include "extract/vn_number.h"

namespace vnplan {

namespace {

// Latin letters with a mark: Latin-1 and Latin Extended (Ă, Đ, Ơ, Ư) and Latin Extended
// Additional (the Vietnamese vowels with tones).
bool IsMarkedLetter(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

}  // namespace

bool LooksUnaccented(std::string_view text) {
  size_t letters = 0, marked = 0;
  size_t next_look = 256;
  for (size_t i = 0; i < text.size();) {
    // Settled early when even the rest of the text, all unmarked letters, could not make the
    // marked share small enough (an accented text: after its first few hundred bytes).
    if (i >= next_look) {
      if (marked > 0 && marked * 200 >= letters + (text.size() - i)) return false;
      next_look = i + 256;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++letters;
      ++i;
      continue;
    }
    char32_t cp;
    const size_t n = DecodeUtf8(text, i, &cp);
    if (IsMarkedLetter(cp)) {
      ++letters;
      ++marked;
    }
    i += n == 0 ? 1 : n;
  }
  if (letters == 0) return false;
  if (letters < 40) return marked == 0;
  return marked * 200 < letters;
}

std::string SectionAt(const ExtractContext& ctx, size_t offset) {
  const Section* s = ctx.seg.Innermost(offset);
  return s == nullptr ? std::string() : s->id;
}

TextView::TextView(const ExtractContext& ctx, bool unaccented)
    : plain_(ctx.norm.text), folded_(unaccented) {
  if (folded_) fold_ = FoldDiacritics(plain_);
  repaired_ = RepairDigitSlips(text());
}

std::string_view TextView::PlainText(Span s) const {
  const Span p = ToPlain(s);
  return plain_.substr(p.start, p.size());
}

}  // namespace vnplan
