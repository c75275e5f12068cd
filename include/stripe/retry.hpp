#pragma once
// When to retry and how long to wait: the matrix of the official SDKs (wire contract, section 3).
#include <algorithm>
#include <chrono>
#include <cmath>

#include "stripe/http/transport.hpp"

namespace stripe::retry {

// `response` is null when no response was received at all.
inline bool should_retry(const http::Response* response) {
  if (!response) return true;
  if (auto hint = response->headers.get("Stripe-Should-Retry")) {
    if (*hint == "false") return false;
    if (*hint == "true") return true;
  }
  if (response->status == 409) return true;
  return response->status >= 500;
}

// Delay before retry number `retry` (1 for the first retry): min(0.5 * 2^(retry-1), 5) seconds,
// times a jitter factor in [0.5, 1.0] derived from `unit_random` in [0, 1), floored at 0.5 s.
inline std::chrono::milliseconds backoff_delay(int retry, double unit_random) {
  constexpr double initial = 0.5, max_delay = 5.0;
  double seconds = std::min(initial * std::pow(2.0, std::max(retry, 1) - 1), max_delay);
  seconds *= 0.5 * (1.0 + std::clamp(unit_random, 0.0, 1.0));
  seconds = std::max(initial, seconds);
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

}  // namespace stripe::retry
