#pragma once
// stripe::Client: the request pipeline
//   prepare (checks, encoding, headers, idempotency key) -> retry loop (attempts, hooks, waits,
//   deadline) -> transport -> error mapping -> parsing and typed decoding.
// The typed services (client.v1(), client.v2()) live in the v1/ and v2/ headers; include
// <stripe/connect.hpp> for everything. The pipeline's definitions are in client-inl.hpp.
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "stripe/client_options.hpp"
#include "stripe/config.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/encoding/multipart.hpp"
#include "stripe/encoding/raw_json.hpp"
#include "stripe/encoding/text_decode.hpp"
#include "stripe/errors.hpp"
#include "stripe/http/transport.hpp"
#include "stripe/result.hpp"

// Linking stripe_connect::curl registers libcurl as the default transport for the whole program
// (see stripe/http/default_transport.hpp): this include only adds the registration, it changes
// no inline function, so translation units built with and without it agree.
#if defined(STRIPE_CONNECT_HAS_CURL)
#if defined(STRIPE_CONNECT_COMPILED)
#include "stripe/http/curl_registration.hpp"
#else
#include "stripe/http/curl_transport.hpp"
#endif
#endif

namespace stripe {

namespace v1 {
class Services;
}
namespace v2 {
class Services;
}
namespace detail {
struct ClientState;
struct PreparedCall;
struct FinalResponse;
}  // namespace detail

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
  explicit Client(ClientOptions options);

  /// The options the client was built with, after validation.
  const ClientOptions& options() const;

  // Typed services; defined in stripe/v1/services.hpp and stripe/v2/services.hpp.
  /// The typed v1 endpoints (accounts, account links, ...); a cheap handle sharing this client.
  v1::Services v1() const;
  /// The typed v2 core endpoints (accounts, account links); a cheap handle sharing this client.
  v2::Services v2() const;

  /// Untyped escape hatch for any v1 or v2 endpoint. `params` becomes the form body (v1 POST),
  /// the JSON body (v2 POST) or the query string (GET, DELETE).
  Result<nlohmann::json> raw_request(http::Method method, const std::string& path,
                                     const nlohmann::ordered_json& params = nlohmann::ordered_json::object(),
                                     const RequestOptions& options = {}) const;

  /// Sends and decodes into T. Used by the typed services.
  /// The body is decoded straight from its bytes (stripe/encoding/text_decode.hpp), and `raw`
  /// parses them only when read.
  template <class T>
  Result<T> request(http::Method method, const std::string& path, const nlohmann::ordered_json& params,
                    const RequestOptions& options) const {
    T value{};
    ResponseInfo info = send(method, path, params, options, sink_for(value));
    return Result<T>(std::move(value), std::move(info));
  }

  /// Untyped file upload: POSTs `form` as multipart/form-data to ClientOptions::files_base_url +
  /// `path`. Retries resend the same bytes (one boundary per call) with the same idempotency key.
  Result<nlohmann::json> raw_upload(const std::string& path, const MultipartForm& form,
                                    const RequestOptions& options = {}) const;

  /// Uploads and decodes into T. Used by the typed services (client.v1().files().create).
  template <class T>
  Result<T> upload(const std::string& path, const MultipartForm& form, const RequestOptions& options) const {
    T value{};
    ResponseInfo info = send_upload(path, form, options, sink_for(value));
    return Result<T>(std::move(value), std::move(info));
  }

  /// GET an absolute path exactly as given (v2 next_page_url, related_object.url). Refuses anything
  /// that is not a single-slash path, so response data can never send the key to another host.
  Result<nlohmann::json> get_path(const std::string& path_and_query, const RequestOptions& options = {}) const;

  /// get_path, decoded into T (a v2 list's next page, a thin event's related object).
  template <class T>
  Result<T> get_path_as(const std::string& path_and_query, const RequestOptions& options = {}) const {
    T value{};
    ResponseInfo info = send_path(path_and_query, options, sink_for(value));
    return Result<T>(std::move(value), std::move(info));
  }

 private:
  // Where a successful response's body goes: parsed into a document (the raw calls) or decoded
  // straight into a typed value (the typed calls). One non-template pipeline serves both.
  struct BodySink {
    void (*read)(void* out, std::shared_ptr<const detail::JsonDocumentSource> body);
    void* out;
  };
  template <class T>
  static BodySink sink_for(T& value) {
    return BodySink{[](void* out, std::shared_ptr<const detail::JsonDocumentSource> body) {
                      detail::decode_text_into(*static_cast<T*>(out), std::move(body));
                    },
                    &value};
  }
  static BodySink document_sink(nlohmann::json& document);

  ResponseInfo send(http::Method method, const std::string& path, const nlohmann::ordered_json& params,
                    const RequestOptions& ro, BodySink sink) const;
  ResponseInfo send_upload(const std::string& path, const MultipartForm& form, const RequestOptions& ro,
                           BodySink sink) const;
  ResponseInfo send_path(const std::string& path_and_query, const RequestOptions& ro, BodySink sink) const;

  // The final response: errors mapped, notices logged, the body read into the sink.
  ResponseInfo finish(const detail::PreparedCall& call, detail::FinalResponse&& final, BodySink sink) const;

  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace stripe

#if !defined(STRIPE_CONNECT_COMPILED)
#include "stripe/client-inl.hpp"
#endif
