#include <catch2/catch.hpp>

#include <regex>

#include "stripe/client.hpp"
#include "stripe/testing/recording_transport.hpp"

using stripe::http::Method;
using stripe::testing::RecordingTransport;

namespace {

const char* kKey = "sk_test_51SecretValueThatMustNeverLeak";

struct Fixture {
  std::shared_ptr<RecordingTransport> transport = std::make_shared<RecordingTransport>();
  std::vector<std::chrono::milliseconds> sleeps;
  std::vector<std::string> logs;
  double jitter = 0.0;

  stripe::Client client(int retries = 2) {
    stripe::ClientOptions o;
    o.secret_key = kKey;
    o.transport = transport;
    o.retry.max_retries = retries;
    o.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
    o.jitter = [this] { return jitter; };
    o.logger = [this](stripe::LogLevel, const std::string& m) { logs.push_back(m); };
    return stripe::Client(o);
  }
};

stripe::http::Headers hdr(std::initializer_list<std::pair<std::string, std::string>> l) {
  stripe::http::Headers h;
  for (auto& [k, v] : l) h.add(k, v);
  return h;
}

std::string error_body(const std::string& type, const std::string& code = "", const std::string& message = "boom") {
  nlohmann::json e = {{"type", type}, {"message", message}};
  if (!code.empty()) e["code"] = code;
  return nlohmann::json{{"error", e}}.dump();
}

}  // namespace

