#pragma once
/// \file
/// A transport for tests of code that calls Stripe: no network, no simulator, no OpenSSL.
#include <deque>
#include <functional>
#include <mutex>
#include <variant>
#include <vector>

#include "stripe/http/transport.hpp"

namespace stripe::testing {

/// Records every request and answers from a script of responses or failures, in order, so a
/// test states exactly what the API says and then checks what was sent. Thread-safe.
class RecordingTransport : public http::Transport {
 public:
  /// One scripted answer: a response, or a failure to get one.
  using Step = std::variant<http::Response, http::NoResponseError>;

  /// Queues a response (any status). Returns *this to chain a script.
  RecordingTransport& then_respond(int status, std::string body, http::Headers headers = {}) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_.emplace_back(http::Response{status, std::move(headers), std::move(body)});
    return *this;
  }
  /// Queues a failure without a response, to exercise retries.
  RecordingTransport& then_fail(http::NoResponseError::Kind kind = http::NoResponseError::Kind::reset,
                                const std::string& what = "connection reset by peer") {
    std::lock_guard<std::mutex> lock(mutex_);
    script_.emplace_back(http::NoResponseError(kind, what));
    return *this;
  }
  /// Answers every request once the script is used up; without one, an exhausted script fails
  /// the request, so an unexpected extra call shows.
  void set_fallback(std::function<http::Response(const http::Request&)> fallback) {
    std::lock_guard<std::mutex> lock(mutex_);
    fallback_ = std::move(fallback);
  }

  /// Records the request, then plays the next step of the script.
  http::Response send(const http::Request& request) override {
    std::unique_lock<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (script_.empty()) {
      if (!fallback_) throw http::NoResponseError(http::NoResponseError::Kind::other, "RecordingTransport: script exhausted");
      auto fallback = fallback_;
      lock.unlock();
      return fallback(request);
    }
    Step step = std::move(script_.front());
    script_.pop_front();
    if (auto* failure = std::get_if<http::NoResponseError>(&step)) throw *failure;
    return std::get<http::Response>(std::move(step));
  }

  /// Every request sent so far, in order: what a test asserts on.
  std::vector<http::Request> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  /// How many requests were sent, e.g. to prove a refusal sent nothing.
  std::size_t request_count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<Step> script_;
  std::vector<http::Request> requests_;
  std::function<http::Response(const http::Request&)> fallback_;
};

}  // namespace stripe::testing
