// On the wire, through CurlTransport: no control character a caller passes becomes a header
// line or a second request, and no id reroutes a request through dot segments. The recorder
// keeps every byte the client sends.
#include <catch2/catch.hpp>

#include "stripe/connect.hpp"
#include "support/fault_server.hpp"
#include "support/wire_recorder.hpp"

using stripe::http::Method;

namespace {

stripe::ClientOptions options_for(const test_support::WireRecorder& server) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_wire";
  o.base_url = server.base_url();
  o.retry.max_retries = 0;
  return o;
}

}  // namespace

TEST_CASE("control characters in any header value or name are refused before a byte is sent") {
  const std::vector<std::string> injections = {"\r\nX-Injected: 1", "\nX-Injected: 1", "\rX-Injected: 1",
                                               std::string("ok\0X-Injected", 13),
                                               "x\r\n\r\nGET /v1/balance HTTP/1.1\r\nHost: evil\r\n\r\n"};
  test_support::WireRecorder server;
  for (const std::string& evil : injections) {
    // Per-call options: refused when the call is made.
    using Setter = std::function<void(stripe::RequestOptions&)>;
    const std::vector<std::pair<std::string, Setter>> per_call = {
        {"RequestOptions::api_key", [&](auto& r) { r.api_key = "sk_test_k" + evil; }},
        {"RequestOptions::stripe_account", [&](auto& r) { r.stripe_account = "acct_1" + evil; }},
        {"RequestOptions::stripe_context", [&](auto& r) { r.stripe_context = "acct_1" + evil; }},
        {"RequestOptions::api_version", [&](auto& r) { r.api_version = "2026-10-28.endive" + evil; }},
        {"idempotency_key", [&](auto& r) { r.idempotency_key = "key" + evil; }},
        {"RequestOptions::extra_headers[X-Trace]", [&](auto& r) { r.extra_headers = {{"X-Trace", "t" + evil}}; }},
        {"extra_headers", [&](auto& r) { r.extra_headers = {{"X-Trace" + evil, "t"}}; }},
    };
    stripe::Client client(options_for(server));
    for (const auto& [option, set] : per_call) {
      stripe::RequestOptions ro;
      set(ro);
      try {
        client.raw_request(Method::post, "/v1/accounts", {}, ro);
        FAIL("expected InvalidParamsError for " + option);
      } catch (const stripe::InvalidParamsError& e) {
        CHECK(e.param() == option);
        CHECK(std::string(e.what()).find("X-Injected") == std::string::npos);
      }
    }
    // Client options: refused when the client is built.
    using ClientSetter = std::function<void(stripe::ClientOptions&)>;
    const std::vector<std::pair<std::string, ClientSetter>> client_wide = {
        {"ClientOptions::secret_key", [&](auto& o) { o.secret_key = "sk_test_k" + evil; }},
        {"ClientOptions::api_version", [&](auto& o) { o.api_version = "2026-10-28.endive" + evil; }},
        {"AppInfo::name", [&](auto& o) { o.app_info = stripe::AppInfo{"Shop" + evil, "1", "", ""}; }},
    };
    for (const auto& [option, set] : client_wide) {
      auto o = options_for(server);
      set(o);
      try {
        stripe::Client c(o);
        FAIL("expected ConfigurationError for " + option);
      } catch (const stripe::ConfigurationError& e) {
        CHECK(e.param() == option);
      }
    }
    // A generated key is checked like a given one.
    auto o = options_for(server);
    o.idempotency_key_generator = [&] { return "gen" + evil; };
    stripe::Client generated(o);
    CHECK_THROWS_AS(generated.raw_request(Method::post, "/v1/accounts"), stripe::InvalidParamsError);
  }
  CHECK(server.connections() == 0);
  CHECK(server.bytes().empty());

  // The same calls with clean values reach the server as exactly one request each.
  stripe::Client client(options_for(server));
  stripe::RequestOptions ro;
  ro.stripe_account = "acct_1";
  ro.extra_headers = {{"X-Trace", "t\tab"}};  // a tab is allowed inside a value
  client.raw_request(Method::post, "/v1/accounts", {{"email", "a@example.com"}}, ro);
  const std::string wire = server.bytes();
  CHECK(server.connections() == 1);
  CHECK(wire.rfind("POST /v1/accounts HTTP/1.1\r\n", 0) == 0);
  CHECK(wire.find("\r\nStripe-Account: acct_1\r\n") != std::string::npos);
  CHECK(wire.find("\r\nX-Trace: t\tab\r\n") != std::string::npos);
  CHECK(wire.find("HTTP/1.1", 30) == std::string::npos);  // one request line only
}

