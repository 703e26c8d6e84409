// Golden outputs: every corpus/**/*.txt with a corpus/expected/<dir>/<name>.normalized is
// read through ingest, normalized, and compared with it. tools/regen-golden writes the goldens
// (`vnplan normalize` output: the text and a final newline); review them as diffs.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "test_util.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

struct Golden {
  std::string document;  // relative to the repository
  fs::path expected;
};

std::vector<Golden> FindGoldens() {
  std::vector<Golden> goldens;
  const fs::path root = fs::path(VNPLAN_SOURCE_DIR);
  const fs::path corpus = root / "corpus";
  if (!fs::is_directory(corpus)) return goldens;
  for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && it->path() == corpus / "expected") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
    const fs::path rel = fs::relative(it->path(), corpus);
    fs::path expected = corpus / "expected" / rel;
    expected.replace_extension(".normalized");
    if (fs::exists(expected))
      goldens.push_back({fs::relative(it->path(), root).string(), expected});
  }
  std::sort(goldens.begin(), goldens.end(),
            [](const Golden& a, const Golden& b) { return a.document < b.document; });
  return goldens;
}

TEST(GoldenTest, CorpusMatchesExpected) {
  const std::vector<Golden> goldens = FindGoldens();
  if (goldens.empty()) GTEST_SKIP() << "no goldens under corpus/expected (run tools/regen-golden)";
  for (const Golden& g : goldens) {
    SCOPED_TRACE(g.document);
    StatusOr<Document> doc =
        ReadDocument((fs::path(VNPLAN_SOURCE_DIR) / g.document).string(), DecodeOptions{});
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    const NormalizedText n = Normalize(doc->text);
    std::string got = n.text;
    if (!got.empty()) got.push_back('\n');
    const std::string want = testing_util::ReadFile(g.expected);
    if (got == want) continue;
    // Point at the first line that differs rather than dumping two documents.
    const std::vector<std::string_view> a = testing_util::Lines(got);
    const std::vector<std::string_view> b = testing_util::Lines(want);
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    ADD_FAILURE() << g.expected.string() << " differs at line " << (i + 1)
                  << "\n  got:  " << (i < a.size() ? a[i] : "<end>")
                  << "\n  want: " << (i < b.size() ? b[i] : "<end>")
                  << "\n(if the change is intended: tools/regen-golden, then review git diff)";
  }
}

// Every golden line keeps the OffsetMap promise on its document too.
TEST(GoldenTest, CorpusSpansRoundTrip) {
  const std::vector<Golden> goldens = FindGoldens();
  if (goldens.empty()) GTEST_SKIP() << "no goldens under corpus/expected";
  for (const Golden& g : goldens) {
    StatusOr<Document> doc =
        ReadDocument((fs::path(VNPLAN_SOURCE_DIR) / g.document).string(), DecodeOptions{});
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    testing_util::ExpectSpansRoundTrip(doc->text, Normalize(doc->text), g.document);
  }
}

}  // namespace
}  // namespace vnplan
