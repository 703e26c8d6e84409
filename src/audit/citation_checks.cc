// Checks of legal citations: year inside the number against the date, one document cited with
// two dates, cited after the citing document, type word and issuer against their codes,
// repaired numbers, and the registry of known documents.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <unicode/unistr.h>

#include "audit/checks.h"
#include "normalize/normalize.h"

namespace vnplan::audit_internal {

namespace {

std::string Lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

bool ContainsAny(const std::string& hay, std::initializer_list<const char*> needles) {
  for (const char* n : needles) {
    if (hay.find(n) != std::string::npos) return true;
  }
  return false;
}

// Type codes a type word may carry. A word missing here (Công văn, Luật, Hiến pháp) is not
// checked: those have no type code of their own.
const std::map<std::string, std::vector<std::string>>& TypeCodes() {
  // clang-format off
  static const auto* kCodes = new std::map<std::string, std::vector<std::string>>{
      {"Quyết định", {"QĐ"}},   {"Nghị quyết", {"NQ"}},       {"Nghị định", {"NĐ"}},
      {"Thông tư", {"TT", "TTLT"}}, {"Thông tư liên tịch", {"TTLT"}}, {"Chỉ thị", {"CT"}},
      {"Kế hoạch", {"KH"}},     {"Thông báo", {"TB"}},        {"Báo cáo", {"BC"}},
      {"Tờ trình", {"TTr"}},    {"Đề án", {"ĐA"}},            {"Chương trình", {"CTr", "CT"}},
      {"Hướng dẫn", {"HD"}},    {"Kết luận", {"KL"}},         {"Quy định", {"QĐi", "QyĐ"}},
      {"Công điện", {"CĐ"}},    {"Pháp lệnh", {"PL"}},        {"Văn bản hợp nhất", {"VBHN"}},
  };
  // clang-format on
  return *kCodes;
}

// Whether an issuer as written fits an issuer code; nullopt when the code is not one we know.
// Compared without diacritics, so that an unaccented document ("Thu tuong Chinh phu") and either
// tone placement ("Tỉnh uỷ") fit too. A Party committee is named either way: "Tỉnh ủy" or "Ban
// Chấp hành Đảng bộ tỉnh" (its executive committee), "Ban Thường vụ Tỉnh ủy".
std::optional<bool> IssuerFits(const std::string& code, const std::string& issuer) {
  const std::string s = FoldDiacritics(Lower(issuer)).text;
  if (code == "TTg") return ContainsAny(s, {"thu tuong"});
  if (code == "CP") return ContainsAny(s, {"chinh phu"}) && !ContainsAny(s, {"thu tuong"});
  if (code.rfind("QH", 0) == 0) return ContainsAny(s, {"quoc hoi"});
  if (code == "HĐND") return ContainsAny(s, {"hoi dong nhan dan", "hdnd"});
  if (code == "UBND") return ContainsAny(s, {"uy ban nhan dan", "ubnd"});
  if (code == "TU") {
    return ContainsAny(s, {"tinh uy", "thanh uy", "dang bo tinh", "dang bo thanh pho"});
  }
  if (code == "HU") {
    return ContainsAny(s, {"huyen uy", "thi uy", "thanh uy", "quan uy", "dang bo huyen",
                           "dang bo thi xa", "dang bo thanh pho", "dang bo quan"});
  }
  if (code == "BTC") return ContainsAny(s, {"bo tai chinh"});
  if (code == "BLĐTBXH") return ContainsAny(s, {"bo lao dong"});
  return std::nullopt;
}

std::string YearOf(const std::string& iso) { return iso.size() >= 4 ? iso.substr(0, 4) : ""; }

// True when cited date `d` is later than the document date `doc` (either may lack a day).
bool After(const std::string& d, const std::string& doc) {
  const size_t n = std::min(d.size(), doc.size());
  return d.compare(0, n, doc, 0, n) > 0;
}

std::string Quote(const Record& r) {
  auto n = Str(r, "number");
  auto t = Str(r, "doc_type");
  return (t ? *t + " " : std::string()) + (n ? *n : std::string("(no number)"));
}

}  // namespace

void CheckCitations(const DocView& doc, const std::map<std::string, RegistryEntry>& registry,
                    Records* out) {
  // number|year -> (seq, date) of every dated citation, for date conflicts.
  std::map<std::string, std::vector<std::pair<size_t, std::string>>> dated;
  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    const Record& c = doc.records[seq];
    if (c.type != "citation") continue;
    const auto number = Str(c, "number");
    const auto date = Str(c, "date");
    const auto num_year = Int(c, "num_year");
    const auto doc_type = Str(c, "doc_type");
    const auto type_code = Str(c, "type_code");
    const auto issuer_code = Str(c, "issuer_code");
    const auto issuer = Str(c, "issuer");

    if (num_year && date && YearOf(*date) != std::to_string(*num_year)) {
      out->push_back(MakeFinding(
          "citation.year_mismatch", "error",
          Quote(c) + ": the number says " + std::to_string(*num_year) + " but the date is " + *date,
          c, {seq}));
    }
    if (date && doc.date && After(*date, *doc.date)) {
      out->push_back(MakeFinding(
          "citation.after_document", "error",
          Quote(c) + " is dated " + *date + ", after this document's own date " + *doc.date, c,
          {seq}));
    } else if (date && !doc.date && doc.year && YearOf(*date) > std::to_string(*doc.year)) {
      out->push_back(MakeFinding("citation.after_document", "error",
                                 Quote(c) + " is dated " + *date + ", after this document's year " +
                                     std::to_string(*doc.year),
                                 c, {seq}));
    }
    if (doc_type && type_code) {
      auto it = TypeCodes().find(*doc_type);
      if (it != TypeCodes().end()) {
        bool fits = false;
        for (const std::string& code : it->second) fits = fits || code == *type_code;
        if (!fits) {
          out->push_back(MakeFinding(
              "citation.type_mismatch", "warning",
              Quote(c) + ": a " + *doc_type + " does not carry the code " + *type_code, c, {seq}));
        }
      }
    }
    if (issuer_code && issuer) {
      std::optional<bool> fits = IssuerFits(*issuer_code, *issuer);
      if (fits && !*fits) {
        out->push_back(MakeFinding(
            "citation.type_mismatch", "warning",
            Quote(c) + ": issued by \"" + *issuer + "\" but the code says " + *issuer_code, c,
            {seq}));
      }
    }
    auto repaired = c.fields.find("repaired");
    if (repaired != c.fields.end() && repaired->is_boolean() && repaired->get<bool>()) {
      out->push_back(MakeFinding("citation.repaired", "info",
                                 "number read as " + number.value_or("?") + " from damaged text", c,
                                 {seq}));
    }
    if (number) {
      auto reg = registry.find(*number);
      if (reg != registry.end()) {
        const RegistryEntry& e = reg->second;
        if (date && !e.date.empty() && *date != e.date) {
          out->push_back(MakeFinding("citation.registry", "warning",
                                     Quote(c) + " is dated " + *date + "; the registry (" +
                                         e.source + ") dates it " + e.date,
                                     c, {seq}));
        }
        if (e.status.find("hết hiệu lực") != std::string::npos) {
          out->push_back(
              MakeFinding("citation.registry", "warning",
                          Quote(c) + " is no longer in force (" + e.status +
                              (e.replaced_by.empty() ? "" : ", replaced by " + e.replaced_by) + ")",
                          c, {seq}));
        }
      }
      if (date) {
        const std::string year = num_year ? std::to_string(*num_year) : YearOf(*date);
        dated[*number + "|" + year].emplace_back(seq, *date);
      }
    }
  }
  for (const auto& [key, cites] : dated) {
    for (size_t i = 1; i < cites.size(); ++i) {
      if (cites[i].second == cites[0].second) continue;
      std::vector<size_t> seqs;
      for (const auto& [s, d] : cites) seqs.push_back(s);
      const Record& c = doc.records[cites[i].first];
      out->push_back(MakeFinding("citation.date_conflict", "error",
                                 Quote(c) + " is cited here as of " + cites[i].second +
                                     " and elsewhere in this document as of " + cites[0].second,
                                 c, std::move(seqs)));
    }
  }
}

}  // namespace vnplan::audit_internal
