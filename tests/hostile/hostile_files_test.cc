// Hostile folders and names: a directory holding unreadable files, an unlistable folder,
// symlink loops, a dangling link and a FIFO; file names made of shell and SQL syntax and of
// "../"; and where the outputs go. Each run is `vnplan` in a child under RLIMIT_AS and
// RLIMIT_CPU (run_limited.h).
//
// Unreadable files: tests run as root in CI, and chmod 000 does not stop root from reading. When
// the test is root, the binary is run as the user "nobody" (setuid in the child), for whom mode
// 000 means what it says; the test says so on stderr. Without a "nobody" user it is skipped
// with that reason, never silently.
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "hostile/run_limited.h"

namespace vnplan::hostile {
namespace {

namespace fs = std::filesystem;

const Limits kSmall = MakeLimits(1024, 60);

const std::string kPlan =
    "KẾ HOẠCH\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n"
    "I. KINH PHÍ\nTổng kinh phí 1,5 tỷ đồng.\n";

std::set<std::string> PathsOf(const JsonlSummary& out) {
  std::set<std::string> paths;
  for (const nlohmann::json& r : out.records) {
    if (r.value("type", "") == "document") paths.insert(r.value("path", ""));
  }
  return paths;
}

TEST(HostileFiles, UnreadableFilesAndSymlinkLoopsGiveDiagnosticsAndTheRestIsRead) {
  Limits limits = kSmall;
  if (geteuid() == 0) {
    if (getpwnam("nobody") == nullptr) {
      GTEST_SKIP() << "running as root and no user 'nobody' to drop to: mode 000 cannot make a "
                      "file unreadable for root";
    }
    limits.user = "nobody";
    std::fprintf(stderr,
                 "[ NOTE     ] running as root: vnplan runs as 'nobody' so that mode 000 makes "
                 "files unreadable\n");
  }
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in + "/sub/deeper");
  fs::create_directories(in + "/locked");
  WriteFile(in + "/a.txt", kPlan);
  WriteFile(in + "/sub/deeper/b.txt", kPlan + "Thêm 2 tỷ đồng.\n");
  WriteFile(in + "/secret.txt", kPlan);
  WriteFile(in + "/locked/hidden.txt", kPlan);
  fs::create_symlink(".", in + "/sub/self");                // loop to itself
  fs::create_symlink("../..", in + "/sub/deeper/up");       // loop to an ancestor
  fs::create_symlink(in, in + "/sub/root");                 // loop to the root, absolute
  fs::create_symlink("nowhere.txt", in + "/dangling.txt");  // points nowhere
  fs::create_symlink("ring2.txt", in + "/ring1.txt");       // a loop of file links
  fs::create_symlink("ring1.txt", in + "/ring2.txt");
  ASSERT_EQ(mkfifo((in + "/pipe.txt").c_str(), 0644), 0);  // never opened: not a regular file
  chmod((in + "/secret.txt").c_str(), 0);
  chmod((in + "/locked").c_str(), 0);
  for (const std::string& d : {dir.path(), in, in + "/sub", in + "/sub/deeper"}) {
    chmod(d.c_str(), 0777);
  }

  RunResult r = Extract({in, in + "/secret.txt"}, dir / "out.jsonl", limits);
  EXPECT_EQ(r.signal, 0) << r.Describe();
  EXPECT_EQ(r.exit_code, 1) << r.Describe();  // inputs failed, the batch went on
  EXPECT_LE(r.max_rss_kb, RssBoundKb(limits)) << r.Describe();
  JsonlSummary out = ReadJsonl(dir / "out.jsonl");
  ASSERT_TRUE(out.parsed);
  EXPECT_EQ(PathsOf(out), (std::set<std::string>{in + "/a.txt", in + "/sub/deeper/b.txt"}));
  EXPECT_EQ(out.Count("amount"), 3);
  EXPECT_GE(out.Diag("ingest.unreadable"), 1) << "secret.txt";
  EXPECT_EQ(out.Diag("ingest.unreadable_dir"), 1) << "locked/";
  EXPECT_GE(out.Diag("ingest.symlink_loop"), 3);
  EXPECT_GE(out.Diag("ingest.broken_link"), 1);
  for (const nlohmann::json& d : out.Diagnostics("ingest.unreadable")) {
    EXPECT_NE(d.value("message", "").find("secret.txt"), std::string::npos) << d.dump();
  }
  chmod((in + "/locked").c_str(), 0755);  // so that the temporary folder can be removed
}

// A device named as an input never ends (/dev/zero): reading stops at kMaxDocumentBytes (1 GiB)
// or when memory runs out, with a diagnostic, and the other inputs are read.
TEST(HostileFiles, EndlessDeviceNamedAsAnInputEndsWithADiagnostic) {
  const Limits limits = MakeLimits(1536, 120);
  TempDir dir;
  WriteFile(dir / "a.txt", kPlan);
  RunResult r = Extract({"/dev/zero", dir / "a.txt"}, dir / "out.jsonl", limits);
  EXPECT_EQ(r.signal, 0) << r.Describe();
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_LE(r.max_rss_kb, RssBoundKb(limits)) << r.Describe();
  JsonlSummary out = ReadJsonl(dir / "out.jsonl");
  EXPECT_EQ(PathsOf(out), (std::set<std::string>{dir / "a.txt"}));
  std::vector<nlohmann::json> d = out.Diagnostics("ingest.unreadable");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].value("path", ""), "/dev/zero");
}

