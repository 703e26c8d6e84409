// Internal to src/rules: a rule together with its compiled patterns, as the loader hands it to
// the RuleSet that owns it.
#ifndef VNPLAN_RULES_COMPILED_RULE_H_
#define VNPLAN_RULES_COMPILED_RULE_H_

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "rules/rules.h"

namespace vnplan {

struct CompiledRule {
  std::unique_ptr<Rule> rule;
  std::string plain_pattern;        // the pattern as the Set sees it: "(?i)" prefixed when asked
  std::string folded_pattern;       // diacritics folded, always "(?i)"
  std::unique_ptr<re2::RE2> plain;  // the folded twin is compiled by RuleSet when first needed
  int max_group = 0;                // highest group number any field names
};

// Options for one rule's RE2: UTF-8, no logging, memory for large alternations.
re2::RE2::Options RuleRe2Options();

// Parses one rule file. Good rules are appended to *out; each problem is appended to *errors as
// "file:line: rule <id>: message". Never throws.
void ParseRuleFile(const RuleFile& file, std::vector<CompiledRule>* out,
                   std::vector<std::string>* errors);

}  // namespace vnplan

#endif  // VNPLAN_RULES_COMPILED_RULE_H_
