// What a caller or a server sends cannot split a request, reroute it, exhaust the decoder,
// crash the process or leak a secret. Wire-level proofs are in tests/loopback/wire_safety_test.cpp.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <cstdio>

#include "stripe/connect.hpp"
#include "stripe/detail/json_depth.hpp"
#include "stripe/testing/recording_transport.hpp"
#include "stripe/webhook.hpp"

using stripe::http::Method;
using stripe::testing::RecordingTransport;

namespace {

const std::string kKey = "sk_test_51HostileSecretPartXyZ0123456789";
const std::string kSecretPart = "51HostileSecretPartXyZ0123456789";

struct Capture {
  std::vector<std::string> lines;  // every channel a user could log, in one place
  bool leaks(const std::string& secret) const {
    for (const auto& l : lines)
      if (l.find(secret) != std::string::npos) return true;
    return false;
  }
};

stripe::ClientOptions options_on(std::shared_ptr<RecordingTransport> t, Capture& capture) {
  stripe::ClientOptions o;
  o.secret_key = kKey;
  o.transport = std::move(t);
  o.sleep = [](std::chrono::milliseconds) {};
  o.logger = [&capture](stripe::LogLevel, const std::string& m) { capture.lines.push_back("log: " + m); };
  o.on_response = [&capture](const stripe::ResponseEvent& e) {
    capture.lines.push_back("hook: " + e.request_id + " " + e.failure);
  };
  return o;
}

void capture_error(Capture& c, const stripe::Error& e) {
  const auto& d = e.details();
  c.lines.push_back(e.what());
  for (const std::string* f : {&d.request_id, &d.type, &d.code, &d.param, &d.doc_url, &d.decline_code,
                               &d.request_log_url, &d.message, &d.idempotency_key, &d.raw_body})
    c.lines.push_back(*f);
  for (const auto& [name, value] : d.headers.entries) c.lines.push_back(name + ": " + value);
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("redaction masks the key in use behind any prefix and in escaped forms") {
  using stripe::detail::redact;
  CHECK(redact("key " + kKey + " end", kKey) == "key sk_test_*** end");
  CHECK(redact("pk_test_" + kSecretPart, kKey).find(kSecretPart) == std::string::npos);
  CHECK(redact("sk\\u005ftest_" + kSecretPart, kKey).find(kSecretPart) == std::string::npos);
  std::string percent;  // every character escaped
  for (char c : kSecretPart) {
    static const char* hex = "0123456789ABCDEF";
    percent += '%';
    percent += hex[static_cast<unsigned char>(c) >> 4];
    percent += hex[c & 0xF];
  }
  CHECK(redact("echo " + percent + " done", kKey) == "echo *** done");
  std::string json_escaped;
  for (char c : kSecretPart) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
    json_escaped += buf;
  }
  CHECK(redact(json_escaped, kKey) == "***");
  // A key without a known prefix, as a restricted proxy or test might use.
  CHECK(redact("token partner_credential_1234 used", "partner_credential_1234") == "token *** used");
  // Client secrets and onboarding links lose their token; ordinary text is untouched.
  CHECK(redact("accs_secret__Oz4eAbCdEf and seti_1_secret_ZZZ") == "accs_secret_*** and seti_1_secret_***");
  CHECK(redact("\"url\":\"https://connect.stripe.com/setup/e/acct_1/Tok3n\"") ==
        "\"url\":\"https://connect.stripe.com/***\"");
  CHECK(redact("see https://docs.stripe.com/error-codes/x, status 400") ==
        "see https://docs.stripe.com/error-codes/x, status 400");
  CHECK(redact("Stripe masked it: sk_test_****1234") == "Stripe masked it: sk_test_****1234");
}

TEST_CASE("a 2xx body that is not JSON and echoes the key leaks it nowhere") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  t->then_respond(200, "<html>proxy saw Bearer " + kKey + " and pk_live_" + kSecretPart + "</html>");
  stripe::Client client(options_on(t, capture));
  try {
    client.raw_request(Method::get, "/v1/accounts");
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    capture_error(capture, e);
    CHECK(e.raw_body().find("proxy saw Bearer sk_test_***") != std::string::npos);
  }
  CHECK_FALSE(capture.leaks(kSecretPart));
}

TEST_CASE("an echoed Request-Id cannot carry the key into errors, results, headers or hooks") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  stripe::http::Headers echo;
  echo.add("Request-Id", "req_" + kKey);
  echo.add("X-Debug", "auth=" + kSecretPart);
  echo.add("Stripe-Notice", "your key " + kKey + " is old");
  t->then_respond(400, R"({"error":{"type":"invalid_request_error","message":"bad"}})", echo);
  t->then_respond(200, "{}", echo);
  stripe::Client client(options_on(t, capture));
  try {
    client.raw_request(Method::post, "/v1/accounts");
    FAIL("expected InvalidRequestError");
  } catch (const stripe::InvalidRequestError& e) {
    capture_error(capture, e);
  }
  auto ok = client.raw_request(Method::post, "/v1/accounts");
  capture.lines.push_back(ok.request_id());
  for (const auto& [name, value] : ok.response().headers.entries) capture.lines.push_back(value);
  for (const auto& n : ok.response().notices) capture.lines.push_back(n);
  CHECK(ok.request_id() == "req_sk_test_***");
  CHECK_FALSE(capture.leaks(kSecretPart));
  CHECK(capture.lines.size() > 10);
}

