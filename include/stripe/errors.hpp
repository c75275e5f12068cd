#pragma once
// Every failure the SDK reports derives from stripe::Error and carries what a support ticket needs.
#include <optional>
#include <stdexcept>
#include <string>

#include "stripe/http/transport.hpp"

namespace stripe {

struct ErrorDetails {
  int http_status = 0;  // 0 when no response was received or the SDK refused to send
  std::string request_id;
  std::string type;
  std::string code;
  std::string param;
  std::string doc_url;
  std::string decline_code;
  std::string request_log_url;
  std::string message;
  std::string idempotency_key;
  int attempts = 0;
  std::string raw_body;
  http::Headers headers;
};

class Error : public std::runtime_error {
 public:
  explicit Error(ErrorDetails d) : std::runtime_error(describe(d)), details_(std::move(d)) {}

  const ErrorDetails& details() const noexcept { return details_; }
  int http_status() const noexcept { return details_.http_status; }
  const std::string& request_id() const noexcept { return details_.request_id; }
  const std::string& type() const noexcept { return details_.type; }
  const std::string& code() const noexcept { return details_.code; }
  const std::string& param() const noexcept { return details_.param; }
  const std::string& doc_url() const noexcept { return details_.doc_url; }
  const std::string& message() const noexcept { return details_.message; }
  const std::string& idempotency_key() const noexcept { return details_.idempotency_key; }
  int attempts() const noexcept { return details_.attempts; }
  const std::string& raw_body() const noexcept { return details_.raw_body; }
  const http::Headers& headers() const noexcept { return details_.headers; }

 private:
  static std::string describe(const ErrorDetails& d) {
    std::string s = d.message.empty() ? std::string("Stripe request failed") : d.message;
    std::string facts;
    auto add = [&facts](const std::string& label, const std::string& value) {
      if (!value.empty()) facts += (facts.empty() ? "" : ", ") + label + value;
    };
    add("status ", d.http_status ? std::to_string(d.http_status) : std::string());
    add("type ", d.type);
    add("code ", d.code);
    add("param ", d.param);
    add("request ", d.request_id);
    if (!facts.empty()) s += " (" + facts + ")";
    return s;
  }
  ErrorDetails details_;
};

#define STRIPE_CONNECT_ERROR_TYPE(Name, Base) \
  class Name : public Base {                  \
   public:                                    \
    using Base::Base;                         \
  };

// Answers from the API.
STRIPE_CONNECT_ERROR_TYPE(InvalidRequestError, Error)
STRIPE_CONNECT_ERROR_TYPE(AuthenticationError, Error)
STRIPE_CONNECT_ERROR_TYPE(PermissionError, Error)
STRIPE_CONNECT_ERROR_TYPE(CardError, Error)
STRIPE_CONNECT_ERROR_TYPE(RateLimitError, Error)
STRIPE_CONNECT_ERROR_TYPE(IdempotencyError, Error)
STRIPE_CONNECT_ERROR_TYPE(ApiError, Error)
// A response body over ClientOptions::max_response_bytes; reading stopped at the limit.
STRIPE_CONNECT_ERROR_TYPE(ResponseTooLargeError, ApiError)
// v2 error types that have no v1 twin.
STRIPE_CONNECT_ERROR_TYPE(FeatureNotEnabledError, InvalidRequestError)
STRIPE_CONNECT_ERROR_TYPE(BlockedByStripeError, PermissionError)
STRIPE_CONNECT_ERROR_TYPE(TemporarySessionExpiredError, AuthenticationError)
// No response after every allowed attempt.
STRIPE_CONNECT_ERROR_TYPE(ConnectionError, Error)
// No response because the attempt timed out or the call's deadline passed.
STRIPE_CONNECT_ERROR_TYPE(TimeoutError, ConnectionError)
// Refused by the SDK before anything was sent: bad params, bad options, unsafe URLs.
STRIPE_CONNECT_ERROR_TYPE(InvalidParamsError, Error)
// A response (or webhook payload) that is not the JSON shape the typed model expects.
STRIPE_CONNECT_ERROR_TYPE(DecodeError, Error)
// Configuration problems found when building a client (no transport, no key, a bad option).
// A kind of InvalidParamsError: both are refusals before anything was sent.
STRIPE_CONNECT_ERROR_TYPE(ConfigurationError, InvalidParamsError)

#undef STRIPE_CONNECT_ERROR_TYPE

namespace detail {
inline ErrorDetails message_only(std::string message) {
  ErrorDetails d;
  d.message = std::move(message);
  return d;
}
}  // namespace detail

}  // namespace stripe
