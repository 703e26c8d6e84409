// segment: normalized text in, the document's header and its section tree out.
//
// Reads the layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the header
// block (issuing body and its parent, "Số:", place and date, document type, title), the "Căn cứ"
// preamble, the numbered body (I. / 1. / 1.1. / a) / - / + ; "Dự án N", "Tiểu dự án N"; "Điều N."
// in decisions; unnumbered lead-ins such as "Mục đích:"), the signature block and "Nơi nhận".
// Every section gets a canonical kind from the table in rules/sections/ (see SectionKinds).
//
//   StatusOr<SectionKinds> kinds = SectionKinds::Builtin();
//   Segmented seg = Segment(norm, *kinds);
//   for (const Section& s : seg.sections) printf("%s %s\n", s.id.c_str(), s.kind.c_str());
//   const Section* s = seg.Innermost(offset);   // the section holding a normalized offset
//
// All spans here are byte ranges of the NORMALIZED text (NormalizedText::text).
//
// What Segment reads, in order:
//   1. The header block, from the first line down to the first line that is not part of one (a
//      "Căn cứ" line, a numbered heading, a paragraph). Lines cut by an export (a date over two
//      lines, a title or a motto over two lines, table cells flattened onto one line) are read
//      whole. A text that opens mid-way has no header block: its fields stay null, nothing is
//      guessed from the body.
//   2. The signature block and "Nơi nhận", from the last "Nơi nhận:" or authority-mode line
//      (TM., KT., Q., TL., TUQ.), grown over titles in capitals, the signer's name, "(Đã ký)"
//      and the recipients. When several modes stack ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"),
//      sign_mode is the last one, the signer's own. Lines after the block (an appendix, a plan
//      attached to a decision) are segmented as body again.
//   3. The body between them: numbered headings nest by the order in which their schemes
//      appear in the document (a stack of schemes, not a fixed ladder), and only count where
//      their number follows the list they continue or starts a new one (I -> II, 1 -> 2, a -> b,
//      first items 1 / I / a); a year ("2024.") or a thousands figure ("6.800") never opens a
//      heading. Bullets (-, +, *) are list items and stay in their section's text, except a
//      bulleted "Dự án N: ..." line, which is a section (up to the next bullet of its mark).
//      Unnumbered lead-ins ("Mục đích: ...", "Kinh phí thực hiện:") are sections only in a body
//      whose top level is made of them (no numbered top level above). The body nests at most
//      12 levels deep: a heading that would open a 13th level stays in its section's text.
//   4. The preamble (kind can_cu): the lines between the header block and the first heading, or,
//      without headings, the "Căn cứ" / "Thực hiện" lines up to the one closing them with a
//      colon ("... ban hành Kế hoạch ... như sau:").
//
// Section ids: "header", "can_cu", "signature", "noi_nhan" around the body; body ids are paths
// of labels ("V.3.b", "Điều 2", "II.2.1" for "2.1." under "2."; "V.3.Tiểu dự án 1" for an
// unnumbered "Tiểu dự án 1:" line); a lead-in takes its kind as id ("muc_dich"). Ids are unique:
// a repeat gets "_2", "_3".
//
// Kinds: "dieu" for "Điều N", "du_an" / "tieu_du_an" for project headings (with `project`
// "du_an_3" / "du_an_3.tieu_du_an_1", whichever way the text names them: "Tiểu dự án 1 thuộc Dự
// án 3", "Tiểu dự án 2, Dự án 7", "Thực hiện Tiểu dự án 2 - Dự án 6", or a "Tiểu dự án 1" under a
// "Dự án 3" heading), else SectionKinds::KindOf of the heading. A project section whose own text
// says the project does not apply here ("không thuộc đối tượng", "không triển khai", "không thực
// hiện", "không áp dụng") has applies = false; other project sections true; other sections null.
#ifndef VNPLAN_SEGMENT_SEGMENT_H_
#define VNPLAN_SEGMENT_SEGMENT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "base/status.h"
#include "normalize/normalize.h"

