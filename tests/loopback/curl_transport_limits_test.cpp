// CurlTransport on its own against the raw-socket FaultServer: response size limits, failures
// inside libcurl callbacks, handle reuse across methods, header parsing, proxy credentials in
// messages and non-positive timeouts.
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "stripe/client.hpp"
#include "stripe/http/curl_transport.hpp"
#include "support/failing_allocation.hpp"
#include "support/fault_server.hpp"

using stripe::http::CurlTransport;
using stripe::http::Method;
using stripe::http::NoResponseError;
using test_support::FailAllocations;
using test_support::RawReply;
using test_support::RawRequest;

namespace {

stripe::http::Request get(const test_support::FaultServer& s, const std::string& path) {
  stripe::http::Request r;
  r.method = Method::get;
  r.url = s.base_url() + path;
  r.timeout = std::chrono::milliseconds(10000);
  r.connect_timeout = std::chrono::milliseconds(5000);
  return r;
}

// Serves /big with `big` and anything else with {"ok":true}.
RawReply big_or_ok(const RawRequest& req, const RawReply& big) {
  return req.target == "/big" ? big : RawReply::respond(200, R"({"ok":true})");
}

// Resident set figures of this process in KiB, from /proc/self/status (0 when unreadable).
std::size_t proc_status_kib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stoul(line.substr(field.size() + 1));
  return 0;
}

// Resets the peak resident set (VmHWM) to the current one; false where the kernel refuses.
bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

NoResponseError::Kind kind_of(CurlTransport& t, const stripe::http::Request& r, std::string* what = nullptr) {
  try {
    t.send(r);
  } catch (const NoResponseError& e) {
    if (what) *what = e.what();
    return e.kind();
  }
  FAIL("expected NoResponseError");
  return NoResponseError::Kind::other;
}

constexpr std::size_t MiB = 1024 * 1024;

// Sanitizer runtimes map shadow memory and hold freed blocks in quarantine, so resident-set
// figures only mean something in a plain build.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool rss_is_meaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool rss_is_meaningful = false;
#else
constexpr bool rss_is_meaningful = true;
#endif
#else
constexpr bool rss_is_meaningful = true;
#endif

}  // namespace

TEST_CASE("curl: a body over max_response_bytes stops the transfer while reading", "[limits]") {
  const bool chunked = GENERATE(true, false);
  test_support::FaultServer s([&](const RawRequest& req) { return big_or_ok(req, RawReply::stream(200 * MiB, !chunked)); });
  s.start();
  CurlTransport t;
  auto req = get(s, "/big");
  req.max_response_bytes = 1 * MiB;

  const bool peak_known = reset_peak_rss();
  const std::size_t rss_before = proc_status_kib("VmRSS");
  auto t0 = std::chrono::steady_clock::now();
  CHECK(kind_of(t, req) == NoResponseError::Kind::too_large);
  auto elapsed = std::chrono::steady_clock::now() - t0;
  const std::size_t peak_growth_kib = proc_status_kib("VmHWM") - rss_before;
  INFO((chunked ? "chunked" : "Content-Length") << ": " << s.streamed() / 1024 << " KiB sent by the server, peak RSS +"
                                                << peak_growth_kib << " KiB, "
                                                << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                                                << " ms");
  CHECK(elapsed < std::chrono::seconds(10));  // streamed() below is what shows the hang-up
  CHECK(s.streamed() < 32 * MiB);  // the client hung up: 200 MiB were never sent
  if (peak_known && rss_is_meaningful) CHECK(peak_growth_kib < 8 * 1024);
  CHECK(t.idle_handles() == 0u);  // the aborted handle was not pooled

  auto ok = t.send(get(s, "/ok"));
  CHECK(ok.status == 200);
  CHECK(ok.body == R"({"ok":true})");
  CHECK(t.idle_handles() == 1u);
}

TEST_CASE("curl: a body of exactly max_response_bytes is read whole", "[limits]") {
  test_support::FaultServer s([&](const RawRequest& req) { return big_or_ok(req, RawReply::stream(1 * MiB, true)); });
  s.start();
  CurlTransport t;
  auto req = get(s, "/big");
  req.max_response_bytes = 1 * MiB;
  auto r = t.send(req);
  CHECK(r.status == 200);
  CHECK(r.body.size() == 1 * MiB);
  CHECK(r.body.find_first_not_of('x') == std::string::npos);
  req.max_response_bytes = 1 * MiB - 1;
  CHECK(kind_of(t, req) == NoResponseError::Kind::too_large);
}

