// Hostile bytes: empty and zero-byte files, binary files, NUL bytes inside text, every kind of
// malformed UTF-8 and UTF-16, mixed encodings in one file, a 10,000-digit amount and impossible
// dates. Each file is built here, run through `vnplan extract` in a child process under
// RLIMIT_AS and RLIMIT_CPU (run_limited.h), and must end with records or diagnostics and the
// documented exit code: 0 when every input was read (warnings included), 1 when one was refused.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "hostile/run_limited.h"

namespace vnplan::hostile {
namespace {

const Limits kSmall = MakeLimits(1024, 60);

const std::string kPlan =
    "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 12/KH-UBND\nTân Lập, ngày 05 tháng 3 năm 2024\n"
    "KẾ HOẠCH\nThực hiện giảm nghèo năm 2024\n"
    "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nGiảm tỷ lệ hộ nghèo.\n"
    "II. KINH PHÍ\nTổng kinh phí 1,5 tỷ đồng.\n";

struct Outcome {
  RunResult run;
  JsonlSummary out;
};

Outcome ExtractBytes(const std::string& bytes, const std::string& name = "doc.txt") {
  TempDir dir;
  WriteFile(dir / name, bytes);
  Outcome o;
  o.run = Extract({dir / name}, dir / "out.jsonl", kSmall);
  o.out = ReadJsonl(dir / "out.jsonl");
  return o;
}

// Several files in one run (vnplan's start-up, compiling every rule set, is most of the cost of
// a small case): file i is "case<i>.txt"; each Outcome holds the run and the records of its own
// file (its document's records and the diagnostics naming it).
std::vector<Outcome> ExtractAll(const std::vector<std::string>& files) {
  TempDir dir;
  std::vector<std::string> paths;
  for (size_t i = 0; i < files.size(); ++i) {
    paths.push_back(dir / ("case" + std::to_string(100 + i) + ".txt"));
    WriteFile(paths.back(), files[i]);
  }
  const RunResult run = Extract(paths, dir / "out.jsonl", kSmall);
  const JsonlSummary all = ReadJsonl(dir / "out.jsonl");
  std::vector<Outcome> out(files.size());
  std::map<std::string, size_t> by_doc;  // doc id -> file index
  for (const nlohmann::json& r : all.records) {
    const std::string type = r.value("type", "");
    const std::string doc = r["doc"].is_string() ? r["doc"].get<std::string>() : "";
    size_t i = std::find(paths.begin(), paths.end(), r.value("path", "")) - paths.begin();
    if (type == "document") by_doc[doc] = i;
    if (i == paths.size() && by_doc.count(doc)) i = by_doc[doc];
    if (i >= paths.size()) continue;
    JsonlSummary& s = out[i].out;
    ++s.types[type];
    if (type == "diagnostic") ++s.diagnostics[r.value("code", "")];
    s.records.push_back(r);
  }
  for (Outcome& o : out) {
    o.run = run;
    o.out.parsed = all.parsed;
  }
  return out;
}

// Ended on its own (no signal: no crash, no SIGXCPU), within the memory bound, output parsed.
void ExpectBounded(const Outcome& o) {
  EXPECT_EQ(o.run.signal, 0) << o.run.Describe();
  EXPECT_LE(o.run.max_rss_kb, RssBoundKb(kSmall)) << o.run.Describe();
  EXPECT_TRUE(o.out.parsed);
}

TEST(HostileBytes, ZeroByteFileIsAnEmptyDocument) {
  Outcome o = ExtractBytes("");
  ExpectBounded(o);
  EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
  ASSERT_EQ(o.out.Count("document"), 1);
  EXPECT_EQ(o.out.records[0].value("bytes", -1), 0);
  EXPECT_EQ(o.out.records.size(), 1u);
}

TEST(HostileBytes, EmptyLookingFilesAreEmptyDocuments) {
  const std::vector<std::string> files = {"\xEF\xBB\xBF",    "\xFF\xFE",          "\xFE\xFF",
                                          "\n\n\r\n   \t\n", "\xEF\xBB\xBF\n \n", "\x1A"};
  std::vector<Outcome> all = ExtractAll(files);
  for (size_t i = 0; i < files.size(); ++i) {
    const Outcome& o = all[i];
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
    EXPECT_EQ(o.out.Count("document"), 1) << testing::PrintToString(files[i]);
    EXPECT_EQ(o.out.Count("citation") + o.out.Count("amount"), 0);
  }
}

TEST(HostileBytes, BinaryFilesAreRefusedWithADiagnostic) {
  std::string elf(
      "\x7F"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
      16);
  for (int i = 0; i < 4096; ++i) elf.push_back(static_cast<char>(i * 7));
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  png += std::string(2000, '\x01');
  std::string controls;  // no NUL, but mostly control characters
  for (int i = 0; i < 8000; ++i) controls.push_back(static_cast<char>(1 + i % 8));
  for (const Outcome& o : ExtractAll({elf, png, controls})) {
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 1) << o.run.Describe();
    EXPECT_EQ(o.out.Diag("ingest.binary"), 1);
    EXPECT_EQ(o.out.Count("document"), 0);
  }
}

TEST(HostileBytes, NulByteInsideTextRefusesTheFileAndNamesTheOffset) {
  std::string bytes = kPlan;
  const size_t at = bytes.find("I. MỤC");
  bytes.insert(at, 1, '\0');
  Outcome o = ExtractBytes(bytes);
  ExpectBounded(o);
  EXPECT_EQ(o.run.exit_code, 1) << o.run.Describe();
  std::vector<nlohmann::json> d = o.out.Diagnostics("ingest.binary");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].value("message", "").find("offset " + std::to_string(at)), std::string::npos)
      << d[0].dump();
}