TEST_CASE("a v1 POST carries auth, version, form content type, user agents and a UUID v4 idempotency key") {
  Fixture f;
  f.transport->then_respond(200, R"({"id":"acct_1"})", hdr({{"Request-Id", "req_1"}}));
  auto c = f.client();
  auto r = c.raw_request(Method::post, "/v1/accounts", {{"type", "express"}, {"country", "US"}});
  auto req = f.transport->requests().at(0);
  CHECK(req.url == "https://api.stripe.com/v1/accounts");
  CHECK(req.body == "type=express&country=US");
  CHECK(req.headers.get("Authorization") == std::string("Bearer ") + kKey);
  CHECK(req.headers.get("Stripe-Version") == std::string("2026-10-28.endive"));
  CHECK(req.headers.get("Content-Type") == std::string("application/x-www-form-urlencoded"));
  CHECK(req.headers.get("User-Agent")->rfind("Stripe/v1 CppBindings/", 0) == 0);
  auto ua = nlohmann::json::parse(*req.headers.get("X-Stripe-Client-User-Agent"));
  CHECK(ua.at("lang") == "cpp");
  CHECK(ua.at("bindings_version") == stripe::sdk_version);
  auto key = *req.headers.get("Idempotency-Key");
  CHECK(std::regex_match(key, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(r.idempotency_key() == key);
  CHECK(r.request_id() == "req_1");
  CHECK(r.attempts() == 1);
  CHECK(r->at("id") == "acct_1");
}

TEST_CASE("GET carries no idempotency key and bracket-encodes params into the query") {
  Fixture f;
  f.transport->then_respond(200, "{}").then_respond(200, "{}");
  auto c = f.client();
  c.raw_request(Method::get, "/v1/accounts/acct_1", {{"expand", {"capabilities"}}});
  c.raw_request(Method::get, "/v2/core/accounts/acct_1", {{"include", {"requirements", "identity"}}});
  auto reqs = f.transport->requests();
  CHECK(reqs[0].url == "https://api.stripe.com/v1/accounts/acct_1?expand[0]=capabilities");
  CHECK(reqs[1].url == "https://api.stripe.com/v2/core/accounts/acct_1?include[0]=requirements&include[1]=identity");
  CHECK_FALSE(reqs[0].headers.contains("Idempotency-Key"));
  CHECK_FALSE(reqs[1].headers.contains("Idempotency-Key"));
  CHECK_FALSE(reqs[0].headers.contains("Content-Type"));
}

TEST_CASE("v2 POST sends JSON; v2 DELETE gets a key, v1 DELETE does not") {
  Fixture f;
  for (int i = 0; i < 3; ++i) f.transport->then_respond(200, "{}");
  auto c = f.client();
  c.raw_request(Method::post, "/v2/core/accounts", {{"display_name", "Jo"}, {"metadata", {{"k", nullptr}}}});
  c.raw_request(Method::del, "/v2/core/things/x");
  c.raw_request(Method::del, "/v1/accounts/acct_1");
  auto reqs = f.transport->requests();
  CHECK(reqs[0].body == R"({"display_name":"Jo","metadata":{"k":null}})");
  CHECK(reqs[0].headers.get("Content-Type") == std::string("application/json"));
  CHECK(reqs[1].headers.contains("Idempotency-Key"));
  CHECK_FALSE(reqs[2].headers.contains("Idempotency-Key"));
}

TEST_CASE("keys are unique per call and the caller's key wins") {
  Fixture f;
  for (int i = 0; i < 3; ++i) f.transport->then_respond(200, "{}");
  auto c = f.client();
  stripe::RequestOptions ro;
  ro.idempotency_key = "order-42";
  auto a = c.raw_request(Method::post, "/v1/accounts");
  auto b = c.raw_request(Method::post, "/v1/accounts");
  auto mine = c.raw_request(Method::post, "/v1/accounts", {}, ro);
  CHECK(a.idempotency_key() != b.idempotency_key());
  CHECK(mine.idempotency_key() == "order-42");
  CHECK(f.transport->requests()[2].headers.get("Idempotency-Key") == std::string("order-42"));
}

TEST_CASE("invalid request options are refused before anything is sent") {
  Fixture f;
  auto c = f.client();
  stripe::RequestOptions both;
  both.stripe_account = "acct_1";
  both.stripe_context = "acct_1";
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v1/accounts", {}, both), stripe::InvalidParamsError);
  stripe::RequestOptions empty_key;
  empty_key.idempotency_key = "";
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v1/accounts", {}, empty_key), stripe::InvalidParamsError);
  stripe::RequestOptions long_key;
  long_key.idempotency_key = std::string(256, 'k');
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v1/accounts", {}, long_key), stripe::InvalidParamsError);
  long_key.idempotency_key = std::string(255, 'k');
  f.transport->then_respond(200, "{}");
  CHECK(c.raw_request(Method::post, "/v1/accounts", {}, long_key).idempotency_key().size() == 255);
  CHECK(f.transport->request_count() == 1);
}

TEST_CASE("per-request options set headers and win over the client's") {
  Fixture f;
  f.transport->then_respond(200, "{}").then_respond(200, "{}");
  auto c = f.client();
  stripe::RequestOptions ro;
  ro.stripe_account = "acct_9";
  ro.api_version = "2026-03-25.preview";
  c.raw_request(Method::get, "/v1/accounts/acct_9", {}, ro);
  stripe::RequestOptions ctx;
  ctx.stripe_context = "acct_a/acct_b";
  c.raw_request(Method::get, "/v2/core/accounts/acct_b", {}, ctx);
  auto reqs = f.transport->requests();
  CHECK(reqs[0].headers.get("Stripe-Account") == std::string("acct_9"));
  CHECK(reqs[0].headers.get("Stripe-Version") == std::string("2026-03-25.preview"));
  CHECK(reqs[1].headers.get("Stripe-Context") == std::string("acct_a/acct_b"));
  CHECK_FALSE(reqs[1].headers.contains("Stripe-Account"));
}

TEST_CASE("500 then 200 retries once with a byte-identical request") {
  Fixture f;
  f.transport->then_respond(500, error_body("api_error")).then_respond(200, R"({"ok":true})");
  auto c = f.client();
  auto r = c.raw_request(Method::post, "/v1/accounts", {{"email", "a@b.co"}});
  CHECK(r.attempts() == 2);
  auto reqs = f.transport->requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].body == reqs[1].body);
  CHECK(reqs[0].url == reqs[1].url);
  CHECK(reqs[0].headers.entries == reqs[1].headers.entries);
  CHECK(f.sleeps.size() == 1);
}

