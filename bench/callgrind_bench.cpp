// One contender per run, for scripts/callgrind.py: warm-up, then `requests` repetitions inside
// measured_loop(), the one function callgrind collects in (--collect-atstart=no
// --toggle-collect=measured_loop). Usage:
//   bench_callgrind <contender> [base_url] [requests] [warmup]
// HTTP contenders GET <base_url>/v1/accounts/acct_bench from bench_account_server; the decode
// contenders need no server. The last line of the output gives the wall-clock rate of the
// measured loop ("... requests/s"), which scripts/bench.py --throughput-only reads for its
// interleaved rounds (under callgrind the rate means nothing).
#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "bench_support.hpp"
#include "stripe/client.hpp"
#include "stripe/v1/services.hpp"

namespace {

constexpr const char* kAccountPath = "/v1/accounts/acct_bench";

struct Contender {
  virtual ~Contender() = default;
  virtual void once() = 0;
};

// The headers the SDK sends for a retrieve (authorization, versions, user agents), recorded by a
// transport that answers without a network, so the libcurl contenders send the same request.
struct Recorder : stripe::http::Transport {
  stripe::http::Headers headers;
  std::string body = bench::account_json();
  stripe::http::Response send(const stripe::http::Request& request) override {
    headers = request.headers;
    return {200, {}, body};
  }
};

stripe::ClientOptions client_options(const std::string& base_url) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_callgrind";
  o.base_url = base_url;
  o.retry.max_retries = 0;
  return o;
}

size_t drop_body(char*, size_t size, size_t n, void*) { return size * n; }
size_t keep_body(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// libcurl as a hand-rolled integration uses it: one easy handle set up once, the SDK's headers.
// Body::drop drops the body as it arrives; Body::keep keeps it in a string (as any caller that
// reads the answer must); Body::parse keeps it and runs json::parse.
enum class Body { drop, keep, parse };

template <Body Mode>
struct PlainCurl : Contender {
  CURL* curl = curl_easy_init();
  curl_slist* headers = nullptr;
  std::string url;
  std::string body;

  explicit PlainCurl(const std::string& base_url) : url(base_url + kAccountPath) {
    auto recorder = std::make_shared<Recorder>();
    stripe::ClientOptions o = client_options(base_url);
    o.transport = recorder;
    stripe::Client(o).v1().accounts().retrieve("acct_bench");
    for (const auto& [name, value] : recorder->headers.entries)
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // as the SDK asks
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Mode == Body::drop ? &drop_body : &keep_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  }
  ~PlainCurl() override {
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
  }
  void once() override {
    body.clear();
    if (curl_easy_perform(curl) != CURLE_OK) throw std::runtime_error("curl_easy_perform failed");
    if constexpr (Mode == Body::keep) {
      if (body.empty()) throw std::runtime_error("empty body");
    }
    if constexpr (Mode == Body::parse) {
      auto j = nlohmann::json::parse(body);
      if (!j.is_object()) throw std::runtime_error("not an object");
    }
  }
};

struct SdkRaw : Contender {
  stripe::Client client;
  explicit SdkRaw(const std::string& base_url) : client(client_options(base_url)) {}
  void once() override {
    auto r = client.raw_request(stripe::http::Method::get, kAccountPath);
    if (!r->is_object()) throw std::runtime_error("not an object");
  }
};

struct SdkTyped : Contender {
  stripe::Client client;
  explicit SdkTyped(const std::string& base_url) : client(client_options(base_url)) {}
  void once() override {
    auto account = client.v1().accounts().retrieve("acct_bench");
    if (account->id.empty()) throw std::runtime_error("no id");
  }
};

// The bytes of the account to a document, the baseline of the decode contenders.
struct Parse : Contender {
  std::string bytes = bench::account_json();
  void once() override {
    auto j = nlohmann::json::parse(bytes);
    if (!j.is_object()) throw std::runtime_error("not an object");
  }
};

// The same bytes to stripe::v1::Account, the way a typed call decodes a response body (from
// the bytes, no document; the copy of the bytes stands for the body the call moves in).
struct Decode : Contender {
  std::string bytes = bench::account_json();
  void once() override {
    auto account = stripe::decode_text<stripe::v1::Account>(bytes);
    if (account.id.empty()) throw std::runtime_error("no id");
  }
};

// The way typed calls decoded before: a document first, then the typed model from it.
struct DecodeDocument : Contender {
  std::string bytes = bench::account_json();
  void once() override {
    auto account = stripe::decode<stripe::v1::Account>(nlohmann::json::parse(bytes));
    if (account.id.empty()) throw std::runtime_error("no id");
  }
};

std::unique_ptr<Contender> make(const std::string& name, const std::string& base_url) {
  if (name == "curl") return std::make_unique<PlainCurl<Body::drop>>(base_url);
  if (name == "curl_keep") return std::make_unique<PlainCurl<Body::keep>>(base_url);
  if (name == "curl_parse") return std::make_unique<PlainCurl<Body::parse>>(base_url);
  if (name == "raw") return std::make_unique<SdkRaw>(base_url);
  if (name == "typed") return std::make_unique<SdkTyped>(base_url);
  if (name == "parse") return std::make_unique<Parse>();
  if (name == "decode") return std::make_unique<Decode>();
  if (name == "decode_document") return std::make_unique<DecodeDocument>();
  throw std::runtime_error("unknown contender " + name);
}

}  // namespace

// Not inlined and not static, so callgrind finds it by name; nothing else is collected.
extern "C" __attribute__((noinline)) void measured_loop(Contender& contender, long n) {
  for (long i = 0; i < n; ++i) contender.once();
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s curl|curl_keep|curl_parse|raw|typed|parse|decode|decode_document [base_url] [requests] [warmup]\n",
                 argv[0]);
    return 2;
  }
  try {
    const std::string base_url = argc > 2 ? argv[2] : "";
    const long requests = argc > 3 ? std::atol(argv[3]) : 2000;
    const long warmup = argc > 4 ? std::atol(argv[4]) : 200;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    auto contender = make(argv[1], base_url);
    for (long i = 0; i < warmup; ++i) contender->once();
    const auto start = std::chrono::steady_clock::now();
    measured_loop(*contender, requests);
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::printf("%s: %ld measured after %ld warm-up in %.6f s, %.1f requests/s\n", argv[1], requests, warmup,
                seconds.count(), static_cast<double>(requests) / seconds.count());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_callgrind: %s\n", e.what());
    return 1;
  }
}
