#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "base/utf8.h"
#include "rules/compiled_rule.h"

namespace vnplan {

namespace {

// With RE2's default 8 MiB the Set's DFA keeps flushing its state cache and crawls: all 162 rules
// of rules/ in one Set ran at 0.2 MB/s with 8 MiB and 16 MiB, 11-17 MB/s from 32 MiB up (seeds
// repeated to 20 MB). One topic's Set (29 to 85 rules) runs at 150-250 MB/s either way; 128 MiB
// leaves room for topics to grow. It is a ceiling, not an allocation.
constexpr int64_t kSetMaxMem = int64_t{128} << 20;

// The text is searched window by window (cut after a line end), so that a rule runs only where
// the Set saw it fire rather than over the whole text. A match starting in a window may run
// kReach bytes past it; one reaching that far is searched again over the rest of the text. Every
// window's Set scan, and every rule's last (failing) search in it, also covers the kReach bytes
// after it, so the reach is kept near the longest real match: 150 bytes for rules/ over corpus/,
// the seeds and the 10 MB bench corpus. Bytes the DFAs scanned on that corpus (Sets + captures,
// same output): 2 KiB windows with 1 KiB reach 289 MB, with 256 B reach 224 MB, 1 KiB windows
// with 256 B reach 195 MB (FindAll 18 % fewer instructions under callgrind); 512 B windows
// scan less but make 37 % more Set calls and were slower.
constexpr size_t kWindow = 1 << 10;
constexpr size_t kReach = 256;

std::unique_ptr<re2::RE2::Set> NewSet() {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(kSetMaxMem);
  return std::make_unique<re2::RE2::Set>(o, re2::RE2::UNANCHORED);
}

// Appends the matches of rule `cr` (compiled as `re`) that start in [*from, window_end),
// searching up to `reach`. *from becomes the end of the last match: the rule's next match may not
// start before it.
void AppendMatches(const CompiledRule& cr, const re2::RE2& re, std::string_view text, size_t* from,
                   size_t window_end, size_t reach, std::vector<Match>* out) {
  const Rule& rule = *cr.rule;
  std::array<re2::StringPiece, kMaxRuleGroup + 1> sub;
  const int n = cr.max_group + 1;
  const bool last_window = window_end == text.size();
  size_t pos = *from;
  while (pos < window_end || (last_window && pos == text.size())) {
    if (!re.Match(text, pos, reach, re2::RE2::UNANCHORED, sub.data(), n)) break;
    size_t start = sub[0].data() - text.data();
    if (start >= window_end && !last_window) break;
    if (start + sub[0].size() == reach && reach < text.size() &&
        !re.Match(text, start, text.size(), re2::RE2::ANCHOR_START, sub.data(), n)) {
      break;
    }
    Match m;
    m.rule = &rule;
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
      pos = text.size() + 1;
    }
  }
  *from = std::max(*from, pos);
}

}  // namespace

// One way of matching a topic: each rule's RE2 and the Set of them all. The Set is null when
// RE2 could not compile it; every rule then runs on its own.
struct Matchers {
  std::vector<const re2::RE2*> rules;  // parallel to Compiled::rules
  std::unique_ptr<re2::RE2::Set> set;
};

struct RuleSet::Compiled {
  std::vector<CompiledRule> rules;
  Matchers plain;
  // The folded twins serve only text without diacritics, which few documents are: they are
  // compiled when first asked for. A run that never needs them starts 0.1 s sooner (`vnplan
  // rules list` 0.34 -> 0.22 s) and stays 6 MB smaller (10 MB bench corpus less its unaccented
  // documents: 60 -> 54 MB peak RSS).
  // The loader has parsed every twin; a twin that still failed to compile here (out of
  // memory) would match nothing, and a Set that failed leaves every rule to run on its own.
  std::once_flag folded_once;
  std::vector<std::unique_ptr<re2::RE2>> folded_rules;
  Matchers folded;

  const Matchers& For(bool want_folded) {
    if (!want_folded) return plain;
    std::call_once(folded_once, [this] {
      folded.set = NewSet();
      for (const CompiledRule& cr : rules) {
        folded_rules.push_back(std::make_unique<re2::RE2>(cr.folded_pattern, RuleRe2Options()));
        folded.rules.push_back(folded_rules.back().get());
        if (folded.set && folded.set->Add(cr.folded_pattern, nullptr) < 0) folded.set.reset();
      }
      if (folded.set && !folded.set->Compile()) folded.set.reset();
    });
    return folded;
  }
};

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

