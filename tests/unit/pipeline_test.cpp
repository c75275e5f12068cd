// The request pipeline through the public API: deadlines, retry hints, shared client state,
// pagers that own their client, one decode path with request context, transport contract.
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

#include "stripe/connect.hpp"
#include "stripe/testing/recording_transport.hpp"
#include "stripe/webhook.hpp"

using stripe::http::Method;
using stripe::testing::RecordingTransport;
using ms = std::chrono::milliseconds;

namespace {

const char* kKey = "sk_test_51PipelineKeyThatMustNeverLeak";

stripe::http::Headers request_id(const std::string& id) {
  stripe::http::Headers h;
  h.add("Request-Id", id);
  return h;
}

// A client on a recording transport with a fake clock that only moves when the client sleeps or
// the transport says an attempt took time.
struct Harness {
  std::shared_ptr<RecordingTransport> transport = std::make_shared<RecordingTransport>();
  std::shared_ptr<std::chrono::steady_clock::time_point> now = std::make_shared<std::chrono::steady_clock::time_point>();
  std::vector<ms> sleeps;

  stripe::ClientOptions options() {
    stripe::ClientOptions o;
    o.secret_key = kKey;
    o.transport = transport;
    o.now = [n = now] { return *n; };
    o.sleep = [this](ms d) {
      sleeps.push_back(d);
      *now += d;
    };
    o.jitter = [] { return 0.999; };
    return o;
  }

  // Options on a transport that stalls every attempt until its timeout.
  stripe::ClientOptions stalling_options(std::shared_ptr<class StallingTransport>& stalling, ms attempt_timeout);
};

// A transport whose every attempt stalls until its own timeout, as a dead server would.
class StallingTransport : public stripe::http::Transport {
 public:
  explicit StallingTransport(std::shared_ptr<std::chrono::steady_clock::time_point> now) : now_(std::move(now)) {}
  stripe::http::Response send(const stripe::http::Request& r) override {
    timeouts.push_back(r.timeout);
    *now_ += r.timeout;
    throw stripe::http::NoResponseError(stripe::http::NoResponseError::Kind::timeout, "Timeout was reached");
  }
  std::vector<ms> timeouts;

 private:
  std::shared_ptr<std::chrono::steady_clock::time_point> now_;
};

stripe::ClientOptions Harness::stalling_options(std::shared_ptr<StallingTransport>& stalling, ms attempt_timeout) {
  stalling = std::make_shared<StallingTransport>(now);
  auto o = options();
  o.transport = stalling;
  o.timeout = attempt_timeout;
  o.retry.max_retries = 5;
  return o;
}

}  // namespace

TEST_CASE("each attempt's timeout is cut to the time left before the deadline; the call ends at it") {
  Harness h;
  std::shared_ptr<StallingTransport> stalling;
  auto o = h.stalling_options(stalling, ms(30000));
  o.retry.deadline = ms(2000);
  stripe::Client client(o);
  const auto start = *h.now;
  try {
    client.raw_request(Method::post, "/v1/accounts");
    FAIL("expected TimeoutError");
  } catch (const stripe::TimeoutError& e) {
    CHECK(e.attempts() == 1);
    CHECK(std::string(e.what()).find("deadline is 2000 ms") != std::string::npos);
    CHECK_FALSE(e.idempotency_key().empty());
  }
  REQUIRE(stalling->timeouts.size() == 1);
  CHECK(stalling->timeouts[0] == ms(2000));  // not the 30 s attempt timeout
  CHECK(*h.now - start == ms(2000));         // no wait: the next backoff would pass the deadline
  CHECK(h.sleeps.empty());
}

