#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "base/embedded_rules.h"
#include "rules/compiled_rule.h"

namespace vnplan {

namespace {

bool IsRuleTopic(std::string_view topic) {
  return std::find(kDataFolders.begin(), kDataFolders.end(), topic) == kDataFolders.end();
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string s;
  for (const std::string& l : lines) {
    if (!s.empty()) s += '\n';
    s += l;
  }
  return s;
}

}  // namespace

struct RuleBook::Impl {
  std::map<std::string, RuleSet, std::less<>> topics;
};

RuleBook::RuleBook() : impl_(std::make_unique<Impl>()) {}
RuleBook::~RuleBook() = default;
RuleBook::RuleBook(RuleBook&&) noexcept = default;
RuleBook& RuleBook::operator=(RuleBook&&) noexcept = default;

StatusOr<RuleBook> RuleBook::FromFiles(const std::vector<RuleFile>& files) {
  std::vector<const RuleFile*> sorted;
  for (const RuleFile& f : files) {
    if (IsRuleTopic(f.topic)) sorted.push_back(&f);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const RuleFile* a, const RuleFile* b) { return a->path < b->path; });
  std::vector<std::string> errors;
  std::map<std::string, std::vector<CompiledRule>> by_topic;
  std::map<std::string, std::string> first_seen;  // id -> "file:line"
  for (const RuleFile* f : sorted) {
    std::vector<CompiledRule> parsed;
    ParseRuleFile(*f, &parsed, &errors);
    for (CompiledRule& cr : parsed) {
      auto [it, fresh] = first_seen.emplace(cr.rule->id, cr.rule->Location());
      if (!fresh) {
        errors.push_back(cr.rule->Location() + ": rule " + cr.rule->id +
                         ": duplicate id (first at " + it->second + ")");
        continue;
      }
      by_topic[f->topic].push_back(std::move(cr));
    }
  }
  if (!errors.empty()) return Status::InvalidArgument(JoinLines(errors));
  RuleBook book;
  for (auto& [topic, rules] : by_topic) {
    RuleSet set;
    std::string error;
    if (!RuleSet::Build(topic, std::move(rules), &set, &error)) {
      return Status::InvalidArgument(error);
    }
    book.impl_->topics.emplace(topic, std::move(set));
  }
  return book;
}

StatusOr<RuleBook> RuleBook::Builtin() {
  std::vector<RuleFile> files;
  for (const auto& [path, text] : EmbeddedRuleFiles()) {
    // "rules/<topic>/...yaml"
    std::string_view rest = path.substr(path.find('/') + 1);
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos) continue;
    files.push_back({std::string(rest.substr(0, slash)), std::string(path), std::string(text)});
  }
  return FromFiles(files);
}

StatusOr<RuleBook> RuleBook::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::IOError(dir, "not a readable rules folder");
  std::vector<RuleFile> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
  if (ec) return Status::IOError(dir, ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IOError(dir, ec.message());
    if (!it->is_regular_file(ec) || it->path().extension() != ".yaml") continue;
    const fs::path rel = fs::relative(it->path(), dir, ec);
    if (ec || std::distance(rel.begin(), rel.end()) < 2) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in.is_open()) return Status::IOError(it->path().string(), "cannot read");
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({rel.begin()->string(), it->path().string(), text.str()});
  }
  return FromFiles(files);
}

const RuleSet* RuleBook::Topic(std::string_view topic) const {
  auto it = impl_->topics.find(topic);
  return it == impl_->topics.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleBook::Topics() const {
  std::vector<std::string> names;
  for (const auto& [name, set] : impl_->topics) names.push_back(name);
  return names;
}

std::vector<const Rule*> RuleBook::AllRules() const {
  std::vector<const Rule*> all;
  for (const auto& [name, set] : impl_->topics) {
    all.insert(all.end(), set.rules().begin(), set.rules().end());
  }
  return all;
}

const Rule* RuleBook::FindRule(std::string_view id) const {
  for (const auto& [name, set] : impl_->topics) {
    for (const Rule* r : set.rules()) {
      if (r->id == id) return r;
    }
  }
  return nullptr;
}

}  // namespace vnplan
