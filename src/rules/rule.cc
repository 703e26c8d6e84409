#include <string>
#include <string_view>

#include "rules/rules.h"

namespace vnplan {

std::string_view Rule::Attr(std::string_view key, std::string_view fallback) const {
  auto it = attrs.find(key);
  return it == attrs.end() ? fallback : std::string_view(it->second);
}

int Rule::FieldIndex(std::string_view name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Rule::Location() const { return file + ":" + std::to_string(line); }

Span Match::Capture(std::string_view name) const {
  if (rule == nullptr) return kNoSpan;
  const int i = rule->FieldIndex(name);
  return i < 0 ? kNoSpan : captures[i];
}

std::string_view Match::Text(std::string_view text, std::string_view name) const {
  const Span s = Capture(name);
  if (s.start == kNoSpan.start || s.end > text.size()) return {};
  return text.substr(s.start, s.size());
}

std::string ExampleFailure::ToString() const {
  return file + ":" + std::to_string(line) + ": rule " + rule_id + ": " + message;
}

}  // namespace vnplan
