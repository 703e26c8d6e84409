// AtomicFile: an output file that appears whole or not at all. Bytes go to "<path>.tmp";
// Commit() flushes, closes, syncs to disk and renames it to `path` (then syncs the folder, so
// the new name survives a power cut too); destroying an uncommitted AtomicFile removes the
// temporary file, leaving whatever was at `path` before untouched. Internal to the emit stage.
//
// The temporary file is held under an exclusive lock (flock) while it is written, which the
// kernel drops when the process ends, however it ends: a "<path>.tmp" that a killed run left
// behind is taken over and overwritten, while one that a running process holds makes Create
// fail, so two runs writing the same output never mix their bytes. On a file system without
// locks the file is written unlocked, as before.
//
// A `path` that exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is written
// directly, never replaced: renaming a temporary file over it would turn the device into a
// plain file (as root, `-o /dev/null` would have replaced /dev/null for the whole machine).
//
//   StatusOr<std::unique_ptr<AtomicFile>> f = AtomicFile::Create("out.jsonl");
//   f.value()->out() << "{...}\n";
//   Status s = f.value()->Commit();   // IOError names the path and the OS cause
#ifndef VNPLAN_EMIT_ATOMIC_FILE_H_
#define VNPLAN_EMIT_ATOMIC_FILE_H_

#include <fstream>
#include <memory>
#include <string>

#include "base/status.h"

namespace vnplan::emit_internal {

class AtomicFile {
 public:
  // Opens "<path>.tmp" for writing (locking, then truncating it), or `path` itself when it is a
  // device or a FIFO. IOError when it cannot be created, when `path` is a directory, or when
  // another process holds "<path>.tmp" (the message says so).
  static StatusOr<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& out() { return out_; }
  // IOError when a write has failed so far (disk full), naming the temporary file.
  Status CheckWrites();
  // Flushes, closes, syncs to disk and renames into place. Further calls return the first result.
  Status Commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFile(std::string path, std::string temp_path);
  // Creates or opens temp_path_ and takes its lock into lock_fd_.
  Status Lock();

  std::string path_;
  std::string temp_path_;
  std::ofstream out_;
  bool direct_ = false;  // writing `path` itself (a device or FIFO): no temporary, no rename
  int lock_fd_ = -1;     // temp_path_, held under flock until committed or removed
  bool done_ = false;
  Status result_;
};

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_ATOMIC_FILE_H_
