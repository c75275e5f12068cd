#pragma once
// The default transport, on libcurl. Link stripe_connect::curl to use it.
// Easy handles are pooled: each keeps its connection cache, so consecutive requests reuse
// keep-alive connections, and a handle is used by one thread at a time.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "stripe/http/default_transport.hpp"
#include "stripe/http/transport.hpp"

namespace stripe::http {

struct CurlOptions {
  std::string ca_bundle;  // CURLOPT_CAINFO; empty: the system store
  std::string ca_path;    // CURLOPT_CAPATH
  std::string proxy;      // e.g. http://proxy.internal:3128
  std::size_t max_idle_handles = 32;
};

class CurlTransport : public Transport {
 public:
  explicit CurlTransport(CurlOptions options = {}) : options_(std::move(options)) { global_init(); }
  ~CurlTransport() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Response send(const Request& request) override {
    Lease lease(*this);
    CURL* h = lease.handle;
    curl_easy_reset(h);  // keeps the handle's live connections

    Response response;
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    if (!options_.ca_path.empty()) curl_easy_setopt(h, CURLOPT_CAPATH, options_.ca_path.c_str());
    if (!options_.proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, options_.proxy.c_str());
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &CurlTransport::on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &CurlTransport::on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response);

    switch (request.method) {
      case Method::get: curl_easy_setopt(h, CURLOPT_HTTPGET, 1L); break;
      case Method::post:
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
        break;
      case Method::del: curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELETE"); break;
    }

    struct SList {
      curl_slist* list = nullptr;
      ~SList() { curl_slist_free_all(list); }
    } headers;
    for (const auto& [name, value] : request.headers.entries)
      headers.list = curl_slist_append(headers.list, (name + ": " + value).c_str());
    headers.list = curl_slist_append(headers.list, "Expect:");  // no 100-continue round trip
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.list);

    CURLcode rc = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    if (rc != CURLE_OK) {
      std::string what = std::string(curl_easy_strerror(rc));
      if (errbuf[0]) what += ": " + std::string(errbuf);
      throw NoResponseError(classify(rc), what);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  static void global_init() {
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)done;
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

  static size_t on_body(char* data, size_t size, size_t n, void* user) {
    static_cast<Response*>(user)->body.append(data, size * n);
    return size * n;
  }

  static size_t on_header(char* data, size_t size, size_t n, void* user) {
    auto* response = static_cast<Response*>(user);
    std::string line(data, size * n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.rfind("HTTP/", 0) == 0) {
      response->headers.entries.clear();  // a new status line (after 1xx) starts a new header set
    } else if (auto colon = line.find(':'); colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      std::size_t first = value.find_first_not_of(" \t");
      response->headers.add(line.substr(0, colon), first == std::string::npos ? "" : value.substr(first));
    }
    return size * n;
  }

  struct Lease {
    CurlTransport& owner;
    CURL* handle;
    explicit Lease(CurlTransport& o) : owner(o), handle(o.acquire()) {}
    ~Lease() { owner.release(handle); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
  };

  CURL* acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        CURL* h = idle_.back();
        idle_.pop_back();
        return h;
      }
    }
    CURL* h = curl_easy_init();
    if (!h) throw NoResponseError(NoResponseError::Kind::other, "curl_easy_init failed");
    return h;
  }

  void release(CURL* h) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < options_.max_idle_handles) idle_.push_back(h);
    else curl_easy_cleanup(h);
  }

  CurlOptions options_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
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
