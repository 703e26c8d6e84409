// VNPLAN_FUZZ_TARGET(Check): the libFuzzer entry point of one target, calling a check of
// fuzz_checks.h. A broken invariant prints the check's message and aborts, so that libFuzzer
// saves the input as a crash.
#ifndef VNPLAN_TESTS_FUZZ_FUZZ_TARGET_H_
#define VNPLAN_TESTS_FUZZ_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"

#define VNPLAN_FUZZ_TARGET(check)                                                             \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {                   \
    const std::string error =                                                                 \
        vnplan::fuzz::check(std::string_view(reinterpret_cast<const char*>(data), size));     \
    if (!error.empty()) {                                                                     \
      std::fprintf(stderr, "vnplan fuzz: %s: invariant broken: %s\n", #check, error.c_str()); \
      std::abort();                                                                           \
    }                                                                                         \
    return 0;                                                                                 \
  }

#endif  // VNPLAN_TESTS_FUZZ_FUZZ_TARGET_H_
