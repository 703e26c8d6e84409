#include "normalize/normalize.h"

#include <utility>

#include "normalize/line_cleaner.h"
#include "normalize/nfc.h"
#include "normalize/unwrap.h"

namespace vnplan {

using normalize_internal::CleanedText;
using normalize_internal::CleanLine;
using normalize_internal::CleanOptions;
using normalize_internal::EditOp;
using normalize_internal::Joint;
using normalize_internal::LinePlan;
using normalize_internal::UnwrapOptions;

struct Normalizer::Scratch {
  std::string nfc;
  CleanedText cleaned;
};

Normalizer::Normalizer(const NormalizeOptions& options)
    : options_(options), scratch_(std::make_unique<Scratch>()) {}

Normalizer::~Normalizer() = default;

NormalizedText Normalizer::Run(std::string_view utf8) {
  NormalizedText result;
  std::string_view text = utf8;
  CleanOptions clean;
  clean.canonical_tones = options_.canonical_tones;
  clean.strip_markup = options_.strip_markup;
  CleanedText& cleaned = scratch_->cleaned;
  normalize_internal::CleanLines(text, clean, &cleaned);
  // The cleaner notices any character that NFC might change; only then is ICU asked, and the
  // NFC form cleaned instead.
  OffsetMap nfc_map;
  const bool nfc_changed = cleaned.maybe_not_nfc && !normalize_internal::IsNfc(utf8);
  if (nfc_changed) {
    scratch_->nfc = normalize_internal::ToNfc(utf8, &nfc_map);
    text = scratch_->nfc;
    normalize_internal::CleanLines(text, clean, &cleaned);
  }

  UnwrapOptions unwrap;
  unwrap.unwrap_lines = options_.unwrap_lines;
  unwrap.drop_page_numbers = options_.drop_page_numbers;
  unwrap.strip_markup = options_.strip_markup;
  unwrap.markdown = cleaned.md_headings > 0 || cleaned.bold_lines >= 2;
  const LinePlan plan = normalize_internal::PlanLines(&cleaned, unwrap);

  // Lay the kept lines end to end. What lies between two lines in the input (line breaks,
  // blank lines, dropped lines, markup at the line ends) becomes the one separator.
  std::string& out = result.text;
  out.reserve(cleaned.text.size() + cleaned.lines.size());
  OffsetMap::Builder b;
  size_t in_pos = 0;
  bool first = true;
  for (size_t i = 0; i < cleaned.lines.size(); ++i) {
    const CleanLine& line = cleaned.lines[i];
    if (line.has(CleanLine::kDropped)) continue;
    const size_t gap = line.in_start - in_pos;
    if (first) {
      b.Delete(gap);
      first = false;
    } else if (plan.joints[i] == Joint::kTouch) {
      b.Delete(gap);
    } else {
      b.Replace(gap, 1);
      out.push_back(plan.joints[i] == Joint::kBreak ? '\n' : ' ');
    }
    for (uint32_t k = line.op_start; k < line.op_end; ++k) {
      const EditOp& op = cleaned.ops[k];
      if (op.copy) {
        b.Copy(op.in_len);
      } else {
        b.Replace(op.in_len, op.out_len);
      }
    }
    out.append(cleaned.LineText(line));
    in_pos = line.in_end;
  }
  b.Delete(text.size() - in_pos);
  result.map = std::move(b).Build();
  if (nfc_changed) result.map = OffsetMap::Compose(nfc_map, result.map);
  result.format = normalize_internal::FormatName(cleaned, plan.profile);
  return result;
}

NormalizedText Normalize(std::string_view utf8, const NormalizeOptions& options) {
  return Normalizer(options).Run(utf8);
}

}  // namespace vnplan
