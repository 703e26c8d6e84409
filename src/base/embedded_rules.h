// The rules/ folder as it was at build time, compiled into the binary (tools/embed_rules.cmake),
// so that vnplan needs no data files at run time. Each entry is {path, text}, the path relative
// to the repo ("rules/citation/citation.yaml"), sorted by path.
#ifndef VNPLAN_BASE_EMBEDDED_RULES_H_
#define VNPLAN_BASE_EMBEDDED_RULES_H_

#include <string_view>
#include <utility>
#include <vector>

namespace vnplan {

const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedRuleFiles();

}  // namespace vnplan

#endif  // VNPLAN_BASE_EMBEDDED_RULES_H_