// -o naming a FIFO (or a device such as /dev/null) writes through it: the output is read at the
// other end, and the FIFO is still a FIFO, not replaced by a renamed temporary file.
TEST(HostileFiles, OutputToAFifoWritesThroughItAndKeepsIt) {
  TempDir dir;
  WriteFile(dir / "a.txt", kPlan);
  const std::string fifo = dir / "out.fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  // Both ends open before vnplan runs (O_RDWR does not block on a FIFO), so that nothing waits
  // forever whatever vnplan does: closing `keep` afterwards gives the reader its end of file.
  const int keep = open(fifo.c_str(), O_RDWR);
  const int read_end = open(fifo.c_str(), O_RDONLY);
  ASSERT_GE(keep, 0);
  ASSERT_GE(read_end, 0);
  std::string received;
  std::thread reader([&] {
    char buf[65536];
    for (ssize_t n; (n = read(read_end, buf, sizeof buf)) > 0;) received.append(buf, n);
  });
  RunResult r = RunVnplan({"extract", "-q", "-j", "1", dir / "a.txt", "-o", fifo}, kSmall);
  close(keep);
  reader.join();
  close(read_end);
  EXPECT_EQ(r.signal, 0) << r.Describe();
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  struct stat st;
  ASSERT_EQ(lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_FALSE(fs::exists(fifo + ".tmp"));
  EXPECT_NE(received.find("\"type\":\"document\""), std::string::npos) << received.substr(0, 200);
}

// File names that are shell and SQL syntax are only names: read, written into the outputs as
// they are, and nothing runs.
TEST(HostileFiles, NamesMadeOfShellAndSqlSyntaxAreOnlyNames) {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  const std::vector<std::string> names = {"$(touch pwned1).txt",
                                          "`touch pwned2`.txt",
                                          "a; touch pwned3.txt",
                                          "x' OR '1'='1.txt",
                                          "q\"; DROP TABLE documents; --.txt",
                                          "line\nbreak.txt",
                                          "-o.txt"};
  // Contents differ: a document is its SHA-256, and SQLite keeps one row per document.
  for (const std::string& n : names) WriteFile(in + "/" + n, kPlan + n + "\n");
  RunResult r = RunVnplan({"extract", "-q", "-j", "1", in, "--db", dir / "out.sqlite", "-o",
                           dir / "out.jsonl", "--csv", dir / "csv"},
                          kSmall);
  EXPECT_EQ(r.signal, 0) << r.Describe();
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  JsonlSummary out = ReadJsonl(dir / "out.jsonl");
  std::set<std::string> expected;
  for (const std::string& n : names) expected.insert(in + "/" + n);
  EXPECT_EQ(PathsOf(out), expected);
  for (const char* p : {"pwned1", "pwned2", "pwned3.txt"}) {
    EXPECT_FALSE(fs::exists(dir / p)) << p;
    EXPECT_FALSE(fs::exists(fs::current_path() / p)) << p;
    EXPECT_FALSE(fs::exists(in + "/" + p)) << p;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((dir / "out.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT path FROM documents ORDER BY path", -1, &st, nullptr),
            SQLITE_OK);
  std::set<std::string> stored;
  while (sqlite3_step(st) == SQLITE_ROW) {
    stored.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_EQ(stored, expected);
}

// --csv DIR: the files are named after record types, never after documents, so a document named
// with "../" or an absolute path writes nothing outside DIR. -o and --db write exactly the file
// named (and its temporary sibling while running), nothing derived from inputs.
TEST(HostileFiles, OutputsStayInTheFolderTheyAreGiven) {
  TempDir dir;
  const std::string in = dir / "in/a/b";
  fs::create_directories(in);
  WriteFile(in + "/plan.txt", kPlan);
  WriteFile(dir / "in/..plan.txt", kPlan);
  const std::string dotted = in + "/../../../in/a/b/plan.txt";  // a name full of ".."
  RunResult r =
      RunVnplan({"extract", "-q", "-j", "1", dotted, dir / "in/..plan.txt", "--csv",
                 dir / "out/csv", "-o", dir / "out/all.jsonl", "--db", dir / "out/all.sqlite"},
                kSmall);
  EXPECT_EQ(r.signal, 0) << r.Describe();
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  std::set<std::string> made;
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    if (e.is_regular_file()) made.insert(fs::relative(e.path(), dir.path()).string());
  }
  std::set<std::string> outside_out;
  for (const std::string& f : made) {
    if (f.rfind("out/", 0) != 0) outside_out.insert(f);
  }
  EXPECT_EQ(outside_out, (std::set<std::string>{"in/a/b/plan.txt", "in/..plan.txt"}));
  for (const std::string& f : made) {
    if (f.rfind("out/csv/", 0) != 0) continue;
    const std::string name = f.substr(8);
    EXPECT_EQ(name.find('/'), std::string::npos) << f;
    EXPECT_TRUE(name.size() > 4 && name.ends_with(".csv")) << f;
    for (char c : name) EXPECT_TRUE(std::islower(c) || c == '_' || c == '.') << f;
  }
  EXPECT_TRUE(made.count("out/csv/documents.csv"));
  EXPECT_TRUE(made.count("out/all.jsonl"));
  EXPECT_TRUE(made.count("out/all.sqlite"));
  // The document keeps its name as given, dots and all.
  JsonlSummary out = ReadJsonl(dir / "out/all.jsonl");
  EXPECT_EQ(PathsOf(out), (std::set<std::string>{dotted, dir / "in/..plan.txt"}));
}

}  // namespace
}  // namespace vnplan::hostile