TEST_CASE("a per-call deadline bounds the call; the earlier of the two deadlines holds") {
  Harness h;
  std::shared_ptr<StallingTransport> stalling;
  auto o = h.stalling_options(stalling, ms(80000));
  o.retry.deadline = ms(60000);
  stripe::Client client(o);
  stripe::RequestOptions ro;
  ro.deadline = ms(1700);
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts", {}, ro), stripe::TimeoutError);
  // The first attempt had all 1700 ms and used them; nothing is left for a retry.
  REQUIRE(stalling->timeouts.size() == 1);
  CHECK(stalling->timeouts[0] == ms(1700));

  // With room for retries, every attempt gets only what is left.
  Harness g;
  std::shared_ptr<StallingTransport> slow;
  stripe::Client c2(g.stalling_options(slow, ms(400)));
  stripe::RequestOptions ro2;
  ro2.deadline = ms(2000);
  CHECK_THROWS_AS(c2.raw_request(Method::get, "/v1/accounts", {}, ro2), stripe::TimeoutError);
  // 0-400 attempt, wait 500, 900-1300 attempt, wait 500, 1800-2000 attempt cut to 200 ms.
  CHECK(slow->timeouts == std::vector<ms>{ms(400), ms(400), ms(200)});
  CHECK(g.sleeps == std::vector<ms>{ms(500), ms(500)});
}

TEST_CASE("a deadline shorter than the next backoff stops retrying and reports the last answer") {
  Harness h;
  for (int i = 0; i < 3; ++i) h.transport->then_respond(500, R"({"error":{"type":"api_error","message":"down"}})");
  auto o = h.options();
  o.retry.max_retries = 2;
  stripe::Client client(o);
  stripe::RequestOptions ro;
  ro.deadline = ms(300);
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts", {}, ro), stripe::ApiError);
  CHECK(h.transport->request_count() == 1);
  CHECK(h.sleeps.empty());
}

TEST_CASE("Stripe-Should-Retry is read without the whitespace HTTP allows around a value") {
  Harness h;
  stripe::http::Headers no;
  no.add("Stripe-Should-Retry", " false\t");
  stripe::http::Headers yes;
  yes.add("Stripe-Should-Retry", "\ttrue ");
  h.transport->then_respond(500, "{}", no);
  h.transport->then_respond(429, "{}", yes).then_respond(200, "{}");
  stripe::Client client(h.options());
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts"), stripe::ApiError);
  CHECK(h.transport->request_count() == 1);  // a 500 with "false" is final
  auto r = client.raw_request(Method::post, "/v1/accounts");
  CHECK(r.attempts() == 2);  // a 429 with "true" is retried
}

TEST_CASE("copies of a client share one state; services and pagers keep it alive") {
  Harness h;
  stripe::Client a(h.options());
  stripe::Client b = a;
  CHECK(&a.options() == &b.options());

  h.transport->then_respond(200, R"({"object":"list","data":[{"id":"acct_1","object":"account"}],"has_more":true})")
      .then_respond(200, R"({"object":"list","data":[{"id":"acct_2","object":"account"}],"has_more":false})");
  // The Client and the services are temporaries: the pager alone keeps what it needs.
  auto pager = stripe::Client(h.options()).v1().accounts().list_all();
  std::vector<std::string> ids;
  for (const auto& account : pager) ids.push_back(account.id);
  CHECK(ids == std::vector<std::string>{"acct_1", "acct_2"});
  CHECK(pager.pages_fetched() == 2);
}

TEST_CASE("a pager is move-only and a moved-from pager is empty") {
  static_assert(!std::is_copy_constructible_v<stripe::AutoPager<stripe::v1::Account>>);
  static_assert(std::is_nothrow_move_constructible_v<stripe::AutoPager<stripe::v1::Account>>);
  Harness h;
  h.transport->then_respond(200, R"({"data":[{"id":"acct_9","object":"account"}],"next_page_url":null})");
  stripe::Client client(h.options());
  auto first = client.v2().core().accounts().list_all();
  auto second = std::move(first);
  CHECK(first.begin() == first.end());  // NOLINT(bugprone-use-after-move): the documented state
  CHECK(first.pages_fetched() == 0);
  std::vector<std::string> ids;
  for (const auto& account : second) ids.push_back(account.id);
  CHECK(ids == std::vector<std::string>{"acct_9"});
  CHECK(h.transport->request_count() == 1);
}