TEST_CASE("the retry matrix of the wire contract") {
  struct Row {
    int status;
    const char* should_retry;
    bool retried;
  };
  const Row rows[] = {{409, nullptr, true},  {500, nullptr, true},  {502, nullptr, true},  {429, nullptr, false},
                      {429, "true", true},   {503, "false", false}, {400, "true", true},   {400, nullptr, false},
                      {404, nullptr, false}, {401, nullptr, false}, {500, "false", false}, {200, nullptr, false}};
  for (const auto& row : rows) {
    CAPTURE(row.status, row.should_retry ? row.should_retry : "-");
    Fixture f;
    stripe::http::Headers h;
    if (row.should_retry) h.add("Stripe-Should-Retry", row.should_retry);
    f.transport->then_respond(row.status, row.status == 200 ? "{}" : error_body("api_error"), h);
    f.transport->then_respond(200, "{}");
    auto c = f.client(1);
    try {
      c.raw_request(Method::post, "/v1/accounts");
    } catch (const stripe::Error&) {
    }
    CHECK(f.transport->request_count() == (row.retried ? 2u : 1u));
  }
}

TEST_CASE("no response is retried; max_retries = 0 means exactly one attempt") {
  Fixture f;
  f.transport->then_fail().then_respond(200, "{}");
  auto r = f.client().raw_request(Method::post, "/v1/accounts");
  CHECK(r.attempts() == 2);

  Fixture g;
  g.transport->then_fail().then_respond(200, "{}");
  try {
    g.client(0).raw_request(Method::post, "/v1/accounts");
    FAIL("expected ConnectionError");
  } catch (const stripe::ConnectionError& e) {
    CHECK(e.attempts() == 1);
    CHECK(e.http_status() == 0);
    CHECK_FALSE(e.idempotency_key().empty());
  }
  CHECK(g.transport->request_count() == 1);
}

TEST_CASE("exhausted retries raise ConnectionError saying how many were made, same key each time") {
  Fixture f;
  f.transport->then_fail(stripe::http::NoResponseError::Kind::timeout, "Timeout was reached")
      .then_fail()
      .then_fail();
  try {
    f.client(2).raw_request(Method::post, "/v1/account_links", {{"account", "acct_1"}});
    FAIL("expected ConnectionError");
  } catch (const stripe::ConnectionError& e) {
    CHECK(e.attempts() == 3);
    CHECK(std::string(e.what()).find("2 retries") != std::string::npos);
  }
  auto reqs = f.transport->requests();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].headers.get("Idempotency-Key") == reqs[2].headers.get("Idempotency-Key"));
}

TEST_CASE("backoff follows the contract: n retries done, min(0.5 * 2^(n-1), 5) s, jittered, floored at 0.5 s") {
  using ms = std::chrono::milliseconds;
  using stripe::retry::delay_before_retry;
  CHECK(delay_before_retry(0, 0.999) == ms(500));  // 0.25 s floored
  CHECK(delay_before_retry(1, 0.999) == ms(500));  // 0.49975 s floored
  CHECK(delay_before_retry(2, 0.999) == ms(999));
  CHECK(delay_before_retry(2, 0.0) == ms(500));
  CHECK(delay_before_retry(3, 1.0) == ms(2000));
  CHECK(delay_before_retry(3, 0.5) == ms(1500));
  CHECK(delay_before_retry(10, 1.0) == ms(5000));
  CHECK(delay_before_retry(10, 0.0) == ms(2500));
  stripe::RetryOptions custom;
  custom.initial_delay = ms(100);
  custom.max_delay = ms(300);
  CHECK(delay_before_retry(1, 1.0, custom) == ms(100));
  CHECK(delay_before_retry(3, 1.0, custom) == ms(300));

  // The issue's reproduction: jitter 0.999 against a server that always answers 500.
  Fixture f;
  f.jitter = 0.999;
  for (int i = 0; i < 4; ++i) f.transport->then_respond(500, "{}");
  CHECK_THROWS_AS(f.client(3).raw_request(Method::get, "/v1/accounts"), stripe::ApiError);
  CHECK(f.sleeps == std::vector<ms>{ms(500), ms(500), ms(999)});
  CHECK(f.transport->request_count() == 4);
}

