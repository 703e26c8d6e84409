#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "normalize/normalize.h"
#include "rules/compiled_rule.h"

namespace vnplan {

namespace {

constexpr std::string_view kReservedKeys[] = {"id",       "pattern",          "fields",
                                              "examples", "counter_examples", "case_insensitive"};

bool IsAttributeKey(std::string_view key) {
  return std::find(kAttributeKeys.begin(), kAttributeKeys.end(), key) != kAttributeKeys.end();
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

int LineOf(const YAML::Node& node) { return node.Mark().line + 1; }

// Collects the problems of one rule, each prefixed with file, line and id.
class RuleErrors {
 public:
  RuleErrors(const std::string& file, std::vector<std::string>* errors)
      : file_(file), errors_(errors) {}
  void set_id(const std::string& id) { id_ = id; }
  void Add(int line, const std::string& message) {
    errors_->push_back(file_ + ":" + std::to_string(line) + ": rule " + id_ + ": " + message);
    ++count_;
  }
  int count() const { return count_; }

 private:
  const std::string& file_;
  std::vector<std::string>* errors_;
  std::string id_ = "?";
  int count_ = 0;
};

// An expected value: scalars stay strings (compared as strings later), plain ~/null is null.
nlohmann::json ToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const YAML::Node& n : node) a.push_back(ToJson(n));
      return a;
    }
    case YAML::NodeType::Map: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& kv : node) o[kv.first.as<std::string>()] = ToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: return node.as<std::string>();
    default: return nullptr;
  }
}

std::string RejectedPattern(const re2::RE2& re, std::string_view what) {
  std::string m = std::string(what) + ": " + re.error();
  if (!re.error_arg().empty()) m += " (at '" + re.error_arg() + "')";
  return m;
}

void ParseExamples(const YAML::Node& node, Rule* rule, RuleErrors* err) {
  if (!node.IsSequence()) return err->Add(LineOf(node), "examples must be a list");
  for (const YAML::Node& ex : node) {
    if (!ex.IsMap() || !ex["text"] || !ex["text"].IsScalar()) {
      err->Add(LineOf(ex), "an example needs 'text' (a string) and 'expect' (a map)");
      continue;
    }
    RuleExample e;
    e.line = LineOf(ex);
    e.text = ex["text"].as<std::string>();
    for (const auto& kv : ex) {
      const std::string key = kv.first.as<std::string>();
      if (key == "text" || key == "note") continue;
      if (key != "expect") {
        err->Add(LineOf(kv.first), "unknown key '" + key + "' in an example (text, expect, note)");
      } else if (kv.second.IsMap()) {
        e.expect = ToJson(kv.second);
      } else if (!kv.second.IsNull()) {
        err->Add(LineOf(kv.second), "expect must be a map of field: value");
      }
    }
    rule->examples.push_back(std::move(e));
  }
}

void ParseCounterExamples(const YAML::Node& node, Rule* rule, RuleErrors* err) {
  if (!node.IsSequence()) return err->Add(LineOf(node), "counter_examples must be a list");
  for (const YAML::Node& ex : node) {
    if (ex.IsScalar()) {
      rule->counter_examples.push_back({ex.as<std::string>(), LineOf(ex)});
    } else if (ex.IsMap() && ex["text"] && ex["text"].IsScalar()) {
      rule->counter_examples.push_back({ex["text"].as<std::string>(), LineOf(ex)});
    } else {
      err->Add(LineOf(ex), "a counter-example is a string (or a map with 'text')");
    }
  }
}

// RE2 gives a program two thirds of max_mem, and reads 0 as no limit: 2 bytes give 1, no room.
constexpr int64_t kParseOnlyMem = 2;

// Compiles the plain pattern, parses the folded one and resolves the fields; problems go to *err.
void CompilePatterns(const YAML::Node& pattern_node, const YAML::Node* fields, CompiledRule* cr,
                     RuleErrors* err) {
  Rule& rule = *cr->rule;
  const int pattern_line = LineOf(pattern_node);
  std::string expanded, folded_expanded, why;
  if (!ExpandNamedClasses(rule.pattern, &expanded, &why) ||
      !ExpandNamedClasses(FoldDiacritics(rule.pattern).text, &folded_expanded, &why)) {
    return err->Add(pattern_line, "bad pattern: " + why);
  }
  cr->plain_pattern = (rule.case_insensitive ? "(?i)" : "") + expanded;
  cr->folded_pattern = "(?i)" + folded_expanded;
  cr->plain = std::make_unique<re2::RE2>(cr->plain_pattern, RuleRe2Options());
  if (!cr->plain->ok()) return err->Add(pattern_line, RejectedPattern(*cr->plain, "bad pattern"));
  // The folded twin is compiled when unaccented text first needs it (RuleSet); here it is only
  // parsed, so that a pattern folding breaks is refused at load time like any other. A budget
  // too small for any program stops RE2 right after parsing, with ErrorPatternTooLarge.
  re2::RE2::Options parse_only = RuleRe2Options();
  parse_only.set_max_mem(kParseOnlyMem);
  const re2::RE2 folded(cr->folded_pattern, parse_only);
  if (folded.error_code() != re2::RE2::NoError &&
      folded.error_code() != re2::RE2::ErrorPatternTooLarge) {
    return err->Add(pattern_line,
                    RejectedPattern(folded, "bad pattern once diacritics are folded"));
  }
  const int groups = cr->plain->NumberOfCapturingGroups();
  std::vector<std::pair<int, std::string>> named;
  for (const auto& [name, group] : cr->plain->NamedCapturingGroups())
    named.emplace_back(group, name);
  std::sort(named.begin(), named.end());
  for (const auto& [group, name] : named) rule.fields.push_back({name, group});
  if (fields != nullptr) {
    if (!fields->IsMap()) return err->Add(LineOf(*fields), "fields must be a map");
    for (const auto& kv : *fields) {
      const std::string name = kv.first.as<std::string>();
      const int line = LineOf(kv.first);
      int group = -1;
      try {
        group = kv.second.as<int>();
      } catch (const std::exception&) {
        err->Add(line, "field '" + name + "' must name a capture group number");
        continue;
      }
      if (group < 0 || group > groups) {
        err->Add(line, "field '" + name + "' names group " + std::to_string(group) +
                           " but the pattern has " + std::to_string(groups) + " groups");
        continue;
      }
      if (group > kMaxRuleGroup) {
        err->Add(line, "field '" + name + "' names a group above " + std::to_string(kMaxRuleGroup));
        continue;
      }
      const int at = rule.FieldIndex(name);
      if (at >= 0 && rule.fields[at].group != group) {
        err->Add(line, "field '" + name + "' is also a named group of another number");
      } else if (at < 0) {
        rule.fields.push_back({name, group});
      }
    }
  }
  if (rule.fields.size() > static_cast<size_t>(kMaxRuleFields)) {
    err->Add(pattern_line, "more than " + std::to_string(kMaxRuleFields) + " fields");
  }
  for (const RuleField& f : rule.fields) cr->max_group = std::max(cr->max_group, f.group);
}

