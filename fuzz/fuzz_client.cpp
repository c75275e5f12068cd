// Every typed operation (lists and pagination included) against a transport that answers each
// attempt with fuzzer-chosen status, headers and body, or no response at all. Properties:
// only stripe::Error leaves a call; a call's attempts share one idempotency key (POST, v2
// DELETE) or carry none (GET); attempts never exceed max_retries + 1; the secret key appears
// in no channel (what(), error details, results, hooks, logs).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/webhook.hpp"

namespace {

const std::string kKey = "sk_test_FuzzClientSecret0123456789";
const std::string kSecretPart = "FuzzClientSecret0123456789";
constexpr int kMaxRetries = 2;

// Bodies that reach deep into the decoders, which the fuzzer then mutates or replaces.
const char* const kBodies[] = {
    R"({"id":"acct_1","object":"account","charges_enabled":true,"requirements":{"currently_due":["x"]}})",
    R"({"object":"list","data":[{"id":"acct_1","object":"account"}],"has_more":true,"url":"/v1/accounts"})",
    R"({"object":"list","data":[],"has_more":false})",
    R"({"id":"acct_1","object":"v2.core.account","configuration":{"recipient":{}}})",
    R"({"data":[{"id":"acct_2","object":"v2.core.account"}],"next_page_url":"/v2/core/accounts?page=p2"})",
    R"({"data":[],"next_page_url":null})",
    R"({"object":"account_link","url":"https://connect.stripe.com/setup/e/acct_1/tok","expires_at":1})",
    R"({"object":"capability","id":"transfers","account":"acct_1","status":"active"})",
    R"({"error":{"type":"invalid_request_error","message":"bad","param":"email"}})",
    R"({"error":{"type":"idempotency_error"}})",
};

struct Capture {
  std::vector<std::string> lines;
  void check() const {
    for (const auto& l : lines)
      if (l.find(kSecretPart) != std::string::npos) std::abort();
  }
};

class FuzzTransport : public stripe::http::Transport {
 public:
  explicit FuzzTransport(FuzzedDataProvider& in) : in_(in) {}

  stripe::http::Response send(const stripe::http::Request& r) override {
    sent.push_back(r);
    if (in_.remaining_bytes() == 0) return {200, {}, R"({"object":"list","data":[],"has_more":false,"next_page_url":null})"};
    switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
      case 0: throw stripe::http::NoResponseError(stripe::http::NoResponseError::Kind::reset, "reset " + maybe_key());
      case 1: throw stripe::http::NoResponseError(stripe::http::NoResponseError::Kind::timeout, "timeout");
      case 2: throw stripe::http::NoResponseError(stripe::http::NoResponseError::Kind::too_large, "too large");
      default: break;
    }
    static const int statuses[] = {200, 200, 200, 201, 400, 401, 402, 403, 404, 409, 429, 500, 503, 302, 100};
    stripe::http::Response resp;
    resp.status = in_.ConsumeBool() ? statuses[in_.ConsumeIntegralInRange<std::size_t>(0, std::size(statuses) - 1)]
                                    : in_.ConsumeIntegralInRange<int>(0, 999);
    if (in_.ConsumeBool()) resp.headers.add("Request-Id", "req_" + maybe_key());
    if (in_.ConsumeBool()) resp.headers.add("Stripe-Should-Retry", in_.ConsumeBool() ? " true\t" : "false");
    if (in_.ConsumeBool()) resp.headers.add("Stripe-Notice", "notice " + maybe_key());
    if (in_.ConsumeBool()) {
      std::string body = kBodies[in_.ConsumeIntegralInRange<std::size_t>(0, std::size(kBodies) - 1)];
      if (in_.ConsumeBool() && !body.empty()) {  // splice fuzzer bytes into a real shape
        std::size_t at = in_.ConsumeIntegralInRange<std::size_t>(0, body.size());
        body.insert(at, in_.ConsumeRandomLengthString(64));
      }
      resp.body = body;
    } else {
      resp.body = in_.ConsumeRandomLengthString(512);
    }
    if (in_.ConsumeBool()) resp.body += maybe_key();
    return resp;
  }

  std::vector<stripe::http::Request> sent;

 private:
  std::string maybe_key() {
    switch (in_.ConsumeIntegralInRange<int>(0, 3)) {
      case 0: return kKey;
      case 1: return "pk_live_" + kSecretPart;
      case 2: return "Bearer%20sk%5Ftest%5F" + kSecretPart;
      default: return "";
    }
  }
  FuzzedDataProvider& in_;
};

void capture_error(Capture& c, const stripe::Error& e) {
  const auto& d = e.details();
  for (const std::string* f : {&d.request_id, &d.type, &d.code, &d.param, &d.doc_url, &d.decline_code,
                               &d.request_log_url, &d.message, &d.idempotency_key, &d.raw_body})
    c.lines.push_back(*f);
  c.lines.push_back(e.what());
  for (const auto& [name, value] : d.headers.entries) c.lines.push_back(name + value);
  if (e.attempts() > kMaxRetries + 1) std::abort();
}