TEST_CASE("a deadline stops retrying once the next wait would pass it") {
  Fixture f;
  auto now = std::make_shared<std::chrono::steady_clock::time_point>();
  stripe::ClientOptions o;
  o.secret_key = kKey;
  o.transport = f.transport;
  o.retry.max_retries = 5;
  o.retry.deadline = std::chrono::milliseconds(1200);
  o.jitter = [] { return 1.0; };
  o.now = [now] { return *now; };
  o.sleep = [now](std::chrono::milliseconds d) { *now += d; };
  for (int i = 0; i < 6; ++i) f.transport->then_respond(503, error_body("api_error"));
  stripe::Client c(o);
  CHECK_THROWS_AS(c.raw_request(Method::get, "/v1/accounts"), stripe::ApiError);
  // attempt at 0, wait 500, attempt at 500, wait 500, attempt at 1000; a 1000 ms wait would pass 1200 ms
  CHECK(f.transport->request_count() == 3);
}

TEST_CASE("error responses map to typed errors (v1 table)") {
  struct Row {
    int status;
    std::string type, code;
    int expect;  // index into the checks below
  };
  std::vector<Row> rows = {{400, "invalid_request_error", "", 0}, {404, "invalid_request_error", "resource_missing", 0},
                           {400, "idempotency_error", "", 1},     {429, "invalid_request_error", "", 2},
                           {400, "invalid_request_error", "rate_limit", 2}, {401, "invalid_request_error", "", 3},
                           {402, "card_error", "", 4},            {403, "invalid_request_error", "", 5},
                           {500, "api_error", "", 6},             {418, "api_error", "", 6}};
  for (const auto& row : rows) {
    CAPTURE(row.status, row.type, row.code);
    Fixture f;
    f.transport->then_respond(row.status, error_body(row.type, row.code), hdr({{"Request-Id", "req_e"}}));
    auto c = f.client(0);
    try {
      c.raw_request(Method::post, "/v1/accounts");
      FAIL("expected an error");
    } catch (const stripe::Error& e) {
      const bool matches[] = {dynamic_cast<const stripe::InvalidRequestError*>(&e) != nullptr,
                              dynamic_cast<const stripe::IdempotencyError*>(&e) != nullptr,
                              dynamic_cast<const stripe::RateLimitError*>(&e) != nullptr,
                              dynamic_cast<const stripe::AuthenticationError*>(&e) != nullptr,
                              dynamic_cast<const stripe::CardError*>(&e) != nullptr,
                              dynamic_cast<const stripe::PermissionError*>(&e) != nullptr,
                              dynamic_cast<const stripe::ApiError*>(&e) != nullptr};
      CHECK(matches[row.expect]);
      CHECK(e.http_status() == row.status);
      CHECK(e.request_id() == "req_e");
      CHECK(e.type() == row.type);
      CHECK(e.attempts() == 1);
      CHECK_FALSE(e.raw_body().empty());
    }
  }
}

TEST_CASE("v2 errors map on error.type first") {
  struct Row {
    int status;
    std::string type, code;
  };
  Fixture f;
  f.transport->then_respond(400, error_body("feature_not_enabled"))
      .then_respond(403, error_body("blocked_by_stripe"))
      .then_respond(400, error_body("idempotency_error"))
      .then_respond(400, error_body("rate_limit"))
      .then_respond(400, error_body("invalid_request_error", "invalid_fields"));
  auto c = f.client(0);
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v2/core/accounts"), stripe::FeatureNotEnabledError);
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v2/core/accounts"), stripe::BlockedByStripeError);
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v2/core/accounts"), stripe::IdempotencyError);
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v2/core/accounts"), stripe::RateLimitError);
  CHECK_THROWS_AS(c.raw_request(Method::post, "/v2/core/accounts"), stripe::InvalidRequestError);
}

TEST_CASE("errors carry param, doc_url, idempotency key and the raw body") {
  Fixture f;
  nlohmann::json body = {{"error",
                          {{"type", "invalid_request_error"},
                           {"code", "parameter_unknown"},
                           {"param", "foo"},
                           {"doc_url", "https://docs.stripe.com/error-codes/parameter-unknown"},
                           {"message", "Received unknown parameter: foo"}}}};
  f.transport->then_respond(400, body.dump());
  try {
    f.client().raw_request(Method::post, "/v1/accounts", {{"foo", "bar"}});
    FAIL("expected InvalidRequestError");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.param() == "foo");
    CHECK(e.code() == "parameter_unknown");
    CHECK(e.doc_url() == "https://docs.stripe.com/error-codes/parameter-unknown");
    CHECK(e.message() == "Received unknown parameter: foo");
    CHECK(nlohmann::json::parse(e.raw_body()) == body);
    CHECK(e.idempotency_key() == *f.transport->requests()[0].headers.get("Idempotency-Key"));
  }
}

