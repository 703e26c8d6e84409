// Helpers of the hostile-input suite: a temporary folder, files made in it, and the vnplan
// binary run in a child process under resource limits (setrlimit), never timed by a clock.
//
//   TempDir dir;
//   WriteFile(dir / "a.txt", bytes);
//   RunResult r = RunVnplan({"extract", "-q", "-j", "1", dir / "a.txt", "-o", dir / "out.jsonl"},
//                           MakeLimits(/*memory_mb=*/1024, /*cpu_seconds=*/60));
//   EXPECT_EQ(r.exit_code, 0) << r.Describe();
//   JsonlSummary out = ReadJsonl(dir / "out.jsonl");
//
// Limits: RLIMIT_CPU (the child is killed by SIGXCPU past it: a hang or a blow-up fails the test
// instead of stalling it) and RLIMIT_AS (address space: an allocation past it fails, and vnplan
// must then fail cleanly or the test fails). Under AddressSanitizer RLIMIT_AS cannot be used (the
// sanitizer reserves terabytes of shadow address space at start), so sanitizer builds do not set
// it: they check the child's peak resident memory (getrusage ru_maxrss) against the same bound
// times kSanitizerMemoryFactor, and say so on stderr. The CPU limit is multiplied by
// kSanitizerCpuFactor there. Every build checks ru_maxrss against the bound as well.
#ifndef VNPLAN_TESTS_HOSTILE_RUN_LIMITED_H_
#define VNPLAN_TESTS_HOSTILE_RUN_LIMITED_H_

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace vnplan::hostile {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

inline constexpr int kSanitizerMemoryFactor = 3;
inline constexpr int kSanitizerCpuFactor = 8;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/vnplan-hostile-XXXXXX";
    path_ = mkdtemp(tmpl);
    // Readable by everyone: some tests run the binary as "nobody".
    std::filesystem::permissions(path_, std::filesystem::perms(0755));
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(std::string_view name) const { return path_ + "/" + std::string(name); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Limits {
  long memory_mb = 1024;  // address space (RLIMIT_AS), or peak RSS bound under ASan
  long cpu_seconds = 60;  // RLIMIT_CPU
  // Run as this user (setgid/setuid in the child), e.g. "nobody" so that file modes apply to a
  // test running as root. Empty: as the test.
  std::string user;
};

inline Limits MakeLimits(long memory_mb, long cpu_seconds) {
  Limits l;
  l.memory_mb = memory_mb;
  l.cpu_seconds = cpu_seconds;
  return l;
}

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;      // the signal that ended the child, 0 when it exited
  long max_rss_kb = 0;
  std::string stderr_text;
  // "exit 2, peak 123 MB, stderr: ..."
  std::string Describe() const {
    std::string s =
        signal ? "killed by signal " + std::to_string(signal) : "exit " + std::to_string(exit_code);
    s += ", peak " + std::to_string(max_rss_kb / 1024) + " MB";
    return s + ", stderr: " + stderr_text.substr(0, 2000);
  }
};

// The memory bound a test asserts on the child's peak RSS, in KiB.
inline long RssBoundKb(const Limits& limits) {
  return limits.memory_mb * 1024 * (kSanitized ? kSanitizerMemoryFactor : 1);
}

// Runs VNPLAN_BINARY with `args` (no shell), stdout to `stdout_path` ("/dev/null" when empty),
// stderr captured. Asserts nothing: the caller checks.
inline RunResult RunVnplan(const std::vector<std::string>& args, const Limits& limits,
                           const std::string& stdout_path = "") {
  static bool noted = false;
  if (kSanitized && !noted) {
    noted = true;
    std::fprintf(stderr,
                 "[ NOTE     ] AddressSanitizer build: RLIMIT_AS is not set (the sanitizer "
                 "reserves terabytes of shadow address space); peak RSS is checked against "
                 "%dx the bound instead, and RLIMIT_CPU is %dx.\n",
                 kSanitizerMemoryFactor, kSanitizerCpuFactor);
  }
  char err_tmpl[] = "/tmp/vnplan-hostile-stderr-XXXXXX";
  const int err_fd = mkstemp(err_tmpl);
  uid_t uid = 0;
  gid_t gid = 0;
  if (!limits.user.empty()) {
    const passwd* pw = getpwnam(limits.user.c_str());
    if (pw == nullptr) return RunResult{.exit_code = -2, .stderr_text = "no user " + limits.user};
    uid = pw->pw_uid;
    gid = pw->pw_gid;
  }
  std::vector<std::string> argv_strings = {VNPLAN_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out = stdout_path.empty() ? "/dev/null" : stdout_path;

  const pid_t pid = fork();
  if (pid == 0) {
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out_fd < 0) _exit(126);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    const rlim_t cpu = limits.cpu_seconds * (kSanitized ? kSanitizerCpuFactor : 1);
    rlimit cpu_limit{cpu, cpu + 5};
    setrlimit(RLIMIT_CPU, &cpu_limit);
    if (!kSanitized) {
      const rlim_t bytes = static_cast<rlim_t>(limits.memory_mb) << 20;
      rlimit as_limit{bytes, bytes};
      setrlimit(RLIMIT_AS, &as_limit);
    }
    if (!limits.user.empty()) {
      if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0) _exit(125);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  RunResult r;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  close(err_fd);
  r.stderr_text = ReadFile(err_tmpl);
  unlink(err_tmpl);
  return r;
}

// Record counts by type, diagnostics by code, and every record, of a JSONL output.
struct JsonlSummary {
  std::map<std::string, long> types;
  std::map<std::string, long> diagnostics;  // code -> count
  std::vector<nlohmann::json> records;
  bool parsed = true;  // false when a line is not JSON
  long Count(const std::string& type) const {
    auto it = types.find(type);
    return it == types.end() ? 0 : it->second;
  }
  // How many diagnostics have `code`.
  long Diag(const std::string& code) const {
    auto it = diagnostics.find(code);
    return it == diagnostics.end() ? 0 : it->second;
  }
  // The diagnostic records with `code`.
  std::vector<nlohmann::json> Diagnostics(const std::string& code) const {
    std::vector<nlohmann::json> out;
    for (const nlohmann::json& r : records) {
      if (r.value("type", "") == "diagnostic" && r.value("code", "") == code) out.push_back(r);
    }
    return out;
  }
};

// Reads a JSONL output. With `keep_records` false only the counts are kept (large outputs).
inline JsonlSummary ReadJsonl(const std::string& path, bool keep_records = true) {
  JsonlSummary s;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json r = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (r.is_discarded()) {
      s.parsed = false;
      continue;
    }
    const std::string type = r.value("type", "");
    ++s.types[type];
    if (type == "diagnostic") ++s.diagnostics[r.value("code", "")];
    if (keep_records || type == "diagnostic") s.records.push_back(std::move(r));
  }
  return s;
}

// Runs `vnplan extract -q -j 1 INPUTS... -o OUT_PATH` under `limits`: the usual form of a
// hostile case; read OUT_PATH back with ReadJsonl.
inline RunResult Extract(const std::vector<std::string>& inputs, const std::string& out_path,
                         const Limits& limits) {
  std::vector<std::string> args = {"extract", "-q", "-j", "1"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), {"-o", out_path});
  return RunVnplan(args, limits);
}

}  // namespace vnplan::hostile

#endif  // VNPLAN_TESTS_HOSTILE_RUN_LIMITED_H_
