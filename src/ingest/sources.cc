#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ingest/ingest.h"

namespace vnplan {

namespace {

using DirId = std::pair<dev_t, ino_t>;

struct Frame {
  std::string path;
  DirId id;
  std::vector<std::string> names;  // sorted, hidden entries left out
  size_t next = 0;
};

std::string Join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

bool MatchesGlobs(const std::string& name, const std::vector<std::string>& globs) {
  if (globs.empty()) return true;
  for (const std::string& g : globs) {
    if (::fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

// Reads the names in `path`; false (with a diagnostic) when the directory cannot be read.
bool ListDirectory(const std::string& path, std::vector<std::string>* names,
                   Diagnostics* diagnostics) {
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    diagnostics->push_back(Diagnostic::Error(
        "ingest.unreadable_dir", "cannot read directory: " + std::string(std::strerror(errno)),
        path));
    return false;
  }
  errno = 0;
  while (const dirent* e = ::readdir(dir)) {
    if (e->d_name[0] != '.') names->emplace_back(e->d_name);
  }
  if (errno != 0) {
    diagnostics->push_back(Diagnostic::Error(
        "ingest.unreadable_dir",
        "directory listing cut short: " + std::string(std::strerror(errno)), path));
  }
  ::closedir(dir);
  std::sort(names->begin(), names->end());
  return true;
}

// Walks the tree under `root` depth first with an explicit stack (no recursion, whatever the
// depth). The stack holds the directories being walked, so a directory met again while one of
// its copies is on the stack is a loop; met again elsewhere, it was reached by a second link
// and is skipped so that its files are not listed twice.
void Walk(const std::string& root, const struct stat& root_st, const SourceOptions& options,
          std::vector<std::string>* files, Diagnostics* diagnostics) {
  std::set<DirId> visited;
  std::vector<Frame> stack;
  auto push = [&](const std::string& path, DirId id) {
    Frame f{path, id, {}, 0};
    if (!ListDirectory(path, &f.names, diagnostics)) return;
    visited.insert(id);
    stack.push_back(std::move(f));
  };
  push(root, {root_st.st_dev, root_st.st_ino});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.names.size()) {
      stack.pop_back();
      continue;
    }
    const std::string name = top.names[top.next++];
    const std::string path = Join(top.path, name);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      const int err = errno;
      if (err == ELOOP) {
        diagnostics->push_back(Diagnostic::Warning(
            "ingest.symlink_loop", "symbolic link loop: " + std::string(std::strerror(err)),
            path));
      } else {
        diagnostics->push_back(Diagnostic::Warning(
            "ingest.broken_link", "cannot follow: " + std::string(std::strerror(err)), path));
      }
      continue;
    }
    if (S_ISREG(st.st_mode)) {
      if (MatchesGlobs(name, options.globs)) files->push_back(path);
      continue;
    }
    if (!S_ISDIR(st.st_mode)) continue;  // sockets, FIFOs, devices: not documents
    const DirId id{st.st_dev, st.st_ino};
    const bool on_stack = std::any_of(stack.begin(), stack.end(),
                                      [&](const Frame& f) { return f.id == id; });
    if (on_stack) {
      diagnostics->push_back(Diagnostic::Warning(
          "ingest.symlink_loop", "directory loop: leads back to an enclosing directory; skipped",
          path));
      continue;
    }
    if (visited.count(id)) continue;
    push(path, id);  // `top` may dangle from here on
  }
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      const SourceOptions& options, Diagnostics* diagnostics) {
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      out.push_back(input);
      continue;
    }
    struct stat st;
    if (::stat(input.c_str(), &st) != 0) {
      const int err = errno;
      const char* code = err == ELOOP ? "ingest.symlink_loop" : "ingest.not_found";
      diagnostics->push_back(Diagnostic::Error(
          code, "cannot read input: " + std::string(std::strerror(err)), input));
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      out.push_back(input);
      continue;
    }
    std::vector<std::string> files;
    Walk(input, st, options, &files, diagnostics);
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

}  // namespace vnplan