namespace vnplan {

// One field of the header, with where it was read.
struct HeaderField {
  std::optional<std::string> value;
  Span span;  // empty when value is null
};

struct Header {
  // "Kế hoạch" (from "KẾ HOẠCH", also unaccented "KE HOACH"); "Công văn" for a letter known by
  // its "V/v" subject line.
  HeaderField doc_type;
  // "34/KH-UBND"; null for a blank template "Số: /KH-UBND".
  HeaderField number;
  // "KH-UBND": kept even when the number is blank; "NQ/TU" for the Party style "Số 15-NQ/TU";
  // "NĐ-CP" for "Số: 12/2020/NĐ-CP".
  HeaderField number_symbol;
  // The issuing body in the case Vietnamese writes it: "ỦY BAN NHÂN DÂN / TỈNH LÀO CAI" ->
  // "Ủy ban nhân dân tỉnh Lào Cai".
  HeaderField issuer;
  // The body named above the issuer ("UBND tỉnh Lạng Sơn" above "Ban Dân tộc"), when there is
  // one.
  HeaderField issuer_parent;
  HeaderField place;  // "Lào Cai"
  HeaderField date;   // ISO "2024-01-23", "2022-06" (no day), null when blank
  // From the date line, even when day and month are blank ("ngày tháng năm 2024"); without a
  // date line, the plan year the text states where it issues the plan ("ban hành kế hoạch ...
  // năm 2025 ... như sau:") or in its title.
  std::optional<int> year;
  // The line(s) after the type line, joined, as written; for a letter the "V/v" subject
  // without "V/v".
  HeaderField title;
  HeaderField signer;  // null when the name is missing
  // "PHÓ CHỦ TỊCH"; "CHỦ TỊCH" for "Q. CHỦ TỊCH" with no title under it.
  HeaderField signer_title;
  HeaderField sign_mode;                // "TM.", "KT.", "Q.", "TL.", "TUQ."
  std::vector<HeaderField> recipients;  // items of "Nơi nhận:"
  std::vector<HeaderField> addressees;  // items of "Kính gửi:" (letters, reports)
};

struct Section {
  // Path of labels: "V.3.b"; lead-ins and unlabeled parts get generated ids ("muc_dich",
  // "header", "can_cu", "signature").
  std::string id;
  std::string parent;  // id of the parent, "" at the top
  int level = 0;       // 0: header, can_cu, signature, noi_nhan; 1: top level of the body
  std::string label;   // "V", "2", "b", "Điều 3", "" for lead-ins
  // Heading text without its label ("MỤC ĐÍCH, YÊU CẦU"), cut at its first colon ("a) Mục
  // tiêu: Hỗ trợ ..." -> "Mục tiêu") or first sentence; a heading cut over two lines is joined.
  std::string heading;
  std::string kind;                    // canonical kind (muc_dich, ..., du_an, tieu_du_an, other)
  std::optional<std::string> project;  // "du_an_3.tieu_du_an_1" for du_an/tieu_du_an sections
  std::optional<bool> applies;         // false when the plan says the project does not apply
  Span heading_span;  // the heading line (label included; both lines of a cut heading)
  Span extent;        // the whole section, heading to the start of the next sibling
};

struct Segmented {
  Header header;
  std::vector<Section> sections;  // in document order (pre-order of the tree)

  // The innermost section whose extent holds `offset`, or nullptr (text between the preamble
  // and a first heading that opens no section, or past the end). O(log n) to find the last
  // section starting at or before `offset`, then a walk back to one that holds it.
  const Section* Innermost(size_t offset) const;
  // The project ("du_an_2", "du_an_3.tieu_du_an_1") of the innermost du_an/tieu_du_an section
  // holding `offset`, or nullopt: the "b) Đối tượng" of a "Tiểu dự án 1" under "Dự án 3" is in
  // "du_an_3.tieu_du_an_1".
  std::optional<std::string> ProjectAt(size_t offset) const;
};

// The table mapping heading wordings to canonical kinds, read from rules/sections/*.yaml.
class SectionKinds {
 public:
  // The table embedded in the binary at build time.
  static StatusOr<SectionKinds> Builtin();
  // Loads every *.yaml under `dir` (a rules folder's sections/ table). Errors name file and line.
  static StatusOr<SectionKinds> LoadDir(const std::string& dir);
  // Parses one table from `yaml`; `file` labels errors.
  static StatusOr<SectionKinds> Parse(std::string_view yaml, std::string_view file);

  // Canonical kind for a heading ("NGUỒN VỐN THỰC HIỆN" -> "nguon_von"), "other" if none fits.
  // `heading` is the text after the label, cut at its first colon. Case and diacritics do not
  // matter; the longest pattern matching the start of the heading wins (the matching rules are
  // spelled out at the top of rules/sections/kinds.yaml). A heading of more than `max_words`
  // words (16 in the built-in table) is a sentence: "other".
  //
  //   kinds.KindOf("MỘT SỐ GIẢI PHÁP CHỦ YẾU") == "giai_phap"
  //   kinds.KindOf("Mục đích, yêu cầu") == "muc_dich_yeu_cau"
  //   kinds.KindOf("Kinh phi thuc hien") == "nguon_von"      // unaccented input
  std::string KindOf(std::string_view heading) const;

  // The kinds the table declares, in file order.
  const std::vector<std::string>& kinds() const;

  // Runs every example and counter-example of the table through KindOf. The first that fails
  // is an InvalidArgument naming its file and line.
  Status CheckExamples() const;

  SectionKinds();
  ~SectionKinds();
  SectionKinds(SectionKinds&&) noexcept;
  SectionKinds& operator=(SectionKinds&&) noexcept;

  struct Impl;  // opaque

 private:
  std::unique_ptr<Impl> impl_;
};

// Segments one document. Never fails: a text with no recognisable layout gives an empty header
// and whatever sections could be read (possibly none). Linear in the text's size.
Segmented Segment(const NormalizedText& text, const SectionKinds& kinds);

}  // namespace vnplan

#endif  // VNPLAN_SEGMENT_SEGMENT_H_
