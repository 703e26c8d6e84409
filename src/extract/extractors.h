// The per-topic extractors behind Extract() (extract.h), internal to src/extract.
//
// Each reads the matches of its topic's RuleSet over the document and appends records of the
// contract to *records; values it cannot parse give a null field plus a diagnostic. Spans are
// NORMALIZED-text spans and `section` is the id of the innermost section at the record's start.
// TextView gives each extractor the text to match (plain or folded) and maps folded spans back.
//
//   ExtractCitations(*book.Topic("citation"), ctx, &records, &diags);
#ifndef VNPLAN_EXTRACT_EXTRACTORS_H_
#define VNPLAN_EXTRACT_EXTRACTORS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/record.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "rules/rules.h"

namespace vnplan {

// The text one extractor matches on: the normalized text itself, or its diacritic-free fold when
// the document is unaccented. Built once per document by Extract() and shared by the extractors.
class TextView {
 public:
  // Folds ctx.norm.text when `unaccented`.
  TextView(const ExtractContext& ctx, bool unaccented);

  bool folded() const { return folded_; }
  // The text to pass to RuleSet::FindAll.
  std::string_view text() const { return folded_ ? std::string_view(fold_.text) : plain_; }
  // The normalized text (what records point into).
  std::string_view plain() const { return plain_; }
  // A span of text() as a span of the normalized text.
  Span ToPlain(Span s) const { return folded_ ? fold_.map.MapSpan(s) : s; }
  // The bytes of the normalized text under a span of text(): the record's own text, with its
  // diacritics, even when matching ran on the fold.
  std::string_view PlainText(Span s) const;
  // text() with OCR digit slips repaired (RepairDigitSlips: "l5/12/2O24" -> "15/12/2024"),
  // byte for byte, so that its spans are spans of text(); text() itself when there is none.
  std::string_view DigitsRepaired() const {
    return repaired_ ? std::string_view(*repaired_) : text();
  }

 private:
  std::string_view plain_;
  bool folded_ = false;
  FoldedText fold_;
  std::optional<std::string> repaired_;
};

// True when `text` looks written without Vietnamese diacritics: of its letters, almost none carry
// a mark (below 1 in 200 letters); a text of fewer than 40 letters only when none carries one.
//   LooksUnaccented("Quyet dinh so 90/QD-TTg ngay 18/01/2022") == true
//   LooksUnaccented("Quyết định số 90/QĐ-TTg") == false
bool LooksUnaccented(std::string_view text);

// The id of the innermost section holding normalized offset `offset`, "" when none.
std::string SectionAt(const ExtractContext& ctx, size_t offset);

void ExtractCitations(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                      Records* records, Diagnostics* diagnostics);
void ExtractAmounts(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                    Records* records, Diagnostics* diagnostics);
void ExtractQuantities(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                       Records* records, Diagnostics* diagnostics);
void ExtractDates(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                  Records* records, Diagnostics* diagnostics);

// Responsibility records (rules/responsibility/, agencies named through rules/agencies/): one per
// (agency, role) in each statement of the "Tổ chức thực hiện" items ("1. Phòng X" and its
// bullets) and of sentences that hand out a duty ("Giao Sở Y tế chủ trì ...", "Sở Y tế chủ trì
// ..."), with the projects named after the role's cue and the statement as the task (at most
// kMaxStatement bytes of it, duty_walk.h; so too a report record's sentence).
//   fields: agency (canonical), agency_text (as written), role, projects [..], tasks [..]
// Report records (rules/report/): one per reporter and deadline of each sentence that asks for a
// report ("Báo cáo 6 tháng gửi trước ngày 10/6/2024"), the year taken from the document when the
// date has none; "cơ quan thường trực" as recipient resolves to the agency that responsibility
// records name thuong_truc, so reports are read after responsibilities. The report rules run
// only on the lines where a report_word rule ("báo cáo") matches; a match never spans two lines.
//   fields: reporter, recipient, due (ISO or null), what ("báo cáo 6 tháng", ...)
// Both read one walk of the document's items and their agencies (DutyWalk), built once here.
struct DutyOptions {
  bool responsibilities = true;
  bool reports = true;
};
void ExtractDuties(const RuleBook& rules, const ExtractContext& ctx, const TextView& view,
                   const DutyOptions& options, Records* records);
// ExampleFields for the topics agencies, responsibility and report (see extract.h).
nlohmann::json DutyExampleFields(const RuleBook& rules, const Rule& rule, std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_EXTRACTORS_H_
