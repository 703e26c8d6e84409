// libFuzzer target "rules": the rule-file loader and the section-kinds table loader
// (CheckRuleFile in fuzz_checks.h). Run: tools/fuzz rules SECONDS
#include "fuzz/fuzz_target.h"

VNPLAN_FUZZ_TARGET(CheckRuleFile)
