#pragma once
// Per-attempt steps of the pipeline: send, observe, decide, wait; bounded by the call's deadline.
// Returns the final response (2xx or not); throws when no usable response came.
#include <algorithm>
#include <chrono>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "stripe/detail/client_state.hpp"
#include "stripe/detail/redact.hpp"
#include "stripe/detail/request_builder.hpp"
#include "stripe/errors.hpp"
#include "stripe/retry.hpp"

namespace stripe::detail {

struct FinalResponse {
  http::Response response;
  int attempts = 0;
};

class RetryLoop {
 public:
  RetryLoop(const ClientState& state, PreparedCall& call) : o_(state.options), call_(call) {}

  FinalResponse run() {
    const auto started = o_.now();
    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (call_.deadline) deadline = started + *call_.deadline;
    const auto attempt_timeout = call_.request.timeout;
    const auto connect_timeout = call_.request.connect_timeout;
    for (int attempt = 1;; ++attempt) {
      if (deadline) {
        const auto left = time_left(*deadline);
        if (left.count() <= 0) throw_deadline(attempt - 1);
        call_.request.timeout = std::min(attempt_timeout, left);
        call_.request.connect_timeout = std::min(connect_timeout, left);
      }
      if (o_.on_attempt) o_.on_attempt(AttemptEvent{call_.request.method, call_.log_path, attempt});
      const auto t0 = o_.now();
      Outcome outcome = attempt_once();
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(o_.now() - t0);
      const bool ok = outcome.response && outcome.response->status >= 200 && outcome.response->status < 300;
      bool retry = !ok && attempt <= call_.max_retries && outcome.kind != http::NoResponseError::Kind::too_large &&
                   retry::should_retry(outcome.response ? &*outcome.response : nullptr);
      std::chrono::milliseconds wait{0};
      if (retry) {
        wait = retry::delay_before_retry(attempt - 1, o_.jitter(), o_.retry);
        if (deadline && o_.now() + wait >= *deadline) retry = false;  // the wait alone would pass it
      }
      if (o_.on_response) {  // the request id is looked up and redacted only for a hook that reads it
        std::string request_id =
            outcome.response ? redact(outcome.response->headers.get("Request-Id").value_or(""), call_.secret) : "";
        o_.on_response(ResponseEvent{call_.request.method, call_.log_path, attempt,
                                     outcome.response ? outcome.response->status : 0, elapsed, std::move(request_id),
                                     retry, outcome.failure});
      }
      if (retry) {
        log(LogLevel::info, std::string("retrying ") + http::method_name(call_.request.method) + " " + call_.log_path +
                                " after " +
                                (outcome.response ? "HTTP " + std::to_string(outcome.response->status) : outcome.failure) +
                                " (attempt " + std::to_string(attempt) + ")");
        o_.sleep(wait);
        continue;
      }
      if (outcome.response) return FinalResponse{std::move(*outcome.response), attempt};
      throw_no_response(outcome, attempt);
    }
  }

 private:
  struct Outcome {
    std::optional<http::Response> response;
    http::NoResponseError::Kind kind = http::NoResponseError::Kind::other;
    std::string failure;  // redacted
    bool transport_bug = false;
  };

  Outcome attempt_once() {
    Outcome out;
    try {
      out.response = o_.transport->send(call_.request);
      if (out.response->body.size() > call_.request.max_response_bytes) {  // a transport that read it all anyway
        out.response.reset();
        out.kind = http::NoResponseError::Kind::too_large;
        out.failure = too_large_message();
      }
    } catch (const http::NoResponseError& e) {
      out.kind = e.kind();
      out.failure = e.kind() == http::NoResponseError::Kind::too_large ? too_large_message() : redact(e.what(), call_.secret);
    } catch (const Error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      out.transport_bug = true;
      out.failure = "the transport threw an unexpected exception: " + redact(e.what(), call_.secret);
    } catch (...) {
      out.transport_bug = true;
      out.failure = "the transport threw an unexpected non-standard exception";
    }
    if (out.transport_bug) call_.max_retries = 0;  // nothing says whether it was sent
    return out;
  }

  std::string too_large_message() const {
    return "the response body exceeded ClientOptions::max_response_bytes (" +
           std::to_string(call_.request.max_response_bytes) + " bytes); reading stopped there";
  }

  std::chrono::milliseconds time_left(std::chrono::steady_clock::time_point deadline) const {
    return std::chrono::ceil<std::chrono::milliseconds>(deadline - o_.now());
  }

  ErrorDetails details(int attempts) const {
    ErrorDetails d;
    d.idempotency_key = call_.idempotency_key;
    d.attempts = attempts;
    return d;
  }

  [[noreturn]] void throw_deadline(int attempts) const {
    ErrorDetails d = details(attempts);
    d.message = "the call's deadline of " + std::to_string(call_.deadline->count()) + " ms passed after " +
                std::to_string(attempts) + " attempt(s)";
    throw TimeoutError(std::move(d));
  }

  [[noreturn]] void throw_no_response(const Outcome& outcome, int attempts) const {
    ErrorDetails d = details(attempts);
    if (outcome.kind == http::NoResponseError::Kind::too_large) {
      d.message = outcome.failure;
      throw ResponseTooLargeError(std::move(d));
    }
    d.message = "no response from Stripe after " + std::to_string(attempts) + " attempt(s) (" +
                std::to_string(attempts - 1) + " retries): " + outcome.failure;
    if (outcome.kind == http::NoResponseError::Kind::timeout && !outcome.transport_bug) {
      if (call_.deadline) d.message += " (the call's deadline is " + std::to_string(call_.deadline->count()) + " ms)";
      throw TimeoutError(std::move(d));
    }
    throw ConnectionError(std::move(d));
  }

  void log(LogLevel level, const std::string& message) const {
    if (o_.logger) o_.logger(level, redact(message, call_.secret));
  }

  const ClientOptions& o_;
  PreparedCall& call_;
};

}  // namespace stripe::detail