TEST_CASE("a failed page leaves the cursor in place: iterating again retries that page") {
  Harness h;
  auto o = h.options();
  o.retry.max_retries = 0;
  h.transport->then_respond(200, R"({"object":"list","data":[{"id":"acct_1","object":"account"}],"has_more":true})")
      .then_respond(500, R"({"error":{"type":"api_error"}})")
      .then_respond(200, R"({"object":"list","data":[{"id":"acct_2","object":"account"}],"has_more":false})");
  stripe::Client client(o);
  auto pager = client.v1().accounts().list_all();
  auto it = pager.begin();
  CHECK(it->id == "acct_1");
  CHECK_THROWS_AS(++it, stripe::ApiError);
  ++it;
  REQUIRE(it != pager.end());
  CHECK(it->id == "acct_2");
  auto reqs = h.transport->requests();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[1].url == reqs[2].url);
  CHECK(reqs[2].url.find("starting_after=acct_1") != std::string::npos);
}

TEST_CASE("a DecodeError from every typed path carries request id, status, key and attempts") {
  const char* bad_account = R"({"id":"acct_1","object":"account","charges_enabled":"yes"})";
  auto check = [](const stripe::DecodeError& e, int status, const std::string& rid, int attempts) {
    CHECK(e.http_status() == status);
    CHECK(e.request_id() == rid);
    CHECK(e.attempts() == attempts);
    CHECK(std::string(e.what()).find("charges_enabled") != std::string::npos);
  };
  SECTION("a typed call, retried once") {
    Harness h;
    h.transport->then_respond(503, "{}").then_respond(200, bad_account, request_id("req_typed"));
    stripe::Client client(h.options());
    try {
      client.v1().accounts().create();
      FAIL("expected DecodeError");
    } catch (const stripe::DecodeError& e) {
      check(e, 200, "req_typed", 2);
      CHECK_FALSE(e.idempotency_key().empty());
    }
  }
  SECTION("a v1 list page") {
    Harness h;
    h.transport->then_respond(200, std::string(R"({"object":"list","has_more":false,"data":[)") + bad_account + "]}",
                              request_id("req_v1_page"));
    stripe::Client client(h.options());
    auto pager = client.v1().accounts().list_all();
    try {
      (void)pager.begin();
      FAIL("expected DecodeError");
    } catch (const stripe::DecodeError& e) {
      check(e, 200, "req_v1_page", 1);
    }
  }
  SECTION("a v2 list page") {
    Harness h;
    h.transport->then_respond(200, R"({"data":[{"id":"acct_1","object":"v2.core.account","livemode":"no"}],"next_page_url":null})",
                              request_id("req_v2_page"));
    stripe::Client client(h.options());
    auto pager = client.v2().core().accounts().list_all();
    try {
      (void)pager.begin();
      FAIL("expected DecodeError");
    } catch (const stripe::DecodeError& e) {
      CHECK(e.http_status() == 200);
      CHECK(e.request_id() == "req_v2_page");
      CHECK(e.attempts() == 1);
    }
  }
  SECTION("a v2 event's related account") {
    Harness h;
    h.transport->then_respond(200, R"({"id":"acct_1","object":"v2.core.account","livemode":"no"})",
                              request_id("req_related"));
    stripe::Client client(h.options());
    auto n = stripe::webhook::parse_event_notification(
        R"({"id":"evt_1","object":"v2.core.event","type":"v2.core.account[requirements].updated",)"
        R"("related_object":{"id":"acct_1","type":"v2.core.account","url":"/v2/core/accounts/acct_1"}})");
    try {
      stripe::webhook::fetch_related_account(client, n, {"requirements"});
      FAIL("expected DecodeError");
    } catch (const stripe::DecodeError& e) {
      CHECK(e.request_id() == "req_related");
      CHECK(e.http_status() == 200);
      CHECK(e.attempts() == 1);
    }
  }
}

