// libFuzzer target "decode": decoding with encoding detection, and forced decoding (CheckDecode
// in fuzz_checks.h). Run: tools/fuzz decode SECONDS
#include "fuzz/fuzz_target.h"

VNPLAN_FUZZ_TARGET(CheckDecode)
