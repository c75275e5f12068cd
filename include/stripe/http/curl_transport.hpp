#pragma once
// The default transport, on libcurl. Link stripe_connect::curl to use it.
// Easy handles are pooled: each keeps its connection cache, so consecutive requests reuse
// keep-alive connections, and a handle is used by one thread at a time. A handle gets its fixed
// options and its header list once, when it is made; a request sets only what differs from the
// handle's previous request. Only a handle whose transfer completed goes back to the pool: one
// that failed or was aborted is cleaned up.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>

#include "stripe/http/curl_headers.hpp"
#include "stripe/http/default_transport.hpp"
#include "stripe/http/transport.hpp"

namespace stripe::http {

/// Settings of the libcurl transport: trust store, proxy and pooling.
struct CurlOptions {
  std::string ca_bundle;  ///< CURLOPT_CAINFO; empty: the system store
  std::string ca_path;    ///< CURLOPT_CAPATH
  std::string proxy;      ///< e.g. http://proxy.internal:3128 or http://user:password@proxy.internal:3128
  std::size_t max_idle_handles = 32;  ///< easy handles kept for reuse (and their connections); more are closed
};

namespace detail {

inline void replace_all(std::string& text, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size()))
    text.replace(pos, what.size(), with);
}

// Cuts the userinfo out of every URL in `text`: scheme://user:password@host -> scheme://***@host.
// The authority ends at a path, query, fragment, quote or line end (libcurl quotes URLs with ').
inline std::string redact_url_userinfo(std::string text) {
  for (std::size_t pos = text.find("://"); pos != std::string::npos; pos = text.find("://", pos)) {
    std::size_t start = pos + 3;
    std::size_t end = text.find_first_of("/?#'\"\r\n", start);
    if (end == std::string::npos) end = text.size();
    std::size_t at = std::string_view(text).substr(start, end - start).rfind('@');
    if (at != std::string_view::npos) text.replace(start, at, "***");
    pos = start;
  }
  return text;
}

// What of a proxy URL is secret: its userinfo and password, as written and percent-decoded,
// longest first (so "user:password" goes before "password").
inline std::vector<std::string> proxy_secrets(std::string_view proxy) {
  std::size_t scheme = proxy.find("://");
  std::string_view rest = scheme == std::string_view::npos ? proxy : proxy.substr(scheme + 3);
  std::size_t at = rest.rfind('@');
  if (at == std::string_view::npos) return {};
  auto decode = [](std::string_view in) {
    auto hex = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
      int hi = in[i] == '%' && i + 2 < in.size() ? hex(in[i + 1]) : -1;
      int lo = hi >= 0 ? hex(in[i + 2]) : -1;
      if (lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
      } else {
        out.push_back(in[i]);
      }
    }
    return out;
  };
  std::string_view userinfo = rest.substr(0, at);
  std::size_t colon = userinfo.find(':');
  std::string_view password = colon == std::string_view::npos ? std::string_view() : userinfo.substr(colon + 1);
  std::vector<std::string> out;
  for (std::string_view s : {userinfo, password}) {
    if (s.empty()) continue;
    out.emplace_back(s);
    out.push_back(decode(s));
  }
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace detail

/// The default HTTP transport, on libcurl: pooled easy handles, TLS verified, proxy secrets redacted from errors. Thread-safe.
class CurlTransport : public Transport {
 public:
  /// Initialises libcurl once per process; connections open on the first send().
  explicit CurlTransport(CurlOptions options = {})
      : options_(std::move(options)), proxy_secrets_(detail::proxy_secrets(options_.proxy)) {
    global_init();
  }
  ~CurlTransport() override = default;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Response send(const Request& request) override {
    std::unique_ptr<Handle> h = acquire();
    Response response;
    h->start(response, request.max_response_bytes);
    CURL* c = h->curl;
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    set_method(*h, request);
    set_limits(*h, request);
    h->headers.assign(request.headers);

    CURLcode rc = curl_easy_perform(c);
    h->response = nullptr;
    // Every way out below but the last drops the handle (its destructor cleans it up).
    if (h->failure) rethrow_callback_failure(h->failure);
    if (h->too_large || rc == CURLE_FILESIZE_EXCEEDED)
      throw NoResponseError(NoResponseError::Kind::too_large,
                            "response larger than the limit of " + std::to_string(request.max_response_bytes) +
                                " bytes; reading stopped");
    if (rc != CURLE_OK) throw NoResponseError(classify(rc), failure_message(rc, h->errbuf));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    release(std::move(h));
    return response;
  }