TEST_CASE("transport exceptions: NoResponseError is retried, stripe::Error and bad_alloc pass, others are wrapped once") {
  struct Throwing : stripe::http::Transport {
    int mode = 0;
    int calls = 0;
    stripe::http::Response send(const stripe::http::Request&) override {
      ++calls;
      if (mode == 0) throw std::runtime_error("socket layer exploded near sk_test_51PipelineKeyThatMustNeverLeak");
      if (mode == 1) throw std::bad_alloc();
      if (mode == 2) throw stripe::InvalidRequestError(stripe::ErrorDetails{});
      throw 42;
    }
  };
  auto t = std::make_shared<Throwing>();
  Harness h;
  auto o = h.options();
  o.transport = t;
  stripe::Client client(o);
  try {
    client.raw_request(Method::post, "/v1/accounts");
    FAIL("expected ConnectionError");
  } catch (const stripe::ConnectionError& e) {
    CHECK(t->calls == 1);  // never retried: nothing says whether it was sent
    CHECK(std::string(e.what()).find("unexpected exception: socket layer exploded") != std::string::npos);
    CHECK(std::string(e.what()).find(kKey) == std::string::npos);
  }
  t->mode = 1;
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts"), std::bad_alloc);
  t->mode = 2;
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts"), stripe::InvalidRequestError);
  t->mode = 3;
  t->calls = 0;
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts"), stripe::ConnectionError);
  CHECK(t->calls == 1);
}

TEST_CASE("a body over max_response_bytes is a ResponseTooLargeError, never retried") {
  Harness h;
  h.transport->then_respond(200, std::string(2048, ' ') + "{}").then_respond(200, "{}");
  auto o = h.options();
  o.max_response_bytes = 1024;
  stripe::Client client(o);
  try {
    client.raw_request(Method::get, "/v1/accounts");
    FAIL("expected ResponseTooLargeError");
  } catch (const stripe::ResponseTooLargeError& e) {
    CHECK(e.attempts() == 1);
    CHECK(std::string(e.what()).find("max_response_bytes (1024 bytes)") != std::string::npos);
  }
  CHECK(h.transport->request_count() == 1);
  CHECK(h.transport->requests()[0].max_response_bytes == 1024u);

  Harness g;
  g.transport->then_fail(stripe::http::NoResponseError::Kind::too_large, "body over the limit");
  stripe::Client c2(g.options());
  CHECK_THROWS_AS(c2.raw_request(Method::post, "/v1/accounts"), stripe::ResponseTooLargeError);
  CHECK(g.transport->request_count() == 1);
}

TEST_CASE("non-positive timeouts, delays and deadlines are refused when configured, naming the option") {
  auto refused = [](const std::function<void(stripe::ClientOptions&)>& change, const std::string& option) {
    Harness h;
    auto o = h.options();
    change(o);
    try {
      stripe::Client c(o);
      FAIL("expected ConfigurationError for " + option);
    } catch (const stripe::ConfigurationError& e) {
      CHECK(e.param() == option);
      CHECK(std::string(e.what()).find("must be positive") != std::string::npos);
    }
  };
  refused([](auto& o) { o.timeout = ms(0); }, "ClientOptions::timeout");
  refused([](auto& o) { o.timeout = ms(-5); }, "ClientOptions::timeout");
  refused([](auto& o) { o.connect_timeout = ms(0); }, "ClientOptions::connect_timeout");
  refused([](auto& o) { o.retry.deadline = ms(0); }, "RetryOptions::deadline");
  refused([](auto& o) { o.retry.initial_delay = ms(-1); }, "RetryOptions::initial_delay");

  Harness h;
  stripe::Client client(h.options());
  for (auto bad : {ms(0), ms(-1)}) {
    stripe::RequestOptions ro;
    ro.timeout = bad;
    CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts", {}, ro), stripe::InvalidParamsError);
    stripe::RequestOptions rd;
    rd.deadline = bad;
    CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts", {}, rd), stripe::InvalidParamsError);
  }
  CHECK(h.transport->request_count() == 0);
}

TEST_CASE("the default transport is the registered one; without one, building a client says what to do") {
  // This binary does not link stripe_connect::curl and includes no transport header.
  stripe::ClientOptions o;
  o.secret_key = kKey;
  try {
    stripe::Client c(o);
    FAIL("expected ConfigurationError");
  } catch (const stripe::ConfigurationError& e) {
    CHECK(std::string(e.what()).find("link stripe_connect::curl") != std::string::npos);
  }
  auto t = std::make_shared<RecordingTransport>();
  t->then_respond(200, "{}");
  stripe::http::set_default_transport("recording", [] { return std::shared_ptr<stripe::http::Transport>(); });
  CHECK_THROWS_AS(stripe::Client(o), stripe::ConfigurationError);  // a factory that makes nothing
  stripe::http::set_default_transport("", nullptr);
}
