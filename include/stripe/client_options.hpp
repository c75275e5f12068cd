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
  std::string name;
  std::string version;
  std::string url;
  std::string partner_id;
};

/// Severity of a message passed to ClientOptions::logger.
enum class LogLevel { debug, info, warning, error };

/// Seen before every attempt. Carries no secret key, no body and no query string.
struct AttemptEvent {
  http::Method method;
  std::string path;
  int attempt;
};

/// Seen after every attempt, answered or not.
struct ResponseEvent {
  http::Method method;
  std::string path;
  int attempt;
  int status;  ///< 0 when no response was received
  std::chrono::milliseconds duration;
  std::string request_id;
  bool will_retry;
  std::string failure;  ///< why no response was received, if so (secrets redacted)
};

/// How the client retries (wire contract, section 3). The delay before retry n+1, after n
/// retries, is min(initial_delay * 2^(n-1), max_delay) times a jitter factor in [0.5, 1],
/// floored at initial_delay.
struct RetryOptions {
  int max_retries = 2;  ///< 0: exactly one attempt
  std::chrono::milliseconds initial_delay{500};
  std::chrono::milliseconds max_delay{5000};
  /// Bounds the whole call, every attempt and wait included; each attempt's timeout is cut to
  /// the time left. Unset: only the per-attempt timeout applies.
  std::optional<std::chrono::milliseconds> deadline;
};

/// A Client's configuration, fixed when the Client is built.
struct ClientOptions {
  std::string secret_key;
  std::string api_version = pinned_api_version;
  std::string base_url = "https://api.stripe.com";
  RetryOptions retry;
  std::chrono::milliseconds timeout{80000};  ///< one attempt, body included; must be positive
  std::chrono::milliseconds connect_timeout{30000};
  std::size_t max_response_bytes = 16u * 1024u * 1024u;  ///< larger bodies are a ResponseTooLargeError
  std::optional<AppInfo> app_info;
  /// Default: the libcurl transport when the program links stripe_connect::curl (see
  /// stripe/http/default_transport.hpp); otherwise it must be set.
  std::shared_ptr<http::Transport> transport;

  // Hooks and seams. All are optional; defaults are the real clock, sleep and randomness.
  // Hooks may be called from several threads at once (one per concurrent call) and must not throw.
  std::function<void(const AttemptEvent&)> on_attempt;
  std::function<void(const ResponseEvent&)> on_response;
  std::function<void(LogLevel, const std::string&)> logger;
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<double()> jitter;  ///< uniform in [0, 1)
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<std::string()> idempotency_key_generator;
};

/// Options for one call. Anything set here wins over the client's options.
struct RequestOptions {
  std::optional<std::string> idempotency_key;
  std::optional<std::string> stripe_account;  ///< v1: act as a connected account
  std::optional<std::string> stripe_context;  ///< v2: context such as acct_a/acct_b
  std::optional<std::string> api_version;
  std::optional<std::string> api_key;
  std::optional<std::chrono::milliseconds> timeout;  ///< per attempt; must be positive
  std::optional<int> max_retries;
  /// This call's deadline, from when it starts; the earlier of it and RetryOptions::deadline holds.
  std::optional<std::chrono::milliseconds> deadline;
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

}  // namespace stripe