TEST(HostileBytes, NulCharacterInsideUtf16TextIsRead) {
  std::u16string text = u"KẾ HOẠCH\nTổng kinh phí 1,5 tỷ đồng.\n";
  text.insert(3, 1, u'\0');
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  Outcome o = ExtractBytes(bytes);
  ExpectBounded(o);
  // Either read (the NUL is a character of the text) or refused, but never a crash: what it is
  // today is pinned so that a change is seen.
  EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
  EXPECT_EQ(o.out.Count("document"), 1);
  EXPECT_EQ(o.out.Count("amount"), 1);
}

struct Malformed {
  const char* name;
  std::string bytes;
};

// Every kind of ill-formed UTF-8 (Unicode ch. 3, table 3-7), each put inside the plan after its
// "Căn cứ" line: the file is still read as UTF-8, the bytes are reported with their offset and
// become U+FFFD, and the records of the rest of the text are there.
TEST(HostileBytes, MalformedUtf8IsReplacedAndReportedWithItsOffset) {
  const std::vector<Malformed> cases = {
      {"overlong 2-byte NUL", "\xC0\x80"},
      {"overlong 2-byte", "\xC1\xBF"},
      {"overlong 3-byte", "\xE0\x80\xAF"},
      {"overlong 3-byte max", "\xE0\x9F\xBF"},
      {"overlong 4-byte", "\xF0\x80\x80\xAF"},
      {"overlong 4-byte max", "\xF0\x8F\xBF\xBF"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"surrogate pair in CESU-8", "\xED\xA0\xBD\xED\xB2\xA9"},
      {"past U+10FFFF", "\xF4\x90\x80\x80"},
      {"5-byte form", "\xF8\x88\x80\x80\x80"},
      {"6-byte form", "\xFC\x84\x80\x80\x80\x80"},
      {"lone continuation", "\x80"},
      {"continuations", "\xBF\x80\xBF"},
      {"FE and FF", "\xFE\xFF"},
      {"truncated 2-byte", "\xC3"},
      {"truncated 3-byte", "\xE1\xBA"},
      {"truncated 4-byte", "\xF0\x9F\x98"},
      {"lead bytes in a row", "\xC3\xE1\xF0"},
  };
  const size_t at = kPlan.find("I. MỤC");
  std::vector<std::string> files;
  for (const Malformed& c : cases) {
    files.push_back(kPlan);
    files.back().insert(at, c.bytes + " ");
  }
  std::vector<Outcome> all = ExtractAll(files);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(cases[i].name);
    const Outcome& o = all[i];
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
    ASSERT_EQ(o.out.Count("document"), 1);
    EXPECT_EQ(o.out.records[0].value("encoding", ""), "utf-8");
    std::vector<nlohmann::json> d = o.out.Diagnostics("ingest.invalid_bytes");
    ASSERT_GE(d.size(), 1u);
    EXPECT_EQ(d[0].value("offset", size_t{0}), at);
    EXPECT_EQ(o.out.Count("citation"), 1);
    EXPECT_EQ(o.out.Count("amount"), 1);
  }
}

