// Agencies named in plan texts, each under one canonical name.
//
// Plans name one body many ways: "Phòng LĐTBXH", "phòng Lao động – Thương binh và Xã hội huyện",
// "Phòng Lao động - Thương binh và Xã hội" are one agency, "Sở LĐTB&XH" and "Sở Lao động Thương
// binh và Xã hội tỉnh Lào Cai" another. AgencyReader reads a name by its structure, with the
// pieces listed in rules/agencies/*.yaml (topic "agencies"; the `kind` attribute says what a rule
// matches and `value` gives the canonical spelling):
//
//   kind: head        a unit word: Sở, Phòng, Ban, Trung tâm, Chi cục, Bộ, Văn phòng, ...
//   kind: domain      a field after a head, with its abbreviations: "Lao động - Thương binh và
//                     Xã hội" (LĐTBXH, LĐ-TB&XH), "Kế hoạch và Đầu tư" (KH&ĐT), "Tài chính -
//                     Kế hoạch" (TC-KH), ...
//   kind: entity      a body named as a whole: Ủy ban Mặt trận Tổ quốc Việt Nam (MTTQ, UB
//                     MTTQVN), Ngân hàng Chính sách xã hội (NHCSXH, "Phòng giao dịch NHCSXH"), ...
//   kind: council     Ủy ban nhân dân (UBND), Hội đồng nhân dân (HĐND): their level or scope is
//                     part of the name ("Ủy ban nhân dân huyện", "Ủy ban nhân dân các xã, thị
//                     trấn", "Ủy ban nhân dân cấp xã")
//   kind: group       a set of bodies: "các tổ chức chính trị - xã hội", "các sở, ban, ngành"
//   kind: title       a person's title before a body, skipped: "Chủ tịch UBND các xã" names the
//                     councils, "Thủ trưởng các cơ quan" the group
//   kind: not_agency  text a head word hides in: "cơ sở", "phòng, chống", "bộ tiêu chí"
//
// A head with no known domain still names an agency when a capitalised name follows it ("Phòng
// Nghiệp vụ", "Ban Tuyên giáo Tỉnh ủy"); the name runs over capitalised words, the lowercase
// syllables that continue them, and "và" / "-" / "," joining two capitalised words, up to a verb
// or preposition ("chủ trì", "phối hợp", "của", ...). Either the head or the name must be
// capitalised, so "cơ sở y tế" and "phòng chống dịch" name nothing.
//
// A trailing level and place ("huyện", "tỉnh Lào Cai", "Huyện") is dropped when it is the
// issuer's own level ("Trung tâm Y tế Huyện" in a district plan is "Trung tâm Y tế"), kept
// otherwise; councils always keep their level ("Ủy ban nhân dân tỉnh") and drop only the
// issuer's own place name. An all-capitals name is written in sentence case.
//
//   AgencyReader reader(*book.Topic("agencies"), view, IssuerOf(ctx));
//   AgencyReader::Line line = reader.ReadLine(span_of_a_line);
//   size_t end;
//   std::vector<AgencyMention> who = line.ListAt(pos, &end);
//   // "Sở Kế hoạch và Đầu tư, Sở Tài chính thẩm định" -> two mentions, end before "thẩm định"
#ifndef VNPLAN_EXTRACT_AGENCY_H_
#define VNPLAN_EXTRACT_AGENCY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "extract/extractors.h"
#include "rules/rules.h"

namespace vnplan {

struct AgencyMention {
  Span span;         // in TextView::text(), the whole mention (title and place included)
  std::string name;  // canonical: "Phòng Lao động - Thương binh và Xã hội"
  bool group = false;  // a set of bodies ("các tổ chức chính trị - xã hội", "UBND các xã")
  std::string rule;       // id of the rule that named it (domain, entity, council or group rule;
                          // the head rule when the name was read from capitals)
  std::string head_rule;  // id of the head rule, "" for entities, councils and groups
};

// The administrative level of the issuing body and its place, e.g. {"huyện", "Sông Mã"}.
struct Issuer {
  std::string level;  // "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường",
                      // "thị trấn"; "" when unknown
  std::string place;  // "Sông Mã"; "" when unknown
};

// The issuer's level and place: from the header's issuer (or the line above it), else from the
// body ("UBND huyện Sông Mã ban hành ...", "Ủy ban nhân dân Huyện xây dựng ..."), else from the
// unit words the text uses most (Phòng: huyện, Sở: tỉnh).
Issuer IssuerOf(const ExtractContext& ctx, const TextView& view);

class AgencyReader {
 public:
  // `rules` is the "agencies" RuleSet; `view` the text every span refers to.
  AgencyReader(const RuleSet& rules, const TextView& view, Issuer issuer);

  // The agency rules' matches over one stretch of the text (a line), computed once.
  class Line {
   public:
    // The agency whose name starts at `pos` (spaces skipped), or nullopt. *end: past it.
    std::optional<AgencyMention> At(size_t pos, size_t* end) const;
    // A list starting at `pos`: agencies joined by ",", ";", "và", "cùng"; empty when none starts
    // there. *end: past the last agency (separators after it are not taken).
    std::vector<AgencyMention> ListAt(size_t pos, size_t* end) const;
    // Every agency in the stretch, left to right, not overlapping (read once, then kept).
    const std::vector<AgencyMention>& All() const;
    Span span() const { return span_; }

   private:
    friend class AgencyReader;
    struct Hit {
      Span span;
      const Rule* rule;
      int kind;
    };
    Line(const AgencyReader* reader, Span span) : reader_(reader), span_(span) {}
    // The longest hit of `kind` starting exactly at `pos`, or nullptr.
    const Hit* HitAt(size_t pos, int kind) const;
    bool Suppressed(size_t pos) const;
    std::optional<AgencyMention> Headed(size_t pos, const Hit& head) const;
    std::optional<AgencyMention> Council(size_t pos, const Hit& council) const;
    // Past a trailing level and place at `pos`; sets *drop when it is the issuer's own, else
    // *kept to the words to keep ("huyện Văn Lãng").
    size_t PlaceSuffix(size_t pos, bool* drop, std::string* kept) const;
    // End of a capitalised name starting at `pos`, or `pos` when none starts there.
    size_t CapitalisedName(size_t pos) const;
    bool StartsAgency(size_t pos) const;

    const AgencyReader* reader_;
    Span span_;
    std::vector<Hit> hits_;  // sorted by start, longest first
    mutable std::optional<std::vector<AgencyMention>> all_;
  };

  Line ReadLine(Span span) const;

  const TextView& view() const { return view_; }
  const Issuer& issuer() const { return issuer_; }

 private:
  const RuleSet& rules_;
  const TextView& view_;
  Issuer issuer_;
};

// For `vnplan rules test` on topic "agencies": {"agency": canonical name, "group": "true" or
// "false", "text": as written} for the first agency of `text` that `rule` helped to name (for
// kinds title and not_agency: the rule's raw captures), or null.
nlohmann::json AgencyExampleFields(const RuleBook& rules, const Rule& rule, std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_AGENCY_H_
