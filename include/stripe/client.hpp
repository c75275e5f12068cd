#pragma once
// stripe::Client: configuration, per-call options and the request pipeline
//   headers -> idempotency key -> retry loop -> transport -> error mapping.
// The typed services (client.v1(), client.v2()) live in the v1/ and v2/ headers; include
// <stripe/connect.hpp> for everything.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/detail/redact.hpp"
#include "stripe/detail/uuid.hpp"
#include "stripe/encoding/form.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/errors.hpp"
#include "stripe/http/transport.hpp"
#include "stripe/retry.hpp"
#include "stripe/version.hpp"

#if defined(STRIPE_CONNECT_HAS_CURL)
#include "stripe/http/curl_transport.hpp"
#endif

namespace stripe {

namespace v1 {
class Services;
}
namespace v2 {
class Services;
}

struct AppInfo {
  std::string name;
  std::string version;
  std::string url;
  std::string partner_id;
};

enum class LogLevel { debug, info, warning, error };

// Seen before every attempt. Carries no secret key, no body and no query string.
struct AttemptEvent {
  http::Method method;
  std::string path;
  int attempt;
};

// Seen after every attempt, answered or not.
struct ResponseEvent {
  http::Method method;
  std::string path;
  int attempt;
  int status;  // 0 when no response was received
  std::chrono::milliseconds duration;
  std::string request_id;
  bool will_retry;
  std::string failure;  // why no response was received, if so
};

struct ClientOptions {
  std::string secret_key;
  std::string api_version = pinned_api_version;
  std::string base_url = "https://api.stripe.com";
  int max_network_retries = 2;
  std::chrono::milliseconds timeout{80000};  // one attempt, body included
  std::chrono::milliseconds connect_timeout{30000};
  std::optional<std::chrono::milliseconds> overall_timeout;  // across all attempts and waits
  std::optional<AppInfo> app_info;
  std::shared_ptr<http::Transport> transport;  // default: CurlTransport when linked

  // Hooks and seams. All are optional; defaults are the real clock, sleep and randomness.
  std::function<void(const AttemptEvent&)> on_attempt;
  std::function<void(const ResponseEvent&)> on_response;
  std::function<void(LogLevel, const std::string&)> logger;
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<double()> jitter;  // uniform in [0, 1)
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<std::string()> idempotency_key_generator;
};

// Options for one call. Anything set here wins over the client's options.
struct RequestOptions {
  std::optional<std::string> idempotency_key;
  std::optional<std::string> stripe_account;  // v1: act as a connected account
  std::optional<std::string> stripe_context;  // v2: context such as acct_a/acct_b
  std::optional<std::string> api_version;
  std::optional<std::string> api_key;
  std::optional<std::chrono::milliseconds> timeout;
  std::optional<int> max_network_retries;
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

// What the final response of a call said about itself.
struct ResponseInfo {
  int status = 0;
  std::string request_id;
  std::string idempotency_key;  // empty for calls that carry none (GET)
  int attempts = 0;
  std::vector<std::string> notices;  // Stripe-Notice warnings
  http::Headers headers;
};

// A typed result plus the response it came from.
template <class T>
class Result {
 public:
  Result(T value, ResponseInfo info) : value_(std::move(value)), info_(std::move(info)) {}
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  const ResponseInfo& response() const { return info_; }
  const std::string& request_id() const { return info_.request_id; }
  const std::string& idempotency_key() const { return info_.idempotency_key; }
  int attempts() const { return info_.attempts; }

