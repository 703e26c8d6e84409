// libFuzzer target "segment": decode + normalize + segment (CheckSegment in fuzz_checks.h).
// Run: tools/fuzz segment SECONDS
#include "fuzz/fuzz_target.h"

VNPLAN_FUZZ_TARGET(CheckSegment)