bool RuleSet::Build(std::string topic, std::vector<CompiledRule> rules, RuleSet* out,
                    std::string* error) {
  auto c = std::make_unique<Compiled>();
  c->rules = std::move(rules);
  c->plain.set = NewSet();
  for (const CompiledRule& cr : c->rules) {
    c->plain.rules.push_back(cr.plain.get());
    std::string e;
    if (c->plain.set->Add(cr.plain_pattern, &e) < 0) {
      *error = cr.rule->Location() + ": rule " + cr.rule->id + ": bad pattern in a set: " + e;
      return false;
    }
  }
  if (!c->plain.set->Compile()) {
    *error = "topic " + topic + ": its rules are too large to compile into one set";
    return false;
  }
  out->topic_ = std::move(topic);
  out->rules_.clear();
  for (const CompiledRule& cr : c->rules) out->rules_.push_back(cr.rule.get());
  out->compiled_ = std::move(c);
  return true;
}

namespace {

// FindAll's first half: calls visit(start, end, reach, hits) for each window [start, end) of
// `text`, hits being the rules (indices, ascending) whose Set fired over [start, reach); *hits is
// the scratch they are kept in.
template <typename Visit>
void ScanWindows(const Matchers& matchers, size_t rule_count, std::string_view text,
                 std::vector<int>* hits_scratch, Visit&& visit) {
  std::vector<int>& hits = *hits_scratch;
  size_t start = 0;
  while (true) {
    size_t end = text.size();
    if (text.size() - start > kWindow) {
      const size_t nl = text.find('\n', start + kWindow);
      if (nl != std::string_view::npos) end = nl + 1;
    }
    const size_t reach = std::min(text.size(), end + kReach);
    hits.clear();
    re2::RE2::Set::ErrorInfo info{re2::RE2::Set::kNoError};
    if (matchers.set == nullptr ||
        (!matchers.set->Match(text.substr(start, reach - start), &hits, &info) &&
         info.kind != re2::RE2::Set::kNoError)) {
      // No Set, or it could not answer (DFA out of memory): every rule runs on its own instead.
      for (size_t i = 0; i < rule_count; ++i) hits.push_back(static_cast<int>(i));
    }
    std::sort(hits.begin(), hits.end());
    visit(start, end, reach, std::span<const int>(hits));
    if (end == text.size()) break;
    start = end;
  }
}

}  // namespace

void RuleSet::FindAll(std::string_view text, bool folded, std::vector<Match>* out) const {
  out->clear();
  if (!compiled_) return;
  const std::vector<CompiledRule>& rules = compiled_->rules;
  const Matchers& matchers = compiled_->For(folded);
  // Scratch kept by each thread: FindAll runs once per line for some topics.
  thread_local std::vector<size_t> from;
  thread_local std::vector<int> hits;
  from.assign(rules.size(), 0);
  ScanWindows(matchers, rules.size(), text, &hits,
              [&](size_t start, size_t end, size_t reach, std::span<const int> hits) {
                for (int i : hits) {
                  from[i] = std::max(from[i], start);
                  AppendMatches(rules[i], *matchers.rules[i], text, &from[i], end, reach, out);
                }
              });
  std::stable_sort(out->begin(), out->end(), [](const Match& a, const Match& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
}

void RuleSet::ForEachWindow(
    std::string_view text, bool folded,
    const std::function<void(Span window, std::span<const int> hits)>& visit) const {
  if (!compiled_) return;
  std::vector<int> hits;
  ScanWindows(compiled_->For(folded), compiled_->rules.size(), text, &hits,
              [&](size_t start, size_t end, size_t, std::span<const int> hits) {
                visit({start, end}, hits);
              });
}

void RuleSet::FindRule(const Rule& rule, std::string_view text, bool folded,
                       std::vector<Match>* out) const {
  out->clear();
  if (!compiled_) return;
  const Matchers& matchers = compiled_->For(folded);
  for (size_t i = 0; i < compiled_->rules.size(); ++i) {
    if (compiled_->rules[i].rule.get() != &rule) continue;
    size_t from = 0;
    AppendMatches(compiled_->rules[i], *matchers.rules[i], text, &from, text.size(), text.size(),
                  out);
    return;
  }
}

}  // namespace vnplan
