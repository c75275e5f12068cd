#pragma once
// Per-call step of the pipeline: checks what the caller asked for and builds the http::Request
// every attempt sends (byte-identical across retries, idempotency key included).
#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "stripe/client_options.hpp"
#include "stripe/detail/client_state.hpp"
#include "stripe/detail/path.hpp"
#include "stripe/detail/text_checks.hpp"
#include "stripe/detail/uuid.hpp"
#include "stripe/encoding/form.hpp"
#include "stripe/encoding/multipart.hpp"
#include "stripe/errors.hpp"

namespace stripe::detail {

struct PreparedCall {
  http::Request request;
  std::string secret;  // the key in use: redacted from everything the call reports
  std::string idempotency_key;
  std::string log_path;  // no query string
  bool v2 = false;
  int max_retries = 0;
  std::optional<std::chrono::milliseconds> deadline;
};

inline bool is_v2_path(std::string_view path) { return path.rfind("/v2/", 0) == 0; }

[[noreturn]] inline void refuse(const std::string& param, const std::string& message) {
  ErrorDetails d;
  d.param = param;
  d.message = message;
  throw InvalidParamsError(std::move(d));
}

// Names the option, never echoes the value (it may be a key).
inline void check_header_value(const std::string& option, std::string_view value) {
  if (const char* problem = header_value_problem(value)) refuse(option, option + " " + problem);
}

// Every string in the params, keys included, must be UTF-8: the API reads them as such.
template <class Json>
void check_params_utf8(const Json& j, const std::string& path) {
  if (j.is_string()) {
    if (!is_utf8(j.template get_ref<const std::string&>())) refuse(path, "params: " + path + " is not valid UTF-8");
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!is_utf8(it.key())) refuse(path, "params: a key in " + path + " is not valid UTF-8");
      check_params_utf8(it.value(), path + "." + it.key());
    }
  } else if (j.is_array()) {
    std::size_t i = 0;
    for (const auto& item : j) check_params_utf8(item, path + "[" + std::to_string(i++) + "]");
  }
}

inline void check_path(const std::string& path) {
  if (path.empty() || path[0] != '/') refuse("path", "the request path must start with '/'");
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f || c == '#') refuse("path", "the request path contains a space, control character or '#'");
  }
  if (has_dot_segment(path)) refuse("path", "the request path has a \".\" or \"..\" segment");
}

template <class Json>
PreparedCall prepare_call(const ClientState& state, http::Method method, const std::string& path, const Json& params,
                          const RequestOptions& ro) {
  const ClientOptions& o = state.options;
  PreparedCall call;
  call.v2 = is_v2_path(path);
  check_path(path);
  if (ro.api_key) check_header_value("RequestOptions::api_key", *ro.api_key);
  call.secret = ro.api_key ? *ro.api_key : o.secret_key;
  if (call.secret.empty()) throw ConfigurationError(message_only("no secret key: set ClientOptions::secret_key"));
  if (ro.stripe_account && ro.stripe_context)
    refuse("stripe_context", "set either Stripe-Account or Stripe-Context on a request, not both");
  if (!params.is_null() && !params.is_object()) refuse("params", "request parameters must be a JSON object");
  check_params_utf8(params, "params");
  if (ro.timeout && ro.timeout->count() <= 0) refuse("timeout", "RequestOptions::timeout must be positive");
  if (ro.deadline && ro.deadline->count() <= 0) refuse("deadline", "RequestOptions::deadline must be positive");
  if (ro.max_retries && *ro.max_retries < 0) refuse("max_retries", "RequestOptions::max_retries must be zero or more");

  http::Request& req = call.request;
  req.method = method;
  req.timeout = ro.timeout.value_or(o.timeout);
  req.connect_timeout = o.connect_timeout;
  req.max_response_bytes = o.max_response_bytes;
  req.url = o.base_url + path;
  if (method == http::Method::post) {
    req.body = call.v2 ? (params.is_null() ? std::string("{}") : params.dump()) : form_encode(params);
  } else if (std::string query = form_encode(params); !query.empty()) {
    req.url += (path.find('?') == std::string::npos ? "?" : "&") + query;
  }

  http::Headers& h = req.headers;
  h = state.fixed_headers;
  h.set("Authorization", "Bearer " + call.secret);
  if (ro.api_version) check_header_value("RequestOptions::api_version", *ro.api_version);
  h.set("Stripe-Version", ro.api_version.value_or(o.api_version));
  if (method == http::Method::post) h.set("Content-Type", call.v2 ? "application/json" : "application/x-www-form-urlencoded");
  if (ro.stripe_account) {
    check_header_value("RequestOptions::stripe_account", *ro.stripe_account);
    h.set("Stripe-Account", *ro.stripe_account);
  }
  if (ro.stripe_context) {
    check_header_value("RequestOptions::stripe_context", *ro.stripe_context);
    h.set("Stripe-Context", *ro.stripe_context);
  }
  for (const auto& [name, value] : ro.extra_headers) {
    if (!is_header_name(name)) refuse("extra_headers", "RequestOptions::extra_headers has a name that is not an HTTP token");
    check_header_value("RequestOptions::extra_headers[" + name + "]", value);
    h.set(name, value);
  }
  if (method == http::Method::post || (call.v2 && method == http::Method::del)) {
    call.idempotency_key = ro.idempotency_key ? *ro.idempotency_key : o.idempotency_key_generator();
    if (call.idempotency_key.empty() || call.idempotency_key.size() > 255)
      refuse("idempotency_key", "an idempotency key must be 1 to 255 characters");
    check_header_value("idempotency_key", call.idempotency_key);
    h.set("Idempotency-Key", call.idempotency_key);
  }
  call.log_path = path.substr(0, path.find('?'));
  call.max_retries = ro.max_retries.value_or(o.retry.max_retries);
  call.deadline = o.retry.deadline;
  if (ro.deadline && (!call.deadline || *ro.deadline < *call.deadline)) call.deadline = ro.deadline;
  return call;
}

// Field names and text values of an upload must be UTF-8 like any params; file bytes are sent as
// they are. Checked before the call is prepared, so a refused upload draws no idempotency key.
inline void check_upload_form(const MultipartForm& form) {
  for (const auto& part : form.parts) {
    if (!is_utf8(part.name)) refuse("params", "params: a multipart field name is not valid UTF-8");
    if (!part.filename && !is_utf8(part.value)) refuse(part.name, "params: " + part.name + " is not valid UTF-8");
  }
}

// Turns a prepared POST into a file upload: the files host, a multipart body with a boundary of
// its own (random, so no file's bytes contain it), and its Content-Type.
inline void prepare_upload(PreparedCall& call, const ClientOptions& o, const std::string& path, const MultipartForm& form) {
  const std::string boundary = uuid_v4();
  call.request.url = o.files_base_url + path;
  call.request.body = encode_multipart(form, boundary);
  call.request.headers.set("Content-Type", multipart_content_type(boundary));
}

}  // namespace stripe::detail
