// Fault soak: thousands of POSTs through CurlTransport against a server that drops, fails,
// conflicts, stalls and resets about a quarter of the time. Idempotency must hold the line:
// every logical call commits at most once, and no call reports success without a commit.
// The same run has every hook and the logger on, and checks that no secret reaches them: not the
// key, the webhook secret, an account link or login link URL, an Account Session client secret,
// nor the bytes of an uploaded file.
#include <catch2/catch.hpp>

#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <sstream>

#include "stripe/connect.hpp"
#include "stripe/v1/account_sessions.hpp"
#include "stripe/v1/files.hpp"
#include "stripe/v1/login_links.hpp"
#include "stripe/webhook.hpp"
#include "support/fault_server.hpp"

namespace {

using test_support::RawReply;
using test_support::RawRequest;

constexpr const char* kSecretKey = "sk_test_51SoakSecretKeyNeverPrinted0123456789";
constexpr const char* kWebhookSecret = "whsec_SoakWebhookSecretNeverPrinted987";
constexpr const char* kLinkHost = "https://connect.stripe.com/setup/s/";
constexpr const char* kLoginHost = "https://connect.stripe.com/express/";
constexpr const char* kFileContents = "SoakFileContents\x89PNG";  // the bytes of every uploaded file

// What each call of the soak does, by its number.
enum class Kind { account, account_link, account_session, login_link, file };
Kind kind_of(int call) {
  switch (call % 8) {
    case 3: case 7: return Kind::account_link;
    case 1: return Kind::account_session;
    case 5: return Kind::login_link;
    case 2: return Kind::file;
    default: return Kind::account;
  }
}
constexpr std::chrono::milliseconds kAttemptTimeout{300};

// The server side: a ledger of commits keyed by idempotency key, as Stripe keeps one.
class Ledger {
 public:
  enum class Fault { none, drop_after_commit, server_error, conflict, stall, reset };

