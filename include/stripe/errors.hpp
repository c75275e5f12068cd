#pragma once
/// \file
/// Every failure the SDK reports derives from stripe::Error and carries what a support ticket
/// needs; catch the subclass that matches what you can do about it.
#include <optional>
#include <stdexcept>
#include <string>

#include "stripe/http/transport.hpp"

namespace stripe {

/// What is known about a failure: Stripe's error object when there was a response, and what a
/// support request to Stripe asks for (request id, idempotency key, attempts).
struct ErrorDetails {
  int http_status = 0;  ///< 0 when no response was received or the SDK refused to send
  std::string request_id;  ///< Request-Id of the last attempt: quote it to Stripe support
  std::string type;  ///< error.type, e.g. invalid_request_error
  std::string code;  ///< error.code, e.g. parameter_missing: branch on this, not on the message
  std::string param;  ///< the parameter at fault, e.g. individual.dob.year: point the user at it
  std::string doc_url;  ///< Stripe's page about this code
  std::string decline_code;  ///< card declines only
  std::string request_log_url;  ///< the request in the Dashboard's logs
  std::string message;  ///< human-readable; may change, so never parse it
  std::string idempotency_key;  ///< the key sent: retry with it to avoid doing the work twice
  int attempts = 0;  ///< how many attempts were made, retries included
  std::string raw_body;  ///< the response body as received, for what the typed fields lack
  http::Headers headers;  ///< the response headers
};

/// The base of every SDK failure: catch it to handle all of them; what() never contains the key.
class Error : public std::runtime_error {
 public:
  /// Builds what() from the message and the facts a log line needs (status, type, code, request).
  explicit Error(ErrorDetails d) : std::runtime_error(describe(d)), details_(std::move(d)) {}

  /// Everything known, for logging or a support request.
  const ErrorDetails& details() const noexcept { return details_; }
  /// The HTTP status; 0 when nothing was received or nothing was sent.
  int http_status() const noexcept { return details_.http_status; }
  /// Stripe's request id, for support.
  const std::string& request_id() const noexcept { return details_.request_id; }
  /// Stripe's error type.
  const std::string& type() const noexcept { return details_.type; }
  /// Stripe's error code: the stable thing to branch on.
  const std::string& code() const noexcept { return details_.code; }
  /// The parameter at fault, to show next to the right form field.
  const std::string& param() const noexcept { return details_.param; }
  /// Stripe's documentation of this error.
  const std::string& doc_url() const noexcept { return details_.doc_url; }
  /// The message without the facts what() appends.
  const std::string& message() const noexcept { return details_.message; }
  /// The idempotency key sent, to retry the same request safely.
  const std::string& idempotency_key() const noexcept { return details_.idempotency_key; }
  /// How many attempts were made.
  int attempts() const noexcept { return details_.attempts; }
  /// The raw response body.
  const std::string& raw_body() const noexcept { return details_.raw_body; }
  /// The response headers.
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

/// A 400 or 404 about the request (a bad or missing parameter, an unknown id): fix the
/// request, retrying it will not help.
class InvalidRequestError : public Error {
 public:
  using Error::Error;
};

/// The API key is wrong, revoked or of the wrong kind (401): a configuration problem, not the user's.
class AuthenticationError : public Error {
 public:
  using Error::Error;
};

/// The key may not do this (403), e.g. a restricted key or an account the platform does not control.
class PermissionError : public Error {
 public:
  using Error::Error;
};

/// A card was declined (402); decline_code says why.
class CardError : public Error {
 public:
  using Error::Error;
};

/// Too many requests (429) after the allowed retries: slow down.
class RateLimitError : public Error {
 public:
  using Error::Error;
};

/// An idempotency key was reused with different parameters: a bug in the caller's key handling.
class IdempotencyError : public Error {
 public:
  using Error::Error;
};

/// Any other error answer (5xx, or a status the SDK does not map), after the allowed retries;
/// retry later with the same idempotency key.
class ApiError : public Error {
 public:
  using Error::Error;
};

/// A response body over ClientOptions::max_response_bytes; reading stopped at the limit, so
/// memory stays bounded whatever the server sends.
class ResponseTooLargeError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// v2: the feature is not enabled for this platform (no v1 twin).
class FeatureNotEnabledError : public InvalidRequestError {
 public:
  using InvalidRequestError::InvalidRequestError;
};

/// v2: Stripe blocked the request (no v1 twin).
class BlockedByStripeError : public PermissionError {
 public:
  using PermissionError::PermissionError;
};

/// v2: a temporary session expired; start a new one (no v1 twin).
class TemporarySessionExpiredError : public AuthenticationError {
 public:
  using AuthenticationError::AuthenticationError;
};

/// No response after every allowed attempt: the request may or may not have been applied, so
/// retry it with the same idempotency key.
class ConnectionError : public Error {
 public:
  using Error::Error;
};

/// No response because an attempt timed out or the call's deadline passed.
class TimeoutError : public ConnectionError {
 public:
  using ConnectionError::ConnectionError;
};

/// Refused by the SDK before anything was sent (bad params, unsafe redirect URLs): nothing
/// reached Stripe, so there is nothing to reconcile.
class InvalidParamsError : public Error {
 public:
  using Error::Error;
};

/// A response (or webhook payload) that is not the JSON shape the typed model expects.
class DecodeError : public Error {
 public:
  using Error::Error;
};

/// A client that cannot work as configured (no transport, no key, a bad option); a kind of
/// InvalidParamsError, as both are refusals before anything was sent.
class ConfigurationError : public InvalidParamsError {
 public:
  using InvalidParamsError::InvalidParamsError;
};

namespace detail {
inline ErrorDetails message_only(std::string message) {
  ErrorDetails d;
  d.message = std::move(message);
  return d;
}
}  // namespace detail

}  // namespace stripe
