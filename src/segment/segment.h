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
  HeaderField doc_type;       // "Kế hoạch" (sentence case, from "KẾ HOẠCH")
  HeaderField number;         // "34/KH-UBND"; null for a blank template "Số: /KH-UBND"
  HeaderField number_symbol;  // "KH-UBND": kept even when the number is blank
  HeaderField issuer;         // "Ủy ban nhân dân tỉnh Lào Cai" as written in the header
  HeaderField issuer_parent;  // the line above the issuer, when there is one
  HeaderField place;          // "Lào Cai"
  HeaderField date;           // ISO "2024-01-23", "2022-06" (no day), null when blank
  std::optional<int> year;    // from the date line, even when day and month are blank
  HeaderField title;          // the line(s) after the type line, joined
  HeaderField signer;         // null when the name is missing
  HeaderField signer_title;   // "PHÓ CHỦ TỊCH"
  HeaderField sign_mode;      // "TM.", "KT.", "Q.", "TL.", "TUQ."
  std::vector<HeaderField> recipients;  // items of "Nơi nhận:"
};

struct Section {
  std::string id;          // path of labels: "V.3.b"; lead-ins and unlabeled parts get
                           // generated ids ("muc_dich", "header", "can_cu", "signature")
  std::string parent;      // id of the parent, "" at the top
  int level = 0;           // 0: header, can_cu, signature, noi_nhan; 1: top level of the body
  std::string label;       // "V", "2", "b", "Điều 3", "" for lead-ins
  std::string heading;     // heading text without its label ("MỤC ĐÍCH, YÊU CẦU")
  std::string kind;        // canonical kind (muc_dich, ..., du_an, tieu_du_an, other)
  std::optional<std::string> project;  // "du_an_3.tieu_du_an_1" for du_an/tieu_du_an sections
  std::optional<bool> applies;         // false when the plan says the project does not apply
  Span heading_span;       // the heading line (label included)
  Span extent;             // the whole section, heading to the start of the next sibling
};

struct Segmented {
  Header header;
  std::vector<Section> sections;  // in document order (pre-order of the tree)

  // The innermost section whose extent holds `offset`, or nullptr.
  const Section* Innermost(size_t offset) const;
  // The project ("du_an_2", "du_an_3.tieu_du_an_1") of the innermost du_an/tieu_du_an section
  // holding `offset`, or nullopt.
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

Segmented Segment(const NormalizedText& text, const SectionKinds& kinds);

}  // namespace vnplan

#endif  // VNPLAN_SEGMENT_SEGMENT_H_
