#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "base/utf8.h"
#include "rules/compiled_rule.h"

namespace vnplan {

namespace {

// With RE2's default 8 MiB the Set's DFA keeps flushing its state cache on long documents and
// falls to a few MB/s; 128 MiB keeps it at full speed for a topic of a few hundred rules. It is a
// ceiling, not an allocation.
constexpr int64_t kSetMaxMem = int64_t{128} << 20;

std::unique_ptr<re2::RE2::Set> NewSet() {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(kSetMaxMem);
  return std::make_unique<re2::RE2::Set>(o, re2::RE2::UNANCHORED);
}

void AppendMatches(const CompiledRule& cr, std::string_view text, bool folded,
                   std::vector<Match>* out) {
  const re2::RE2& re = folded ? *cr.folded : *cr.plain;
  const Rule& rule = *cr.rule;
  std::array<re2::StringPiece, kMaxRuleGroup + 1> sub;
  const int n = cr.max_group + 1;
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, sub.data(), n)) {
    Match m;
    m.rule = &rule;
    const size_t start = sub[0].data() - text.data();
    m.span = {start, start + sub[0].size()};
    for (size_t i = 0; i < rule.fields.size(); ++i) {
      const re2::StringPiece& g = sub[rule.fields[i].group];
      if (g.data() == nullptr) {
        m.captures[i] = kNoSpan;
      } else {
        const size_t s = g.data() - text.data();
        m.captures[i] = {s, s + g.size()};
      }
    }
    for (size_t i = rule.fields.size(); i < m.captures.size(); ++i) m.captures[i] = kNoSpan;
    out->push_back(m);
    if (m.span.end > m.span.start) {
      pos = m.span.end;
    } else if (m.span.end < text.size()) {
      pos = m.span.end + Utf8Length(static_cast<unsigned char>(text[m.span.end]));
    } else {
      break;
    }
  }
}

}  // namespace

struct RuleSet::Compiled {
  std::vector<CompiledRule> rules;
  std::unique_ptr<re2::RE2::Set> plain_set;
  std::unique_ptr<re2::RE2::Set> folded_set;
};

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

bool RuleSet::Build(std::string topic, std::vector<CompiledRule> rules, RuleSet* out,
                    std::string* error) {
  auto c = std::make_unique<Compiled>();
  c->rules = std::move(rules);
  c->plain_set = NewSet();
  c->folded_set = NewSet();
  for (const CompiledRule& cr : c->rules) {
    std::string e;
    if (c->plain_set->Add(cr.plain_pattern, &e) < 0 ||
        c->folded_set->Add(cr.folded_pattern, &e) < 0) {
      *error = cr.rule->Location() + ": rule " + cr.rule->id + ": bad pattern in a set: " + e;
      return false;
    }
  }
  if (!c->plain_set->Compile() || !c->folded_set->Compile()) {
    *error = "topic " + topic + ": its rules are too large to compile into one set";
    return false;
  }
  out->topic_ = std::move(topic);
  out->rules_.clear();
  for (const CompiledRule& cr : c->rules) out->rules_.push_back(cr.rule.get());
  out->compiled_ = std::move(c);
  return true;
}

void RuleSet::FindAll(std::string_view text, bool folded, std::vector<Match>* out) const {
  out->clear();
  if (!compiled_) return;
  std::vector<int> hits;
  re2::RE2::Set::ErrorInfo info{re2::RE2::Set::kNoError};
  const re2::RE2::Set& set = folded ? *compiled_->folded_set : *compiled_->plain_set;
  if (!set.Match(text, &hits, &info)) {
    if (info.kind == re2::RE2::Set::kNoError) return;
    // The Set could not answer (DFA out of memory): every rule runs on its own instead.
    hits.clear();
    for (size_t i = 0; i < compiled_->rules.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  std::sort(hits.begin(), hits.end());
  for (int i : hits) AppendMatches(compiled_->rules[i], text, folded, out);
  std::stable_sort(out->begin(), out->end(), [](const Match& a, const Match& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
}

void RuleSet::FindRule(const Rule& rule, std::string_view text, bool folded,
                       std::vector<Match>* out) const {
  out->clear();
  if (!compiled_) return;
  for (const CompiledRule& cr : compiled_->rules) {
    if (cr.rule.get() == &rule) return AppendMatches(cr, text, folded, out);
  }
}

}  // namespace vnplan
