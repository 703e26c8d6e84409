#include "emit/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace vnplan::emit_internal {

namespace {

std::string OsError() { return errno != 0 ? std::strerror(errno) : "write failed"; }

// True when the file system cannot do what was asked (sync a folder, take a lock) rather than
// failing to do it: such calls are skipped, not reported.
bool Unsupported(int err) { return err == EINVAL || err == ENOTSUP || err == ENOLCK; }

// Makes a rename in `path`'s folder durable. Best effort: a folder that cannot be opened or
// synced leaves the rename done, only not yet on disk.
void SyncFolderOf(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::string path, std::string temp_path)
    : path_(std::move(path)), temp_path_(std::move(temp_path)) {}

StatusOr<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  struct stat st;
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return Status::IOError(path, std::strerror(EISDIR));
  const bool direct = exists && !S_ISREG(st.st_mode);
  std::unique_ptr<AtomicFile> f(new AtomicFile(path, direct ? path : path + ".tmp"));
  f->direct_ = direct;
  if (!direct) {
    if (Status s = f->Lock(); !s.ok()) return s;
  }
  errno = 0;
  f->out_.open(f->temp_path_, std::ios::binary | std::ios::trunc);
  if (!f->out_) return Status::IOError(f->temp_path_, OsError());
  return f;
}

Status AtomicFile::Lock() {
  // The process that held the file before may rename or remove it between this open and the
  // lock: then the name no longer leads to the locked file, which is not ours to write, and
  // the name is opened again.
  for (int attempt = 0; attempt < 16; ++attempt) {
    errno = 0;
    const int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return Status::IOError(temp_path_, OsError());
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      if (Unsupported(err)) {
        lock_fd_ = fd;  // kept for the sync in Commit
        return Status::OK();
      }
      ::close(fd);
      if (err == EWOULDBLOCK) {
        return Status::IOError(temp_path_, "another process is writing " + path_ +
                                               " (it holds this temporary file); let it finish "
                                               "or write elsewhere");
      }
      return Status::IOError(temp_path_, std::strerror(err));
    }
    struct stat held, named;
    if (::fstat(fd, &held) == 0 && ::stat(temp_path_.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      lock_fd_ = fd;
      return Status::OK();
    }
    ::close(fd);
  }
  return Status::IOError(temp_path_, "cannot take the temporary file: it keeps being replaced");
}

AtomicFile::~AtomicFile() {
  if (!(done_ && result_.ok())) {
    if (out_.is_open()) out_.close();
    // Only a file this object took: when Lock failed, the file is another process's.
    if (!direct_ && lock_fd_ >= 0) std::remove(temp_path_.c_str());
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);  // after the rename or removal: releases the lock
}

Status AtomicFile::CheckWrites() {
  if (done_) return result_;
  if (!out_) return Status::IOError(temp_path_, OsError());
  return Status::OK();
}

Status AtomicFile::Commit() {
  if (done_) return result_;
  done_ = true;
  errno = 0;
  out_.flush();
  if (!out_) return result_ = Status::IOError(temp_path_, OsError());
  out_.close();
  if (out_.fail()) return result_ = Status::IOError(temp_path_, OsError());
  if (direct_) return result_ = Status::OK();
  // On disk before it takes the old file's name: after a crash `path` holds the old version or
  // the whole new one, never a new one cut short.
  if (lock_fd_ >= 0 && ::fsync(lock_fd_) != 0 && !Unsupported(errno)) {
    return result_ = Status::IOError(temp_path_,
                                     std::string("cannot sync to disk: ") + std::strerror(errno));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return result_ = Status::IOError(
               path_, std::string("cannot rename ") + temp_path_ + ": " + std::strerror(errno));
  }
  SyncFolderOf(path_);
  return result_ = Status::OK();
}

}  // namespace vnplan::emit_internal