  RawReply handle(const RawRequest& req) {
    // Compiled once, before the server threads race to build their own: libstdc++ caches
    // ctype<char>::narrow without a lock while a regex compiles (GCC bug 77704).
    static const std::regex echo_marker("soakecho([0-9]+)x"), call_marker("soakcall([0-9]+)x");
    std::smatch m;
    const std::string where = req.target + "\n" + req.body;  // a login link's marker is in its path
    if (std::regex_search(where, m, echo_marker)) return echo(req, std::stoi(m[1]));
    if (!std::regex_search(where, m, call_marker)) return RawReply::respond(400, "{}");
    int call = std::stoi(m[1]);
    std::string key = req.header("idempotency-key");
    std::lock_guard<std::mutex> lock(mutex_);
    ++attempts_;
    Fault fault = next_fault();
    ++faults_[fault];
    if (key.empty()) return RawReply::respond(400, R"({"error":{"type":"invalid_request_error"}})");
    if (fault == Fault::reset) return RawReply::reset();
    if (fault == Fault::server_error) {  // a server that echoes what it was sent
      RawReply r = RawReply::respond(500, R"({"error":{"type":"api_error","message":"soak saw )" +
                                              req.header("authorization") + R"("}})");
      r.headers.emplace_back("Stripe-Notice", "echo " + req.header("authorization"));
      return r;
    }
    if (fault == Fault::conflict)
      return RawReply::respond(409, R"({"error":{"type":"invalid_request_error","code":"lock_timeout"}})");
    // Everything else commits (once per key) before replying.
    auto it = stored_.find(key);
    bool replay = it != stored_.end();
    if (!replay) {
      ++commits_by_call_[call];
      std::string body = commit_body(req.target, call);
      it = stored_.emplace(key, body).first;
      committed_body_by_call_[call] = body;
    }
    RawReply reply = RawReply::respond(200, it->second);
    reply.headers.emplace_back("Request-Id", "req_" + std::to_string(attempts_) + "_" + req.header("authorization"));
    if (replay) reply.headers.emplace_back("Idempotent-Replayed", "true");
    if (fault == Fault::drop_after_commit) reply.action = RawReply::Action::truncate;
    if (fault == Fault::stall) {
      reply.action = RawReply::Action::stall;
      reply.stall_for = kAttemptTimeout + std::chrono::milliseconds(150);
    }
    return reply;
  }

  // Final answers that put the key, escaped or not, and link URLs into every field an error has.
  static RawReply echo(const RawRequest& req, int n) {
    const std::string auth = req.header("authorization");  // "Bearer sk_test_..."
    const std::string secret = auth.substr(auth.find("sk_test_") + 8);
    std::string escaped;
    for (char c : secret) escaped += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    RawReply r;
    switch (n % 4) {
      case 0:
        r = RawReply::respond(400, R"({"error":{"type":"invalid_request_error","message":"bad key )" + auth +
                                       R"(","param":"pk_live_)" + secret + R"(","code":")" + escaped +
                                       R"(","doc_url":"https://connect.stripe.com/setup/e/acct_1/LinkTokEcho"}})");
        break;
      case 1: r = RawReply::respond(200, "<html>" + std::string(kLinkHost) + "x/LinkTok1 " + auth); break;
      case 2:  // cut off in the middle of what must stay private
        r = RawReply::respond(200, R"({"object":"account_session","client_secret":"accs_secret__SoakClientSecretEcho",)"
                                   R"("url":")" + std::string(kLoginHost) + "acct_1/SoakLoginTokEcho");
        break;
      default:
        r = RawReply::respond(402, R"({"error":{"type":"card_error","message":"sk%5Ftest%5F)" + secret + R"("}})");
    }
    r.headers.emplace_back("Request-Id", "req_echo_" + auth);
    r.headers.emplace_back("X-Echo", "pk_test_" + secret);
    return r;
  }

  std::map<int, int> commits_by_call() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return commits_by_call_;
  }
  std::string committed_body(int call) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = committed_body_by_call_.find(call);
    return it == committed_body_by_call_.end() ? std::string() : it->second;
  }
  int attempts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return attempts_;
  }
  int faults() const {
    std::lock_guard<std::mutex> lock(mutex_);
    int n = 0;
    for (const auto& [fault, count] : faults_)
      if (fault != Fault::none) n += count;
    return n;
  }
  std::size_t fault_kinds() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return faults_.size();
  }

 private:
  // About 25% of attempts fail, 5% for each kind.
  Fault next_fault() {
    int roll = std::uniform_int_distribution<int>(0, 99)(rng_);
    if (roll >= 25) return Fault::none;
    return static_cast<Fault>(1 + roll / 5);
  }

  static std::string commit_body(const std::string& target, int call) {
    std::string id = "acct_soak" + std::to_string(call);
    if (target == "/v1/account_links")
      return R"({"object":"account_link","created":1767225600,"expires_at":1767225900,"url":")" + std::string(kLinkHost) +
             id + "/LinkTok" + std::to_string(call * 7919) + R"("})";
    if (target == "/v1/account_sessions")
      return R"({"object":"account_session","account":")" + id + R"(","client_secret":"accs_secret__SoakClientSecret)" +
             std::to_string(call * 7919) + R"(","expires_at":1767227400,"livemode":false,"components":{}})";
    if (target.find("/login_links") != std::string::npos)
      return R"({"object":"login_link","created":1767225600,"url":")" + std::string(kLoginHost) + id + "/SoakLoginTok" +
             std::to_string(call * 7919) + R"("})";
    if (target == "/v1/files")
      return R"({"id":"file_soak)" + std::to_string(call) + R"(","object":"file","purpose":"identity_document","size":20})";
    return R"({"id":")" + id + R"(","object":"account","type":"express","charges_enabled":false})";
  }

  mutable std::mutex mutex_;
  std::mt19937 rng_{20261122};
  int attempts_ = 0;
  std::map<Fault, int> faults_;
  std::map<std::string, std::string> stored_;  // idempotency key -> first response body
  std::map<int, int> commits_by_call_;
  std::map<int, std::string> committed_body_by_call_;
};