 private:
  T value_;
  ResponseInfo info_;
};

namespace detail {

inline bool is_v2_path(std::string_view path) { return path.rfind("/v2/", 0) == 0; }

inline std::string user_agent(const std::optional<AppInfo>& app) {
  std::string ua = std::string("Stripe/v1 CppBindings/") + sdk_version;
  if (app && !app->name.empty()) {
    ua += " " + app->name;
    if (!app->version.empty()) ua += "/" + app->version;
    if (!app->url.empty()) ua += " (" + app->url + ")";
  }
  return ua;
}

inline std::string client_user_agent(const std::optional<AppInfo>& app, const std::string& httplib) {
  nlohmann::json j = {{"bindings_version", sdk_version},
                      {"lang", "cpp"},
                      {"lang_version", std::to_string(__cplusplus)},
                      {"publisher", "stripe_connect"},
                      {"httplib", httplib}};
#if defined(__linux__)
  j["platform"] = "linux";
#elif defined(__APPLE__)
  j["platform"] = "darwin";
#elif defined(_WIN32)
  j["platform"] = "windows";
#else
  j["platform"] = "unknown";
#endif
  if (app && !app->name.empty())
    j["application"] = {{"name", app->name}, {"version", app->version}, {"url", app->url}, {"partner_id", app->partner_id}};
  return j.dump();
}

inline std::string printable_prefix(std::string_view body, std::size_t n) {
  std::string out;
  for (char c : body.substr(0, n)) out.push_back((c >= 0x20 && c < 0x7f) ? c : '?');
  return out;
}

inline std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// Maps an HTTP error response to the typed error (wire contract, section 7).
// Nothing the server echoes can leak `secret_key` into the error.
[[noreturn]] inline void throw_api_error(const http::Response& resp, ErrorDetails d, bool v2,
                                         std::string_view secret_key) {
  d.http_status = resp.status;
  d.headers = resp.headers;
  d.raw_body = redact(resp.body, secret_key);
  nlohmann::json body = nlohmann::json::parse(resp.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("error") || !body["error"].is_object()) {
    d.message = "Stripe answered HTTP " + std::to_string(resp.status) + " with a body that is not a JSON error (" +
                std::to_string(resp.body.size()) + " bytes, starting \"" + printable_prefix(d.raw_body, 60) + "\")";
    throw ApiError(std::move(d));
  }
  const nlohmann::json& e = body["error"];
  // Every field can reach what(); none may carry a key, whatever the server put in it.
  auto field = [&](const char* name) { return redact(json_string(e, name), secret_key); };
  d.type = field("type");
  d.code = field("code");
  d.param = field("param");
  d.doc_url = field("doc_url");
  d.decline_code = field("decline_code");
  d.request_log_url = field("request_log_url");
  d.message = field("message");
  if (v2) {
    if (d.type == "rate_limit") throw RateLimitError(std::move(d));
    if (d.type == "idempotency_error") throw IdempotencyError(std::move(d));
    if (d.type == "feature_not_enabled") throw FeatureNotEnabledError(std::move(d));
    if (d.type == "blocked_by_stripe") throw BlockedByStripeError(std::move(d));
    if (d.type == "temporary_session_expired") throw TemporarySessionExpiredError(std::move(d));
    if (d.code == "invalid_fields") throw InvalidRequestError(std::move(d));
  }
  const int s = resp.status;
  if (s == 429 || (s == 400 && d.code == "rate_limit")) throw RateLimitError(std::move(d));
  if ((s == 400 || s == 404) && d.type == "idempotency_error") throw IdempotencyError(std::move(d));
  if (s == 400 || s == 404) throw InvalidRequestError(std::move(d));
  if (s == 401) throw AuthenticationError(std::move(d));
  if (s == 402) throw CardError(std::move(d));
  if (s == 403) throw PermissionError(std::move(d));
  throw ApiError(std::move(d));
}

}  // namespace detail

class Client {
 public:
  explicit Client(ClientOptions options) : options_(std::move(options)) {
    if (!options_.transport) {
#if defined(STRIPE_CONNECT_HAS_CURL)
      options_.transport = std::make_shared<http::CurlTransport>();
      transport_name_ = "curl";
#else
      throw ConfigurationError(detail::message_only(
          "no HTTP transport: link stripe_connect::curl for the default libcurl transport, or set "
          "ClientOptions::transport"));
#endif
    }
    if (options_.max_network_retries < 0)
      throw ConfigurationError(detail::message_only("max_network_retries must be zero or more"));
    while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();
    if (!options_.sleep) options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    if (!options_.now) options_.now = [] { return std::chrono::steady_clock::now(); };
    if (!options_.jitter) {
      options_.jitter = [] {
        thread_local std::mt19937_64 gen{std::random_device{}()};
        return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
      };
    }
    if (!options_.idempotency_key_generator) options_.idempotency_key_generator = [] { return detail::uuid_v4(); };
    user_agent_ = detail::user_agent(options_.app_info);
    client_user_agent_ = detail::client_user_agent(options_.app_info, transport_name_);
  }

