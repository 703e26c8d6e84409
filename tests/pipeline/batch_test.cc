// The batch job end to end, through the built binary: corpus/ plus the seeds into JSONL and
// SQLite. Row counts equal record counts type by type; a second run changes nothing; -j 1 and
// -j 2 give byte-identical JSONL; a batch killed with SIGKILL and resumed ends with the same
// counts as a clean run and a sound database; an unreadable input is a diagnostic and the batch
// goes on.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

const std::string kBinary = VNPLAN_BINARY;
const std::string kCorpus = std::string(VNPLAN_SOURCE_DIR) + "/corpus";
const std::string kSeeds = VNPLAN_SEEDS_DIR;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/vnplan-batch-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs argv (no shell), stdout and stderr to files; returns the exit status.
int RunBinary(const std::vector<std::string>& args, const std::string& out = "/dev/null") {
  pid_t pid = fork();
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    freopen("/dev/null", "w", stderr);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, long> JsonlCounts(const std::string& path) {
  std::map<std::string, long> counts;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++counts[nlohmann::json::parse(line).at("type").get<std::string>()];
  }
  return counts;
}

long Scalar(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
  long v = -1;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

std::string Text(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
  std::string v;
  if (sqlite3_step(st) == SQLITE_ROW) v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return v;
}

const std::map<std::string, std::string> kTables = {{"document", "documents"},
                                                    {"section", "sections"},
                                                    {"citation", "citations"},
                                                    {"amount", "amounts"},
                                                    {"quantity", "quantities"},
                                                    {"date", "dates"},
                                                    {"responsibility", "responsibilities"},
                                                    {"report", "reports"},
                                                    {"finding", "findings"},
                                                    {"diagnostic", "diagnostics"}};

std::map<std::string, long> DbCounts(const std::string& db_path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::map<std::string, long> counts;
  for (const auto& [type, table] : kTables) {
    // A refused (binary) input has a documents row with its file facts but no document record.
    const std::string where = type == "document" ? " WHERE json IS NOT NULL" : "";
    long n = Scalar(db, "SELECT count(*) FROM " + table + where);
    if (n > 0) counts[type] = n;
  }
  EXPECT_EQ(Text(db, "PRAGMA integrity_check"), "ok");
  sqlite3_close(db);
  return counts;
}

TEST(BatchTest, SqliteRowsEqualJsonlRecordsAndRerunsReplace) {
  TempDir tmp;
  ASSERT_EQ(RunBinary({kBinary, "extract", "-q", "--glob", "*.txt", kCorpus, kSeeds, "--db",
                       tmp / "a.sqlite", "-o", tmp / "a.jsonl"}),
            0);
  std::map<std::string, long> jsonl = JsonlCounts(tmp / "a.jsonl");
  EXPECT_GT(jsonl["document"], 20);
  EXPECT_GT(jsonl["citation"], 100);
  EXPECT_GT(jsonl["amount"], 50);
  EXPECT_EQ(DbCounts(tmp / "a.sqlite"), jsonl);
  // A second run over the same inputs replaces every document's rows: same counts.
  ASSERT_EQ(RunBinary({kBinary, "extract", "-q", "--glob", "*.txt", kCorpus, kSeeds, "--db",
                       tmp / "a.sqlite"}),
            0);
  EXPECT_EQ(DbCounts(tmp / "a.sqlite"), jsonl);
}

TEST(BatchTest, OutputOrderDoesNotDependOnThreads) {
  TempDir tmp;
  ASSERT_EQ(RunBinary({kBinary, "extract", "-q", "--glob", "*.txt", "-j", "1", kCorpus, kSeeds,
                       "-o", tmp / "j1.jsonl"}),
            0);
  ASSERT_EQ(RunBinary({kBinary, "extract", "-q", "--glob", "*.txt", "-j", "2", kCorpus, kSeeds,
                       "-o", tmp / "j2.jsonl"}),
            0);
  ASSERT_EQ(RunBinary({kBinary, "extract", "-q", "--glob", "*.txt", "-j", "7", kCorpus, kSeeds,
                       "-o", tmp / "j7.jsonl"}),
            0);
  const std::string j1 = Slurp(tmp / "j1.jsonl");
  EXPECT_FALSE(j1.empty());
  EXPECT_EQ(j1, Slurp(tmp / "j2.jsonl"));
  EXPECT_EQ(j1, Slurp(tmp / "j7.jsonl"));
}

TEST(BatchTest, UnreadableInputIsADiagnosticAndTheBatchGoesOn) {
  TempDir tmp;
  fs::create_directories(tmp / "in");
  fs::copy_file(kSeeds + "/" + fs::directory_iterator(kSeeds)->path().filename().string(),
                tmp / "in/a.txt");
  {
    std::ofstream bin(tmp / "in/b.bin", std::ios::binary);
    bin << std::string(
               "\x7f"
               "ELF\0\0\0\x01\x02",
               9)
        << std::string(4096, '\0');
  }
  fs::create_symlink(tmp / "in/missing.txt", tmp / "in/dangling.txt");
  const int rc = RunBinary({kBinary, "extract", "-q", tmp / "in", tmp / "nope.txt", "--db",
                            tmp / "o.sqlite", "-o", tmp / "o.jsonl"});
  EXPECT_EQ(rc, 1);  // something failed, the run went on
  std::map<std::string, long> counts = JsonlCounts(tmp / "o.jsonl");
  EXPECT_EQ(counts["document"], 1);
  EXPECT_GE(counts["diagnostic"], 3);  // binary file, dangling link, missing path
  EXPECT_EQ(DbCounts(tmp / "o.sqlite"), counts);
}

TEST(BatchTest, ResumeAfterSigkillCompletesToTheSameCounts) {
  TempDir tmp;
  // Enough distinct documents that the batch takes a while: the corpus and seeds, each copied
  // a few times with a line of its own so that every copy has its own SHA-256.
  fs::create_directories(tmp / "in");
  int n = 0;
  for (const std::string& dir : {kCorpus, kSeeds}) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
      const std::string text = Slurp(e.path());
      for (int copy = 0; copy < 8; ++copy) {
        std::ofstream out(tmp / ("in/d" + std::to_string(n++) + ".txt"), std::ios::binary);
        out << text << "\n" << copy << "\n";
      }
    }
  }
  ASSERT_EQ(RunBinary({kBinary, "extract", "-q", tmp / "in", "--db", tmp / "clean.sqlite"}), 0);
  const std::map<std::string, long> clean = DbCounts(tmp / "clean.sqlite");

  std::mt19937 rng(20241123);
  for (int trial = 0; trial < 3; ++trial) {
    const std::string db = tmp / ("killed" + std::to_string(trial) + ".sqlite");
    pid_t pid = fork();
    if (pid == 0) {
      freopen("/dev/null", "w", stderr);
      execl(kBinary.c_str(), kBinary.c_str(), "extract", "-q", "-j", "2", (tmp / "in").c_str(),
            "--db", db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // The first trial kills early, around the schema's creation; the others mid-batch.
    const int delay_ms =
        trial == 0 ? static_cast<int>(rng() % 30) : 50 + static_cast<int>(rng() % 400);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (fs::exists(db)) {
      // Whatever was committed is whole: every document row has its records.
      sqlite3* h = nullptr;
      ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
      EXPECT_EQ(Text(h, "PRAGMA integrity_check"), "ok");
      // Killed before the schema's transaction committed: the file exists and holds no table,
      // which is "nothing written yet", not a broken database.
      const bool has_schema =
          Scalar(h, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 1;
      EXPECT_TRUE(has_schema ||
                  Scalar(h, "SELECT count(*) FROM sqlite_master WHERE type = 'table'") == 0)
          << "trial " << trial << ": a schema without its documents table";
      if (has_schema) {
        EXPECT_EQ(Scalar(h,
                         "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                         "(SELECT 1 FROM sections s WHERE s.doc = d.doc)"),
                  0)
            << "trial " << trial;
      }
      sqlite3_close(h);
    }
    ASSERT_EQ(RunBinary({kBinary, "extract", "-q", tmp / "in", "--db", db, "--resume"}), 0);
    EXPECT_EQ(DbCounts(db), clean) << "trial " << trial;
  }
}

}  // namespace
