// Status and StatusOr<T>: errors as values.
//
// Every fallible function in vnplan returns a Status (or a StatusOr<T> when it also hands out a
// value). Exceptions thrown by libraries (yaml-cpp, nlohmann::json, SQLite wrappers) are caught at
// the stage boundary and turned into one of these.
//
//   Status s = Status::IOError("corpus/a.txt", "permission denied");
//   assert(!s.ok());
//   assert(s.ToString() == "IO error: corpus/a.txt: permission denied");
//
//   StatusOr<int> v = 42;
//   assert(v.ok() && *v == 42);
#ifndef VNPLAN_BASE_STATUS_H_
#define VNPLAN_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vnplan {

class Status {
 public:
  enum class Code { kOk = 0, kInvalidArgument, kNotFound, kIOError, kCorruption, kUnsupported };

  // The default Status is OK.
  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg, std::string_view detail = {}) {
    return Status(Code::kInvalidArgument, msg, detail);
  }
  static Status NotFound(std::string_view msg, std::string_view detail = {}) {
    return Status(Code::kNotFound, msg, detail);
  }
  static Status IOError(std::string_view msg, std::string_view detail = {}) {
    return Status(Code::kIOError, msg, detail);
  }
  static Status Corruption(std::string_view msg, std::string_view detail = {}) {
    return Status(Code::kCorruption, msg, detail);
  }
  static Status Unsupported(std::string_view msg, std::string_view detail = {}) {
    return Status(Code::kUnsupported, msg, detail);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The message alone, without the code prefix ("" when OK).
  const std::string& message() const { return message_; }
  // "OK", or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg, std::string_view detail) : code_(code), message_(msg) {
    if (!detail.empty()) {
      message_ += ": ";
      message_ += detail;
    }
  }

  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status. Access the value only when ok().
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr needs a value or a non-OK status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace vnplan

#endif  // VNPLAN_BASE_STATUS_H_