  const ClientOptions& options() const { return options_; }

  // Typed services; defined in stripe/v1/services.hpp and stripe/v2/services.hpp.
  v1::Services v1() const;
  v2::Services v2() const;

  // Untyped escape hatch for any v1 or v2 endpoint. `params` becomes the form body (v1 POST),
  // the JSON body (v2 POST) or the query string (GET, DELETE).
  Result<nlohmann::json> raw_request(http::Method method, const std::string& path,
                                     const nlohmann::ordered_json& params = nlohmann::ordered_json::object(),
                                     const RequestOptions& options = {}) const {
    return send(method, path, params, options);
  }

  // Sends and decodes into T. Used by the typed services.
  template <class T>
  Result<T> request(http::Method method, const std::string& path, const nlohmann::ordered_json& params,
                    const RequestOptions& options) const {
    Result<nlohmann::json> r = send(method, path, params, options);
    try {
      T value = decode<T>(std::move(r.value()));
      return Result<T>(std::move(value), r.response());
    } catch (const DecodeError& e) {
      ErrorDetails d = e.details();
      d.http_status = r.response().status;
      d.request_id = r.response().request_id;
      d.idempotency_key = r.response().idempotency_key;
      d.attempts = r.response().attempts;
      throw DecodeError(std::move(d));
    }
  }

  // GET an absolute path exactly as given (v2 next_page_url, related_object.url). Refuses anything
  // that is not a single-slash path, so response data can never send the key to another host.
  Result<nlohmann::json> get_path(const std::string& path_and_query, const RequestOptions& options = {}) const {
    if (path_and_query.size() < 2 || path_and_query[0] != '/' || path_and_query[1] == '/' ||
        path_and_query.find("://") != std::string::npos || path_and_query.find('\\') != std::string::npos)
      throw InvalidParamsError(detail::message_only("refusing to request a URL that is not a path on the API host"));
    return send(http::Method::get, path_and_query, nlohmann::ordered_json::object(), options);
  }

