// Deadlines hold on a real connection: a server that never answers in time cannot keep a call
// past its deadline by more than a small margin, whatever the per-attempt timeout says.
#include <catch2/catch.hpp>

#include <atomic>

#include "stripe/connect.hpp"
#include "support/fault_server.hpp"

using stripe::http::Method;
using Clock = std::chrono::steady_clock;
using ms = std::chrono::milliseconds;

namespace {

// Answers every request after `stall`, long after the client has given up.
struct StallingServer {
  std::atomic<int> requests{0};
  test_support::FaultServer server;
  explicit StallingServer(ms stall)
      : server([this, stall](const test_support::RawRequest&) {
          ++requests;
          test_support::RawReply r = test_support::RawReply::respond(200, "{}");
          r.action = test_support::RawReply::Action::stall;
          r.stall_for = stall;
          return r;
        }) {
    server.start();
  }
};

stripe::ClientOptions options_for(const std::string& base_url) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_deadline";
  o.base_url = base_url;
  o.timeout = ms(30000);
  o.retry.max_retries = 5;
  return o;
}

}  // namespace

TEST_CASE("a 2 s client deadline ends a call on a stalling server within 2.5 s with a TimeoutError") {
  StallingServer s(ms(3000));
  auto o = options_for(s.server.base_url());
  o.retry.deadline = ms(2000);
  stripe::Client client(o);
  const auto t0 = Clock::now();
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts"), stripe::TimeoutError);
  const auto took = std::chrono::duration_cast<ms>(Clock::now() - t0);
  CHECK(took >= ms(1900));
  CHECK(took < ms(2500));
  CHECK(s.requests == 1);
}

TEST_CASE("a 2 s per-call deadline does the same with the client's defaults") {
  StallingServer s(ms(3000));
  stripe::Client client(options_for(s.server.base_url()));
  stripe::RequestOptions ro;
  ro.deadline = ms(2000);
  const auto t0 = Clock::now();
  try {
    client.raw_request(Method::get, "/v1/accounts", {}, ro);
    FAIL("expected TimeoutError");
  } catch (const stripe::TimeoutError& e) {
    CHECK(e.attempts() == 1);
  }
  CHECK(std::chrono::duration_cast<ms>(Clock::now() - t0) < ms(2500));
}

TEST_CASE("short attempts retry inside the deadline, and the last one is cut to what is left") {
  StallingServer s(ms(1500));
  auto o = options_for(s.server.base_url());
  o.timeout = ms(300);
  o.retry.deadline = ms(2000);
  o.jitter = [] { return 0.0; };  // 500 ms waits
  stripe::Client client(o);
  const auto t0 = Clock::now();
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts"), stripe::TimeoutError);
  const auto took = std::chrono::duration_cast<ms>(Clock::now() - t0);
  // 300 attempt, 500 wait, 300 attempt, 500 wait, 300 attempt (1900 ms); the next wait would pass 2 s.
  CHECK(s.requests == 3);
  CHECK(took < ms(2500));
}

TEST_CASE("a deadline shorter than the next backoff stops retrying at once") {
  std::atomic<int> requests{0};
  test_support::FaultServer server([&](const test_support::RawRequest&) {
    ++requests;
    return test_support::RawReply::respond(500, R"({"error":{"type":"api_error","message":"down"}})");
  });
  server.start();
  auto o = options_for(server.base_url());
  o.retry.deadline = ms(400);  // the first wait is at least 500 ms
  stripe::Client client(o);
  const auto t0 = Clock::now();
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts"), stripe::ApiError);
  CHECK(requests == 1);
  CHECK(std::chrono::duration_cast<ms>(Clock::now() - t0) < ms(400));
}