TEST_CASE("curl: an exception inside a libcurl callback comes out of send() after the transfer, "
          "and the handle is dropped", "[callbacks]") {
  const std::string big_value(48 * 1024, 'v');
  test_support::FaultServer s([&](const RawRequest& req) {
    if (req.target == "/big-body") return RawReply::respond(200, std::string(256 * 1024, 'b'));
    if (req.target == "/big-header") {
      RawReply r = RawReply::respond(200, R"({"ok":true})");
      r.headers.emplace_back("X-Big", big_value);
      return r;
    }
    return RawReply::respond(200, R"({"ok":true})");
  });
  s.start();
  CurlTransport t;
  REQUIRE(t.send(get(s, "/ok")).status == 200);
  REQUIRE(t.idle_handles() == 1u);

  const std::string path = GENERATE(std::string("/big-body"), std::string("/big-header"));
  {
    FailAllocations armed(32 * 1024);  // the body or the header value needs more than this
    CHECK_THROWS_AS(t.send(get(s, path)), std::bad_alloc);
  }
  CHECK(t.idle_handles() == 0u);  // the pooled handle saw the failure and was cleaned up

  auto again = t.send(get(s, path));  // a fresh handle, nothing armed: the same response reads fine
  CHECK(again.status == 200);
  if (path == "/big-body") CHECK(again.body.size() == 256u * 1024u);
  else CHECK(again.headers.get("X-Big") == big_value);
  CHECK(t.idle_handles() == 1u);
}

TEST_CASE("curl: one pooled handle sends each method as itself, whatever the one before", "[reuse]") {
  struct Seen {
    std::string method, target, body, content_length;
  };
  std::mutex mutex;
  std::vector<Seen> seen;
  test_support::FaultServer s([&](const RawRequest& req) {
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back({req.method, req.target, req.body, req.header("content-length")});
    return RawReply::respond(200, R"({"ok":true})");
  });
  s.start();
  CurlTransport t;
  auto send = [&](Method m, const std::string& path, const std::string& body) {
    auto r = get(s, path);
    r.method = m;
    r.body = body;
    r.headers.set("Content-Type", "application/x-www-form-urlencoded");
    CHECK(t.send(r).status == 200);
  };
  // Every transition between the three methods: P->G, G->D, D->P, P->D, D->G, G->P.
  send(Method::post, "/v1/accounts", "email=a%40example.com");
  send(Method::get, "/v1/accounts/acct_1", "");
  send(Method::del, "/v1/accounts/acct_1", "");
  send(Method::post, "/v1/accounts/acct_2", "");
  send(Method::del, "/v1/accounts/acct_2", "");
  send(Method::get, "/v1/accounts?limit=3", "");
  send(Method::post, "/v1/account_links", "account=acct_3");
  CHECK(t.idle_handles() == 1u);
  CHECK(s.accepted() == 1);  // one handle, one keep-alive connection
  s.stop();
  REQUIRE(seen.size() == 7u);
  auto is = [&](std::size_t i, const char* method, const char* target, const char* body, const char* length) {
    INFO("request " << i);
    CHECK(seen[i].method == method);
    CHECK(seen[i].target == target);
    CHECK(seen[i].body == body);
    CHECK(seen[i].content_length == length);
  };
  is(0, "POST", "/v1/accounts", "email=a%40example.com", "21");
  is(1, "GET", "/v1/accounts/acct_1", "", "");
  is(2, "DELETE", "/v1/accounts/acct_1", "", "");
  is(3, "POST", "/v1/accounts/acct_2", "", "0");
  is(4, "DELETE", "/v1/accounts/acct_2", "", "");
  is(5, "GET", "/v1/accounts?limit=3", "", "");
  is(6, "POST", "/v1/account_links", "account=acct_3", "14");
}

