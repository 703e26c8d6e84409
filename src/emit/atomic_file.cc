#include "emit/atomic_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace vnplan::emit_internal {

namespace {

std::string OsError() { return errno != 0 ? std::strerror(errno) : "write failed"; }

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
  errno = 0;
  f->out_.open(f->temp_path_, std::ios::binary | std::ios::trunc);
  if (!f->out_) return Status::IOError(f->temp_path_, OsError());
  return f;
}

AtomicFile::~AtomicFile() {
  if (done_ && result_.ok()) return;
  if (out_.is_open()) out_.close();
  if (!direct_) std::remove(temp_path_.c_str());
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
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return result_ = Status::IOError(
               path_, std::string("cannot rename ") + temp_path_ + ": " + std::strerror(errno));
  }
  return result_ = Status::OK();
}

}  // namespace vnplan::emit_internal