TEST_CASE("ids that are or decode to dot segments are refused; nothing is rerouted") {
  test_support::WireRecorder server;
  stripe::Client client(options_for(server));
  stripe::v1::AccountUpdateParams update;
  update.email = "a@example.com";
  for (const std::string id : {".", "..", "%2e", "%2E%2e", ""}) {
    INFO("id '" << id << "'");
    CHECK_THROWS_AS(client.v1().accounts().update(id, update), stripe::InvalidParamsError);
    CHECK_THROWS_AS(client.v1().accounts().retrieve(id), stripe::InvalidParamsError);
    CHECK_THROWS_AS(client.v1().accounts().del(id), stripe::InvalidParamsError);
    CHECK_THROWS_AS(client.v1().capabilities().update("acct_1", id, {}), stripe::InvalidParamsError);
    CHECK_THROWS_AS(client.v2().core().accounts().update(id, {}), stripe::InvalidParamsError);
    CHECK_THROWS_AS(client.v2().core().accounts().close(id), stripe::InvalidParamsError);
  }
  for (const char* path : {"/v1/accounts/.", "/v1/accounts/acct_1/capabilities/..", "/v1/./accounts",
                           "/v2/core/accounts/%2E", "/v1/accounts/acct_1\r\nX: 1", "/v1/accounts#x"})
    CHECK_THROWS_AS(client.raw_request(Method::post, path), stripe::InvalidParamsError);
  CHECK(server.connections() == 0);

  // An id that merely contains dots is an ordinary segment.
  client.v1().accounts().retrieve("acct.1..x");
  CHECK(server.bytes().rfind("GET /v1/accounts/acct.1..x HTTP/1.1\r\n", 0) == 0);
}

TEST_CASE("a server streaming an endless body ends the call with ResponseTooLargeError; the client carries on") {
  constexpr std::size_t MiB = 1024 * 1024;
  test_support::FaultServer server([](const test_support::RawRequest& req) {
    if (req.target == "/v1/accounts/acct_big") return test_support::RawReply::stream(500 * MiB, false);
    return test_support::RawReply::respond(200, R"({"id":"acct_ok","object":"account"})");
  });
  server.start();
  stripe::ClientOptions o;
  o.secret_key = "sk_test_wire";
  o.base_url = server.base_url();
  o.max_response_bytes = 2 * MiB;
  o.sleep = [](std::chrono::milliseconds) {};
  stripe::Client client(o);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    client.v1().accounts().retrieve("acct_big");
    FAIL("expected ResponseTooLargeError");
  } catch (const stripe::ResponseTooLargeError& e) {
    CHECK(e.attempts() == 1);  // never retried
    CHECK(std::string(e.what()).find("2097152 bytes") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));  // streamed() shows the hang-up
  CHECK(server.streamed() < 64 * MiB);
  CHECK(client.v1().accounts().retrieve("acct_ok")->id == "acct_ok");
}

TEST_CASE("proxy credentials reach no channel of the client: what(), hooks, logger") {
  std::vector<std::string> lines;
  stripe::http::CurlOptions curl;
  curl.proxy = "http://proxyuser:Pr0xyPa55word@[::1";  // libcurl rejects the URL
  stripe::ClientOptions o;
  o.secret_key = "sk_test_wire";
  o.base_url = "http://127.0.0.1:9";
  o.transport = stripe::http::make_curl_transport(curl);
  o.retry.max_retries = 1;
  o.sleep = [](std::chrono::milliseconds) {};
  o.logger = [&](stripe::LogLevel, const std::string& m) { lines.push_back(m); };
  o.on_response = [&](const stripe::ResponseEvent& e) { lines.push_back(e.failure); };
  stripe::Client client(o);
  try {
    client.raw_request(Method::post, "/v1/accounts");
    FAIL("expected ConnectionError");
  } catch (const stripe::ConnectionError& e) {
    lines.push_back(e.what());
    lines.push_back(e.message());
  }
  REQUIRE(lines.size() == 5);  // two hook events, one retry log line, what() and message()
  for (const auto& line : lines) {
    CHECK(line.find("Pr0xyPa55word") == std::string::npos);
    CHECK(line.find("proxyuser:") == std::string::npos);
  }
  CHECK(lines.back().find("proxy") != std::string::npos);
}
