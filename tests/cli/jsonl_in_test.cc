// `vnplan extract --jsonl-in`, the streaming mapper mode, run as Spark or Hadoop run it: the
// binary with documents as JSON lines on stdin and records on stdout.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace vnplan {
namespace {

namespace fs = std::filesystem;

fs::path TestDir() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(::testing::TempDir()) / "vnplan_jsonl_in" / info->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `sh -c command` and returns its stdout; *rc gets the exit code.
std::string Shell(const std::string& command, int* rc) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

const std::string kBinary = VNPLAN_BINARY;

// Plain UTF-8 documents of the corpus: as JSON text their bytes are the file's bytes.
const std::vector<std::string> kDocs = {
    std::string(VNPLAN_SOURCE_DIR) + "/corpus/plans/kh_giam_ngheo_huyen_plain.txt",
    std::string(VNPLAN_SOURCE_DIR) + "/corpus/audit/faults_planted.txt",
    std::string(VNPLAN_SOURCE_DIR) + "/corpus/decisions/qd_phe_duyet_ke_hoach.txt",
};

std::string DocLine(const std::string& path, const std::string& text) {
  return nlohmann::json{{"path", path}, {"text", text}}.dump() + "\n";
}

std::vector<nlohmann::json> ParseLines(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  size_t start = 0;
  while (start < jsonl.size()) {
    size_t end = jsonl.find('\n', start);
    if (end == std::string::npos) end = jsonl.size();
    out.push_back(nlohmann::json::parse(jsonl.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

TEST(JsonlInTest, RecordsAreThoseOfTheSameFilesRead) {
  const fs::path dir = TestDir();
  std::string in;
  std::string files;
  for (const std::string& p : kDocs) {
    in += DocLine(p, ReadFile(p));
    files += " '" + p + "'";
  }
  std::ofstream(dir / "in.jsonl", std::ios::binary) << in;
  int rc = -1;
  const std::string streamed =
      Shell(kBinary + " extract --jsonl-in -q < '" + (dir / "in.jsonl").string() + "'", &rc);
  EXPECT_EQ(rc, 0);
  const std::string read = Shell(kBinary + " extract -q" + files, &rc);
  EXPECT_EQ(rc, 0);
  ASSERT_FALSE(read.empty());
  EXPECT_EQ(streamed, read);  // byte for byte: same ids, spans, seq, paths
}

TEST(JsonlInTest, BadLinesGiveDiagnosticsAndTheStreamGoesOn) {
  const fs::path dir = TestDir();
  const std::string text = ReadFile(kDocs[0]);
  std::string in = "this is not json\n";                           // line 1
  in += "[\"an\", \"array\"]\n";                                   // line 2
  in += "\n";                                                      // line 3: blank, skipped
  in += "{\"path\": \"no_text.txt\"}\n";                           // line 4
  in += "{\"text\": \"Số: 27/KH-UBND\"}\n";                        // line 5
  in += "{\"path\": \"bad_utf8.txt\", \"text\": \"\xC3\x28\"}\n";  // line 6: invalid UTF-8
  in += DocLine("good.txt", text);                                 // line 7
  std::ofstream(dir / "in.jsonl", std::ios::binary) << in;
  int rc = -1;
  const std::string out =
      Shell(kBinary + " extract --jsonl-in -q < '" + (dir / "in.jsonl").string() + "'", &rc);
  EXPECT_EQ(rc, 1);  // ran, with failures
  const std::vector<nlohmann::json> lines = ParseLines(out);
  std::vector<nlohmann::json> diagnostics;
  size_t documents = 0;
  for (const nlohmann::json& j : lines) {
    if (j["type"] == "diagnostic") diagnostics.push_back(j);
    if (j["type"] == "document") {
      ++documents;
      EXPECT_EQ(j["path"], "good.txt");
    }
  }
  EXPECT_EQ(documents, 1u);
  struct Expected {
    const char* path;
    const char* message;
  } const kExpected[] = {
      {"-:1", "stdin line 1: not JSON"},
      {"-:2", "stdin line 2: not a JSON object"},
      {"no_text.txt", "stdin line 4: no \"text\" string"},
      {"-:5", "stdin line 5: no \"path\" string"},
      {"-:6", "stdin line 6: not JSON"},
  };
  ASSERT_EQ(diagnostics.size(), std::size(kExpected)) << out;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    EXPECT_EQ(diagnostics[i]["code"], "ingest.bad_jsonl_line");
    EXPECT_EQ(diagnostics[i]["level"], "error");
    EXPECT_EQ(diagnostics[i]["path"], kExpected[i].path);
    EXPECT_EQ(diagnostics[i]["message"], kExpected[i].message);
    EXPECT_TRUE(diagnostics[i]["doc"].is_string());
  }
  // The good document's records are those of the same text read as a file.
  std::ofstream(dir / "good.txt", std::ios::binary) << text;
  const std::string read =
      Shell("cd '" + dir.string() + "' && " + kBinary + " extract -q good.txt", &rc);
  EXPECT_NE(out.find(read), std::string::npos);
}

TEST(JsonlInTest, InputsNamedWithJsonlInAreAUsageError) {
  int rc = -1;
  Shell(kBinary + " extract --jsonl-in '" + kDocs[0] + "' < /dev/null 2>/dev/null", &rc);
  EXPECT_EQ(rc, 2);
  Shell(kBinary + " extract 2>/dev/null", &rc);
  EXPECT_EQ(rc, 2);
}

// One document at a time: peak memory for a stream of 400 documents is that of a stream of 20,
// not 20 times more (their records would take hundreds of MB if they were kept).
TEST(JsonlInTest, MemoryDoesNotGrowWithTheStream) {
  const fs::path dir = TestDir();
  const std::string text = ReadFile(kDocs[0]);
  auto peak_kb = [&](int documents) {
    const fs::path in = dir / ("in" + std::to_string(documents) + ".jsonl");
    {
      std::ofstream out(in, std::ios::binary);
      for (int i = 0; i < documents; ++i) out << DocLine("doc" + std::to_string(i) + ".txt", text);
    }
    const fs::path rss = dir / ("rss" + std::to_string(documents));
    int rc = -1;
    // Under AddressSanitizer freed memory waits in a quarantine of up to 256 MB, which fills
    // with the stream and would be measured instead of vnplan's own memory (327 MB for 20
    // documents, 346 MB for 400; with a 1 MB quarantine 75 MB for both). Other builds ignore
    // the variable.
    const std::string asan =
        "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1\" ";
    const std::string out = Shell(asan + "/usr/bin/time -f %M -o '" + rss.string() + "' " +
                                      kBinary + " extract --jsonl-in -q < '" + in.string() +
                                      "' | grep -c '\"type\":\"document\"'",
                                  &rc);
    EXPECT_EQ(std::stoi(out), documents);
    return std::stol(ReadFile(rss));
  };
  const long small = peak_kb(20);
  const long large = peak_kb(400);
  EXPECT_LT(large, small + 10 * 1024)
      << "peak RSS " << small << " kB for 20 documents, " << large << " kB for 400";
}

}  // namespace
}  // namespace vnplan
