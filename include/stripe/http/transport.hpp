#pragma once
/// \file
/// The one seam between the SDK and the network: a Transport sends a Request and returns a
/// Response. Tests, proxies and other HTTP stacks plug in here.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stripe::http {

/// The HTTP methods the Stripe API uses (`del` because `delete` is a keyword).
enum class Method { get, post, del };

/// The method as it goes on the wire ("GET", "POST", "DELETE").
inline const char* method_name(Method m) {
  switch (m) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::del: return "DELETE";
  }
  return "GET";
}

/// ASCII case-insensitive equality: HTTP header names ignore case, locales must not matter.
inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// Header list that keeps order and duplicates; look-ups ignore case as HTTP requires.
struct Headers {
  std::vector<std::pair<std::string, std::string>> entries;  ///< in the order sent or received

  /// Replaces the first header of that name, or adds it: for headers that must appear once.
  void set(std::string name, std::string value) {
    for (auto& e : entries)
      if (iequals(e.first, name)) { e.second = std::move(value); return; }
    entries.emplace_back(std::move(name), std::move(value));
  }
  /// Appends, keeping any header of the same name (repeatable headers).
  void add(std::string name, std::string value) { entries.emplace_back(std::move(name), std::move(value)); }
  /// The first value of that name, if any.
  std::optional<std::string> get(std::string_view name) const {
    for (const auto& e : entries)
      if (iequals(e.first, name)) return e.second;
    return std::nullopt;
  }
  /// Every value of that name, in order (e.g. several Stripe-Notice headers).
  std::vector<std::string> get_all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& e : entries)
      if (iequals(e.first, name)) out.push_back(e.second);
    return out;
  }
  /// Whether a header of that name is present.
  bool contains(std::string_view name) const { return get(name).has_value(); }
};

/// One attempt as the client built it: a transport sends it as is and adds nothing but what
/// its HTTP stack requires.
struct Request {
  Method method = Method::get;  ///< the HTTP method
  std::string url;  ///< absolute: scheme, host, path and query
  Headers headers;  ///< authorization, idempotency key, versions, content type
  /// Form-encoded (v1), JSON (v2) or, for file uploads, multipart/form-data bytes (any bytes, NUL
  /// included; the Content-Type header names the boundary). Empty for GET. Sent as it is.
  std::string body;
  /// Bounds the whole attempt, reading the body included. The client cuts it to the time left
  /// before the call's deadline; always positive.
  std::chrono::milliseconds timeout{80000};
  std::chrono::milliseconds connect_timeout{30000};  ///< bounds connecting alone
  /// Stop reading and throw NoResponseError(Kind::too_large) once the body would exceed this.
  std::size_t max_response_bytes = 16u * 1024u * 1024u;
};

/// What came back, whatever the status: mapping statuses to errors is the client's job.
struct Response {
  int status = 0;  ///< the HTTP status
  Headers headers;  ///< the response headers (Request-Id, Idempotent-Replayed, Stripe-Notice...)
  std::string body;  ///< the body as received
};

/// No usable HTTP response was received (connect failure, reset, timeout, truncated body, or a
/// body over Request::max_response_bytes). An HTTP error status is not this: it is a response,
/// and the client maps it to an API error.
class NoResponseError : public std::runtime_error {
 public:
  /// Why there is no response; the client retries every kind but too_large.
  enum class Kind { connect, timeout, reset, truncated, too_large, other };
  /// `what` must not contain secrets: it can reach logs.
  NoResponseError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  /// Why there is no response.
  Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

/// Sends requests for a Client (ClientOptions::transport). What an implementation promises:
/// - send() is safe to call from many threads at once, and honours request.timeout (the whole
///   attempt) and request.max_response_bytes (while reading, not after).
/// - It reports "no usable response" with NoResponseError; the client retries those by the wire
///   contract's rules (all kinds but too_large). Any HTTP status is a Response, never an exception.
/// - It may throw std::bad_alloc or a stripe::Error, which the client lets through. Any other
///   exception is a bug in the transport: the client does not retry it and reports it as a
///   stripe::ConnectionError that says so.
/// - Messages must not contain secrets: the client redacts the key in use, but a transport that
///   knows other secrets (proxy credentials) keeps them out of what().
class Transport {
 public:
  virtual ~Transport() = default;
  /// One attempt: the response whatever its status, or NoResponseError.
  virtual Response send(const Request& request) = 0;
};

}  // namespace stripe::http
