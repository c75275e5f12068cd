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
  int status = 0;
  std::string request_id;
  std::string idempotency_key;  ///< empty for calls that carry none (GET)
  int attempts = 0;
  std::vector<std::string> notices;  ///< Stripe-Notice warnings
  http::Headers headers;
};

/// A typed result plus the response it came from.
template <class T>
class Result {
 public:
  Result(T value, ResponseInfo info) : value_(std::move(value)), info_(std::move(info)) {}
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  const ResponseInfo& response() const { return info_; }
  ResponseInfo&& take_response() && { return std::move(info_); }
  const std::string& request_id() const { return info_.request_id; }
  const std::string& idempotency_key() const { return info_.idempotency_key; }
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
