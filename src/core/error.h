#pragma once
// Error and Status: the closed set of failure codes used below api/ (google.rpc codes).

#include <string>
#include <utility>
#include <vector>

namespace chaincrm {

enum class Code {
  kOk,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kAborted,  // conflict / serialization failure / stale version
  kUnauthenticated,
  kPermissionDenied,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

/// One message about one input field ("emails[0]": "is not a valid email address").
struct FieldError {
  std::string field;
  std::string message;
};

/// A failure: a code, a message safe to show a client, and optional field errors.
class Error {
 public:
  Error(Code code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

  static Error InvalidArgument(std::string m, std::vector<FieldError> f = {}) {
    return {Code::kInvalidArgument, std::move(m), std::move(f)};
  }
  static Error NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Error AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
  static Error FailedPrecondition(std::string m) {
    return {Code::kFailedPrecondition, std::move(m)};
  }
  static Error Aborted(std::string m) { return {Code::kAborted, std::move(m)}; }
  static Error Unauthenticated(std::string m) { return {Code::kUnauthenticated, std::move(m)}; }
  static Error PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Error ResourceExhausted(std::string m) { return {Code::kResourceExhausted, std::move(m)}; }
  static Error Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Error Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

 private:
  Code code_;
  std::string message_;
  std::vector<FieldError> fields_;
};

/// Name of a code, e.g. "INVALID_ARGUMENT" (for logs and the CLI).
const char* CodeName(Code code);

}  // namespace chaincrm
