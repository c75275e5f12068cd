// The real HTTP path: CurlTransport and the client's retry loop against a loopback server.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include "stripe/client.hpp"
#include "support/loopback_listener.hpp"
#include "support/loopback_server.hpp"

using stripe::http::Method;

namespace {

stripe::Client make_client(const std::string& base_url, int retries = 2,
                           std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_loopback";
  o.base_url = base_url;
  o.retry.max_retries = retries;
  o.timeout = timeout;
  o.sleep = [](std::chrono::milliseconds) {};  // never really sleep in tests
  return stripe::Client(o);  // default transport: CurlTransport
}

// Counts requests per path and hands out scripted statuses in order.
struct Script {
  std::mutex mutex;
  std::vector<std::pair<int, std::string>> steps;  // status, Stripe-Should-Retry ("" for none)
  std::size_t next = 0;
  struct Step {
    int status;
    std::string hint;
    std::size_t number;  // 1-based request number
  };
  Step take() {
    std::lock_guard<std::mutex> lock(mutex);
    std::size_t i = next++;
    auto [status, hint] = i < steps.size() ? steps[i] : std::make_pair(200, std::string());
    return {status, hint, i + 1};
  }
  std::size_t taken() {
    std::lock_guard<std::mutex> lock(mutex);
    return next;
  }
};

// In every test the state a handler uses is declared before the server, so the server (and
// its threads) stop before that state goes away.
void serve_script(test_support::LoopbackServer& s, Script& script) {
  s.server.Post("/v1/accounts", [&](const httplib::Request&, httplib::Response& res) {
    auto step = script.take();
    res.status = step.status;
    if (!step.hint.empty()) res.set_header("Stripe-Should-Retry", step.hint);
    res.set_header("Request-Id", "req_" + std::to_string(step.number));
    res.set_content(step.status == 200 ? R"({"id":"acct_1","object":"account"})"
                                  : R"({"error":{"type":"api_error","message":"scripted"}})",
                    "application/json");
  });
}

}  // namespace

TEST_CASE("loopback: 500 then 200 succeeds on the second attempt") {
  Script script;
  script.steps = {{500, ""}};
  test_support::LoopbackServer s;
  serve_script(s, script);
  s.start();
  auto r = make_client(s.base_url()).raw_request(Method::post, "/v1/accounts", {{"type", "express"}});
  CHECK(r.attempts() == 2);
  CHECK(r.request_id() == "req_2");
  CHECK(r->at("id") == "acct_1");
}

TEST_CASE("loopback: 409 is retried") {
  Script script;
  script.steps = {{409, ""}, {409, ""}};
  test_support::LoopbackServer s;
  serve_script(s, script);
  s.start();
  CHECK(make_client(s.base_url()).raw_request(Method::post, "/v1/accounts").attempts() == 3);
}

TEST_CASE("loopback: 429 is retried only with Stripe-Should-Retry: true") {
  Script script;
  script.steps = {{429, ""}, {429, "true"}};
  test_support::LoopbackServer s;
  serve_script(s, script);
  s.start();
  auto c = make_client(s.base_url());
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v1/accounts"), stripe::RateLimitError);
  CHECK(script.taken() == 1u);
  CHECK(c.raw_request(Method::post, "/v1/accounts").attempts() == 2);
}

TEST_CASE("loopback: 503 with Stripe-Should-Retry: false is not retried") {
  Script script;
  script.steps = {{503, "false"}};
  test_support::LoopbackServer s;
  serve_script(s, script);
  s.start();
  try {
    make_client(s.base_url()).raw_request(Method::post, "/v1/accounts");
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(e.http_status() == 503);
    CHECK(e.attempts() == 1);
    CHECK(e.request_id() == "req_1");
  }
}