TEST_CASE("a per-call key without a known prefix stays out of the logger and hooks") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  const std::string odd_key = "partner_issued_credential_998877";
  stripe::http::Headers notice;
  notice.add("Stripe-Notice", "credential " + odd_key + " expires soon");
  t->then_fail(stripe::http::NoResponseError::Kind::reset, "reset while sending Bearer " + odd_key)
      .then_respond(200, "{}", notice);
  stripe::Client client(options_on(t, capture));
  stripe::RequestOptions ro;
  ro.api_key = odd_key;
  client.raw_request(Method::post, "/v1/accounts", {}, ro);
  CHECK(capture.lines.size() >= 3);  // a retry log line, two hook events, a notice
  CHECK_FALSE(capture.leaks(odd_key));
}

TEST_CASE("an account link response that is not JSON does not put the link into what()") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  t->then_respond(200, "url=https://connect.stripe.com/setup/e/acct_1/SeCrEtLiNkToKeN truncated");
  stripe::Client client(options_on(t, capture));
  stripe::v1::AccountLinkCreateParams p;
  p.account = "acct_1";
  p.type = "account_onboarding";
  p.refresh_url = "https://example.com/refresh";
  p.return_url = "https://example.com/return";
  try {
    client.v1().account_links().create(p);
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    capture_error(capture, e);
  }
  CHECK_FALSE(capture.leaks("SeCrEtLiNkToKeN"));
}

TEST_CASE("deeply nested JSON is a typed DecodeError on every decode path, never a crash") {
  const std::string deep = nested_arrays(100000);
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  stripe::http::Headers rid;
  rid.add("Request-Id", "req_deep");
  t->then_respond(200, R"({"object":"list","has_more":false,"data":[{"id":"acct_1","metadata":)" + deep + "}]}", rid);
  t->then_respond(200, R"({"data":[)" + deep + R"(],"next_page_url":null})");
  t->then_respond(400, R"({"error":)" + deep + "}");
  auto o = options_on(t, capture);
  o.retry.max_retries = 0;
  stripe::Client client(o);
  try {
    for (const auto& a : client.v1().accounts().list_all()) (void)a;
    FAIL("expected DecodeError");
  } catch (const stripe::DecodeError& e) {
    CHECK(std::string(e.what()).find("deeper than 128 levels") != std::string::npos);
    CHECK(e.request_id() == "req_deep");
  }
  CHECK_THROWS_AS(client.v2().core().accounts().list(), stripe::DecodeError);
  CHECK_THROWS_AS(client.raw_request(Method::get, "/v1/accounts"), stripe::ApiError);  // not a JSON error body

  CHECK_THROWS_AS(stripe::webhook::parse_event(R"({"object":"event","data":)" + deep + "}"), stripe::DecodeError);
  CHECK_THROWS_AS(stripe::webhook::parse_event_notification(R"({"object":"v2.core.event","reason":)" + deep + "}"),
                  stripe::DecodeError);
  // At the limit it still decodes.
  auto ok = stripe::webhook::parse_event(R"({"id":"evt_1","object":"event","type":"x","data":{"object":)" +
                                         nested_arrays(120) + "}}");
  CHECK(ok.id == "evt_1");
}

