#include "normalize/unwrap.h"

#include <algorithm>

namespace vnplan::normalize_internal {

namespace {

bool IsItem(const LineShape& s) {
  return s.marker == Marker::kRoman || s.marker == Marker::kNumber || s.marker == Marker::kLetter ||
         s.marker == Marker::kBullet;
}

// The next line's first word would have fitted on the line before: the writer broke the line,
// not the wrap width.
bool IsFull(const LineShape& prev, const LineShape& next, const DocProfile& profile) {
  if (!profile.wrapped) return false;
  // PDF exports justify by glyph width, not by character count: allow some slack. Not for a
  // numbered line, though, which is as likely a heading with its text below it.
  const bool heading_like = prev.marker != Marker::kNone && prev.marker != Marker::kBullet;
  const uint32_t slack = heading_like ? 100 : 85;
  return (prev.chars + 1 + next.first_word_chars) * 100 >= profile.width * slack;
}

DocProfile Profile(const CleanedText& text, const std::vector<LineShape>& shapes, bool markdown) {
  DocProfile p;
  p.markdown = markdown;
  std::vector<uint32_t> lengths;
  uint32_t pairs = 0;
  uint32_t blank_pairs = 0;
  bool have_prev = false;
  for (size_t i = 0; i < text.lines.size(); ++i) {
    const CleanLine& line = text.lines[i];
    if (line.has(CleanLine::kDropped)) continue;
    lengths.push_back(shapes[i].chars);
    if (have_prev && !line.has(CleanLine::kHardBreakBefore)) {
      ++pairs;
      blank_pairs += line.blanks_before > 0;
    }
    have_prev = true;
  }
  const size_t n = lengths.size();
  if (n < 6) return p;
  std::sort(lengths.begin(), lengths.end());
  const uint32_t width = lengths[(n - 1) * 9 / 10];
  // Wrapped text piles up just under the width: most lines of any length end near it, and none
  // go much past it. Paragraph-per-line text spreads out, and is usually wider.
  size_t near = 0;
  size_t longish = 0;
  size_t too_long = 0;
  for (uint32_t len : lengths) {
    near += len * 4 >= width * 3 && len * 10 <= width * 11;
    longish += len * 2 >= width;
    too_long += len * 10 > width * 13;
  }
  p.width = width;
  p.wrapped = width >= 30 && width <= 120 && near * 10 >= longish * 7 && too_long * 50 <= n;
  p.blank_noise = p.wrapped && pairs > 0 && blank_pairs * 10 >= pairs * 6;
  return p;
}

// Page numbers and separator lines leave the text. A bare number ("3") counts as a page number
// only where a page break can be: next to a blank line, after a finished sentence, or at either
// end of the document.
void MarkDropped(CleanedText* text, const std::vector<LineShape>& shapes,
                 const UnwrapOptions& options) {
  auto& lines = text->lines;
  const LineShape* prev_kept = nullptr;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineShape& s = shapes[i];
    bool drop = options.strip_markup && s.separator;
    if (!drop && options.drop_page_numbers) {
      if (s.page_number) {
        drop = true;
      } else if (s.digits_only) {
        const bool blank_next = i + 1 < lines.size() && lines[i + 1].blanks_before > 0;
        drop = lines[i].blanks_before > 0 || blank_next || i + 1 == lines.size() ||
               prev_kept == nullptr || prev_kept->ends_sentence;
      }
    }
    if (drop) {
      lines[i].flags |= CleanLine::kDropped;
    } else {
      prev_kept = &s;
    }
  }
}

}  // namespace