  /// Handles waiting in the pool, each with its connection cache.
  std::size_t idle_handles() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return idle_.size();
  }

 private:
  // One easy handle, the state its callbacks write to, and what its previous request set. libcurl
  // keeps pointers into it, so it lives on the heap and never moves.
  struct Handle {
    CURL* curl = nullptr;
    detail::CurlHeaderList headers;  // its CURLOPT_HTTPHEADER; members outlive the destructor's curl_easy_cleanup
    char errbuf[CURL_ERROR_SIZE] = {0};
    Response* response = nullptr;  // the current transfer's, null between transfers
    std::size_t limit = 0;
    std::size_t header_bytes = 0;
    bool too_large = false;
    std::exception_ptr failure;  // thrown inside a callback, rethrown after curl_easy_perform
    // As the previous request left them; unset on a new handle, so its first request sets all.
    std::optional<Method> method;
    long timeout_ms = 0, connect_timeout_ms = 0;  // libcurl's "no timeout", never ours
    std::optional<curl_off_t> max_filesize;

    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
      if (curl) curl_easy_cleanup(curl);
    }
    void start(Response& r, std::size_t max_bytes) {
      response = &r;
      limit = max_bytes;
      header_bytes = 0;
      too_large = false;
      failure = nullptr;
      errbuf[0] = '\0';
    }
  };

  static void global_init() {
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)done;
  }

  // The options every request shares, set once per handle.
  std::unique_ptr<Handle> make_handle() const {
    auto h = std::make_unique<Handle>();
    h->curl = curl_easy_init();
    if (!h->curl) throw NoResponseError(NoResponseError::Kind::other, "curl_easy_init failed");
    CURL* c = h->curl;
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_bundle.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    if (!options_.ca_path.empty()) curl_easy_setopt(c, CURLOPT_CAPATH, options_.ca_path.c_str());
    if (!options_.proxy.empty()) curl_easy_setopt(c, CURLOPT_PROXY, options_.proxy.c_str());
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &CurlTransport::on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, h.get());
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &CurlTransport::on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, h.get());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h->headers.get());  // its head never changes; send() assigns the lines
    return h;
  }

  // A handle remembers the previous request's method. A POST always sets its body (the previous
  // one's memory is gone); a GET or DELETE after the same method has nothing to change.
  static void set_method(Handle& h, const Request& request) {
    CURL* c = h.curl;
    if (request.method == Method::post) {
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());  // also selects POST
      if (h.method != Method::post) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, static_cast<char*>(nullptr));
    } else if (h.method != request.method) {
      // Forget the last POST's body (its memory is gone); HTTPGET, set after it, selects GET.
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, static_cast<char*>(nullptr));
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(-1));
      curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method == Method::del ? "DELETE" : static_cast<char*>(nullptr));
    }
    h.method = request.method;
  }

  // Timeouts and the size limit, where they differ from the handle's previous request (they
  // change with a call's deadline or RequestOptions).
  static void set_limits(Handle& h, const Request& request) {
    if (long ms = positive_ms(request.timeout); ms != h.timeout_ms) {
      curl_easy_setopt(h.curl, CURLOPT_TIMEOUT_MS, ms);
      h.timeout_ms = ms;
    }
    if (long ms = positive_ms(request.connect_timeout); ms != h.connect_timeout_ms) {
      curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT_MS, ms);
      h.connect_timeout_ms = ms;
    }
    if (curl_off_t limit = max_filesize(request.max_response_bytes); limit != h.max_filesize) {
      curl_easy_setopt(h.curl, CURLOPT_MAXFILESIZE_LARGE, limit);
      h.max_filesize = limit;
    }
  }

  // libcurl reads 0 as "no timeout"; a budget that is already spent gets the smallest one.
  static long positive_ms(std::chrono::milliseconds d) {
    if (d.count() <= 0) return 1L;
    return d.count() >= LONG_MAX ? LONG_MAX : static_cast<long>(d.count());
  }

  // Refuses a too-large Content-Length before reading; 0 (no up-front check) when the limit does
  // not fit, the body callback counts anyway.
  static curl_off_t max_filesize(std::size_t limit) {
    constexpr auto top = static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max());
    return limit >= top ? 0 : static_cast<curl_off_t>(limit);
  }

  static NoResponseError::Kind classify(CURLcode rc) {
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT: return NoResponseError::Kind::timeout;
      case CURLE_COULDNT_CONNECT:
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_SSL_CONNECT_ERROR: return NoResponseError::Kind::connect;
      case CURLE_GOT_NOTHING:
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR: return NoResponseError::Kind::reset;
      case CURLE_PARTIAL_FILE: return NoResponseError::Kind::truncated;
      default: return NoResponseError::Kind::other;
    }
  }

  // libcurl's words, with the proxy named (its credentials never: libcurl quotes a malformed
  // proxy URL whole).
  std::string failure_message(CURLcode rc, const char* errbuf) const {
    std::string what = curl_easy_strerror(rc);
    if (errbuf[0]) what.append(": ").append(errbuf);
    if (!options_.proxy.empty()) what.append(" (through proxy ").append(options_.proxy).append(")");
    return redact(std::move(what));
  }

  std::string redact(std::string text) const {
    text = detail::redact_url_userinfo(std::move(text));
    for (const auto& secret : proxy_secrets_) detail::replace_all(text, secret, "***");
    return text;
  }

  // A bad_alloc stays a bad_alloc (the Transport contract lets it through); anything else from
  // our own callbacks is reported as no usable response.
  [[noreturn]] void rethrow_callback_failure(const std::exception_ptr& failure) const {
    try {
      std::rethrow_exception(failure);
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      throw NoResponseError(NoResponseError::Kind::other, redact(std::string("reading the response failed: ") + e.what()));
    } catch (...) {
      throw NoResponseError(NoResponseError::Kind::other, "reading the response failed");
    }
  }

  // No exception may unwind through libcurl: callbacks catch everything, keep it, and abort the
  // transfer by returning a count other than the one given.
  static size_t on_body(char* data, size_t size, size_t n, void* user) noexcept {
    auto* h = static_cast<Handle*>(user);
    const size_t bytes = size * n;
    try {
      std::string& body = h->response->body;
      if (bytes > h->limit - body.size()) {  // body.size() never exceeds the limit
        h->too_large = true;
        return 0;
      }
      if (body.empty()) {
        // Room for the whole announced body at once: no doubling, no spare capacity kept
        // alive afterwards by the objects decoded from it.
        curl_off_t announced = -1;
        if (curl_easy_getinfo(h->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK &&
            announced > 0 && static_cast<std::uint64_t>(announced) <= h->limit)
          body.reserve(static_cast<std::size_t>(announced));
      }
      body.append(data, bytes);
      return bytes;
    } catch (...) {
      h->failure = std::current_exception();
      return 0;
    }
  }

  static size_t on_header(char* data, size_t size, size_t n, void* user) noexcept {
    auto* h = static_cast<Handle*>(user);
    const size_t bytes = size * n;
    try {
      // Endless headers are no better than an endless body. They count against the same limit,
      // but ordinary headers always fit, however small the limit.
      h->header_bytes += bytes;
      if (h->header_bytes > std::max<std::size_t>(h->limit, 64 * 1024)) {
        h->too_large = true;
        return 0;
      }
      detail::read_header_line(std::string_view(data, bytes), h->response->headers);
      return bytes;
    } catch (...) {
      h->failure = std::current_exception();
      return 0;
    }
  }

  std::unique_ptr<Handle> acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<Handle> h = std::move(idle_.back());
        idle_.pop_back();
        return h;
      }
    }
    return make_handle();
  }

  void release(std::unique_ptr<Handle> h) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < options_.max_idle_handles) idle_.push_back(std::move(h));
    else h.reset();  // full: clean it up
  }

  CurlOptions options_;
  std::vector<std::string> proxy_secrets_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Handle>> idle_;
};

/// A libcurl transport, for ClientOptions::transport when the defaults need changing (proxy, CA).
inline std::shared_ptr<Transport> make_curl_transport(CurlOptions options = {}) {
  return std::make_shared<CurlTransport>(std::move(options));
}

namespace detail {
// Any program that includes this header gets libcurl as the default transport (one registration
// per program: an inline variable).
inline std::shared_ptr<Transport> make_default_curl_transport() { return make_curl_transport(); }
inline const bool curl_transport_registered = set_default_transport("curl", &make_default_curl_transport);
}  // namespace detail

}  // namespace stripe::http
