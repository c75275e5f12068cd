// Deadlines hold on a real connection: a server that never answers in time cannot keep a call
// past its deadline by more than a small margin, whatever the per-attempt timeout says.
#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

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

// The servers stall for 30 s (cut short when the test ends), far past every bound below; the
// bounds leave a second for the machine, which CI loads with sanitizers and parallel tests.
constexpr ms kStall{30000};

TEST_CASE("a 2 s client deadline ends a call on a stalling server within 3 s with a TimeoutError") {
  StallingServer s(kStall);
  auto o = options_for(s.server.base_url());
  o.retry.deadline = ms(2000);
  stripe::Client client(o);
  const auto t0 = Clock::now();
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts"), stripe::TimeoutError);
  const auto took = std::chrono::duration_cast<ms>(Clock::now() - t0);
  CHECK(took >= ms(1900));
  CHECK(took < ms(3000));
  CHECK(s.requests == 1);
}

TEST_CASE("a 2 s per-call deadline does the same with the client's defaults") {
  StallingServer s(kStall);
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
  CHECK(std::chrono::duration_cast<ms>(Clock::now() - t0) < ms(3000));
}

TEST_CASE("short attempts retry inside the deadline, and the last one is cut to what is left") {
  StallingServer s(kStall);
  auto o = options_for(s.server.base_url());
  o.timeout = ms(2000);
  o.retry.deadline = ms(6000);
  o.jitter = [] { return 0.0; };  // 500 ms waits
  std::vector<ms> attempt_times;
  o.on_response = [&](const stripe::ResponseEvent& e) { attempt_times.push_back(e.duration); };
  stripe::Client client(o);
  const auto t0 = Clock::now();
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts"), stripe::TimeoutError);
  const auto took = std::chrono::duration_cast<ms>(Clock::now() - t0);
  // 2000 attempt, 500 wait, 2000 attempt, 500 wait, then 1000 ms are left: the third attempt
  // gets those, not its 2000, and the wait after it would pass the deadline.
  CHECK(s.requests == 3);
  REQUIRE(attempt_times.size() == 3);
  CHECK(attempt_times[0] >= ms(1900));
  CHECK(attempt_times[2] < ms(1900));
  CHECK(took >= ms(5900));
  CHECK(took < ms(7000));
}

TEST_CASE("a deadline shorter than the next backoff stops retrying at once") {
  std::atomic<int> requests{0};
  test_support::FaultServer server([&](const test_support::RawRequest&) {
    ++requests;
    return test_support::RawReply::respond(500, R"({"error":{"type":"api_error","message":"down"}})");
  });
  server.start();
  auto o = options_for(server.base_url());
  o.retry.initial_delay = ms(5000);
  o.retry.deadline = ms(4000);  // the first wait is at least 5 s
  int sleeps = 0;
  o.sleep = [&](ms) { ++sleeps; };
  stripe::Client client(o);
  const auto t0 = Clock::now();
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts"), stripe::ApiError);
  CHECK(requests == 1);
  CHECK(sleeps == 0);
  CHECK(std::chrono::duration_cast<ms>(Clock::now() - t0) < ms(4000));
}
