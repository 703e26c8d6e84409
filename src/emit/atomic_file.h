// AtomicFile: an output file that appears whole or not at all. Bytes go to "<path>.tmp";
// Commit() flushes, closes and renames it to `path`; destroying an uncommitted AtomicFile
// removes the temporary file, leaving whatever was at `path` before untouched. Internal to the
// emit stage.
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
  // Opens "<path>.tmp" for writing (truncating it). IOError when it cannot be created.
  static StatusOr<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& out() { return out_; }
  // IOError when a write has failed so far (disk full), naming the temporary file.
  Status CheckWrites();
  // Flushes, closes and renames into place. Further calls return the first result.
  Status Commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFile(std::string path, std::string temp_path);

  std::string path_;
  std::string temp_path_;
  std::ofstream out_;
  bool done_ = false;
  Status result_;
};

}  // namespace vnplan::emit_internal

#endif  // VNPLAN_EMIT_ATOMIC_FILE_H_
