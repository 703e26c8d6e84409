#include "extract/extract.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extractors.h"

namespace vnplan {

namespace {

using ExtractorFn = void (*)(const RuleSet&, const ExtractContext&, const TextView&, Records*,
                             Diagnostics*);

struct TopicExtractor {
  std::string_view topic;
  bool ExtractOptions::*enabled;
  ExtractorFn run;
};

constexpr TopicExtractor kExtractors[] = {
    {"citation", &ExtractOptions::citations, ExtractCitations},
    {"amount", &ExtractOptions::amounts, ExtractAmounts},
    {"quantity", &ExtractOptions::quantities, ExtractQuantities},
    {"date", &ExtractOptions::dates, ExtractDates},
};

const TopicExtractor* ExtractorFor(std::string_view topic) {
  for (const TopicExtractor& e : kExtractors) {
    if (e.topic == topic) return &e;
  }
  return nullptr;
}

}  // namespace

Records Extract(const RuleBook& rules, const ExtractContext& ctx, Diagnostics* diagnostics,
                const ExtractOptions& options) {
  return std::move(ExtractMany(rules, {ctx}, {diagnostics}, options)[0]);
}

std::vector<Records> ExtractMany(const RuleBook& rules, const std::vector<ExtractContext>& ctxs,
                                 const std::vector<Diagnostics*>& diagnostics,
                                 const ExtractOptions& options) {
  std::vector<TextView> views;
  views.reserve(ctxs.size());
  for (const ExtractContext& ctx : ctxs) {
    views.emplace_back(ctx, ctx.unaccented.value_or(LooksUnaccented(ctx.norm.text)));
  }
  std::vector<Records> records(ctxs.size());
  // Topic by topic across the documents, each topic's rules warm in the cache for all of them.
  for (const TopicExtractor& e : kExtractors) {
    const RuleSet* set = rules.Topic(e.topic);
    if (set == nullptr || !(options.*e.enabled)) continue;
    for (size_t i = 0; i < ctxs.size(); ++i) {
      e.run(*set, ctxs[i], views[i], &records[i], diagnostics[i]);
    }
  }
  // These read several topics (agencies with responsibility or report) and reports read the
  // responsibility records, so they run after the per-topic extractors, in this order.
  if (options.responsibilities || options.reports) {
    for (size_t i = 0; i < ctxs.size(); ++i) {
      ExtractDuties(rules, ctxs[i], views[i], {options.responsibilities, options.reports},
                    &records[i]);
    }
  }
  for (Records& r : records) {
    std::stable_sort(r.begin(), r.end(),
                     [](const Record& a, const Record& b) { return a.span.start < b.span.start; });
  }
  return records;
}

nlohmann::json ExampleFields(const RuleBook& rules, const Rule& rule, std::string_view text) {
  if (rule.topic == "agencies" || rule.topic == "responsibility" || rule.topic == "report") {
    return DutyExampleFields(rules, rule, text);
  }
  nlohmann::json captures = RuleCaptures(rules, rule, text);
  const TopicExtractor* e = ExtractorFor(rule.topic);
  const RuleSet* set = rules.Topic(rule.topic);
  if (e == nullptr || set == nullptr) return captures;
  const NormalizedText norm = Normalize(text);
  const Segmented seg;
  const ExtractContext ctx{norm, seg, std::nullopt};
  const TextView view(ctx, LooksUnaccented(norm.text));
  Records records;
  Diagnostics diagnostics;
  e->run(*set, ctx, view, &records, &diagnostics);
  for (const Record& r : records) {
    if (r.rule != rule.id) continue;
    nlohmann::json fields = captures.is_object() ? captures : nlohmann::json::object();
    for (const auto& [key, value] : r.fields.items()) fields[key] = value;
    return fields;
  }
  return nullptr;
}

}  // namespace vnplan