template <class T>
void capture_result(Capture& c, const stripe::Result<T>& r) {
  c.lines.push_back(r.request_id());
  for (const auto& [name, value] : r.response().headers.entries) c.lines.push_back(name + value);
  for (const auto& n : r.response().notices) c.lines.push_back(n);
  if (r.attempts() < 1 || r.attempts() > kMaxRetries + 1) std::abort();
}

// The requests of one call: all POSTs (and v2 DELETEs) carry one key, GETs none.
void check_call(const std::vector<stripe::http::Request>& sent, std::size_t from) {
  if (sent.size() - from > static_cast<std::size_t>(kMaxRetries + 1)) std::abort();
  for (std::size_t i = from; i < sent.size(); ++i) {
    auto key = sent[i].headers.get("Idempotency-Key");
    const bool v2 = sent[i].url.find("/v2/") != std::string::npos;
    const bool needs_key = sent[i].method == stripe::http::Method::post || (v2 && sent[i].method == stripe::http::Method::del);
    if (needs_key != key.has_value()) std::abort();
    if (key && key != sent[from].headers.get("Idempotency-Key")) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  auto transport = std::make_shared<FuzzTransport>(in);
  Capture capture;
  stripe::ClientOptions o;
  o.secret_key = kKey;
  o.transport = transport;
  o.retry.max_retries = kMaxRetries;
  o.sleep = [](std::chrono::milliseconds) {};
  o.jitter = [] { return 0.5; };
  o.logger = [&](stripe::LogLevel, const std::string& m) { capture.lines.push_back(m); };
  o.on_response = [&](const stripe::ResponseEvent& e) {
    capture.lines.push_back(e.request_id);
    capture.lines.push_back(e.failure);
  };
  stripe::Client client(o);
  using stripe::http::Method;

  for (int op = 0; op < 4 && in.remaining_bytes() > 0; ++op) {
    const std::size_t from = transport->sent.size();
    bool paged = false;
    try {
      switch (in.ConsumeIntegralInRange<int>(0, 15)) {
        case 0: capture_result(capture, client.v1().accounts().create()); break;
        case 1: capture_result(capture, client.v1().accounts().retrieve("acct_1")); break;
        case 2: {
          stripe::v1::AccountUpdateParams p;
          p.email = "a@example.com";
          capture_result(capture, client.v1().accounts().update("acct_1", p));
          break;
        }
        case 3: capture_result(capture, client.v1().accounts().list()); break;
        case 4: capture_result(capture, client.v1().accounts().del("acct_1")); break;
        case 5: {
          stripe::v1::AccountLinkCreateParams p;
          p.account = "acct_1";
          p.type = "account_onboarding";
          p.refresh_url = "https://example.com/r";
          p.return_url = "https://example.com/b";
          capture_result(capture, client.v1().account_links().create(p));
          break;
        }
        case 6: capture_result(capture, client.v1().capabilities().list("acct_1")); break;
        case 7: capture_result(capture, client.v1().capabilities().retrieve("acct_1", "transfers")); break;
        case 8: capture_result(capture, client.v2().core().accounts().create()); break;
        case 9: capture_result(capture, client.v2().core().accounts().retrieve("acct_1")); break;
        case 10: capture_result(capture, client.v2().core().accounts().list()); break;
        case 11: capture_result(capture, client.v2().core().accounts().close("acct_1")); break;
        case 12: capture_result(capture, client.raw_request(Method::del, "/v2/core/accounts/acct_1")); break;
        case 13: {
          paged = true;
          std::size_t n = 0;
          for (const auto& a : client.v1().accounts().list_all()) {
            capture.lines.push_back(a.id);
            if (++n > 40) break;
          }
          break;
        }
        case 14: {
          paged = true;
          std::size_t n = 0;
          for (const auto& a : client.v2().core().accounts().list_all()) {
            capture.lines.push_back(a.id);
            if (++n > 40) break;
          }
          break;
        }
        default: {
          auto note = stripe::webhook::parse_event_notification(
              R"({"id":"evt_1","object":"v2.core.event","type":"v2.core.account[requirements].updated",)"
              R"("related_object":{"id":"acct_1","type":"v2.core.account","url":"/v2/core/accounts/acct_1"}})");
          capture_result(capture, stripe::webhook::fetch_related_account(client, note, {"requirements"}));
          break;
        }
      }
    } catch (const stripe::Error& e) {
      capture_error(capture, e);
    }
    // Anything else escaping is a bug: libFuzzer reports the uncaught exception as a crash.
    if (!paged) check_call(transport->sent, from);
    else
      for (std::size_t i = from; i < transport->sent.size(); ++i)
        if (transport->sent[i].headers.contains("Idempotency-Key")) std::abort();
  }
  capture.check();
  return 0;
}
