#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "rules/rules.h"

namespace vnplan {

namespace {

std::string Show(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A scalar as the string a rule file would write for it.
bool ScalarText(const nlohmann::json& j, std::string* s) {
  if (j.is_string()) {
    *s = j.get<std::string>();
  } else if (j.is_boolean()) {
    *s = j.get<bool>() ? "true" : "false";
  } else if (j.is_number()) {
    *s = Show(j);
  } else {
    return false;
  }
  return true;
}

bool SameNumber(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a.c_str(), &end_a);
  const double y = std::strtod(b.c_str(), &end_b);
  return *end_a == '\0' && *end_b == '\0' && x == y;
}

}  // namespace

bool ExpectMatches(const nlohmann::json& expected, const nlohmann::json& got, std::string* why) {
  auto differ = [&] {
    *why = "expected " + Show(expected) + ", got " + Show(got);
    return false;
  };
  if (expected.is_null()) return got.is_null() ? true : differ();
  if (expected.is_array()) {
    if (!got.is_array() || got.size() != expected.size()) return differ();
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!ExpectMatches(expected[i], got[i], why)) {
        *why = "[" + std::to_string(i) + "]: " + *why;
        return false;
      }
    }
    return true;
  }
  if (expected.is_object()) {
    if (!got.is_object()) return differ();
    for (const auto& [key, value] : expected.items()) {
      const nlohmann::json sub = got.contains(key) ? got[key] : nlohmann::json();
      if (!ExpectMatches(value, sub, why)) {
        *why = key + ": " + *why;
        return false;
      }
    }
    return true;
  }
  std::string want, have;
  if (!ScalarText(expected, &want) || !ScalarText(got, &have)) return differ();
  if (want == have || (got.is_number() && SameNumber(want, have))) return true;
  return differ();
}

RuleTestResult TestRules(const RuleBook& book, const FieldsOf& fields_of) {
  RuleTestResult result;
  auto run = [&](const Rule& rule, const std::string& text, std::string* error) {
    try {
      return fields_of(rule, text);
    } catch (const std::exception& e) {
      *error = std::string("the extractor threw: ") + e.what();
    }
    return nlohmann::json();
  };
  for (const Rule* rule : book.AllRules()) {
    for (const RuleExample& ex : rule->examples) {
      std::string error;
      const nlohmann::json got = run(*rule, ex.text, &error);
      std::string why;
      if (!error.empty()) {
        why = error;
      } else if (got.is_null()) {
        why = "no record from \"" + ex.text + "\"";
      } else {
        for (const auto& [key, value] : ex.expect.items()) {
          std::string one;
          const nlohmann::json field = got.contains(key) ? got[key] : nlohmann::json();
          if (!ExpectMatches(value, field, &one))
            why += (why.empty() ? "" : "; ") + key + ": " + one;
        }
      }
      if (why.empty()) {
        ++result.passed;
      } else {
        result.failures.push_back({rule->file, ex.line, rule->id, why});
      }
    }
    for (const RuleCounterExample& ce : rule->counter_examples) {
      std::string error;
      const nlohmann::json got = run(*rule, ce.text, &error);
      if (error.empty() && got.is_null()) {
        ++result.passed;
      } else {
        result.failures.push_back(
            {rule->file, ce.line, rule->id,
             error.empty() ? "counter-example \"" + ce.text + "\" gave " + Show(got) : error});
      }
    }
  }
  return result;
}

nlohmann::json RuleCaptures(const RuleBook& book, const Rule& rule, std::string_view text) {
  const RuleSet* set = book.Topic(rule.topic);
  if (set == nullptr) return nullptr;
  std::vector<Match> matches;
  set->FindRule(rule, text, false, &matches);
  std::string_view searched = text;
  FoldedText fold;
  if (matches.empty()) {
    fold = FoldDiacritics(text);
    if (fold.text != text) return nullptr;  // accented text: the plain view was the one to use
    searched = fold.text;
    set->FindRule(rule, searched, true, &matches);
    if (matches.empty()) return nullptr;
  }
  const Match& m = matches.front();
  nlohmann::json fields = nlohmann::json::object();
  for (size_t i = 0; i < rule.fields.size(); ++i) {
    const Span s = m.captures[i];
    if (s.start == kNoSpan.start) {
      fields[rule.fields[i].name] = nullptr;
    } else {
      fields[rule.fields[i].name] = std::string(searched.substr(s.start, s.size()));
    }
  }
  return fields;
}

}  // namespace vnplan