TEST_CASE("the nesting pre-check counts brackets outside strings only, escaped quotes included") {
  using stripe::detail::json_depth_exceeds;
  CHECK(json_depth_exceeds("[[[", 2));
  CHECK_FALSE(json_depth_exceeds("[[]]", 2));
  CHECK_FALSE(json_depth_exceeds(R"({"a":"[[[[[[","b":1})", 2));     // brackets in a string
  CHECK_FALSE(json_depth_exceeds(R"({"a":"x\"[[[[[["})", 2));        // an escaped quote does not end it
  CHECK(json_depth_exceeds(R"({"a":"x\\",[[[]]]})", 2));            // an escaped backslash does not escape it
  CHECK_FALSE(json_depth_exceeds(R"({"a":"x\\\"[[[["})", 2));        // three backslashes: the quote is escaped
  CHECK_FALSE(json_depth_exceeds(R"(["unterminated [[[[)", 2));      // left for the parser
  CHECK_FALSE(json_depth_exceeds("", 2));

  // Against the plain byte-by-byte reading, on random text over the characters that matter.
  auto by_byte = [](const std::string& text, std::size_t limit) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        if (++depth > limit) return true;
      } else if ((c == '}' || c == ']') && depth > 0) {
        --depth;
      }
    }
    return false;
  };
  const char alphabet[] = {'"', '\\', '[', ']', '{', '}', 'a', ','};
  std::uint32_t seed = 12345;
  for (std::size_t n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t length = n % 40;
    for (std::size_t i = 0; i < length; ++i) {
      seed = seed * 1664525u + 1013904223u;
      text.push_back(alphabet[(seed >> 24) % sizeof(alphabet)]);
    }
    INFO(text);
    REQUIRE(json_depth_exceeds(text, 3) == by_byte(text, 3));
  }
  // The count of opening brackets that clears most texts before the scan, eight bytes at a time,
  // against a plain count on random bytes of every value.
  for (std::size_t n = 0; n < 20000; ++n) {
    std::string text;
    std::size_t brackets = 0;
    for (std::size_t i = 0; i < n % 70; ++i) {
      seed = seed * 1664525u + 1013904223u;
      const char byte = (seed & 0x300u) == 0 ? "{["[(seed >> 10) & 1u] : static_cast<char>(seed >> 24);  // 1 in 4 a bracket
      brackets += (byte == '{' || byte == '[') ? 1u : 0u;
      text.push_back(byte);
    }
    const std::size_t limit = n % 4;
    INFO(n);
    REQUIRE(stripe::detail::few_opening_brackets(text, limit) == (brackets <= limit));
  }
}

TEST_CASE("pagination refuses a next_page_url it already followed, and a v1 cursor that does not move") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  t->set_fallback([](const stripe::http::Request& r) {
    if (r.url.find("/v2/") != std::string::npos)
      return stripe::http::Response{200, {}, R"({"data":[],"next_page_url":"/v2/core/accounts?page=same"})"};
    return stripe::http::Response{200, {}, R"({"object":"list","data":[{"id":"acct_1"}],"has_more":true})"};
  });
  stripe::Client client(options_on(t, capture));
  try {
    for (const auto& a : client.v2().core().accounts().list_all()) (void)a;
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(std::string(e.what()).find("already followed") != std::string::npos);
  }
  CHECK(t->request_count() == 2);  // the first page, then "same"; "same" again is refused before sending
  std::size_t seen = 0;
  try {
    for (const auto& a : client.v1().accounts().list_all()) {
      (void)a;
      ++seen;
    }
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(std::string(e.what()).find("same cursor") != std::string::npos);
  }
  CHECK(seen == 1);
}

TEST_CASE("v2 pagination refuses an endless run of empty pages") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  std::atomic<int> page{0};
  t->set_fallback([&page](const stripe::http::Request&) {
    return stripe::http::Response{
        200, {}, R"({"data":[],"next_page_url":"/v2/core/accounts?page=)" + std::to_string(++page) + "\"}"};
  });
  stripe::Client client(options_on(t, capture));
  CHECK_THROWS_WITH(
      [&] {
        for (const auto& a : client.v2().core().accounts().list_all()) (void)a;
      }(),
      Catch::Contains("empty pages in a row"));
  CHECK(t->request_count() == 100);
}

TEST_CASE("text that is not UTF-8 is refused before sending, naming the field") {
  auto t = std::make_shared<RecordingTransport>();
  Capture capture;
  stripe::Client client(options_on(t, capture));
  const std::string bad = "Caf\xC3";  // truncated sequence
  stripe::v2::core::AccountCreateParams v2p;
  v2p.display_name = bad;
  try {
    client.v2().core().accounts().create(v2p);
    FAIL("expected InvalidParamsError");
  } catch (const stripe::InvalidParamsError& e) {
    CHECK(e.param() == "params.display_name");
  }
  stripe::v1::AccountUpdateParams v1p;
  v1p.business_profile.emplace().name = "Shop \xFF";
  try {
    client.v1().accounts().update("acct_1", v1p);
    FAIL("expected InvalidParamsError");
  } catch (const stripe::InvalidParamsError& e) {
    CHECK(e.param() == "params.business_profile.name");
  }
  nlohmann::ordered_json raw = {{"metadata", {{"k\xED\xA0\x80", "v"}}}};  // a surrogate in a key
  CHECK_THROWS_AS(client.raw_request(Method::post, "/v1/accounts", raw), stripe::InvalidParamsError);
  CHECK(t->request_count() == 0);

  auto o = options_on(t, capture);
  o.app_info = stripe::AppInfo{"Caf\xE9 Platform", "1.0", "", ""};  // Latin-1, not UTF-8
  try {
    stripe::Client c(o);
    FAIL("expected ConfigurationError");
  } catch (const stripe::ConfigurationError& e) {
    CHECK(e.param() == "AppInfo::name");
  }
  CHECK(stripe::detail::is_utf8("Caf\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(stripe::detail::is_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(stripe::detail::is_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}