// Everything the SDK says to the outside: hook events, log lines, error messages.
class Capture {
 public:
  void add(std::string line) {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(std::move(line));
  }
  std::vector<std::string> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

stripe::Client soak_client(const std::string& base_url, Capture& capture) {
  stripe::ClientOptions o;
  o.secret_key = kSecretKey;
  o.base_url = base_url;
  o.files_base_url = base_url;
  o.retry.max_retries = 4;
  o.timeout = kAttemptTimeout;
  o.connect_timeout = std::chrono::milliseconds(1000);
  o.sleep = [](std::chrono::milliseconds) {};  // backoff is tested elsewhere; keep the soak fast
  o.on_attempt = [&](const stripe::AttemptEvent& e) {
    capture.add(std::string("attempt ") + stripe::http::method_name(e.method) + " " + e.path + " #" +
                std::to_string(e.attempt));
  };
  o.on_response = [&](const stripe::ResponseEvent& e) {
    capture.add("response " + e.path + " " + std::to_string(e.status) + " " + e.request_id + " " + e.failure +
                (e.will_retry ? " retry" : ""));
  };
  o.logger = [&](stripe::LogLevel, const std::string& line) { capture.add("log " + line); };
  return stripe::Client(o);
}

// Every channel a result or an error offers a caller.
template <class T>
void capture_result(Capture& capture, const stripe::Result<T>& r) {
  capture.add("result " + r.request_id());
  for (const auto& [name, value] : r.response().headers.entries) capture.add("result header " + name + ": " + value);
  for (const auto& notice : r.response().notices) capture.add("notice " + notice);
}

void capture_error(Capture& capture, const stripe::Error& e) {
  const auto& d = e.details();
  capture.add(std::string("error ") + e.what());
  for (const std::string* field : {&d.request_id, &d.type, &d.code, &d.param, &d.doc_url, &d.decline_code,
                                   &d.request_log_url, &d.message, &d.idempotency_key, &d.raw_body})
    capture.add("error field " + *field);
  for (const auto& [name, value] : d.headers.entries) capture.add("error header " + name + ": " + value);
}

struct Outcome {
  bool succeeded = false;
  std::string id;         // account id, the account of the link, or the file id
  std::string link_url;   // account links and login links
  std::string client_secret;  // account sessions
  std::string error_type; // typed error caught, if any
};

// One call of the given kind; `tag` is the marker the server finds the call by.
void make_call(const stripe::Client& client, Kind kind, const std::string& tag, Outcome& out, Capture& capture) {
  switch (kind) {
    case Kind::account_link: {
      stripe::v1::AccountLinkCreateParams p;
      p.account = "acct_" + tag;
      p.type = stripe::v1::AccountLinkCreateParams::Type::account_onboarding;
      p.refresh_url = "https://example.com/refresh/" + tag;
      p.return_url = "https://example.com/return";
      auto link = client.v1().account_links().create(p);
      capture_result(capture, link);
      out.link_url = link->url;
      return;
    }
    case Kind::account_session: {
      stripe::v1::AccountSessionCreateParams p;
      p.account = "acct_" + tag;
      p.components.account_onboarding.emplace().enabled = true;
      auto session = client.v1().account_sessions().create(p);
      capture_result(capture, session);
      out.client_secret = session->client_secret;
      return;
    }
    case Kind::login_link: {
      auto link = client.v1().login_links().create("acct_" + tag);
      capture_result(capture, link);
      out.link_url = link->url;
      return;
    }
    case Kind::file: {
      stripe::v1::FileCreateParams p;
      p.purpose = stripe::v1::FileCreateParams::Purpose::identity_document;
      p.file.name = tag + ".png";
      p.file.type = "image/png";
      p.file.data = kFileContents;
      auto file = client.v1().files().create(p);
      capture_result(capture, file);
      out.id = file->id;
      return;
    }
    case Kind::account: {
      stripe::v1::AccountCreateParams p;
      p.type = stripe::v1::AccountCreateParams::Type::express;
      p.email = tag + "@example.com";
      auto account = client.v1().accounts().create(p);
      capture_result(capture, account);
      out.id = account->id;
      return;
    }
  }
}

}  // namespace

