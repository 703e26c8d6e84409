#include <string>

#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace vnplan {
namespace {

constexpr Encoding kAll[] = {Encoding::kUtf8,    Encoding::kUtf8Bom,     Encoding::kUtf16Le,
                             Encoding::kUtf16Be, Encoding::kWindows1258, Encoding::kTcvn3,
                             Encoding::kVni,     Encoding::kViscii};

TEST(EncodingNames, EveryNameParsesBack) {
  for (Encoding e : kAll) {
    std::optional<Encoding> back = ParseEncoding(EncodingName(e));
    ASSERT_TRUE(back.has_value()) << EncodingName(e);
    EXPECT_EQ(*back, e) << EncodingName(e);
  }
}

TEST(EncodingNames, StableNames) {
  EXPECT_STREQ(EncodingName(Encoding::kUtf8), "utf-8");
  EXPECT_STREQ(EncodingName(Encoding::kUtf8Bom), "utf-8-bom");
  EXPECT_STREQ(EncodingName(Encoding::kUtf16Le), "utf-16le");
  EXPECT_STREQ(EncodingName(Encoding::kUtf16Be), "utf-16be");
  EXPECT_STREQ(EncodingName(Encoding::kWindows1258), "windows-1258");
  EXPECT_STREQ(EncodingName(Encoding::kTcvn3), "tcvn3");
  EXPECT_STREQ(EncodingName(Encoding::kVni), "vni");
  EXPECT_STREQ(EncodingName(Encoding::kViscii), "viscii");
}

TEST(EncodingNames, AliasesAndCase) {
  const struct {
    const char* name;
    Encoding want;
  } kCases[] = {
      {"UTF-8", Encoding::kUtf8},         {"utf8", Encoding::kUtf8},
      {"utf_8", Encoding::kUtf8},         {"utf-8-sig", Encoding::kUtf8Bom},
      {"UTF-16LE", Encoding::kUtf16Le},   {"utf16be", Encoding::kUtf16Be},
      {"cp1258", Encoding::kWindows1258}, {"Windows-1258", Encoding::kWindows1258},
      {"abc", Encoding::kTcvn3},          {"TCVN3", Encoding::kTcvn3},
      {"vn3", Encoding::kTcvn3},          {"VNI-Windows", Encoding::kVni},
      {"VISCII", Encoding::kViscii},
  };
  for (const auto& c : kCases) {
    std::optional<Encoding> got = ParseEncoding(c.name);
    ASSERT_TRUE(got.has_value()) << c.name;
    EXPECT_EQ(*got, c.want) << c.name;
  }
}

TEST(EncodingNames, UnknownNames) {
  for (const char* name : {"", "latin1", "utf-16", "utf-32", "tcvn5712-1", "vni2", "ascii"}) {
    EXPECT_FALSE(ParseEncoding(name).has_value()) << name;
  }
}

}  // namespace
}  // namespace vnplan