TEST_CASE("bodies that are not JSON give a clear ApiError, never a crash") {
  Fixture f;
  f.transport->then_respond(200, R"({"id":"acct_1","object":"acc)")
      .then_respond(502, "<html>Bad gateway</html>")
      .then_respond(200, "");
  auto c = f.client(0);
  try {
    c.raw_request(Method::get, "/v1/accounts/acct_1");
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(std::string(e.what()).find("not valid JSON") != std::string::npos);
    CHECK(std::string(e.what()).find("truncated") != std::string::npos);
    CHECK(e.http_status() == 200);
  }
  try {
    c.raw_request(Method::get, "/v1/accounts/acct_1");
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(e.http_status() == 502);
    CHECK(std::string(e.what()).find("<html>Bad gateway") != std::string::npos);
  }
  CHECK_THROWS_AS(c.raw_request(Method::get, "/v1/accounts/acct_1"), stripe::ApiError);
}

TEST_CASE("the secret key never appears in error messages, bodies or logs") {
  Fixture f;
  std::string echoed = std::string("Invalid API Key provided: ") + kKey;
  f.transport->then_respond(401, error_body("invalid_request_error", "", echoed));
  f.transport->then_fail(stripe::http::NoResponseError::Kind::reset, std::string("reset while sending ") + kKey);
  f.transport->then_respond(200, "{}");
  auto c = f.client(1);
  try {
    c.raw_request(Method::post, "/v1/accounts");
    FAIL("expected AuthenticationError");
  } catch (const stripe::AuthenticationError& e) {
    CHECK(std::string(e.what()).find(kKey) == std::string::npos);
    CHECK(e.message().find(kKey) == std::string::npos);
    CHECK(e.raw_body().find(kKey) == std::string::npos);
    CHECK(e.message().find("sk_test_***") != std::string::npos);
  }
  c.raw_request(Method::post, "/v1/accounts");
  REQUIRE_FALSE(f.logs.empty());
  for (const auto& line : f.logs) CHECK(line.find(kKey) == std::string::npos);
}

TEST_CASE("error bodies are kept byte for byte when they hold no secret, even Stripe's masked key") {
  Fixture f;
  // Found by fuzz_error_body: "sk_test_****1234" used to gain a "***".
  const std::string masked = error_body("invalid_request_error", "", "Invalid API Key provided: sk_test_****1234");
  f.transport->then_respond(401, masked);
  try {
    f.client(0).raw_request(Method::get, "/v1/accounts");
    FAIL("expected AuthenticationError");
  } catch (const stripe::AuthenticationError& e) {
    CHECK(e.raw_body() == masked);
    CHECK(e.message() == "Invalid API Key provided: sk_test_****1234");
  }
}

TEST_CASE("a key echoed in any error field is masked in what() and in the field") {
  Fixture f;
  // Found by fuzz_error_body: the key in "type" reached what().
  nlohmann::json body = {{"error", {{"type", kKey}, {"code", kKey}, {"param", kKey}, {"doc_url", kKey}}}};
  f.transport->then_respond(400, body.dump());
  try {
    f.client(0).raw_request(Method::get, "/v1/accounts");
    FAIL("expected InvalidRequestError");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(std::string(e.what()).find(kKey) == std::string::npos);
    for (const std::string* field : {&e.type(), &e.code(), &e.param(), &e.doc_url()}) CHECK(*field == "sk_test_***");
  }
}

TEST_CASE("results expose Stripe-Notice warnings and the logger receives them") {
  Fixture f;
  f.transport->then_respond(200, "{}", hdr({{"Stripe-Notice", "collect is deprecated"}, {"Request-Id", "req_n"}}));
  auto r = f.client().raw_request(Method::post, "/v1/account_links");
  REQUIRE(r.response().notices.size() == 1);
  CHECK(r.response().notices[0] == "collect is deprecated");
  CHECK(r.response().status == 200);
  CHECK(std::find(f.logs.begin(), f.logs.end(), "Stripe-Notice: collect is deprecated") != f.logs.end());
}