TEST_CASE("soak: 2,000 POSTs with ~25% injected faults commit each call at most once and never leak secrets",
          "[soak]") {
  Ledger ledger;
  test_support::FaultServer server([&](const RawRequest& req) { return ledger.handle(req); });
  server.start();
  Capture capture;
  auto client = soak_client(server.base_url(), capture);

  constexpr int kThreads = 4, kPerThread = 500, kCalls = kThreads * kPerThread;
  std::vector<Outcome> outcomes(kCalls);
  std::atomic<int> untyped_failures{0};
  auto run = [&](int t) {
    for (int i = 0; i < kPerThread; ++i) {
      int call = t * kPerThread + i;
      Outcome& out = outcomes[static_cast<std::size_t>(call)];
      std::string tag = "soakcall" + std::to_string(call) + "x";
      try {
        make_call(client, kind_of(call), tag, out, capture);
        out.succeeded = true;
      } catch (const stripe::Error& e) {
        out.error_type = typeid(e).name();
        capture_error(capture, e);
      } catch (...) {
        ++untyped_failures;
      }
    }
  };
  auto all_done = std::async(std::launch::async, [&] {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back(run, t);
    for (auto& th : threads) th.join();
  });
  // A deadlock shows up as a hang: fail loudly instead of waiting for ctest's timeout.
  if (all_done.wait_for(std::chrono::minutes(4)) != std::future_status::ready) {
    FAIL_CHECK("soak threads did not finish within 4 minutes (deadlock?)");
    std::_Exit(1);
  }
  server.stop();

  auto commits = ledger.commits_by_call();
  int succeeded = 0, typed_failures = 0;
  std::map<Kind, int> succeeded_by_kind;
  for (int call = 0; call < kCalls; ++call) {
    const Outcome& out = outcomes[static_cast<std::size_t>(call)];
    auto it = commits.find(call);
    int committed = it == commits.end() ? 0 : it->second;
    INFO("call " << call);
    REQUIRE(committed <= 1);  // at most once, whatever the faults
    if (out.succeeded) {
      ++succeeded;
      REQUIRE(committed == 1);  // no success without a commit...
      ++succeeded_by_kind[kind_of(call)];
      auto body = nlohmann::json::parse(ledger.committed_body(call));  // ...and it is the committed one
      switch (kind_of(call)) {
        case Kind::account_link: case Kind::login_link: REQUIRE(out.link_url == body.at("url")); break;
        case Kind::account_session: REQUIRE(out.client_secret == body.at("client_secret")); break;
        case Kind::account: case Kind::file: REQUIRE(out.id == body.at("id")); break;
      }
    } else {
      ++typed_failures;
      REQUIRE_FALSE(out.error_type.empty());
    }
  }
  CHECK(untyped_failures.load() == 0);
  CHECK(succeeded + typed_failures == kCalls);
  // With 5 attempts and ~25% faults per attempt, nearly every call gets through.
  CHECK(succeeded >= kCalls * 98 / 100);
  CHECK(ledger.attempts() > kCalls);
  CHECK(ledger.faults() * 100 / ledger.attempts() >= 20);
  CHECK(ledger.faults() * 100 / ledger.attempts() <= 30);
  CHECK(ledger.fault_kinds() == 6);  // none plus the five kinds, all exercised
  std::cout << "soak: " << kCalls << " calls, " << ledger.attempts() << " attempts, " << ledger.faults()
            << " injected faults, " << succeeded << " succeeded, " << typed_failures << " typed errors, "
            << server.accepted() << " connections\n";

  // Final errors whose every field echoes the key or a link: nothing of them may come out.
  test_support::FaultServer echo_server([&](const RawRequest& req) { return ledger.handle(req); });
  echo_server.start();
  auto echo_client = soak_client(echo_server.base_url(), capture);
  // Every kind of call meets every kind of echo: the call kind by n / 4, the answer by n % 4.
  const Kind kinds[] = {Kind::account, Kind::account_link, Kind::account_session, Kind::login_link, Kind::file};
  int echoed_errors = 0;
  for (int n = 0; n < 20; ++n) {
    Outcome ignored;
    try {
      make_call(echo_client, kinds[n / 4], "soakecho" + std::to_string(n) + "x", ignored, capture);
    } catch (const stripe::Error& e) {
      ++echoed_errors;
      capture_error(capture, e);
    }
  }
  echo_server.stop();
  CHECK(echoed_errors == 20);

  // Webhook verification failures go through the same capture.
  const std::string payload = R"({"id":"evt_1","object":"event","type":"account.updated"})";
  const std::string good = stripe::webhook::sign_payload(payload, kWebhookSecret, 1767225600);
  stripe::webhook::VerifyOptions at_signing;
  at_signing.now = [] { return std::int64_t{1767225600}; };
  for (const std::string& header : {good + "0", std::string("t=1767225600,v1=00"), std::string("garbage")}) {
    try {
      stripe::webhook::verify_signature(payload, header, kWebhookSecret, at_signing);
      FAIL("a bad signature was accepted");
    } catch (const stripe::Error& e) {
      capture.add(std::string("webhook ") + e.what());
    }
  }

  auto lines = capture.lines();
  CHECK(lines.size() > static_cast<std::size_t>(2 * ledger.attempts()));
  const std::string secret = std::string(kSecretKey).substr(8);
  std::string escaped_secret;  // the secret as the echo server escaped it
  for (char c : secret) escaped_secret += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
  std::size_t leaks = 0;
  for (const auto& line : lines) {
    bool leaked = line.find(kSecretKey) != std::string::npos || line.find("SoakSecretKey") != std::string::npos ||
                  line.find(escaped_secret) != std::string::npos ||
                  line.find(kWebhookSecret) != std::string::npos || line.find("SoakWebhook") != std::string::npos ||
                  line.find(kLinkHost) != std::string::npos || line.find("LinkTok") != std::string::npos ||
                  line.find(kLoginHost) != std::string::npos || line.find("SoakLoginTok") != std::string::npos ||
                  line.find("SoakClientSecret") != std::string::npos || line.find("SoakFileContents") != std::string::npos;
    if (leaked) ++leaks;  // the line itself is never printed: it would be the leak
  }
  CHECK(leaks == 0);
  for (Kind kind : kinds) CHECK(succeeded_by_kind[kind] > 0);
}
