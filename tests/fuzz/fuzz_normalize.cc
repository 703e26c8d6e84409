// libFuzzer target "normalize": decode + normalize, with the OffsetMap invariants (CheckNormalize
// in fuzz_checks.h). Run: tools/fuzz normalize SECONDS
#include "fuzz/fuzz_target.h"

VNPLAN_FUZZ_TARGET(CheckNormalize)
