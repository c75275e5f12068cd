#pragma once
// A transport for tests: records every request and answers from a script of responses or
// failures, in order. Thread-safe.
#include <deque>
#include <functional>
#include <mutex>
#include <variant>
#include <vector>

#include "stripe/http/transport.hpp"

namespace stripe::testing {

class RecordingTransport : public http::Transport {
 public:
  using Step = std::variant<http::Response, http::NoResponseError>;

  RecordingTransport& then_respond(int status, std::string body, http::Headers headers = {}) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_.emplace_back(http::Response{status, std::move(headers), std::move(body)});
    return *this;
  }
  RecordingTransport& then_fail(http::NoResponseError::Kind kind = http::NoResponseError::Kind::reset,
                                const std::string& what = "connection reset by peer") {
    std::lock_guard<std::mutex> lock(mutex_);
    script_.emplace_back(http::NoResponseError(kind, what));
    return *this;
  }
  // Answers every request once the script is used up.
  void set_fallback(std::function<http::Response(const http::Request&)> fallback) {
    std::lock_guard<std::mutex> lock(mutex_);
    fallback_ = std::move(fallback);
  }

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

  std::vector<http::Request> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
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
