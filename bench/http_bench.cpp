// End to end over loopback HTTP: client.v1().accounts().retrieve through CurlTransport against
// a plain libcurl loop sending the same GET with the same headers and parsing nothing; and the
// peak memory of auto-paginating 10,000 accounts in 100 pages.
#include <benchmark/benchmark.h>
#include <curl/curl.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <new>

#include "bench_support.hpp"
#include "stripe/client.hpp"
#include "stripe/v1/services.hpp"
#include "support/loopback_server.hpp"

// ---- allocation accounting: live and peak bytes allocated by threads that opt in ----
namespace {
std::atomic<std::int64_t> g_live{0};
std::atomic<std::int64_t> g_peak{0};
thread_local bool t_counting = false;
constexpr std::size_t kHeader = alignof(std::max_align_t);  // keeps user pointers aligned

void* counted_alloc(std::size_t n) {
  auto* block = static_cast<unsigned char*>(std::malloc(n + kHeader));
  if (!block) throw std::bad_alloc();
  auto* meta = reinterpret_cast<std::int64_t*>(block);
  meta[0] = static_cast<std::int64_t>(n);
  meta[1] = t_counting ? 1 : 0;  // freed blocks are uncounted only if they were counted
  if (t_counting) {
    std::int64_t live = g_live += static_cast<std::int64_t>(n);
    std::int64_t peak = g_peak.load();
    while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
    }
  }
  return block + kHeader;
}
void counted_free(void* p) noexcept {
  if (!p) return;
  auto* block = static_cast<unsigned char*>(p) - kHeader;
  auto* meta = reinterpret_cast<std::int64_t*>(block);
  if (meta[1]) g_live -= meta[0];
  std::free(block);
}
}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace {

constexpr int kPages = 100, kPerPage = 100;
// cpp-httplib would brotli- or gzip-compress an "application/json" body for a client that
// accepts it (the SDK does); compressing on every request would make the server the bottleneck.
// With a charset parameter httplib does not compress, and both sides read the same bytes.
constexpr const char* kJsonType = "application/json; charset=utf-8";

struct Fixture {
  test_support::LoopbackServer server;
  std::string account = bench::account_json();
  std::vector<std::string> pages;  // pre-rendered so the server allocates little while serving
  std::once_flag pages_rendered;
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> sdk_headers;  // as the SDK sent them
  std::unique_ptr<stripe::Client> client;

  // Renders the 100 list pages once, when the pagination benchmark first needs them.
  const std::vector<std::string>& list_pages() {
    std::call_once(pages_rendered, [this] {
      auto variants = bench::account_variants();
      for (int p = 0; p < kPages; ++p) {
        nlohmann::json page = {{"object", "list"}, {"url", "/v1/accounts"}, {"has_more", p + 1 < kPages}};
        page["data"] = nlohmann::json::array();
        for (int i = 0; i < kPerPage; ++i) {
          auto a = nlohmann::json::parse(variants[static_cast<std::size_t>(i) % variants.size()]);
          a["id"] = "acct_p" + std::to_string(p) + "_" + std::to_string(i);
          page["data"].push_back(std::move(a));
        }
        pages.push_back(page.dump());
      }
    });
    return pages;
  }

  Fixture() {
    server.server.Get("/v1/accounts/acct_bench", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (sdk_headers.empty())
          for (const auto& [name, value] : req.headers)
            if (name != "Host" && name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" &&
                name != "LOCAL_PORT" && name != "Accept-Encoding")
              sdk_headers.emplace_back(name, value);
      }
      res.set_content(account, kJsonType);
    });
    server.server.Get("/v1/accounts", [this](const httplib::Request& req, httplib::Response& res) {
      std::size_t page = 0;
      if (req.has_param("starting_after")) {
        auto after = req.get_param_value("starting_after");  // acct_p<P>_99
        page = std::stoul(after.substr(6, after.find('_', 6) - 6)) + 1;
      }
      res.set_content(list_pages().at(page), kJsonType);
    });
    server.start();
    stripe::ClientOptions o;
    o.secret_key = "sk_test_bench";
    o.base_url = server.base_url();
    o.retry.max_retries = 0;
    client = std::make_unique<stripe::Client>(o);
    client->v1().accounts().retrieve("acct_bench");  // records the SDK's headers
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_SdkRetrieve(benchmark::State& state) {
  auto& f = fixture();
  for (auto _ : state) {
    auto account = f.client->v1().accounts().retrieve("acct_bench");
    if (account->id.empty()) state.SkipWithError("no id");
    benchmark::DoNotOptimize(account);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SdkRetrieve)->Threads(1)->Threads(2)->UseRealTime();

size_t append_body(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// Baselines: one easy handle per thread (keep-alive), the same URL and headers, the body kept.
// BM_PlainCurl parses nothing; BM_PlainCurlParse adds nlohmann::json::parse of the body, which
// is what a hand-rolled integration does at the least.
template <bool Parse>
void plain_curl(benchmark::State& state) {
  auto& f = fixture();
  CURL* h = curl_easy_init();
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : f.sdk_headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  std::string url = f.server.base_url() + "/v1/accounts/acct_bench";
  std::string body;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // as the SDK asks
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  for (auto _ : state) {
    body.clear();
    long status = 0;
    if (curl_easy_perform(h) != CURLE_OK) state.SkipWithError("curl failed");
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200 || body.size() != f.account.size()) state.SkipWithError("bad response");
    if constexpr (Parse) {
      auto j = nlohmann::json::parse(body);
      benchmark::DoNotOptimize(j);
    }
  }
  state.SetItemsProcessed(state.iterations());
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
}
void BM_PlainCurl(benchmark::State& state) { plain_curl<false>(state); }
void BM_PlainCurlParse(benchmark::State& state) { plain_curl<true>(state); }
BENCHMARK(BM_PlainCurl)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_PlainCurlParse)->Threads(1)->Threads(2)->UseRealTime();

// Auto-paginates 10,000 accounts in 100 pages; reports the peak growth of live heap bytes
// allocated by this thread, next to the size of one decoded page.
void BM_AutoPaginate10k(benchmark::State& state) {
  auto& f = fixture();
  stripe::v1::AccountListParams params;
  params.limit = kPerPage;
  std::int64_t one_page = 0, peak_growth = 0;
  std::size_t seen = 0;
  f.list_pages();  // rendered before measuring
  for (auto _ : state) {
    t_counting = true;
    std::int64_t base = g_live.load();
    {
      auto page = f.client->v1().accounts().list(params);  // one page, held
      one_page = g_live.load() - base;
    }
    base = g_live.load();
    g_peak = base;
    seen = 0;
    for (const auto& account : f.client->v1().accounts().list_all(params)) {
      seen += !account.id.empty();
    }
    peak_growth = g_peak.load() - base;
    t_counting = false;
  }
  if (seen != static_cast<std::size_t>(kPages * kPerPage)) state.SkipWithError("did not see every account");
  state.counters["accounts"] = static_cast<double>(seen);
  state.counters["one_page_bytes"] = static_cast<double>(one_page);
  state.counters["peak_growth_bytes"] = static_cast<double>(peak_growth);
  state.counters["peak_in_pages"] = static_cast<double>(peak_growth) / static_cast<double>(one_page);
}
BENCHMARK(BM_AutoPaginate10k)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
