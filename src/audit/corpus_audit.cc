#include <set>
#include <string>

#include "audit/audit.h"
#include "audit/checks.h"

namespace vnplan {

namespace {

// Issuer codes of bodies that exist once in the country: the same number and year from them is
// the same document wherever it is cited. Local codes (UBND, HĐND, TU, HU, ...) repeat in every
// province and need the issuer's name to match too.
bool NationalCode(const std::string& code) {
  static const std::set<std::string> kNational = {
      "TTg",     "CP",  "QH",    "BTC", "BLĐTBXH", "BKHĐT", "UBTVQH", "VPQH",
      "BNNPTNT", "BYT", "BGDĐT", "TW",  "BCT",     "BTNMT", "BXD",    "BNV"};
  if (code.rfind("QH", 0) == 0) return true;
  return kNational.count(code) > 0;
}

}  // namespace

Records CorpusAudit::Add(const std::string& doc, std::span<const Record> records) {
  using audit_internal::Int;
  using audit_internal::Str;
  Records findings;
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
    if (!NationalCode(code)) {
      const std::string issuer = Str(r, "issuer").value_or("");
      if (issuer.empty()) continue;  // a local document of unknown origin: cannot match safely
      key += "|" + issuer;
    }
    const auto [first, inserted] = first_.try_emplace(std::move(key), FirstCited{doc, *date});
    const FirstCited& f = first->second;
    // Within one document the per-document check reports it.
    if (inserted || f.doc == doc || f.date == *date) continue;
    Record anchor;
    anchor.span = r.span;
    findings.push_back(audit_internal::MakeFinding("citation.date_conflict", "error",
                                                   *number + " is cited here as of " + *date +
                                                       " but as of " + f.date + " in document " +
                                                       f.doc.substr(0, 12),
                                                   anchor, {seq}));
  }
  return findings;
}

int SeverityRank(std::string_view severity) {
  if (severity == "error") return 2;
  if (severity == "warning") return 1;
  return 0;
}

void ForEachFinding(std::span<const Record> records, std::span<const Record> across,
                    const std::function<void(const Record& finding, size_t seq)>& visit) {
  for (size_t seq = 0; seq < records.size(); ++seq) {
    if (records[seq].type == "finding") visit(records[seq], seq);
  }
  for (const Record& f : across) {
    auto it = f.fields.find("records");
    const bool named =
        it != f.fields.end() && it->is_array() && !it->empty() && (*it)[0].is_number_unsigned();
    visit(f, named ? (*it)[0].get<size_t>() : 0);
  }
}

}  // namespace vnplan