TEST_CASE("loopback: a connection dropped after the server committed a POST is retried with the same key, "
          "and the server records one side effect") {
  std::mutex mutex;
  std::map<std::string, int> commits;  // idempotency key -> times the side effect ran
  std::vector<std::string> keys_seen;
  test_support::LoopbackServer s;
  s.server.Post("/v1/accounts", [&](const httplib::Request& req, httplib::Response& res) {
    std::string key = req.get_header_value("Idempotency-Key");
    bool first;
    {
      std::lock_guard<std::mutex> lock(mutex);
      keys_seen.push_back(key);
      first = commits.find(key) == commits.end();
      if (first) commits[key] = 1;  // the side effect, once per key
    }
    if (first) {
      // Committed, then the connection dies before the body is sent.
      res.set_content_provider(64, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
      return;
    }
    res.set_content(R"({"id":"acct_once"})", "application/json");  // replay of the stored result
  });
  s.start();
  auto r = make_client(s.base_url()).raw_request(Method::post, "/v1/accounts", {{"email", "x@y.z"}});
  CHECK(r->at("id") == "acct_once");
  CHECK(r.attempts() == 2);
  s.stop();  // joins the server threads before reading what they recorded
  REQUIRE(keys_seen.size() == 2);
  CHECK(keys_seen[0] == keys_seen[1]);
  CHECK(keys_seen[0] == r.idempotency_key());
  CHECK(commits.size() == 1);
  CHECK(commits.begin()->second == 1);
}

TEST_CASE("loopback: a server that stalls mid-body hits the attempt timeout and the error says so") {
  std::atomic<bool> test_done{false};
  test_support::LoopbackServer s;
  // Declared after the server, so it ends the stall before the server stops.
  struct EndStall {
    std::atomic<bool>& done;
    ~EndStall() { done = true; }
  } end_stall{test_done};
  s.server.Get("/v1/accounts/acct_slow", [&test_done](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(200, "application/json", [&test_done](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset == 0) {
        sink.write(R"({"id":"acct_slow",)", 18);
        return true;
      }
      // Stalls until the test is over (30 s at most), far past the client's 250 ms.
      for (int i = 0; i < 3000 && !test_done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      return false;
    });
  });
  s.start();
  auto c = make_client(s.base_url(), 0, std::chrono::milliseconds(250));
  auto t0 = std::chrono::steady_clock::now();
  try {
    c.raw_request(Method::get, "/v1/accounts/acct_slow");
    FAIL("expected ConnectionError");
  } catch (const stripe::ConnectionError& e) {
    CHECK(std::string(e.what()).find("Timeout") != std::string::npos);
    CHECK(e.attempts() == 1);
  }
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(3000));
}

TEST_CASE("loopback: malformed JSON gives an ApiError with the status") {
  test_support::LoopbackServer s;
  s.server.Get("/v1/accounts/acct_bad", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"id": "acct_bad", "requirements": {)", "application/json");
  });
  s.start();
  try {
    make_client(s.base_url()).raw_request(Method::get, "/v1/accounts/acct_bad");
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(e.http_status() == 200);
    CHECK(std::string(e.what()).find("not valid JSON") != std::string::npos);
  }
}

TEST_CASE("loopback: no server at all is a ConnectionError after the retries") {
  const test_support::RefusingPort closed;
  try {
    make_client("http://127.0.0.1:" + std::to_string(closed.port()), 1).raw_request(Method::get, "/v1/accounts");
    FAIL("expected ConnectionError");
  } catch (const stripe::ConnectionError& e) {
    CHECK(e.attempts() == 2);
  }
}

TEST_CASE("loopback: sequential calls reuse one keep-alive connection") {
  test_support::LoopbackServer s;
  s.server.Get("/v1/accounts/acct_1", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"id":"acct_1"})", "application/json");
  });
  s.start();
  auto c = make_client(s.base_url());
  for (int i = 0; i < 20; ++i) CHECK(c.raw_request(Method::get, "/v1/accounts/acct_1")->at("id") == "acct_1");
  CHECK(s.server.connections.load() == 1);
}

TEST_CASE("loopback: 8 threads share one client", "[concurrency]") {
  std::mutex mutex;
  std::set<std::string> keys;
  int requests = 0;
  test_support::LoopbackServer s;
  s.server.Post("/v1/accounts", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      keys.insert(req.get_header_value("Idempotency-Key"));
      ++requests;
    }
    res.set_content(R"({"id":"acct_t","email":")" + req.get_param_value("email") + "\"}", "application/json");
  });
  s.start();
  auto c = make_client(s.base_url());
  constexpr int threads = 8, per_thread = 25;
  std::atomic<int> ok{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        std::string email = "t" + std::to_string(t) + "_" + std::to_string(i) + "@example.com";
        auto r = c.raw_request(Method::post, "/v1/accounts", {{"email", email}});
        if (r->at("email") == email) ++ok;
      }
    });
  for (auto& th : pool) th.join();
  CHECK(ok.load() == threads * per_thread);
  s.stop();  // joins the server threads before reading what they recorded
  CHECK(requests == threads * per_thread);
  CHECK(keys.size() == static_cast<std::size_t>(threads * per_thread));
  CHECK(s.server.connections.load() <= threads + 2);
}
