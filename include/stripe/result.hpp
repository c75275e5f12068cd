#pragma once
// Result<T>: a typed value plus what the final response said about itself.
#include <string>
#include <utility>
#include <vector>

#include "stripe/errors.hpp"
#include "stripe/http/transport.hpp"

namespace stripe {

/// What the final response of a call said about itself.
struct ResponseInfo {
  int status = 0;  ///< HTTP status of the final attempt
  std::string request_id;  ///< Request-Id header; quote it to Stripe support
  std::string idempotency_key;  ///< empty for calls that carry none (GET)
  int attempts = 0;  ///< attempts made, retries included
  std::vector<std::string> notices;  ///< Stripe-Notice warnings
  http::Headers headers;  ///< response headers of the final attempt
};

/// A typed result plus the response it came from.
template <class T>
class Result {
 public:
  /// Built by the client from the decoded body and its response.
  Result(T value, ResponseInfo info) : value_(std::move(value)), info_(std::move(info)) {}
  /// The decoded object.
  T& value() & { return value_; }
  /// The decoded object, read-only.
  const T& value() const& { return value_; }
  /// Moves the decoded object out of a temporary result.
  T&& value() && { return std::move(value_); }
  /// Shorthand for value().
  T& operator*() & { return value_; }
  /// Shorthand for value(), read-only.
  const T& operator*() const& { return value_; }
  /// Member access on the decoded object.
  T* operator->() { return &value_; }
  /// Member access on the decoded object, read-only.
  const T* operator->() const { return &value_; }
  /// Status, request ID, idempotency key, attempts and headers of the final response.
  const ResponseInfo& response() const { return info_; }
  /// Moves the response metadata out of a temporary result.
  ResponseInfo&& take_response() && { return std::move(info_); }
  /// Request-Id of the final response, for support tickets and logs.
  const std::string& request_id() const { return info_.request_id; }
  /// Idempotency key the call was sent with; empty for GET.
  const std::string& idempotency_key() const { return info_.idempotency_key; }
  /// Attempts made for this call, retries included.
  int attempts() const { return info_.attempts; }

 private:
  T value_;
  ResponseInfo info_;
};

namespace detail {
// An error found after the response arrived (decoding) carries the response's facts.
inline ErrorDetails with_response(ErrorDetails d, const ResponseInfo& info) {
  d.http_status = info.status;
  d.request_id = info.request_id;
  d.idempotency_key = info.idempotency_key;
  d.attempts = info.attempts;
  return d;
}
}  // namespace detail

}  // namespace stripe