TEST_CASE("curl: one pooled handle sends each request's headers exactly, whatever the ones before", "[reuse][headers]") {
  std::mutex mutex;
  std::vector<std::map<std::string, std::string>> seen;
  test_support::FaultServer s([&](const RawRequest& req) {
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(req.headers);
    return RawReply::respond(200, R"({"ok":true})");
  });
  s.start();
  CurlTransport t;
  using Lines = std::vector<std::pair<std::string, std::string>>;
  const Lines common = {{"User-Agent", "Stripe/v1 CppBindings/test"}, {"Accept", "application/json"},
                        {"Authorization", "Bearer sk_test_one"}, {"Stripe-Version", "2025-01-01"}};
  auto with = [&](Lines extra, Lines base) {
    for (auto& line : extra) base.push_back(std::move(line));
    return base;
  };
  Lines other_key = common;
  other_key[2].second = "Bearer sk_test_two";
  const std::vector<Lines> sent = {
      with({{"Idempotency-Key", "k1"}}, common),                        // the first request builds every line
      with({{"Idempotency-Key", "k2"}}, common),                        // only the last line differs
      common,                                                           // one line fewer
      with({{"Stripe-Account", "acct_1"}, {"Idempotency-Key", "k3"}}, common),  // two more
      with({{"Idempotency-Key", "k3"}}, other_key),                     // a difference in the middle
      {},                                                               // none at all
      {common[1], common[0], common[2], common[3]},                     // the same lines, two swapped
      common,
  };
  for (const auto& lines : sent) {
    auto r = get(s, "/v1/accounts");
    for (const auto& [name, value] : lines) r.headers.add(name, value);
    CHECK(t.send(r).status == 200);
  }
  CHECK(t.idle_handles() == 1u);
  s.stop();
  REQUIRE(seen.size() == sent.size());
  for (std::size_t i = 0; i < sent.size(); ++i) {
    INFO("request " << i);
    std::map<std::string, std::string> expected;
    for (const auto& [name, value] : sent[i]) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      expected[lower] = value;
    }
    std::map<std::string, std::string> got = seen[i];
    for (const char* libcurl_own : {"host", "accept-encoding"}) got.erase(libcurl_own);
    if (expected.count("accept") == 0) got.erase("accept");  // libcurl's own */* when the request has none
    CHECK(got == expected);
    CHECK(seen[i].count("expect") == 0);
  }
}

TEST_CASE("curl: a handle's header list rebuilds only from the first line that differs", "[reuse][headers]") {
  stripe::http::detail::CurlHeaderList list;
  curl_slist* const head = list.get();
  auto lines = [&] {
    std::vector<std::string> out;
    for (curl_slist* n = list.get(); n; n = n->next) out.emplace_back(n->data);
    return out;
  };
  auto node = [&](std::size_t i) {
    curl_slist* n = list.get();
    while (i-- && n) n = n->next;
    return n;
  };
  stripe::http::Headers h;
  h.add("User-Agent", "ua");
  h.add("Authorization", "Bearer sk_test_one");
  h.add("Idempotency-Key", "k1");
  list.assign(h);
  CHECK(lines() == std::vector<std::string>{"Expect:", "User-Agent: ua", "Authorization: Bearer sk_test_one",
                                            "Idempotency-Key: k1"});
  curl_slist* const user_agent = node(1);
  curl_slist* const authorization = node(2);

  h.entries[2].second = "k2";
  list.assign(h);
  CHECK(lines().back() == "Idempotency-Key: k2");
  CHECK(node(1) == user_agent);  // the constant lines are the same nodes, not rebuilt
  CHECK(node(2) == authorization);

  h.entries.pop_back();
  list.assign(h);
  CHECK(lines() == std::vector<std::string>{"Expect:", "User-Agent: ua", "Authorization: Bearer sk_test_one"});

  h.entries[1].second = "Bearer sk_test_o";  // a prefix of the line it replaces
  list.assign(h);
  CHECK(lines() == std::vector<std::string>{"Expect:", "User-Agent: ua", "Authorization: Bearer sk_test_o"});
  CHECK(node(1) == user_agent);

  list.assign(stripe::http::Headers{});
  CHECK(lines() == std::vector<std::string>{"Expect:"});
  CHECK(list.get() == head);  // libcurl was given the head once
}

