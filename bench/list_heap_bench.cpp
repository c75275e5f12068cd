// Peak heap of decoding one v1 list page: client.v1().accounts().list(limit 100) answered by an
// in-memory transport with a page of 100 accounts (bench/data/account_5kb.json, distinct ids),
// so no network and no server thread allocate. A replaced global operator new/delete (every
// form: sized and unsized, array, aligned, nothrow) keeps live and peak counters of the bytes
// requested by the measuring thread; the peak is taken from just before the call until its
// Result is held, and reported against the size of the page on the wire, with the heap the held
// Result keeps. Public API only, so it measures whatever decoder the SDK has.
//   bench_list_heap [--json]
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <set>
#include <stdexcept>
#include <string>

#include "bench_support.hpp"
#include "stripe/client.hpp"
#include "stripe/v1/accounts.hpp"

// ---- allocation accounting: live and peak bytes requested by threads that opt in ----
namespace {
std::atomic<std::int64_t> g_live{0};
std::atomic<std::int64_t> g_peak{0};
std::atomic<std::int64_t> g_allocations{0};
thread_local bool t_counting = false;
// Each block starts with a header of at least this size: the requested size and whether it was
// counted (a block allocated before counting began is not subtracted when it is freed). It keeps
// the user pointer aligned to max_align_t, or to the requested alignment.
constexpr std::size_t kHeader = alignof(std::max_align_t);
static_assert(kHeader >= 2 * sizeof(std::int64_t), "the header holds two counters");

void* account(unsigned char* block, std::size_t header, std::size_t n) {
  unsigned char* user = block + header;
  auto* meta = reinterpret_cast<std::int64_t*>(user - 2 * sizeof(std::int64_t));
  meta[0] = static_cast<std::int64_t>(n);
  meta[1] = t_counting ? 1 : 0;
  if (t_counting) {
    ++g_allocations;
    const std::int64_t live = g_live += static_cast<std::int64_t>(n);
    std::int64_t peak = g_peak.load();
    while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
    }
  }
  return user;
}
void unaccount(void* p) noexcept {
  const auto* meta = reinterpret_cast<const std::int64_t*>(static_cast<unsigned char*>(p) - 2 * sizeof(std::int64_t));
  if (meta[1]) g_live -= meta[0];
}

void* plain_alloc(std::size_t n) noexcept {
  auto* block = static_cast<unsigned char*>(std::malloc(n + kHeader));
  return block ? account(block, kHeader, n) : nullptr;
}
void plain_free(void* p) noexcept {
  if (!p) return;
  unaccount(p);
  std::free(static_cast<unsigned char*>(p) - kHeader);
}

std::size_t aligned_header(std::align_val_t al) { return std::max(kHeader, static_cast<std::size_t>(al)); }
void* aligned_alloc_counted(std::size_t n, std::align_val_t al) noexcept {
  const std::size_t header = aligned_header(al);
  const std::size_t total = (n + header + header - 1) / header * header;  // aligned_alloc wants a multiple
  auto* block = static_cast<unsigned char*>(std::aligned_alloc(header, total));
  return block ? account(block, header, n) : nullptr;
}
void aligned_free(void* p, std::align_val_t al) noexcept {
  if (!p) return;
  unaccount(p);
  std::free(static_cast<unsigned char*>(p) - aligned_header(al));
}

void* or_throw(void* p) {
  if (!p) throw std::bad_alloc();
  return p;
}
}  // namespace

