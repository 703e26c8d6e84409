// ExampleFields for the topics agencies, responsibility and report: a rule that makes records
// is checked on the record it makes; a rule that only helps (a period word, a cancelling
// pattern, a "(qua" marker) on its raw captures.
#include <string>

#include "extract/agency.h"
#include "extract/extractors.h"

namespace vnplan {

namespace {

bool MakesRecords(const Rule& rule) {
  const std::string_view kind = rule.Attr("kind");
  if (rule.topic == "responsibility") {
    return kind == "cue" || kind == "assign" || kind == "opener" || kind == "partner" ||
           kind == "label";
  }
  if (rule.topic == "report") return kind == "due" || kind == "due_more" || kind == "to";
  return false;
}

}  // namespace

nlohmann::json DutyExampleFields(const RuleBook& rules, const Rule& rule, std::string_view text) {
  if (rule.topic == "agencies") return AgencyExampleFields(rules, rule, text);
  if (!MakesRecords(rule)) return RuleCaptures(rules, rule, text);
  const NormalizedText norm = Normalize(text);
  const Segmented seg;
  const ExtractContext ctx{norm, seg, std::nullopt};
  const TextView view(ctx, LooksUnaccented(norm.text));
  Records records;
  ExtractDuties(rules, ctx, view, {true, rule.topic == "report"}, &records);
  for (const Record& r : records) {
    if (r.rule == rule.id) return r.fields;
  }
  return nullptr;
}

}  // namespace vnplan
