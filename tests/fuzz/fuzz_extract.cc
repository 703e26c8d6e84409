// libFuzzer target "extract": the whole pipeline on one document, its records through the JSONL
// sink (CheckExtract in fuzz_checks.h). Run: tools/fuzz extract SECONDS
#include "fuzz/fuzz_target.h"

VNPLAN_FUZZ_TARGET(CheckExtract)
