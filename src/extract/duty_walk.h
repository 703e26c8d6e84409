// DutyWalk: the body lines of a plan, each with the agencies it is addressed to. Shared by the
// responsibility and report extractors.
//
// The "Tổ chức thực hiện" part (sections of kind to_chuc_thuc_hien) lists agencies, one item
// each; the item's bullets and paragraphs are that agency's statements:
//
//   VII. TỔ CHỨC THỰC HIỆN
//   1. Phòng Lao động - Thương binh và Xã hội          <- item heading: holder = the Phòng
//   - Là cơ quan thường trực Chương trình ...           <- statement of the holder
//   3. Phòng Kinh tế và Hạ tầng: Chủ trì Dự án 5.       <- heading with its statement inline
//   8. Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội   <- de_nghi item
//   1. Nhiệm vụ chung                                   <- not an agency: no holder
//   Các thành viên Ban Chỉ đạo, UBND các huyện ... thực hiện nhiệm vụ chủ yếu sau:
//                                                       <- lead-in: holder for the lines below
//
// An item lasts until the next label of the same or a higher level (labels: "I." < "1." <
// "1.1." < "a)"; bullets "-", "+" never end an item). A label opens an item when agencies
// follow it, after an optional opener ("Đề nghị", "Giao", "Nhiệm vụ của"); inside the "Tổ chức
// thực hiện" part a statement may follow them on the same line, elsewhere (and in a document
// without such a part) only ":" or the end of the line may. Lines of the header, the "Căn cứ"
// preamble, the signature and "Nơi nhận" are left out.
//
// Labels, openers and cues come from the "responsibility" RuleSet (kinds label, assign, opener,
// cue, not_cue, partner); agencies from the AgencyReader.
#ifndef VNPLAN_EXTRACT_DUTY_WALK_H_
#define VNPLAN_EXTRACT_DUTY_WALK_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/agency.h"
#include "extract/extractors.h"
#include "extract/project_ref.h"
#include "rules/rules.h"

namespace vnplan {

// The agencies a run of lines is addressed to.
struct Holder {
  std::vector<AgencyMention> agencies;
  bool de_nghi = false;                // opened by "Đề nghị"
  const Rule* rule = nullptr;          // the label (or opener) rule that opened it
  const Rule* de_nghi_rule = nullptr;  // the "Đề nghị" rule, when de_nghi
  bool lead_in = false;                // a "X, Y thực hiện nhiệm vụ sau:" line, not an item
};

struct DutyLine {
  Span line;                  // the whole line in TextView::text(), without its '\n'
  Span body;                  // after the label or bullet
  int depth = -1;             // of the label: 0 "I.", 1 "1.", 2 "1.1.", ...; kBulletDepth; -1 none
  bool excluded = false;      // header, "Căn cứ", signature or "Nơi nhận": no duties here
  bool in_plan_part = false;  // inside a to_chuc_thuc_hien section
  bool heading = false;       // opens an item or is a lead-in
  Span statement;             // the statement the line holds (empty when none)
  int holder = -1;            // index into DutyWalk::holders(), -1 when no agency holds the line
};

inline constexpr int kBulletDepth = 100;

class DutyWalk {
 public:
  DutyWalk(const RuleSet& responsibility, const AgencyReader& agencies, const ExtractContext& ctx,
           const TextView& view);

  const std::vector<DutyLine>& lines() const { return lines_; }
  // The index of the line holding text position `pos`; kNoLine before the first line.
  static constexpr size_t kNoLine = static_cast<size_t>(-1);
  size_t LineAt(size_t pos) const;
  const std::vector<Holder>& holders() const { return holders_; }
  // The responsibility rules' matches inside line `i` (spans in TextView::text()), by start.
  const std::vector<Match>& MatchesOf(size_t i) const { return matches_[i]; }
  // The agencies of line `i`, read once.
  const AgencyReader::Line& AgenciesOf(size_t i) const;
  // Projects as the document's structure knows them, with the project section at `view_pos`.
  ProjectContext ProjectsAt(size_t view_pos) const;
  const AgencyReader& agencies() const { return agencies_; }
  const TextView& view() const { return view_; }
  const ExtractContext& context() const { return ctx_; }
  // Matches overlapping [start, end) of kind `kind` on line `i`.
  std::vector<const Match*> KindIn(size_t i, std::string_view kind, Span within) const;

 private:
  void Walk();
  // Reads an item heading at body start `pos` of line `i`: agencies after an optional opener.
  bool ReadHeading(size_t i, bool relaxed, Holder* holder, Span* statement) const;
  bool ReadLeadIn(size_t i, Holder* holder) const;

  const RuleSet& rules_;
  const AgencyReader& agencies_;
  const ExtractContext& ctx_;
  const TextView& view_;
  std::vector<DutyLine> lines_;
  std::vector<Holder> holders_;
  std::vector<std::vector<Match>> matches_;
  mutable std::map<size_t, std::unique_ptr<AgencyReader::Line>> agency_lines_;
  std::vector<std::string> known_projects_;
  const Rule* label_rule_ = nullptr;
};

// The `kind` attribute of a rule ("cue", "assign", ...).
inline std::string_view KindOfRule(const Rule& rule) { return rule.Attr("kind"); }

// Just past the full stop ending the sentence that holds `pos` (a "." followed by a space or the
// end of the line), or `limit`.
size_t SentenceEnd(std::string_view text, size_t pos, size_t limit);
// The statement a responsibility or report record quotes: `s`, or when longer than
// kMaxStatement bytes its first kMaxStatement, cut at the last space before them. A one-line item
// of thousands of clauses would otherwise put the whole line in each of its records (5,000
// clauses of 107 bytes: 12 GB); the longest statement of the 10 MB bench corpus is 795 bytes.
inline constexpr size_t kMaxStatement = 2000;
Span CapStatement(std::string_view text, Span s);
// `from` and each position in [from, limit) that follows ". ", "; " or ": " (spaces skipped).
std::vector<size_t> ClauseStarts(std::string_view text, size_t from, size_t limit);
// True when the word(s) just before `pos` send something to what follows: "gửi", "về", "qua",
// "cho", "lên", "đến", "tới", "báo cáo".
bool PrecededByRecipientWord(std::string_view text, size_t pos);
// The role cues of line `i`: matches of kind cue that no not_cue match overlaps and that no
// longer cue contains ("Chủ trì, phối hợp" is one chu_tri cue, not also a phoi_hop one).
std::vector<const Match*> CuesOf(const DutyWalk& walk, size_t i);

// The builders behind ExtractDuties (extractors.h), over one walk: responsibility records
// (responsibility.cc), then report records (report.cc), which read the former.
void AddResponsibilities(const DutyWalk& walk, Records* records);
void AddReports(const DutyWalk& walk, const RuleSet& report, Records* records);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_DUTY_WALK_H_
