#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/ingest.h"

namespace vnplan {

namespace {

using DirId = std::pair<dev_t, ino_t>;

struct Frame {
  std::string path;
  std::vector<DirId> chain;        // the directories from the walk's root down to this one
  std::vector<std::string> names;  // sorted, hidden entries left out
  size_t next = 0;
};

// A symbolic link to a directory, walked once the real tree is done.
struct Link {
  std::string path;
  std::vector<DirId> chain;  // of the directory holding the link
  DirId target;
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

bool Contains(const std::vector<DirId>& chain, DirId id) {
  return std::find(chain.begin(), chain.end(), id) != chain.end();
}

// Reads the names in `path`; false (with a diagnostic) when the directory cannot be read.
bool ListDirectory(const std::string& path, std::vector<std::string>* names,
                   Diagnostics* diagnostics) {
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    diagnostics->push_back(
        Diagnostic::Error("ingest.unreadable_dir",
                          "cannot read directory: " + std::string(std::strerror(errno)), path));
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

void ReportLoop(const std::string& path, Diagnostics* diagnostics) {
  diagnostics->push_back(Diagnostic::Warning(
      "ingest.symlink_loop", "leads back to a directory that encloses it; not followed", path));
}

// Walks the tree under `root` depth first with an explicit stack (no recursion, whatever the
// depth). Real subdirectories come first; links to directories wait until the real tree is
// done, so that a directory reachable both ways is listed under its own path. A directory is
// walked once: met again, it is a loop when it encloses the place it was met (reported), and
// otherwise a second way to files already listed (skipped).
void Walk(const std::string& root, const struct stat& root_st, const SourceOptions& options,
          PathList* files, Diagnostics* diagnostics) {
  std::set<DirId> visited;
  std::vector<Frame> stack;
  std::deque<Link> links;
  auto enter = [&](const std::string& path, std::vector<DirId> chain, DirId id) {
    Frame f{path, std::move(chain), {}, 0};
    f.chain.push_back(id);
    visited.insert(id);
    if (ListDirectory(path, &f.names, diagnostics)) stack.push_back(std::move(f));
  };
  enter(root, {}, {root_st.st_dev, root_st.st_ino});
  for (;;) {
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.names.size()) {
        stack.pop_back();
        continue;
      }
      const std::string name = top.names[top.next++];
      const std::string path = Join(top.path, name);
      struct stat lst;
      struct stat st;
      if (::lstat(path.c_str(), &lst) != 0 || ::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ELOOP) {
          ReportLoop(path, diagnostics);
        } else {
          diagnostics->push_back(Diagnostic::Warning(
              "ingest.broken_link", "cannot follow: " + std::string(std::strerror(err)), path));
        }
        continue;
      }
      if (S_ISREG(st.st_mode)) {
        if (MatchesGlobs(name, options.globs)) files->Append(path);
        continue;
      }
      if (!S_ISDIR(st.st_mode)) continue;  // sockets, FIFOs, devices: not documents
      const DirId id{st.st_dev, st.st_ino};
      if (S_ISLNK(lst.st_mode)) {
        links.push_back({path, top.chain, id});
      } else if (Contains(top.chain, id)) {
        ReportLoop(path, diagnostics);  // a bind mount of an enclosing directory
      } else if (!visited.count(id)) {
        enter(path, top.chain, id);  // `top` may dangle from here on
      }
    }
    if (links.empty()) break;
    Link link = std::move(links.front());
    links.pop_front();
    if (Contains(link.chain, link.target)) {
      ReportLoop(link.path, diagnostics);
    } else if (!visited.count(link.target)) {
      enter(link.path, std::move(link.chain), link.target);
    }
  }
}

}  // namespace

void PathList::Append(std::string_view path) {
  entries_.push_back({bytes_.size(), path.size()});
  bytes_.append(path);
}

void PathList::SortFrom(size_t from) {
  std::sort(entries_.begin() + static_cast<std::ptrdiff_t>(from), entries_.end(),
            [this](const Entry& a, const Entry& b) {
              return std::string_view(bytes_.data() + a.start, a.size) <
                     std::string_view(bytes_.data() + b.start, b.size);
            });
}

std::vector<std::string> PathList::ToVector() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i]);
  return out;
}

namespace {

void PutVarint(size_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

size_t GetVarint(std::string_view in, size_t* pos) {
  size_t v = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<unsigned char>(in[(*pos)++]);
    v |= static_cast<size_t>(b & 0x7f) << shift;
    if (b < 0x80) return v;
  }
}

}  // namespace

PathQueue::PathQueue(const PathList& list) : size_(list.size()) {
  std::string_view prev;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string_view path = list[i];
    size_t shared = 0;
    while (shared < prev.size() && shared < path.size() && prev[shared] == path[shared]) ++shared;
    PutVarint(shared, &packed_);
    PutVarint(path.size() - shared, &packed_);
    packed_.append(path.substr(shared));
    prev = path;
  }
  packed_.shrink_to_fit();
}

bool PathQueue::Next(std::string* path) {
  if (read_ >= packed_.size()) return false;
  const size_t shared = GetVarint(packed_, &read_);
  const size_t rest = GetVarint(packed_, &read_);
  last_.resize(shared);
  last_.append(packed_, read_, rest);
  read_ += rest;
  *path = last_;
  return true;
}

PathList ListInputs(const std::vector<std::string>& inputs, const SourceOptions& options,
                    Diagnostics* diagnostics) {
  PathList out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      out.Append(input);
      continue;
    }
    struct stat st;
    if (::stat(input.c_str(), &st) != 0) {
      const int err = errno;
      const char* code = err == ELOOP ? "ingest.symlink_loop" : "ingest.not_found";
      diagnostics->push_back(
          Diagnostic::Error(code, "cannot read input: " + std::string(std::strerror(err)), input));
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      out.Append(input);
      continue;
    }
    const size_t first = out.size();
    Walk(input, st, options, &out, diagnostics);
    out.SortFrom(first);
  }
  return out;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      const SourceOptions& options, Diagnostics* diagnostics) {
  return ListInputs(inputs, options, diagnostics).ToVector();
}

}  // namespace vnplan
