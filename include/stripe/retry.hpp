#pragma once
// When to retry and how long to wait: the matrix and backoff of the official SDKs (wire
// contract, section 3). Pure functions; the loop that uses them is detail/retry_loop.hpp.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <string_view>

#include "stripe/client_options.hpp"
#include "stripe/http/transport.hpp"

namespace stripe::retry {

/// A header value without the optional whitespace HTTP allows around it.
inline std::string_view trim_ows(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

/// Whether a failed attempt may be retried. `response` is null when no response was received.
inline bool should_retry(const http::Response* response) {
  if (!response) return true;
  if (auto hint = response->headers.get("Stripe-Should-Retry")) {
    std::string_view h = trim_ows(*hint);
    if (h == "false") return false;
    if (h == "true") return true;
  }
  if (response->status == 409) return true;
  return response->status >= 500;
}

/// The wait before the next retry, after `retries_done` retries (0 before the first retry):
/// min(initial * 2^(retries_done - 1), max) times a jitter factor 0.5 * (1 + unit_random) for
/// unit_random in [0, 1), floored at initial. With the defaults: 500 ms, then 500 ms to 1 s, ...
inline std::chrono::milliseconds delay_before_retry(int retries_done, double unit_random,
                                                    const RetryOptions& options = {}) {
  const double initial = static_cast<double>(options.initial_delay.count());
  const double max_delay = static_cast<double>(options.max_delay.count());
  double ms = std::min(initial * std::pow(2.0, static_cast<double>(retries_done) - 1.0), max_delay);
  ms *= 0.5 * (1.0 + std::clamp(unit_random, 0.0, 1.0));
  ms = std::max(initial, ms);
  return std::chrono::milliseconds(static_cast<long long>(ms));
}

}  // namespace stripe::retry
