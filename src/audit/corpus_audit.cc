#include <set>

#include "audit/audit.h"
#include "audit/checks.h"

namespace vnplan {

namespace {

// Issuer codes of bodies that exist once in the country: the same number and year from them is
// the same document wherever it is cited. Local codes (UBND, HĐND, TU, HU, ...) repeat in every
// province and need the issuer's name to match too.
bool NationalCode(const std::string& code) {
  static const std::set<std::string> kNational = {"TTg", "CP", "QH", "BTC", "BLĐTBXH", "BKHĐT",
                                                  "UBTVQH", "VPQH", "BNNPTNT", "BYT", "BGDĐT",
                                                  "TW", "BCT", "BTNMT", "BXD", "BNV"};
  if (code.rfind("QH", 0) == 0) return true;
  return kNational.count(code) > 0;
}

}  // namespace

void CorpusAudit::Add(const std::string& doc, const Records& records) {
  using audit_internal::Int;
  using audit_internal::Str;
  for (size_t seq = 0; seq < records.size(); ++seq) {
    const Record& r = records[seq];
    if (r.type != "citation") continue;
    const auto number = Str(r, "number");
    const auto date = Str(r, "date");
    if (!number || !date || date->size() < 4) continue;
    const auto num_year = Int(r, "num_year");
    const std::string year = num_year ? std::to_string(*num_year) : date->substr(0, 4);
    const std::string code = Str(r, "issuer_code").value_or("");
    std::string key = *number + "|" + year;
    std::string issuer;
    if (!NationalCode(code)) {
      issuer = Str(r, "issuer").value_or("");
      if (issuer.empty()) continue;  // a local document of unknown origin: cannot match safely
      key += "|" + issuer;
    }
    by_key_[key].push_back({doc, seq, r.span, *date, issuer, *number});
  }
}

std::vector<CorpusFinding> CorpusAudit::Finish() const {
  std::vector<CorpusFinding> out;
  for (const auto& [key, cites] : by_key_) {
    std::set<std::string> docs;
    for (const Cited& c : cites) docs.insert(c.doc);
    if (docs.size() < 2) continue;  // within one document the per-document check reports it
    const Cited& first = cites[0];
    for (const Cited& c : cites) {
      if (c.date == first.date || c.doc == first.doc) continue;
      Record anchor;
      anchor.span = c.span;
      Record f = audit_internal::MakeFinding(
          "citation.date_conflict", "error",
          c.text + " is cited here as of " + c.date + " but as of " + first.date +
              " in document " + first.doc.substr(0, 12),
          anchor, {c.seq});
      out.push_back({c.doc, std::move(f)});
    }
  }
  return out;
}

}  // namespace vnplan