void ParseRule(const YAML::Node& node, const RuleFile& file, std::vector<CompiledRule>* out,
               std::vector<std::string>* errors) {
  RuleErrors err(file.path, errors);
  if (!node.IsMap()) return err.Add(LineOf(node), "a rule must be a map (id, pattern, ...)");
  CompiledRule cr;
  cr.rule = std::make_unique<Rule>();
  Rule& rule = *cr.rule;
  rule.topic = file.topic;
  rule.file = file.path;
  rule.line = LineOf(node);
  if (node["id"] && node["id"].IsScalar()) rule.id = node["id"].as<std::string>();
  err.set_id(rule.id.empty() ? "?" : rule.id);
  if (!ValidId(rule.id)) {
    err.Add(rule.line, "id must be present, lowercase ASCII letters, digits, '_', '-' and '.'");
  }
  std::optional<YAML::Node> pattern_node, fields_node;
  bool has_examples = false, has_counter_examples = false;
  for (const auto& kv : node) {
    const std::string key = kv.first.as<std::string>();
    const int line = LineOf(kv.first);
    const YAML::Node& value = kv.second;
    if (key == "id") continue;
    if (key == "pattern") {
      pattern_node.emplace(value);
    } else if (key == "fields") {
      fields_node.emplace(value);
    } else if (key == "case_insensitive") {
      try {
        rule.case_insensitive = value.as<bool>();
      } catch (const std::exception&) {
        err.Add(line, "case_insensitive must be true or false");
      }
    } else if (key == "examples") {
      has_examples = true;
      ParseExamples(value, &rule, &err);
    } else if (key == "counter_examples") {
      has_counter_examples = true;
      ParseCounterExamples(value, &rule, &err);
    } else if (IsAttributeKey(key)) {
      if (value.IsScalar()) {
        rule.attrs[key] = value.as<std::string>();
      } else {
        err.Add(line, "attribute '" + key + "' must be a scalar");
      }
    } else {
      std::string known;
      for (std::string_view k : kReservedKeys) known += std::string(k) + ", ";
      for (std::string_view k : kAttributeKeys) known += std::string(k) + ", ";
      known.resize(known.size() - 2);
      err.Add(line, "unknown key '" + key + "' (known: " + known + ")");
    }
  }
  if (!pattern_node || !pattern_node->IsScalar() || pattern_node->as<std::string>().empty()) {
    err.Add(rule.line, "pattern is missing or empty");
  } else {
    rule.pattern = pattern_node->as<std::string>();
    CompilePatterns(*pattern_node, fields_node ? &*fields_node : nullptr, &cr, &err);
  }
  if (!has_examples || rule.examples.empty()) err.Add(rule.line, "needs at least one example");
  if (!has_counter_examples || rule.counter_examples.empty()) {
    err.Add(rule.line, "needs at least one counter-example");
  }
  if (err.count() == 0) out->push_back(std::move(cr));
}

}  // namespace

re2::RE2::Options RuleRe2Options() {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(32 << 20);
  return o;
}

void ParseRuleFile(const RuleFile& file, std::vector<CompiledRule>* out,
                   std::vector<std::string>* errors) {
  YAML::Node root;
  try {
    root = YAML::Load(file.text);
  } catch (const YAML::Exception& e) {
    errors->push_back(file.path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    return;
  } catch (const std::exception& e) {
    errors->push_back(file.path + ":1: " + e.what());
    return;
  }
  if (root.IsNull()) return;  // an empty file holds no rules
  if (!root.IsSequence()) {
    errors->push_back(file.path + ":" + std::to_string(LineOf(root)) +
                      ": a rule file is a list of rules ('- id: ...')");
    return;
  }
  for (const YAML::Node& node : root) {
    // yaml-cpp throws on conversions the checks above did not foresee; the rule is refused.
    try {
      ParseRule(node, file, out, errors);
    } catch (const std::exception& e) {
      errors->push_back(file.path + ":" + std::to_string(LineOf(node)) + ": " + e.what());
    }
  }
}

}  // namespace vnplan
