#pragma once
// What a Client is configured with (ClientOptions) and what one call may override (RequestOptions).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stripe/http/transport.hpp"
#include "stripe/version.hpp"

namespace stripe {

/// Names the platform's application in User-Agent and X-Stripe-Client-User-Agent.
struct AppInfo {
  std::string name;  ///< product name, e.g. "MyPlatform"; required when app_info is set
  std::string version;  ///< product version, if any
  std::string url;  ///< product homepage, if any
  std::string partner_id;  ///< Stripe partner ID, if the platform has one
};

/// Severity of a message passed to ClientOptions::logger.
enum class LogLevel {
  debug,    ///< detail for troubleshooting a single call
  info,     ///< routine events worth a line, such as a retry
  warning,  ///< something to act on, such as a Stripe-Notice about a deprecated parameter
  error     ///< a failure the client could not recover from
};

/// Seen before every attempt. Carries no secret key, no body and no query string.
struct AttemptEvent {
  http::Method method;  ///< HTTP method of the request
  std::string path;  ///< request path, without the query string
  int attempt;  ///< 1 for the first attempt, counting up on retries
};

/// Seen after every attempt, answered or not.
struct ResponseEvent {
  http::Method method;  ///< HTTP method of the request
  std::string path;  ///< request path, without the query string
  int attempt;  ///< 1 for the first attempt, counting up on retries
  int status;  ///< 0 when no response was received
  std::chrono::milliseconds duration;  ///< time from sending to the end of the answer (or the failure)
  std::string request_id;  ///< Request-Id header of the answer; quote it to Stripe support
  bool will_retry;  ///< true when another attempt will follow this one
  std::string failure;  ///< why no response was received, if so (secrets redacted)
};

/// How the client retries (wire contract, section 3). The delay before retry n+1, after n
/// retries, is min(initial_delay * 2^(n-1), max_delay) times a jitter factor in [0.5, 1],
/// floored at initial_delay.
struct RetryOptions {
  int max_retries = 2;  ///< 0: exactly one attempt
  std::chrono::milliseconds initial_delay{500};  ///< wait before the first retry, and the floor of every wait
  std::chrono::milliseconds max_delay{5000};  ///< cap on any single wait, before jitter
  /// Bounds the whole call, every attempt and wait included; each attempt's timeout is cut to
  /// the time left. Unset: only the per-attempt timeout applies.
  std::optional<std::chrono::milliseconds> deadline;
};

/// A Client's configuration, fixed when the Client is built.
struct ClientOptions {
  std::string secret_key;  ///< sk_... or rk_... key; never logged, masked out of every error
  std::string api_version = pinned_api_version;  ///< Stripe-Version sent on every call; defaults to the version the models were generated for
  std::string base_url = "https://api.stripe.com";  ///< scheme and host of the API; change it only for a mock server
  /// Scheme and host file uploads go to (client.v1().files().create); change it only for a mock server.
  std::string files_base_url = "https://files.stripe.com";
  RetryOptions retry;  ///< how failed attempts are retried
  std::chrono::milliseconds timeout{80000};  ///< one attempt, body included; must be positive
  std::chrono::milliseconds connect_timeout{30000};  ///< TCP and TLS connection setup, per attempt; must be positive
  std::size_t max_response_bytes = 16u * 1024u * 1024u;  ///< larger bodies are a ResponseTooLargeError
  std::optional<AppInfo> app_info;  ///< identifies the platform in the User-Agent; unset: SDK only
  /// Default: the libcurl transport when the program links stripe_connect::curl (see
  /// stripe/http/default_transport.hpp); otherwise it must be set.
  std::shared_ptr<http::Transport> transport;

  // Hooks and seams. All are optional; defaults are the real clock, sleep and randomness.
  // Hooks may be called from several threads at once (one per concurrent call) and must not throw.
  std::function<void(const AttemptEvent&)> on_attempt;  ///< called before every attempt, e.g. for metrics
  std::function<void(const ResponseEvent&)> on_response;  ///< called after every attempt, e.g. for latency histograms
  std::function<void(LogLevel, const std::string&)> logger;  ///< receives the client's diagnostics (secrets redacted); unset: silent
  std::function<void(std::chrono::milliseconds)> sleep;  ///< how retry waits are slept; tests inject a no-op
  std::function<double()> jitter;  ///< uniform in [0, 1)
  std::function<std::chrono::steady_clock::time_point()> now;  ///< monotonic clock for deadlines; tests inject a fake one
  std::function<std::string()> idempotency_key_generator;  ///< makes the idempotency key of each mutating call; default: a random UUID v4
};

/// Options for one call. Anything set here wins over the client's options.
struct RequestOptions {
  std::optional<std::string> idempotency_key;  ///< key for this call; default: generated once and reused across its retries
  std::optional<std::string> stripe_account;  ///< v1: act as a connected account
  std::optional<std::string> stripe_context;  ///< v2: context such as acct_a/acct_b
  std::optional<std::string> api_version;  ///< Stripe-Version for this call only
  std::optional<std::string> api_key;  ///< a different secret key for this call only; masked like secret_key
  std::optional<std::chrono::milliseconds> timeout;  ///< per attempt; must be positive
  std::optional<int> max_retries;  ///< overrides RetryOptions::max_retries for this call
  /// This call's deadline, from when it starts; the earlier of it and RetryOptions::deadline holds.
  std::optional<std::chrono::milliseconds> deadline;
  std::vector<std::pair<std::string, std::string>> extra_headers;  ///< added to this call's headers; names must be HTTP tokens, values are checked
};

}  // namespace stripe
