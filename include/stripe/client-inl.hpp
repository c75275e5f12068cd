#pragma once
// The definitions of stripe::Client's request pipeline. Header-only builds include this from
// client.hpp; with STRIPE_CONNECT_COMPILED the stripe_connect library compiles it once.
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "stripe/client.hpp"
#include "stripe/config.hpp"
#include "stripe/detail/client_state.hpp"
#include "stripe/detail/error_mapping.hpp"
#include "stripe/detail/json_text.hpp"
#include "stripe/detail/request_builder.hpp"
#include "stripe/detail/retry_loop.hpp"

namespace stripe {

STRIPE_CONNECT_INLINE Client::Client(ClientOptions options)
    : state_(detail::make_client_state(std::move(options))) {}

STRIPE_CONNECT_INLINE const ClientOptions& Client::options() const { return state_->options; }

STRIPE_CONNECT_INLINE Client::BodySink Client::document_sink(nlohmann::json& document) {
  return BodySink{[](void* out, std::shared_ptr<const detail::JsonDocumentSource> body) {
                    auto& parsed = *static_cast<nlohmann::json*>(out);
                    parsed = detail::parse_untrusted(body->text());
                    if (parsed.is_discarded()) throw detail::JsonSyntaxError(detail::message_only("not JSON"));
                  },
                  &document};
}

STRIPE_CONNECT_INLINE Result<nlohmann::json> Client::raw_request(http::Method method, const std::string& path,
                                                                 const nlohmann::ordered_json& params,
                                                                 const RequestOptions& options) const {
  nlohmann::json body;
  ResponseInfo info = send(method, path, params, options, document_sink(body));
  return Result<nlohmann::json>(std::move(body), std::move(info));
}

STRIPE_CONNECT_INLINE Result<nlohmann::json> Client::raw_upload(const std::string& path, const MultipartForm& form,
                                                                const RequestOptions& options) const {
  nlohmann::json body;
  ResponseInfo info = send_upload(path, form, options, document_sink(body));
  return Result<nlohmann::json>(std::move(body), std::move(info));
}

STRIPE_CONNECT_INLINE Result<nlohmann::json> Client::get_path(const std::string& path_and_query,
                                                              const RequestOptions& options) const {
  nlohmann::json body;
  ResponseInfo info = send_path(path_and_query, options, document_sink(body));
  return Result<nlohmann::json>(std::move(body), std::move(info));
}

STRIPE_CONNECT_INLINE ResponseInfo Client::send(http::Method method, const std::string& path,
                                                const nlohmann::ordered_json& params, const RequestOptions& ro,
                                                BodySink sink) const {
  detail::PreparedCall call = detail::prepare_call(*state_, method, path, params, ro);
  detail::FinalResponse final = detail::RetryLoop(*state_, call).run();
  return finish(call, std::move(final), sink);
}

STRIPE_CONNECT_INLINE ResponseInfo Client::send_upload(const std::string& path, const MultipartForm& form,
                                                       const RequestOptions& ro, BodySink sink) const {
  detail::check_upload_form(form);
  detail::PreparedCall call = detail::prepare_call(*state_, http::Method::post, path, nlohmann::ordered_json::object(), ro);
  detail::prepare_upload(call, state_->options, path, form);
  detail::FinalResponse final = detail::RetryLoop(*state_, call).run();
  return finish(call, std::move(final), sink);
}

STRIPE_CONNECT_INLINE ResponseInfo Client::send_path(const std::string& path_and_query, const RequestOptions& ro,
                                                     BodySink sink) const {
  if (path_and_query.size() < 2 || path_and_query[0] != '/' || path_and_query[1] == '/' ||
      path_and_query.find("://") != std::string::npos || path_and_query.find('\\') != std::string::npos)
    throw InvalidParamsError(detail::message_only("refusing to request a URL that is not a path on the API host"));
  return send(http::Method::get, path_and_query, nlohmann::ordered_json::object(), ro, sink);
}

STRIPE_CONNECT_INLINE ResponseInfo Client::finish(const detail::PreparedCall& call, detail::FinalResponse&& final,
                                                  BodySink sink) const {
  http::Response& resp = final.response;
  ResponseInfo info;
  info.status = resp.status;
  info.request_id = detail::redact(resp.headers.get("Request-Id").value_or(""), call.secret);
  info.idempotency_key = call.idempotency_key;
  info.attempts = final.attempts;
  if (resp.status < 200 || resp.status >= 300)
    detail::throw_api_error(resp, detail::with_response({}, info), call.v2, call.secret);
  // Notices are logged whether or not the body decodes: they may say why it does not.
  info.notices = resp.headers.get_all("Stripe-Notice");
  for (auto& notice : info.notices) {
    notice = detail::redact(std::move(notice), call.secret);
    if (state_->options.logger) state_->options.logger(LogLevel::warning, "Stripe-Notice: " + notice);
  }
  // The body moves into a document source the decoded objects share for their `raw`.
  auto body = std::make_shared<const detail::JsonDocumentSource>(std::move(resp.body));
  try {
    sink.read(sink.out, body);
  } catch (const detail::JsonSyntaxError&) {
    resp.body = body->text();
    detail::throw_not_json(resp, detail::with_response({}, info), call.secret);
  } catch (const DecodeError& e) {
    throw DecodeError(detail::with_response(e.details(), info));
  }
  // The response is done with: its headers move into the result, redacted in place.
  info.headers = detail::redacted_headers(std::move(resp.headers), call.secret);
  return info;
}

}  // namespace stripe