 private:
  Result<nlohmann::json> send(http::Method method, const std::string& path, const nlohmann::ordered_json& params,
                              const RequestOptions& ro) const {
    const bool v2 = detail::is_v2_path(path);
    const std::string& key = ro.api_key ? *ro.api_key : options_.secret_key;
    if (key.empty())
      throw ConfigurationError(detail::message_only("no secret key: set ClientOptions::secret_key"));
    if (ro.stripe_account && ro.stripe_context)
      throw InvalidParamsError(detail::message_only("set either Stripe-Account or Stripe-Context on a request, not both"));
    if (!params.is_null() && !params.is_object())
      throw InvalidParamsError(detail::message_only("request parameters must be a JSON object"));

    http::Request req;
    req.method = method;
    req.timeout = ro.timeout.value_or(options_.timeout);
    req.connect_timeout = options_.connect_timeout;
    std::string query;
    if (method == http::Method::post) {
      if (v2) req.body = params.is_null() ? "{}" : params.dump();
      else req.body = form_encode(params);
    } else {
      query = form_encode(params);
    }
    req.url = options_.base_url + path;
    if (!query.empty()) req.url += (path.find('?') == std::string::npos ? "?" : "&") + query;

    auto& h = req.headers;
    h.set("Authorization", "Bearer " + key);
    h.set("Stripe-Version", ro.api_version.value_or(options_.api_version));
    h.set("User-Agent", user_agent_);
    h.set("X-Stripe-Client-User-Agent", client_user_agent_);
    h.set("Accept", "application/json");
    if (method == http::Method::post)
      h.set("Content-Type", v2 ? "application/json" : "application/x-www-form-urlencoded");
    if (ro.stripe_account) h.set("Stripe-Account", *ro.stripe_account);
    if (ro.stripe_context) h.set("Stripe-Context", *ro.stripe_context);
    for (const auto& [name, value] : ro.extra_headers) h.set(name, value);

    std::string idem;
    if (method == http::Method::post || (v2 && method == http::Method::del)) {
      idem = ro.idempotency_key ? *ro.idempotency_key : options_.idempotency_key_generator();
      if (idem.empty() || idem.size() > 255)
        throw InvalidParamsError(detail::message_only("an idempotency key must be 1 to 255 characters"));
      h.set("Idempotency-Key", idem);
    }

    const int max_retries = ro.max_network_retries.value_or(options_.max_network_retries);
    const std::string log_path = path.substr(0, path.find('?'));
    const auto started = options_.now();
    for (int attempt = 1;; ++attempt) {
      if (options_.on_attempt) options_.on_attempt(AttemptEvent{method, log_path, attempt});
      const auto t0 = options_.now();
      std::optional<http::Response> resp;
      std::string failure;
      try {
        resp = options_.transport->send(req);
      } catch (const http::NoResponseError& e) {
        failure = detail::redact(e.what(), key);
      }
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(options_.now() - t0);
      const bool ok = resp && resp->status >= 200 && resp->status < 300;
      bool retry = !ok && attempt <= max_retries && retry::should_retry(resp ? &*resp : nullptr);
      std::chrono::milliseconds wait{0};
      if (retry) {
        wait = retry::backoff_delay(attempt, options_.jitter());
        if (options_.overall_timeout && options_.now() + wait - started > *options_.overall_timeout) retry = false;
      }
      std::string request_id = resp ? resp->headers.get("Request-Id").value_or("") : "";
      if (options_.on_response)
        options_.on_response(ResponseEvent{method, log_path, attempt, resp ? resp->status : 0, elapsed, request_id,
                                           retry, failure});
      if (retry) {
        log(LogLevel::info, std::string("retrying ") + http::method_name(method) + " " + log_path + " after " +
                                (resp ? "HTTP " + std::to_string(resp->status) : failure) + " (attempt " +
                                std::to_string(attempt) + ")");
        options_.sleep(wait);
        continue;
      }

      ErrorDetails d;
      d.request_id = request_id;
      d.idempotency_key = idem;
      d.attempts = attempt;
      if (!resp) {
        d.message = "no response from Stripe after " + std::to_string(attempt) + " attempt(s) (" +
                    std::to_string(attempt - 1) + " retries): " + failure;
        throw ConnectionError(std::move(d));
      }
      ResponseInfo info{resp->status, request_id, idem, attempt, resp->headers.get_all("Stripe-Notice"), resp->headers};
      for (const auto& notice : info.notices) log(LogLevel::warning, "Stripe-Notice: " + notice);
      if (!ok) detail::throw_api_error(*resp, std::move(d), v2, key);
      nlohmann::json body = nlohmann::json::parse(resp->body, nullptr, false);
      if (body.is_discarded()) {
        d.http_status = resp->status;
        d.headers = resp->headers;
        d.raw_body = resp->body;
        d.message = "Stripe answered HTTP " + std::to_string(resp->status) + " with a body that is not valid JSON (" +
                    std::to_string(resp->body.size()) + " bytes, starting \"" +
                    detail::printable_prefix(resp->body, 60) + "\"); it may have been truncated";
        throw ApiError(std::move(d));
      }
      return Result<nlohmann::json>(std::move(body), std::move(info));
    }
  }

  void log(LogLevel level, const std::string& message) const {
    if (options_.logger) options_.logger(level, detail::redact(message, options_.secret_key));
  }

  ClientOptions options_;
  std::string transport_name_ = "custom";
  std::string user_agent_;
  std::string client_user_agent_;
};

}  // namespace stripe
