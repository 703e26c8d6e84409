// Interrupting `vnplan extract`: the first Ctrl-C (SIGINT) or SIGTERM asks the batch to stop after
// the documents in hand; a second one stops the process at once, for a document that would take
// long to finish. Each step waits on what /proc says of the process's signal handlers, not on a
// clock.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace vnplan {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Whether process `pid` has a handler for `sig` (the SigCgt mask of /proc/<pid>/status).
bool Catches(pid_t pid, int sig) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("SigCgt:", 0) == 0) {
      const uint64_t mask = std::stoull(line.substr(7), nullptr, 16);
      return (mask >> (sig - 1)) & 1;
    }
  }
  return false;
}

// Polls until Catches(pid, sig) == want, for at most a minute; false if it never came.
bool WaitUntilCatches(pid_t pid, int sig, bool want) {
  for (int i = 0; i < 6000; ++i) {
    if (Catches(pid, sig) == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(InterruptTest, SecondSignalStopsAtOnce) {
  const fs::path dir = fs::path(::testing::TempDir()) / "vnplan_interrupt";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // One document of 16 MB: seconds of work, far longer than the steps below.
  const std::string unit =
      ReadFile(fs::path(VNPLAN_SOURCE_DIR) / "corpus/plans/kh_giam_ngheo_huyen_plain.txt");
  ASSERT_FALSE(unit.empty());
  {
    std::ofstream out(dir / "big.txt", std::ios::binary);
    for (size_t written = 0; written < (size_t{16} << 20); written += unit.size()) out << unit;
  }
  const std::string binary = VNPLAN_BINARY, in = (dir / "big.txt").string(),
                    out = (dir / "out.jsonl").string();
  std::vector<const char*> argv = {binary.c_str(), "extract", "-q",        "-j",   "1",
                                   in.c_str(),     "-o",      out.c_str(), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(
      posix_spawn(&pid, binary.c_str(), nullptr, nullptr, const_cast<char**>(argv.data()), environ),
      0);
  ASSERT_TRUE(WaitUntilCatches(pid, SIGINT, true)) << "no SIGINT handler was installed";
  kill(pid, SIGINT);  // the first: finish what is in hand, then stop
  const bool reset = WaitUntilCatches(pid, SIGINT, false);
  if (reset) kill(pid, SIGINT);  // the second: stop now
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(reset) << "the first SIGINT left its handler in place: a second could not stop it";
  ASSERT_TRUE(WIFSIGNALED(status)) << "exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGINT);
  EXPECT_FALSE(fs::exists(out));  // outputs appear whole or not at all
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vnplan
