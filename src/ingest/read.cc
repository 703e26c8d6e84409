#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

#include "base/sha256.h"
#include "ingest/decoders.h"
#include "ingest/ingest.h"

namespace vnplan {

namespace {

constexpr size_t kChunk = 1 << 16;

const char kTooLarge[] = "larger than 1 GiB; not read";

// out->resize(n), false when memory cannot hold it (a hostile size must not end the process).
bool Resize(std::string* out, size_t n) {
  try {
    out->resize(n);
    return true;
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  out->clear();
  out->shrink_to_fit();
  return false;
}

// Reads fd to its end, at most kMaxDocumentBytes. `size_hint` is the size fstat reported (0 for
// pipes and terminals).
Status ReadAll(int fd, const std::string& label, size_t size_hint, std::string* out) {
  out->clear();
  if (size_hint > kMaxDocumentBytes) return Status::IOError(label, kTooLarge);
  // One byte more than the hint, so that a file read whole ends with a read() of 0 at once.
  size_t cap = size_hint > 0 ? size_hint + 1 : kChunk;
  if (!Resize(out, cap)) return Status::IOError(label, "out of memory while reading");
  size_t len = 0;
  for (;;) {
    if (len == cap) {
      if (len > kMaxDocumentBytes) {
        out->clear();
        return Status::IOError(label, kTooLarge);
      }
      cap = std::min(cap + cap / 2 + kChunk, kMaxDocumentBytes + 1);
      if (!Resize(out, cap)) return Status::IOError(label, "out of memory while reading");
    }
    const ssize_t n = ::read(fd, out->data() + len, cap - len);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      out->clear();
      return Status::IOError(label, std::strerror(err));
    }
    len += static_cast<size_t>(n);
  }
  if (len > kMaxDocumentBytes) {
    out->clear();
    return Status::IOError(label, kTooLarge);
  }
  out->resize(len);
  return Status::OK();
}

Document Finish(std::string path, std::string* raw, const DecodeOptions& options) {
  Document doc;
  doc.id = Sha256Hex(*raw);
  doc.bytes = raw->size();
  Decoded d = ingest_internal::DecodeOwned(raw, options, path);
  doc.path = std::move(path);
  doc.text = std::move(d.text);
  doc.encoding = d.encoding;
  doc.confidence = d.confidence;
  doc.decode_map = std::move(d.map);
  doc.binary = d.binary;
  doc.diagnostics = std::move(d.diagnostics);
  return doc;
}

}  // namespace

Document MakeDocument(std::string path, std::string_view bytes, const DecodeOptions& options) {
  std::string raw(bytes);
  return Finish(std::move(path), &raw, options);
}

StatusOr<Document> ReadDocument(const std::string& path, const DecodeOptions& options) {
  std::string raw;
  if (path == "-") {
    Status s = ReadAll(STDIN_FILENO, "-", 0, &raw);
    if (!s.ok()) return s;
    return Finish(path, &raw, options);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path, std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::IOError(path, std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::IOError(path, std::strerror(EISDIR));
  }
  const size_t hint = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0;
  Status s = ReadAll(fd, path, hint, &raw);
  ::close(fd);
  if (!s.ok()) return s;
  return Finish(path, &raw, options);
}

}  // namespace vnplan
