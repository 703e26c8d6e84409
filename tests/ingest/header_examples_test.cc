// The examples written in src/ingest/ingest.h, checked.
#include <string>

#include <gtest/gtest.h>

#include "base/sha256.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace vnplan {
namespace {

TEST(HeaderExamples, DecodeTcvn3) {
  Decoded d = Decode(
      "K\xD5 ho\xB9"
      "ch",
      {}, "a.txt");
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_EQ(d.text, "Kế hoạch");
  EXPECT_EQ(d.map.MapSpan({1, 4}), (Span{1, 2}));
}

TEST(HeaderExamples, Tcvn3Capitals) {
  DecodeOptions o;
  o.forced = Encoding::kTcvn3;
  const std::string ke_hoach =
      "K\xD5 HO\xB9"
      "CH";
  EXPECT_EQ(Decode(ke_hoach, o, "x").text, "Kế HOẠCH");
  EXPECT_EQ(Decode("\xF1Y ban", o, "x").text, "ỦY ban");
  EXPECT_EQ(Decode("\xF1y ban", o, "x").text, "ủy ban");
}

TEST(HeaderExamples, MakeDocument) {
  Document doc = MakeDocument("mem.txt", "Số: 27/KH-UBND", {});
  EXPECT_EQ(doc.text, "Số: 27/KH-UBND");
  EXPECT_EQ(doc.id, Sha256Hex(doc.text));
  EXPECT_TRUE(doc.decode_map.is_identity());
}

TEST(HeaderExamples, ReadDocumentErrorText) {
  StatusOr<Document> doc = ReadDocument("corpus/khong_co_tep_nay.txt", {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().ToString(),
            "IO error: corpus/khong_co_tep_nay.txt: No such file or directory");
}

TEST(HeaderExamples, ExpandInputs) {
  testing_util::TempDir dir;
  std::filesystem::create_directories(dir / "corpus/sub");
  testing_util::WriteFile(dir / "corpus/a.txt", "a");
  testing_util::WriteFile(dir / "corpus/sub/b.txt", "b");
  testing_util::WriteFile(dir / "corpus/c.md", "c");
  testing_util::WriteFile(dir / "extra.txt", "x");
  Diagnostics diags;
  std::vector<std::string> files =
      ExpandInputs({dir / "corpus/", "-", dir / "extra.txt"}, {.globs = {"*.txt"}}, &diags);
  const std::vector<std::string> want = {dir / "corpus/a.txt", dir / "corpus/sub/b.txt", "-",
                                         dir / "extra.txt"};
  EXPECT_EQ(files, want);
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace vnplan