TEST_CASE("observability hooks see every attempt without secrets or query strings") {
  Fixture f;
  std::vector<stripe::AttemptEvent> attempts;
  std::vector<stripe::ResponseEvent> responses;
  stripe::ClientOptions o;
  o.secret_key = kKey;
  o.transport = f.transport;
  o.sleep = [](std::chrono::milliseconds) {};
  o.on_attempt = [&](const stripe::AttemptEvent& e) { attempts.push_back(e); };
  o.on_response = [&](const stripe::ResponseEvent& e) { responses.push_back(e); };
  f.transport->then_fail().then_respond(500, "{}", hdr({{"Request-Id", "req_a"}})).then_respond(200, "{}", hdr({{"Request-Id", "req_b"}}));
  stripe::Client c(o);
  c.raw_request(Method::get, "/v1/accounts", {{"limit", 3}});
  REQUIRE(attempts.size() == 3);
  REQUIRE(responses.size() == 3);
  CHECK(attempts[2].attempt == 3);
  CHECK(responses[0].status == 0);
  CHECK(responses[0].will_retry);
  CHECK_FALSE(responses[0].failure.empty());
  CHECK(responses[1].status == 500);
  CHECK(responses[1].request_id == "req_a");
  CHECK(responses[2].status == 200);
  CHECK_FALSE(responses[2].will_retry);
  CHECK(responses[2].path == "/v1/accounts");
}

TEST_CASE("get_path refuses anything but a single-slash path on the API host") {
  Fixture f;
  auto c = f.client();
  CHECK_THROWS_AS(c.get_path("//evil.example/v2/core/accounts/acct_1"), stripe::InvalidParamsError);
  CHECK_THROWS_AS(c.get_path("https://evil.example/v2/core/accounts/acct_1"), stripe::InvalidParamsError);
  CHECK_THROWS_AS(c.get_path("v2/core/accounts"), stripe::InvalidParamsError);
  CHECK_THROWS_AS(c.get_path("/\\evil.example"), stripe::InvalidParamsError);
  CHECK(f.transport->request_count() == 0);
  f.transport->then_respond(200, R"({"id":"acct_1"})");
  CHECK(c.get_path("/v2/core/accounts/acct_1?include[0]=requirements")->at("id") == "acct_1");
  CHECK(f.transport->requests()[0].url == "https://api.stripe.com/v2/core/accounts/acct_1?include[0]=requirements");
}

TEST_CASE("a client without a transport or key says so clearly") {
  stripe::ClientOptions o;
  o.secret_key = kKey;
  CHECK_THROWS_AS(stripe::Client(o), stripe::ConfigurationError);  // this binary does not link curl
  Fixture f;
  stripe::ClientOptions no_key;
  no_key.transport = f.transport;
  stripe::Client c(no_key);
  CHECK_THROWS_AS(c.raw_request(Method::get, "/v1/accounts"), stripe::ConfigurationError);
}

TEST_CASE("the base URL can be overridden") {
  Fixture f;
  stripe::ClientOptions o;
  o.secret_key = kKey;
  o.transport = f.transport;
  o.base_url = "http://127.0.0.1:12111/";
  f.transport->then_respond(200, "{}");
  stripe::Client(o).raw_request(Method::get, "/v1/accounts");
  CHECK(f.transport->requests()[0].url == "http://127.0.0.1:12111/v1/accounts");
}

TEST_CASE("client: an upload with a field name that is not UTF-8 is refused before a key is drawn or a byte is sent") {
  Fixture f;
  stripe::ClientOptions o;
  o.secret_key = kKey;
  o.transport = f.transport;
  int keys_drawn = 0;
  o.idempotency_key_generator = [&keys_drawn] {
    ++keys_drawn;
    return std::string("key");
  };
  stripe::Client client(o);
  stripe::MultipartForm form;
  form.add_field("purpose\xff", "identity_document");
  try {
    client.raw_upload("/v1/files", form, {});
    FAIL("a non-UTF-8 field name was sent");
  } catch (const stripe::InvalidParamsError& e) {
    CHECK(e.param() == "params");
  }
  CHECK(keys_drawn == 0);
  CHECK(f.transport->requests().empty());
}
