// vnplan rules test|list|export [--rules DIR]
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "extract/extract.h"
#include "rules/rules.h"

namespace vnplan::cli {

namespace {

struct RulesFlags {
  std::string rules_dir;
  std::string topic;
  bool patterns = false;
  bool json = false;
};

// The rule book to work on, or nullopt after reporting why it cannot be loaded.
std::optional<RuleBook> LoadBook(const RulesFlags& flags) {
  StatusOr<RuleBook> book =
      flags.rules_dir.empty() ? RuleBook::Builtin() : RuleBook::LoadDir(flags.rules_dir);
  if (!book.ok()) {
    std::cerr << "vnplan rules: " << book.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(book).value();
}

int RunTest(const RulesFlags& flags) {
  std::optional<RuleBook> book = LoadBook(flags);
  if (!book) return kExitFatal;
  RuleTestResult result = TestRules(*book, [&](const Rule& rule, std::string_view text) {
    return ExampleFields(*book, rule, text);
  });
  for (const ExampleFailure& f : result.failures) std::cout << f.ToString() << "\n";
  std::cout << result.passed << " passed, " << result.failures.size() << " failed\n";
  return result.failures.empty() ? kExitOk : kExitFailures;
}

int RunList(const RulesFlags& flags) {
  std::optional<RuleBook> book = LoadBook(flags);
  if (!book) return kExitFatal;
  for (const Rule* r : book->AllRules()) {
    if (!flags.topic.empty() && r->topic != flags.topic) continue;
    std::cout << r->id << "\t" << r->topic << "\t" << r->Location() << "\t" << r->examples.size()
              << " examples\t" << r->counter_examples.size() << " counter-examples\n";
  }
  return kExitOk;
}

int RunExport(const RulesFlags& flags) {
  if (flags.patterns == flags.json) {
    std::cerr << "vnplan rules export: give exactly one of --patterns or --json\n";
    return kExitFatal;
  }
  std::optional<RuleBook> book = LoadBook(flags);
  if (!book) return kExitFatal;
  if (!flags.topic.empty() && book->Topic(flags.topic) == nullptr) {
    std::cerr << "vnplan rules export: no topic '" << flags.topic << "'\n";
    return kExitFatal;
  }
  for (const Rule* r : book->AllRules()) {
    if (!flags.topic.empty() && r->topic != flags.topic) continue;
    if (flags.patterns) {
      std::cout << ToRipgrepPattern(*r) << "\n";
      continue;
    }
    nlohmann::json fields = nlohmann::json::object();
    for (const RuleField& f : r->fields) fields[f.name] = f.group;
    nlohmann::json line = {{"id", r->id},           {"topic", r->topic},
                           {"file", r->file},       {"line", r->line},
                           {"pattern", r->pattern}, {"case_insensitive", r->case_insensitive},
                           {"fields", fields},      {"attrs", r->attrs}};
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterRules(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<RulesFlags>();
  CLI::App* cmd = app->add_subcommand(
      "rules",
      "Check and inspect the extraction rules (rules/<topic>/*.yaml, built into the binary).\n\n"
      "Examples:\n"
      "  vnplan rules test                       # every example and counter-example\n"
      "  vnplan rules list --topic citation\n"
      "  vnplan rules export --patterns --topic citation > p.txt && rg -f p.txt corpus/");
  cmd->require_subcommand(1);
  auto add_rules_dir = [&](CLI::App* sub) {
    sub->add_option("--rules", flags->rules_dir,
                    "Load the rules from this folder instead of the built-in ones");
  };
  CLI::App* test = cmd->add_subcommand(
      "test",
      "Run every rule's examples and counter-examples through the extractors. Prints each\n"
      "failure as file:line: rule id: what differed, then 'N passed, M failed'.\n"
      "Exit 0 when all hold, 1 when one fails, 2 when a rule file is broken.");
  add_rules_dir(test);
  test->callback([flags, exit_code] { *exit_code = RunTest(*flags); });

  CLI::App* list = cmd->add_subcommand(
      "list",
      "One line per rule: id, topic, file:line, examples, counter-examples (tab-separated)");
  add_rules_dir(list);
  list->add_option("--topic", flags->topic, "Only this topic (citation, amount, ...)");
  list->callback([flags, exit_code] { *exit_code = RunList(*flags); });

  CLI::App* exp = cmd->add_subcommand(
      "export",
      "Print the patterns: --patterns gives one per line for ripgrep's -f (Rust regex syntax),\n"
      "--json one JSON object per rule (id, topic, file, line, pattern, fields, attrs).");
  add_rules_dir(exp);
  exp->add_option("--topic", flags->topic, "Only this topic (citation, amount, ...)");
  exp->add_flag("--patterns", flags->patterns, "One ripgrep pattern per line");
  exp->add_flag("--json", flags->json, "One JSON object per rule");
  exp->callback([flags, exit_code] { *exit_code = RunExport(*flags); });
}

}  // namespace vnplan::cli
