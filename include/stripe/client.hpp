#pragma once
// stripe::Client: the request pipeline
//   prepare (checks, encoding, headers, idempotency key) -> retry loop (attempts, hooks, waits,
//   deadline) -> transport -> error mapping -> parsing and typed decoding.
// The typed services (client.v1(), client.v2()) live in the v1/ and v2/ headers; include
// <stripe/connect.hpp> for everything.
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "stripe/client_options.hpp"
#include "stripe/detail/client_state.hpp"
#include "stripe/detail/error_mapping.hpp"
#include "stripe/detail/json_text.hpp"
#include "stripe/detail/request_builder.hpp"
#include "stripe/detail/retry_loop.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/errors.hpp"
#include "stripe/http/transport.hpp"
#include "stripe/result.hpp"

// Linking stripe_connect::curl registers libcurl as the default transport for the whole program
// (see stripe/http/default_transport.hpp): this include only adds the registration, it changes
// no inline function, so translation units built with and without it agree.
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

/// Decodes a JSON result into T. A DecodeError carries the response's request id, status,
/// idempotency key and attempts, whichever typed path it comes from.
template <class T>
Result<T> decode_result(Result<nlohmann::json>&& r) {
  try {
    T value = decode<T>(std::move(r.value()));
    return Result<T>(std::move(value), std::move(r).take_response());
  } catch (const DecodeError& e) {
    throw DecodeError(detail::with_response(e.details(), r.response()));
  }
}

/// The entry point: configuration plus the request pipeline.
///
/// @par Thread safety
/// A Client is immutable once built and safe to use from any number of threads at once. Copies
/// are cheap (they share one state); services and pagers keep that state alive, so they may
/// outlive the Client they came from. Hooks (on_attempt, on_response, logger, sleep, jitter, now,
/// idempotency_key_generator) may be called from several threads at once.
class Client {
 public:
  /// Checks the options (ConfigurationError names the one at fault) and picks the transport.
  explicit Client(ClientOptions options) : state_(detail::make_client_state(std::move(options))) {}

  /// The options the client was built with, after validation.
  const ClientOptions& options() const { return state_->options; }

  // Typed services; defined in stripe/v1/services.hpp and stripe/v2/services.hpp.
  /// The typed v1 endpoints (accounts, account links, ...); a cheap handle sharing this client.
  v1::Services v1() const;
  /// The typed v2 core endpoints (accounts, account links); a cheap handle sharing this client.
  v2::Services v2() const;

  /// Untyped escape hatch for any v1 or v2 endpoint. `params` becomes the form body (v1 POST),
  /// the JSON body (v2 POST) or the query string (GET, DELETE).
  Result<nlohmann::json> raw_request(http::Method method, const std::string& path,
                                     const nlohmann::ordered_json& params = nlohmann::ordered_json::object(),
                                     const RequestOptions& options = {}) const {
    return send(method, path, params, options);
  }

  /// Sends and decodes into T. Used by the typed services.
  template <class T>
  Result<T> request(http::Method method, const std::string& path, const nlohmann::ordered_json& params,
                    const RequestOptions& options) const {
    return decode_result<T>(send(method, path, params, options));
  }

  /// GET an absolute path exactly as given (v2 next_page_url, related_object.url). Refuses anything
  /// that is not a single-slash path, so response data can never send the key to another host.
  Result<nlohmann::json> get_path(const std::string& path_and_query, const RequestOptions& options = {}) const {
    if (path_and_query.size() < 2 || path_and_query[0] != '/' || path_and_query[1] == '/' ||
        path_and_query.find("://") != std::string::npos || path_and_query.find('\\') != std::string::npos)
      throw InvalidParamsError(detail::message_only("refusing to request a URL that is not a path on the API host"));
    return send(http::Method::get, path_and_query, nlohmann::ordered_json::object(), options);
  }

 private:
  Result<nlohmann::json> send(http::Method method, const std::string& path, const nlohmann::ordered_json& params,
                              const RequestOptions& ro) const {
    detail::PreparedCall call = detail::prepare_call(*state_, method, path, params, ro);
    detail::FinalResponse final = detail::RetryLoop(*state_, call).run();
    return finish(call, std::move(final));
  }

  // The final response: notices logged, errors mapped, the body parsed.
  Result<nlohmann::json> finish(const detail::PreparedCall& call, detail::FinalResponse&& final) const {
    http::Response& resp = final.response;
    ErrorDetails d;
    d.request_id = detail::redact(resp.headers.get("Request-Id").value_or(""), call.secret);
    d.idempotency_key = call.idempotency_key;
    d.attempts = final.attempts;
    if (resp.status < 200 || resp.status >= 300) detail::throw_api_error(resp, std::move(d), call.v2, call.secret);
    ResponseInfo info{resp.status, d.request_id, call.idempotency_key, final.attempts,
                      resp.headers.get_all("Stripe-Notice"), detail::redacted_headers(resp.headers, call.secret)};
    nlohmann::json body;
    try {
      body = detail::parse_untrusted(resp.body);
    } catch (const DecodeError& e) {
      throw DecodeError(detail::with_response(e.details(), info));
    }
    if (body.is_discarded()) detail::throw_not_json(resp, std::move(d), call.secret);
    for (auto& notice : info.notices) {
      notice = detail::redact(std::move(notice), call.secret);
      if (state_->options.logger) state_->options.logger(LogLevel::warning, "Stripe-Notice: " + notice);
    }
    return Result<nlohmann::json>(std::move(body), std::move(info));
  }

  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace stripe
