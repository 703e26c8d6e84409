// fuzz_checks: one function per fuzz target, shared by the libFuzzer targets (tests/fuzz/
// fuzz_*.cc, built with -DVNPLAN_FUZZ=ON) and by the tests that replay what fuzzing found
// (tests/regressions/) and run every check over corpus/ in every build.
//
// Each check runs one stage (or the whole pipeline) on arbitrary bytes and returns "" when every
// invariant held, else a description of the first one that broke. A crash, a leak, a hang or an
// exception escaping a stage is caught by the sanitizers and libFuzzer, not here; the checks
// catch exceptions only to name them.
//
//   EXPECT_EQ(CheckNormalize(bytes), "");
//
// What each check asserts:
//   CheckDecode      Decode with detection, and forced to the encoding picked by the input's
//                    size: a refused input has no text; otherwise the text is valid UTF-8, the
//                    map's sizes are the input's and the text's, confidence lies in 0..1,
//                    diagnostic offsets lie inside the input, and the map is sound (below).
//   CheckNormalize   Decode, then Normalize: the output is valid UTF-8 with one line per
//                    paragraph (no blank line, no blank at a line's ends, no final newline); the
//                    map is sound, maps character boundaries to character boundaries of the
//                    decoded text, and composed with the decode map stays inside the raw
//                    bytes; a reused Normalizer gives the same text and map as a fresh one;
//                    FoldDiacritics of the result is valid UTF-8 with a sound map.
//   CheckSegment     Decode, Normalize, Segment with the built-in kinds: every span lies inside
//                    the text; sections come in document order, each inside its parent, ids
//                    unique, parents named before their children; Innermost(o) holds o.
//   CheckExtract     The whole pipeline on one document (built-in rules, audit on): the first
//                    record is the document record, every span passes emit's CheckSpans, and
//                    every record becomes a JSON line (JSONL sink) without an exception.
//   CheckRuleFile    The input as a rule file (topic "citation") and as a section-kinds table:
//                    loading returns a Status and never throws; a rule file that loads is
//                    matched over its own examples and counter-examples.
//
// A sound map m of a text of n bytes made from an input of k bytes: output_size() == n,
// input_size() == k, MapStart and MapEnd non-decreasing over 0..n, MapEnd(n) <= k, and every
// MapSpan inside 0..k with start <= end.
#ifndef VNPLAN_TESTS_FUZZ_FUZZ_CHECKS_H_
#define VNPLAN_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <string>
#include <string_view>

namespace vnplan::fuzz {

std::string CheckDecode(std::string_view bytes);
std::string CheckNormalize(std::string_view bytes);
std::string CheckSegment(std::string_view bytes);
std::string CheckExtract(std::string_view bytes);
std::string CheckRuleFile(std::string_view bytes);

// The check of the fuzz target called `target` ("decode", "normalize", "segment", "extract",
// "rules"), or nullptr for an unknown name.
using CheckFn = std::string (*)(std::string_view);
CheckFn CheckFor(std::string_view target);

}  // namespace vnplan::fuzz

#endif  // VNPLAN_TESTS_FUZZ_FUZZ_CHECKS_H_