Joint DecideJoint(const LineShape& prev, const LineShape& next, uint32_t blanks, bool hard,
                  bool prev_trailing_spaces, const DocProfile& profile) {
  if (hard || (profile.markdown && prev_trailing_spaces)) return Joint::kBreak;
  const bool paragraph_blank = blanks > 0 && (!profile.blank_noise || blanks >= 2);
  const bool full = IsFull(prev, next, profile);
  // "- xã hội" after a full, unfinished line is the rest of "kinh tế - xã hội", not an item.
  const bool dash_continues = next.marker == Marker::kBullet && next.dash_tail && full &&
                              prev.ends_alnum && !paragraph_blank;
  const bool item = IsItem(next) && !dash_continues;
  // Nor does "Tiểu dự án 1 - Dự án 6." open a heading when it finishes a full, unfinished
  // line, or "Dự án 5: 4.560 triệu đồng" when it goes on with a list cut after a semicolon.
  const bool prev_semicolon = prev.ends_sentence && !prev.ends_terminal && !prev.ends_colon;
  const bool word_continues = next.marker == Marker::kWord && full &&
                              (prev.ends_alnum || prev_semicolon) && !paragraph_blank;

  if (prev.republic && next.socialist && !paragraph_blank) return Joint::kSpace;
  if ((prev.ends_joiner || prev.ends_hyphen) && !item && !next.header) {
    return prev.hyphen_attached && !next.starts_lower ? Joint::kTouch : Joint::kSpace;
  }
  // Not across ". ! ?"; across ";" and ":" unless the word may be a capital TCVN3 lost.
  if ((next.starts_lower || dash_continues) && !item && !prev.ends_terminal &&
      !(prev.ends_sentence && next.starts_accented_lower)) {
    return Joint::kSpace;
  }
  if (!item && !next.header && !prev.ends_sentence) {
    if (prev.ends_function_word || (prev.ends_number_word && next.starts_digit)) {
      return Joint::kSpace;
    }
    if (next.citation_start && prev.ends_alnum && !paragraph_blank) return Joint::kSpace;
  }
  if (word_continues) return Joint::kSpace;
  if (next.marker != Marker::kNone || next.opener || next.header || prev.header) {
    return Joint::kBreak;
  }
  if (prev.all_caps || next.all_caps) {
    if (paragraph_blank || !prev.all_caps || !next.all_caps) return Joint::kBreak;
    if (prev.marker == Marker::kRoman && !prev.ends_sentence) return Joint::kSpace;
    return Joint::kBreak;
  }
  if (prev.ends_sentence) {
    // A wrapped line may happen to end on a colon: "... dưới 3 tháng:" + "6.800 người".
    if (prev.ends_colon && full && next.starts_digit && !paragraph_blank) return Joint::kSpace;
    return Joint::kBreak;
  }
  if (paragraph_blank) return Joint::kBreak;
  // A bullet item is not a heading: left unfinished in a wrapped document, it goes on.
  if (prev.marker == Marker::kBullet && prev.ends_alnum && profile.wrapped) return Joint::kSpace;
  return full ? Joint::kSpace : Joint::kBreak;
}

LinePlan PlanLines(CleanedText* text, const UnwrapOptions& options) {
  LinePlan plan;
  auto& lines = text->lines;
  std::vector<LineShape> shapes;
  shapes.reserve(lines.size());
  for (const CleanLine& line : lines) shapes.push_back(ShapeOf(text->LineText(line)));
  MarkDropped(text, shapes, options);
  plan.profile = Profile(*text, shapes, options.markdown);
  plan.joints.assign(lines.size(), Joint::kBreak);

  size_t prev = lines.size();  // the last kept line
  uint32_t blanks = 0;
  bool hard = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const CleanLine& line = lines[i];
    blanks += line.blanks_before;
    hard = hard || line.has(CleanLine::kHardBreakBefore);
    if (line.has(CleanLine::kDropped)) {
      hard = hard || shapes[i].separator;
      continue;
    }
    if (prev < lines.size() && options.unwrap_lines) {
      const bool heading = line.has(CleanLine::kHeading) || lines[prev].has(CleanLine::kHeading);
      plan.joints[i] = DecideJoint(shapes[prev], shapes[i], blanks, hard || heading,
                                   lines[prev].has(CleanLine::kTrailingSpaces), plan.profile);
    }
    prev = i;
    blanks = 0;
    hard = false;
  }
  return plan;
}

std::string FormatName(const CleanedText& text, const DocProfile& profile) {
  if (profile.markdown) return "markdown";  // a converter's markdown may hold tables too
  if (text.pipe_lines > 0) return "table_export";
  if (profile.blank_noise) return "pdf_blank_wrapped";
  if (profile.wrapped) return "pdf_wrapped";
  return "plain";
}

}  // namespace vnplan::normalize_internal