void* operator new(std::size_t n) { return or_throw(plain_alloc(n)); }
void* operator new[](std::size_t n) { return or_throw(plain_alloc(n)); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return plain_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return plain_alloc(n); }
void* operator new(std::size_t n, std::align_val_t al) { return or_throw(aligned_alloc_counted(n, al)); }
void* operator new[](std::size_t n, std::align_val_t al) { return or_throw(aligned_alloc_counted(n, al)); }
void* operator new(std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return aligned_alloc_counted(n, al);
}
void* operator new[](std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return aligned_alloc_counted(n, al);
}
void operator delete(void* p) noexcept { plain_free(p); }
void operator delete[](void* p) noexcept { plain_free(p); }
void operator delete(void* p, std::size_t) noexcept { plain_free(p); }
void operator delete[](void* p, std::size_t) noexcept { plain_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { plain_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { plain_free(p); }
void operator delete(void* p, std::align_val_t al) noexcept { aligned_free(p, al); }
void operator delete[](void* p, std::align_val_t al) noexcept { aligned_free(p, al); }
void operator delete(void* p, std::size_t, std::align_val_t al) noexcept { aligned_free(p, al); }
void operator delete[](void* p, std::size_t, std::align_val_t al) noexcept { aligned_free(p, al); }
void operator delete(void* p, std::align_val_t al, const std::nothrow_t&) noexcept { aligned_free(p, al); }
void operator delete[](void* p, std::align_val_t al, const std::nothrow_t&) noexcept { aligned_free(p, al); }

namespace {

constexpr int kAccounts = 100;

// {"object":"list","data":[...],"has_more":false,"url":"/v1/accounts"}: the benchmark account
// 100 times with distinct ids, each in the field order of the file, written compactly.
std::string list_page() {
  const auto account = nlohmann::ordered_json::parse(bench::account_json());
  std::string page = R"({"object":"list","data":[)";
  for (int i = 0; i < kAccounts; ++i) {
    auto a = account;
    char id[32];
    std::snprintf(id, sizeof id, "acct_heap%03d", i);
    a["id"] = id;
    if (i) page += ',';
    page += a.dump();
  }
  page += R"(],"has_more":false,"url":"/v1/accounts"})";
  return page;
}

// Answers every request with the page, as a transport that has just read it from the network:
// the response body is a fresh string each time.
struct PageTransport : stripe::http::Transport {
  std::string page;
  explicit PageTransport(std::string p) : page(std::move(p)) {}
  stripe::http::Response send(const stripe::http::Request& request) override {
    if (request.method != stripe::http::Method::get || request.url.find("/v1/accounts?") == std::string::npos)
      throw std::runtime_error("unexpected request " + request.url);
    stripe::http::Response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.headers.add("Request-Id", "req_list_heap");
    r.body = page;
    return r;
  }
};

struct Figures {
  std::int64_t peak = 0, held = 0, allocations = 0;
};

Figures measure(const stripe::Client& client, const stripe::v1::AccountListParams& params) {
  Figures f;
  t_counting = true;
  const std::int64_t allocations = g_allocations.load();
  const std::int64_t base = g_live.load();
  g_peak = base;
  {
    auto page = client.v1().accounts().list(params);  // the Result, held
    f.peak = g_peak.load() - base;
    f.held = g_live.load() - base;
    f.allocations = g_allocations.load() - allocations;
    t_counting = false;
    std::set<std::string> ids;
    for (const auto& a : page->data) ids.insert(a.id);
    if (page->data.size() != kAccounts || ids.size() != kAccounts || *ids.begin() != "acct_heap000")
      throw std::runtime_error("the page did not decode to 100 distinct accounts");
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    const std::string page = list_page();
    stripe::ClientOptions o;
    o.secret_key = "sk_test_list_heap";
    o.retry.max_retries = 0;
    o.transport = std::make_shared<PageTransport>(page);
    const stripe::Client client(o);
    stripe::v1::AccountListParams params;
    params.limit = kAccounts;
    measure(client, params);  // a first call: anything allocated once per program is not the page's
    Figures f;
    for (int run = 0; run < 3; ++run) {  // the same figures each time; the largest is reported
      const Figures r = measure(client, params);
      f.peak = std::max(f.peak, r.peak);
      f.held = std::max(f.held, r.held);
      f.allocations = std::max(f.allocations, r.allocations);
    }
    const double wire = static_cast<double>(page.size());
    if (json) {
      std::printf("{\"accounts\": %d, \"wire_bytes\": %zu, \"peak_bytes\": %lld, \"held_bytes\": %lld, "
                  "\"allocations\": %lld, \"peak_ratio\": %.4f, \"held_ratio\": %.4f}\n",
                  kAccounts, page.size(), static_cast<long long>(f.peak), static_cast<long long>(f.held),
                  static_cast<long long>(f.allocations), static_cast<double>(f.peak) / wire,
                  static_cast<double>(f.held) / wire);
    } else {
      std::printf("list page of %d accounts: %zu bytes on the wire\n", kAccounts, page.size());
      std::printf("  peak live heap during list(): %lld bytes, %.2fx the wire size (goal <= 3x)\n",
                  static_cast<long long>(f.peak), static_cast<double>(f.peak) / wire);
      std::printf("  held by the Result after the call: %lld bytes, %.2fx the wire size\n",
                  static_cast<long long>(f.held), static_cast<double>(f.held) / wire);
      std::printf("  allocations during the call: %lld\n", static_cast<long long>(f.allocations));
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_list_heap: %s\n", e.what());
    return 1;
  }
}