TEST(HostileBytes, TruncatedSequenceAtTheEndOfTheFile) {
  for (const Outcome& o :
       ExtractAll({kPlan + "\xC3", kPlan + "\xE1\xBA", kPlan + "\xF0\x9F\x98"})) {
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
    std::vector<nlohmann::json> d = o.out.Diagnostics("ingest.invalid_bytes");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].value("offset", size_t{0}), kPlan.size());
    EXPECT_EQ(o.out.Count("amount"), 1);
  }
}

std::string Utf16(const std::u16string& s, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t c : s) {
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out.push_back(big_endian ? hi : lo);
    out.push_back(big_endian ? lo : hi);
  }
  return out;
}

// Ill-formed UTF-16 in both byte orders: lone surrogates, a reversed pair, a high surrogate at
// the end, an odd final byte.
TEST(HostileBytes, MalformedUtf16IsReplacedAndReportedWithItsOffset) {
  const std::u16string plan =
      u"KẾ HOẠCH\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n"
      u"I. KINH PHÍ\nTổng kinh phí 1,5 tỷ đồng.\n";
  const size_t at = plan.find(u"I. KINH");
  struct Case {
    const char* name;
    std::u16string units;
  };
  const std::vector<Case> cases = {
      {"lone high surrogate", u"\xD800 "},
      {"lone low surrogate", u"\xDC00 "},
      {"reversed pair", u"\xDC00\xD800 "},
      {"two highs", u"\xD83D\xD83D "},
  };
  // Per byte order: each case inserted before "I. KINH", then a high surrogate at the end and
  // an odd final byte; all in one run.
  std::vector<std::string> files;
  for (bool be : {false, true}) {
    for (const Case& c : cases) {
      std::u16string text = plan;
      text.insert(at, c.units);
      files.push_back(Utf16(text, be));
    }
    files.push_back(Utf16(plan, be) +
                    (be ? std::string("\xD8\x3D", 2) : std::string("\x3D\xD8", 2)));
    files.push_back(Utf16(plan, be) + "A");
  }
  std::vector<Outcome> all = ExtractAll(files);
  const size_t per_order = cases.size() + 2;
  for (size_t i = 0; i < files.size(); ++i) {
    const bool be = i >= per_order;
    const size_t k = i % per_order;
    SCOPED_TRACE((k < cases.size()    ? cases[k].name
                  : k == cases.size() ? "high at end"
                                      : "odd byte") +
                 std::string(be ? " BE" : " LE"));
    const Outcome& o = all[i];
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
    ASSERT_EQ(o.out.Count("document"), 1);
    EXPECT_EQ(o.out.records[0].value("encoding", ""), be ? "utf-16be" : "utf-16le");
    std::vector<nlohmann::json> d = o.out.Diagnostics("ingest.invalid_bytes");
    ASSERT_GE(d.size(), 1u);
    // Offsets count the 2-byte BOM.
    EXPECT_EQ(d[0].value("offset", size_t{0}), 2 + 2 * (k < cases.size() ? at : plan.size()));
    EXPECT_EQ(o.out.Count("amount"), 1);
    if (k < cases.size()) {
      EXPECT_EQ(o.out.Count("citation"), 1);
    } else {
      EXPECT_EQ(d.size(), 1u);
    }
  }
}