TEST_CASE("curl: header values lose optional whitespace (SP and HTAB) on both sides", "[headers]") {
  test_support::FaultServer s([](const RawRequest&) {
    RawReply r = RawReply::respond(503, R"({"error":{"type":"api_error","message":"busy"}})");
    r.headers = {{"Stripe-Should-Retry", "false\t"}, {"Request-Id", " \treq_ows \t "}, {"X-Blank", " \t "},
                 {"X-Inner", "a \t b"}};
    return r;
  });
  s.start();
  CurlTransport t;
  auto r = t.send(get(s, "/v1/accounts"));
  CHECK(r.status == 503);
  CHECK(r.headers.get("Stripe-Should-Retry") == std::string("false"));
  CHECK(r.headers.get("Request-Id") == std::string("req_ows"));
  CHECK(r.headers.get("X-Blank") == std::string(""));
  CHECK(r.headers.get("X-Inner") == std::string("a \t b"));  // only the ends are trimmed

  // What that means to the client: the server said not to retry, so one attempt.
  stripe::ClientOptions o;
  o.secret_key = "sk_test_loopback";
  o.base_url = s.base_url();
  o.retry.max_retries = 2;
  o.sleep = [](std::chrono::milliseconds) {};
  o.transport = std::make_shared<CurlTransport>();
  try {
    stripe::Client(o).raw_request(Method::post, "/v1/accounts");
    FAIL("expected ApiError");
  } catch (const stripe::ApiError& e) {
    CHECK(e.http_status() == 503);
    CHECK(e.attempts() == 1);
    CHECK(e.request_id() == "req_ows");
  }
}

TEST_CASE("curl: proxy credentials never reach an error message", "[proxy]") {
  const test_support::RefusingPort closed;
  const std::string unreachable = "127.0.0.1:" + std::to_string(closed.port());
  struct Case {
    std::string proxy;
    std::vector<std::string> secrets;  // none may appear
    std::string says;                  // what the message must say
    NoResponseError::Kind kind;
  };
  const Case c = GENERATE_COPY(
      Case{"http://proxyuser:s3cret-Pa55@[::1", {"s3cret-Pa55", "proxyuser:s3cret"}, "proxy", NoResponseError::Kind::connect},
      Case{"http://proxyuser:s3cret%40Pa55@bad host:1", {"s3cret%40Pa55", "s3cret@Pa55"}, "proxy", NoResponseError::Kind::connect},
      Case{"http://proxyuser:s3cret-Pa55@" + unreachable, {"s3cret-Pa55", "proxyuser:s3cret"},
           "Couldn't connect to server", NoResponseError::Kind::connect},
      Case{"proxyuser:s3cret-Pa55@" + unreachable, {"s3cret-Pa55", "proxyuser:s3cret"}, "Couldn't connect to server",
           NoResponseError::Kind::connect});
  INFO("case " << c.says << " / " << c.secrets.front().size());  // never the proxy URL itself
  stripe::http::CurlOptions options;
  options.proxy = c.proxy;
  CurlTransport t(options);
  stripe::http::Request r;
  r.url = "http://127.0.0.1:9/v1/accounts";
  r.connect_timeout = std::chrono::milliseconds(3000);
  r.timeout = std::chrono::milliseconds(5000);
  std::string what;
  CHECK(kind_of(t, r, &what) == c.kind);
  for (const auto& secret : c.secrets) CHECK(what.find(secret) == std::string::npos);
  CHECK(what.find(c.says) != std::string::npos);
  CHECK(what.find("through proxy ") != std::string::npos);
  CHECK(what.find("***@") != std::string::npos);  // where the credentials were
}

TEST_CASE("curl: a non-positive timeout means the time is up, not no timeout", "[timeout]") {
  test_support::FaultServer s([](const RawRequest&) {
    RawReply r = RawReply::respond(200, R"({"late":true})");
    r.action = RawReply::Action::stall;
    r.stall_for = std::chrono::milliseconds(30000);  // ended by the server's stop
    return r;
  });
  s.start();
  CurlTransport t;
  auto req = get(s, "/v1/accounts");
  req.timeout = std::chrono::milliseconds(GENERATE(0, -5));
  auto t0 = std::chrono::steady_clock::now();
  CHECK(kind_of(t, req) == NoResponseError::Kind::timeout);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(5000));
}
