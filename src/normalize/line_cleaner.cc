#include "normalize/line_cleaner.h"

#include <array>
#include <cstring>

#include "base/utf8.h"
#include "normalize/char_rules.h"
#include "normalize/nfc.h"
#include "normalize/vn_chars.h"

namespace vnplan::normalize_internal {

namespace {

// Bytes that may start a line break; everything else is skipped by one comparison.
constexpr std::array<bool, 256> kMayBreak = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\n', '\r', '\f', '\v'}) t[c] = true;
  t[0xC2] = t[0xE2] = true;
  return t;
}();

// ASCII bytes copied as they are, in runs; the rest take the slow path.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> t{};
  for (int c = 0x21; c < 0x7F; ++c) t[c] = true;
  for (unsigned char c : {'#', '*', '_', '|', '\\'}) t[c] = false;
  return t;
}();

class Cleaner {
 public:
  Cleaner(std::string_view text, const CleanOptions& options, CleanedText* out)
      : text_(text), options_(options), out_(out) {}

  void Run() {
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t end = pos;
      size_t brk = 0;
      while (end < text_.size()) {
        if (kMayBreak[static_cast<unsigned char>(text_[end])] && (brk = LineBreakAt(text_, end)))
          break;
        ++end;
      }
      CleanRawLine(pos, end);
      pos = end + brk;
      if (brk == 0) break;
    }
  }

 private:
  void CleanRawLine(size_t begin, size_t end) {
    const std::string_view raw = text_.substr(begin, end - begin);
    raw_end_ = end;
    line_flags_ = 0;
    if (options_.strip_markup) {
      const bool heading = IsAtxHeading(raw);
      const bool bold = IsBoldLine(raw);
      out_->md_headings += heading;
      out_->bold_lines += bold;
      if (heading || bold) line_flags_ |= CleanLine::kHeading;
    }
    if (raw.size() >= 2 && raw.substr(raw.size() - 2) == "  ") {
      line_flags_ |= CleanLine::kTrailingSpaces;
    }
    const bool has_pipe =
        options_.strip_markup && std::memchr(raw.data(), '|', raw.size()) != nullptr;
    if (has_pipe) {
      ++out_->pipe_lines;
      hard_break_ = true;  // a table row is never part of the paragraph before it
    }
    produced_ = false;
    StartLogical();
    size_t i = begin;
    while (i < end) i = Step(i);
    FinishLogical();
    if (has_pipe) {
      hard_break_ = true;  // nor of the one after it
    } else if (!produced_) {
      ++blanks_;
    }
  }

  // Cleans what starts at text_[i]; returns where to go on.
  size_t Step(size_t i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (const size_t j = PlainRunEnd(i); j > i) {
      Emit(i, j - i, text_.substr(i, j - i), true);
      const size_t last = CpStart(j - 1);
      char32_t cp;
      DecodeUtf8(text_, last, &cp);
      if (last > i) {
        DecodeUtf8(text_, CpStart(last - 1), &prev2_);
      } else {
        prev2_ = prev_;
      }
      prev_ = cp;
      return j;
    }
    if (c < 0x80) return StepSpecialAscii(i, c);
    char32_t cp;
    size_t len = DecodeUtf8(text_, i, &cp);
    if (len == 0) {
      EmitChar(i, 1, kReplacementChar, false);
      return i + 1;
    }
    if (!IsNfcInert(cp)) out_->maybe_not_nfc = true;
    if (IsZeroWidth(cp)) {
      Skip(len, false, false);
      return i + len;
    }
    const CharInfo info = GetCharInfo(cp);
    if (info.is_space()) {
      Skip(len, true, false);
      prev2_ = prev_;
      prev_ = ' ';
      return i + len;
    }
    if (const char* r = TypographicReplacement(cp)) {
      Emit(i, len, r, false);
      prev2_ = prev_;
      prev_ = static_cast<unsigned char>(r[0]) < 0x80 ? static_cast<unsigned char>(r[0]) : 0x0110;
      return i + len;
    }
    if (!has_output_ && IsBulletGlyph(cp)) {
      EmitChar(i, len, '-', false);
      return i + len;
    }
    if (options_.canonical_tones && ToneFix(i, len, cp)) return i + len;
    EmitChar(i, len, cp, true);
    return i + len;
  }

  // The end of the run from text_[i] that is copied as it is: plain ASCII, the letters of
  // Vietnamese and single spaces between them, the bulk of any document, go through here without
  // a call per character.
  size_t PlainRunEnd(size_t i) const {
    size_t j = i;
    while (j < raw_end_) {
      const auto c = static_cast<unsigned char>(text_[j]);
      if (c < 0x80) {
        if (kPlainAscii[c]) {
          ++j;
        } else if (c == ' ' && j > i && j + 1 < raw_end_ && IsPlainStart(j + 1)) {
          ++j;  // one space between two plain characters needs no folding
        } else {
          break;
        }
        continue;
      }
      char32_t cp;
      const size_t n = DecodeLetter(j, &cp);
      if (n == 0) break;
      const CharInfo info = GetCharInfo(cp);
      if (info.is_space()) break;
      if (info.is_toned_aey() && options_.canonical_tones &&
          (static_cast<unsigned char>(text_[j - (j > 0)]) | 0x20) ==
              ((info.base | 0x20) == 'y' ? 'u' : 'o')) {
        break;  // perhaps "hoà": ToneFix decides
      }
      j += n;
    }
    return j;
  }

  // Decodes a code point where the plain letters are, U+00C0..U+02FF and U+1E00..U+1EFF, other
  // than Ð and ð; returns 0 for anything else. All of these are NFC whatever surrounds them
  // (IsNfcInert), so a plain run never hides text that NFC would change.
  size_t DecodeLetter(size_t j, char32_t* cp) const {
    const auto c = static_cast<unsigned char>(text_[j]);
    auto cont = [&](size_t k) {
      return k < raw_end_ && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80;
    };
    if (c >= 0xC3 && c <= 0xCB && cont(j + 1)) {
      *cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text_[j + 1]) & 0x3F);
      return (*cp == 0x00D0 || *cp == 0x00F0) ? 0 : 2;
    }
    if (c == 0xE1 && j + 1 < raw_end_ && static_cast<unsigned char>(text_[j + 1]) >= 0xB8 &&
        static_cast<unsigned char>(text_[j + 1]) <= 0xBB && cont(j + 2)) {
      *cp = 0x1000 | ((static_cast<unsigned char>(text_[j + 1]) & 0x3F) << 6) |
            (static_cast<unsigned char>(text_[j + 2]) & 0x3F);
      return 3;
    }
    return 0;
  }

  bool IsPlainStart(size_t j) const {
    const auto c = static_cast<unsigned char>(text_[j]);
    if (c < 0x80) return kPlainAscii[c];
    char32_t cp;
    return DecodeLetter(j, &cp) != 0 && !GetCharInfo(cp).is_space();
  }

  size_t CpStart(size_t k) const {
    while (k > 0 && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
    return k;
  }

  size_t StepSpecialAscii(size_t i, unsigned char c) {
    switch (c) {
      case '#':
        if (options_.strip_markup && !has_output_) {
          size_t j = i;
          while (j < raw_end_ && text_[j] == '#') ++j;
          if (j - i <= 6 && (j == raw_end_ || text_[j] == ' ' || text_[j] == '\t')) {
            Skip(j - i, false, false);
            return j;
          }
          EmitAscii(i, j - i);
          return j;
        }
        break;
      case '*':
        if (options_.strip_markup) return StepStars(i);
        break;
      case '_':
        if (prev_end_ == i && pending_ == 0 && GetCharInfo(prev_).is_word() && NextIsWord(i + 1)) {
          Skip(1, true, false);  // "Kế_hoạch": word-segmenter joints become spaces
          prev2_ = prev_;
          prev_ = ' ';
          return i + 1;
        }
        break;
      case '|':
        if (options_.strip_markup) {
          FinishLogical();
          hard_break_ = true;
          StartLogical();
          return i + 1;
        }
        break;
      case '\\':
        if (options_.strip_markup && i + 1 < raw_end_ &&
            std::strchr("\\`*_{}[]()#+-.!|<>\"'~", text_[i + 1]) != nullptr &&
            text_[i + 1] != '\0') {
          Skip(1, false, false);
          EmitAscii(i + 1, 1);
          return i + 2;
        }
        break;
      case ' ':
        Skip(1, true, true);
        prev2_ = prev_;
        prev_ = ' ';
        return i + 1;
      default:  // tab and other control characters
        Skip(1, true, false);
        prev2_ = prev_;
        prev_ = ' ';
        return i + 1;
    }
    EmitAscii(i, 1);
    return i + 1;
  }

  // Markdown emphasis. A run of stars goes unless it stands alone between spaces ("2 * 3"), is
  // a footnote mark "(*)", or is a one-star bullet at the start of the line.
  size_t StepStars(size_t i) {
    size_t j = i;
    while (j < raw_end_ && text_[j] == '*') ++j;
    const bool space_before = prev_ == 0 || prev_ == ' ';
    const bool space_after = j == raw_end_ || text_[j] == ' ' || text_[j] == '\t';
    if (!has_output_ && space_after) {
      if (j - i == 1) {
        EmitAscii(i, 1);  // "* item"
      } else {
        Skip(j - i, false, false);  // "*** Tiểu dự án 1": a bullet in bold
      }
    } else if ((space_before && space_after) ||
               (j - i == 1 && prev_ == '(' && j < raw_end_ && text_[j] == ')')) {
      EmitAscii(i, j - i);
    } else {
      Skip(j - i, false, false);
    }
    return j;
  }

  // The traditional tone placement for a word-final "oa", "oe" or "uy" (not after "q", not
  // inside a longer vowel group): "hoà" -> "hòa", "khoẻ" -> "khỏe", "thuỷ" -> "thủy". The "o" or
  // "u" was just copied, so it is taken back and both letters are written again.
  bool ToneFix(size_t i, size_t len, char32_t cp) {
    ToneVowel v;
    if (!SplitTone(cp, &v) || v.tone == Tone::kNone || v.base == 'o' || v.base == 'u') {
      return false;
    }
    const char want = v.base == 'y' ? 'u' : 'o';
    if (pending_ != 0 || prev_end_ != i || !prev_copied_ ||
        (prev_ | 0x20) != static_cast<char32_t>(want)) {
      return false;
    }
    if (GetCharInfo(prev2_).is_vowel() || (want == 'u' && (prev2_ | 0x20) == 'q')) return false;
    if (NextIsWord(i + len)) return false;
    const bool first_upper = prev_ < 'a';
    const size_t start = i - 1;
    Retract();
    std::string both;
    AppendUtf8(&both, JoinTone(want, v.tone, first_upper));
    AppendUtf8(&both, JoinTone(v.base, Tone::kNone, v.upper));
    Emit(start, 1 + len, both, false);
    prev2_ = JoinTone(want, v.tone, first_upper);
    prev_ = JoinTone(v.base, Tone::kNone, v.upper);
    prev_copied_ = false;
    return true;
  }

  bool NextIsWord(size_t i) const {
    if (i >= raw_end_) return false;
    char32_t cp;
    if (DecodeUtf8(text_, i, &cp) == 0) return false;
    return GetCharInfo(cp).is_word();
  }

  void StartLogical() {
    has_output_ = false;
    pending_ = 0;
    pending_space_ = false;
    pending_single_space_ = false;
    prev_ = prev2_ = 0;
    prev_end_ = 0;
    prev_copied_ = false;
    line_text_start_ = out_->text.size();
    line_op_start_ = out_->ops.size();
  }

  void FinishLogical() {
    if (!has_output_) return;
    CleanLine line;
    line.in_start = line_in_start_;
    line.in_end = line_in_end_;
    line.text_start = static_cast<uint32_t>(line_text_start_);
    line.text_end = static_cast<uint32_t>(out_->text.size());
    line.op_start = static_cast<uint32_t>(line_op_start_);
    line.op_end = static_cast<uint32_t>(out_->ops.size());
    line.blanks_before = blanks_;
    line.flags = line_flags_ | (hard_break_ ? CleanLine::kHardBreakBefore : 0);
    out_->lines.push_back(line);
    blanks_ = 0;
    hard_break_ = false;
    produced_ = true;
    has_output_ = false;
  }

  // Input bytes that produce no output of their own: blanks (folded into one space if text
  // follows on the line) or dropped characters.
  void Skip(size_t n, bool space, bool single_ascii_space) {
    pending_single_space_ = pending_ == 0 && n == 1 && single_ascii_space;
    pending_ += n;
    pending_space_ = pending_space_ || space;
  }

  void EmitAscii(size_t i, size_t n) {
    Emit(i, n, text_.substr(i, n), true);
    prev2_ = n >= 2 ? static_cast<unsigned char>(text_[i + n - 2]) : prev_;
    prev_ = static_cast<unsigned char>(text_[i + n - 1]);
  }

  void EmitChar(size_t i, size_t len, char32_t cp, bool copy) {
    if (copy) {
      Emit(i, len, text_.substr(i, len), true);
    } else {
      std::string s;
      AppendUtf8(&s, cp);
      Emit(i, len, s, false);
    }
    prev2_ = prev_;
    prev_ = cp;
  }

  void Emit(size_t in_pos, size_t in_len, std::string_view bytes, bool copy) {
    if (!has_output_) {
      has_output_ = true;
      line_in_start_ = in_pos;  // what came before on this line is dropped with the line start
      pending_ = 0;
      pending_space_ = false;
    } else if (pending_ > 0) {
      if (!pending_space_) {
        AddOp(pending_, 0, false);
      } else if (pending_single_space_) {
        AddOp(1, 1, true);
        out_->text.push_back(' ');
      } else {
        AddOp(pending_, 1, false);
        out_->text.push_back(' ');
      }
      pending_ = 0;
      pending_space_ = false;
    }
    AddOp(in_len, bytes.size(), copy);
    out_->text.append(bytes);
    line_in_end_ = in_pos + in_len;
    prev_end_ = line_in_end_;
    prev_copied_ = copy;
  }

  void AddOp(size_t in_len, size_t out_len, bool copy) {
    auto& ops = out_->ops;
    if (ops.size() > line_op_start_) {
      EditOp& last = ops.back();
      if (copy && last.copy) {
        last.in_len += static_cast<uint32_t>(in_len);
        last.out_len += static_cast<uint32_t>(out_len);
        return;
      }
      if (!copy && out_len == 0 && !last.copy && last.out_len == 0) {
        last.in_len += static_cast<uint32_t>(in_len);
        return;
      }
    }
    ops.push_back({static_cast<uint32_t>(in_len), static_cast<uint32_t>(out_len), copy});
  }

  // Takes back the last output byte, a copied ASCII letter.
  void Retract() {
    EditOp& last = out_->ops.back();
    out_->text.pop_back();
    --last.in_len;
    --last.out_len;
    if (last.in_len == 0) out_->ops.pop_back();
    --line_in_end_;
    prev_end_ = line_in_end_;
  }

  const std::string_view text_;
  const CleanOptions options_;
  CleanedText* const out_;

  // The input line being cleaned.
  size_t raw_end_ = 0;
  uint8_t line_flags_ = 0;
  bool produced_ = false;
  // Between output lines.
  uint32_t blanks_ = 0;
  bool hard_break_ = false;
  // The output line being built.
  bool has_output_ = false;
  size_t line_in_start_ = 0;
  size_t line_in_end_ = 0;
  size_t line_text_start_ = 0;
  size_t line_op_start_ = 0;
  size_t pending_ = 0;
  bool pending_space_ = false;
  bool pending_single_space_ = false;
  // The last two characters written (0 at a line start, ' ' after a blank).
  char32_t prev_ = 0;
  char32_t prev2_ = 0;
  size_t prev_end_ = 0;  // input offset just past the last character written
  bool prev_copied_ = false;
};

}  // namespace

void CleanLines(std::string_view text, const CleanOptions& options, CleanedText* out) {
  out->Clear();
  out->text.reserve(text.size());
  Cleaner(text, options, out).Run();
}

}  // namespace vnplan::normalize_internal
