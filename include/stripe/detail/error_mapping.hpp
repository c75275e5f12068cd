#pragma once
// From an HTTP response the client will not return to a typed stripe::Error (wire contract,
// section 7). Every field that can reach what() or a caller's log is redacted: nothing the
// server echoes can leak the key in use.
#include <string>
#include <string_view>
#include <utility>

#include "stripe/detail/json_text.hpp"
#include "stripe/detail/redact.hpp"
#include "stripe/errors.hpp"
#include "stripe/http/transport.hpp"

namespace stripe::detail {

// Headers nobody reads afterwards: redacted in place, nothing copied.
inline http::Headers redacted_headers(http::Headers&& headers, std::string_view secret) {
  for (auto& [name, value] : headers.entries) {
    name = redact(std::move(name), secret);
    value = redact(std::move(value), secret);
  }
  return std::move(headers);
}

// A redacted copy, for headers the caller still holds.
inline http::Headers redacted_headers(const http::Headers& headers, std::string_view secret) {
  return redacted_headers(http::Headers(headers), secret);
}

// Fills the response facts every error from a response carries.
inline void add_response(ErrorDetails& d, const http::Response& resp, std::string_view secret) {
  d.http_status = resp.status;
  d.headers = redacted_headers(resp.headers, secret);
  d.raw_body = redact(resp.body, secret);
}

// "... (1234 bytes, starting "...")": enough to recognise a proxy's HTML page, never a secret.
inline std::string body_summary(const std::string& redacted_body) {
  return std::to_string(redacted_body.size()) + " bytes, starting \"" + printable_prefix(redacted_body, 60) + "\"";
}

// A 2xx body that is not the JSON the typed call expects (truncated, a proxy page, too deep).
[[noreturn]] inline void throw_not_json(const http::Response& resp, ErrorDetails d, std::string_view secret) {
  add_response(d, resp, secret);
  d.message = "Stripe answered HTTP " + std::to_string(resp.status) + " with a body that is not valid JSON (" +
              body_summary(d.raw_body) + "); it may have been truncated";
  throw ApiError(std::move(d));
}

[[noreturn]] inline void throw_api_error(const http::Response& resp, ErrorDetails d, bool v2,
                                         std::string_view secret) {
  add_response(d, resp, secret);
  nlohmann::json body = json_depth_exceeds(resp.body) ? nlohmann::json(nlohmann::json::value_t::discarded)
                                                      : parse_untrusted(resp.body);
  if (body.is_discarded() || !body.is_object() || !body.contains("error") || !body["error"].is_object()) {
    d.message = "Stripe answered HTTP " + std::to_string(resp.status) + " with a body that is not a JSON error (" +
                body_summary(d.raw_body) + ")";
    throw ApiError(std::move(d));
  }
  const nlohmann::json& e = body["error"];
  auto field = [&](const char* name) { return redact(json_string(e, name), secret); };
  d.type = field("type");
  d.code = field("code");
  d.param = field("param");
  d.doc_url = field("doc_url");
  d.decline_code = field("decline_code");
  d.request_log_url = field("request_log_url");
  d.message = field("message");
  if (v2) {
    if (d.type == "rate_limit") throw RateLimitError(std::move(d));
    if (d.type == "idempotency_error") throw IdempotencyError(std::move(d));
    if (d.type == "feature_not_enabled") throw FeatureNotEnabledError(std::move(d));
    if (d.type == "blocked_by_stripe") throw BlockedByStripeError(std::move(d));
    if (d.type == "temporary_session_expired") throw TemporarySessionExpiredError(std::move(d));
    if (d.code == "invalid_fields") throw InvalidRequestError(std::move(d));
  }
  const int s = resp.status;
  if (s == 429 || (s == 400 && d.code == "rate_limit")) throw RateLimitError(std::move(d));
  if ((s == 400 || s == 404) && d.type == "idempotency_error") throw IdempotencyError(std::move(d));
  if (s == 400 || s == 404) throw InvalidRequestError(std::move(d));
  if (s == 401) throw AuthenticationError(std::move(d));
  if (s == 402) throw CardError(std::move(d));
  if (s == 403) throw PermissionError(std::move(d));
  throw ApiError(std::move(d));
}

}  // namespace stripe::detail