// TCVN3 bytes of "Tổng kinh phí 2 tỷ đồng." (as tools/encode_legacy.py writes them).
const std::string kTcvn3Amount = "T\xE6ng kinh ph\xDD 2 t\xFB \xAE\xE5ng.\n";
// Windows-1258: "Tổng kinh phí 3 tỷ đồng." with combining tone marks.
const std::string kCp1258Amount = "T\xF4\xD2ng kinh ph\xED 3 ty\xD2 \xF0\xF4\xCCng.\n";

// Half UTF-8, half a legacy encoding: one encoding is chosen for the file, the bytes it cannot
// read are reported, and the records of the part it reads are there.
TEST(HostileBytes, MixedEncodingsInOneFile) {
  std::vector<std::string> files;
  for (const std::string& legacy : {kTcvn3Amount, kCp1258Amount}) {
    files.push_back(kPlan);
    for (int i = 0; i < 3; ++i) files.back() += legacy;
  }
  for (const Outcome& o : ExtractAll(files)) {
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
    ASSERT_EQ(o.out.Count("document"), 1);
    EXPECT_GE(o.out.Count("section"), 2);
    EXPECT_GE(o.out.Count("amount"), 1);
    EXPECT_GE(o.out.Diag("ingest.invalid_bytes") + o.out.Diag("ingest.low_confidence"), 1)
        << "one encoding cannot read both halves without a word";
  }
}

TEST(HostileBytes, TenThousandDigitAmountIsUnreadableNotOverflowed) {
  const std::string digits(10000, '9');
  std::string grouped = "1";
  for (int i = 0; i < 3333; ++i) grouped += ".000";
  std::vector<std::string> files;
  for (const std::string& number : {digits, grouped}) {
    files.push_back(kPlan + "Kinh phí bổ sung " + number + " tỷ đồng.\n");
  }
  for (const Outcome& o : ExtractAll(files)) {
    ExpectBounded(o);
    EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
    EXPECT_EQ(o.out.Diag("extract.amount_unreadable"), 1);
    long huge = 0;
    for (const nlohmann::json& r : o.out.records) {
      if (r.value("type", "") != "amount") continue;
      if (r.value("text", "").size() > 1000) {
        ++huge;
        EXPECT_TRUE(r["value_vnd"].is_null()) << r["value_vnd"];
      }
    }
    EXPECT_LE(huge, 1);
    EXPECT_GE(o.out.Count("amount"), 1);  // the plan's own 1,5 tỷ đồng
  }
}

TEST(HostileBytes, ImpossibleDatesAreDiagnosedNotInvented) {
  const std::string text = kPlan +
                           "Báo cáo trước ngày 31/02/2024; kiểm tra ngày 00/00/0000; hạn chót "
                           "ngày 31 tháng 02 năm 2024; ngày 29/02/2023. Họp ngày 29/02/2024.\n";
  Outcome o = ExtractBytes(text);
  ExpectBounded(o);
  EXPECT_EQ(o.run.exit_code, 0) << o.run.Describe();
  // 31/02/2024, 00/00/0000, "ngày 31 tháng 02 năm 2024" (not its month "tháng 02 năm 2024")
  // and 29/02/2023.
  EXPECT_GE(o.out.Diag("extract.impossible_date"), 4);
  for (const nlohmann::json& r : o.out.records) {
    for (const char* field : {"iso", "resolved", "date", "start", "end"}) {
      if (!r.contains(field) || !r[field].is_string()) continue;
      const std::string v = r[field];
      EXPECT_EQ(v.find("-02-31"), std::string::npos) << r.dump();
      EXPECT_EQ(v.find("0000-"), std::string::npos) << r.dump();
      EXPECT_EQ(v.find("2023-02-29"), std::string::npos) << r.dump();
      EXPECT_NE(v, "2024-02") << r.dump();  // the month of the impossible spelled date
    }
  }
  bool leap_day = false;
  for (const nlohmann::json& r : o.out.records)
    leap_day |= r.dump().find("2024-02-29") != std::string::npos;
  EXPECT_TRUE(leap_day) << "29/02/2024 is a real date";
}

}  // namespace
}  // namespace vnplan::hostile
