// extract: the records of a document drawn from its text by the rule sets of rules/.
//
// Each extractor runs one topic's RuleSet over the normalized text, parses what the rules
// captured into typed values (Vietnamese number format, scales, numbers in words, dates) and
// returns records of the contract (../shared/DESIGN.md): citation, amount, quantity, date. Spans
// are NORMALIZED-text spans; the pipeline maps them to the source.
//
//   StatusOr<RuleBook> book = RuleBook::Builtin();
//   ExtractContext ctx{norm, seg};
//   Diagnostics diags;
//   Records recs = Extract(*book, ctx, &diags);
#ifndef VNPLAN_EXTRACT_EXTRACT_H_
#define VNPLAN_EXTRACT_EXTRACT_H_

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/record.h"
#include "normalize/normalize.h"
#include "rules/rules.h"
#include "segment/segment.h"

namespace vnplan {

struct ExtractContext {
  const NormalizedText& norm;
  const Segmented& seg;
  // When the text has (almost) no Vietnamese diacritics, rules also run on the folded view.
  // Default: decided from the text.
  std::optional<bool> unaccented;
};

struct ExtractOptions {
  bool citations = true;
  bool amounts = true;
  bool quantities = true;
  bool dates = true;
  bool responsibilities = true;  // who does what (agency, role, projects)
  bool reports = true;           // reporting duties (reporter, recipient, due)
};

// Runs every enabled extractor over the document. Never throws; values that cannot be parsed
// (overflow, nonsense) give a null field plus a diagnostic.
Records Extract(const RuleBook& rules, const ExtractContext& ctx, Diagnostics* diagnostics,
                const ExtractOptions& options = {});

// Extract for several documents at once: records[i] and *diagnostics[i] are what Extract gives
// document i. Runs each topic over all of them before the next topic, so that the topic's
// compiled rules stay in the CPU's caches (a batch of documents is faster this way).
std::vector<Records> ExtractMany(const RuleBook& rules, const std::vector<ExtractContext>& ctxs,
                                 const std::vector<Diagnostics*>& diagnostics,
                                 const ExtractOptions& options = {});

// For `vnplan rules test`: the fields of the record that `rule` produces on `text`, taken as a
// one-paragraph document (raw captures merged with the parsed record fields), or null when the
// rule produces no record there.
nlohmann::json ExampleFields(const RuleBook& rules, const Rule& rule, std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_EXTRACT_H_
