#include <string>
#include <vector>

#include "base/utf8.h"
#include "ingest/decoders.h"
#include "ingest/vietnamese_letters.h"

namespace vnplan::ingest_internal {

namespace {

struct WordLetter {
  size_t pos;
  size_t len;
  VnLetter letter;
};

void RaiseIfCapitalWord(const std::vector<WordLetter>& word, std::string* text) {
  size_t upper = 0, plain_lower = 0, toned_lower = 0;
  for (const WordLetter& w : word) {
    if (w.letter.upper) {
      ++upper;
    } else if (w.letter.tone == Tone::kLevel) {
      ++plain_lower;  // TCVN3 has a capital for it, so it really is small
    } else {
      ++toned_lower;
    }
  }
  const bool title_case = upper == 1 && word.front().letter.upper;
  if (plain_lower != 0 || toned_lower == 0 || upper == 0 || title_case) return;
  for (const WordLetter& w : word) {
    if (w.letter.upper) continue;
    const VnLetter& l = w.letter;
    std::string capital;
    AppendUtf8(&capital, ComposeVnLetter(l.base, l.mark, l.tone, /*upper=*/true));
    if (capital.size() == w.len) text->replace(w.pos, w.len, capital);
  }
}

}  // namespace

void RestoreTcvn3Capitals(std::string* text) {
  std::vector<WordLetter> word;
  bool toned = false;  // the word holds a toned letter: only such words can need a change
  size_t i = 0;
  while (i <= text->size()) {
    char32_t c = 0;
    size_t n = 1;
    VnLetter l;
    if (i < text->size()) {
      n = DecodeUtf8(*text, i, &c);
      if (n == 0) n = 1;
      l = LookupVnLetter(c);
    }
    if (l.base != 0) {
      word.push_back({i, n, l});
      toned |= l.tone != Tone::kLevel;
    } else {
      if (toned) RaiseIfCapitalWord(word, text);
      word.clear();
      toned = false;
    }
    i += n;
  }
}

}  // namespace vnplan::ingest_internal
