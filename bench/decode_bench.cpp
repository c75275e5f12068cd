// Decoding cost: the typed Account against parsing the same bytes, and account_state against
// decoding. scripts/bench.py turns the pairs into ratios.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "stripe/encoding/text_decode.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/v1/account.hpp"

namespace {

const std::string& account_bytes() {
  static const std::string bytes = bench::account_json();
  return bytes;
}

// Baseline: nlohmann::json::parse alone.
void BM_ParseOnly(benchmark::State& state) {
  const std::string& bytes = account_bytes();
  for (auto _ : state) {
    auto j = nlohmann::json::parse(bytes);
    benchmark::DoNotOptimize(j);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_ParseOnly);

// The SDK's path for a response body: the bytes straight into stripe::v1::Account (the copy
// stands for the body a typed call moves in).
void BM_DecodeAccount(benchmark::State& state) {
  const std::string& bytes = account_bytes();
  for (auto _ : state) {
    auto account = stripe::decode_text<stripe::v1::Account>(bytes);
    benchmark::DoNotOptimize(account);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_DecodeAccount);

// The document path (webhook payloads, stripe::decode): parse, then decode the document.
void BM_DecodeAccountDocument(benchmark::State& state) {
  const std::string& bytes = account_bytes();
  for (auto _ : state) {
    auto account = stripe::decode<stripe::v1::Account>(nlohmann::json::parse(bytes));
    benchmark::DoNotOptimize(account);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_DecodeAccountDocument);

constexpr std::size_t kAccounts = 100000;

// Decoding 100,000 accounts (the variants in turn); the baseline for account_state.
void BM_DecodeAccounts100k(benchmark::State& state) {
  const auto variants = bench::account_variants();
  for (auto _ : state) {
    for (std::size_t i = 0; i < kAccounts; ++i) {
      auto account = stripe::decode_text<stripe::v1::Account>(variants[i % variants.size()]);
      benchmark::DoNotOptimize(account);
    }
  }
}
BENCHMARK(BM_DecodeAccounts100k)->Unit(benchmark::kMillisecond)->Iterations(2);

// account_state over 100,000 decoded accounts held in memory.
void BM_AccountState100k(benchmark::State& state) {
  const auto variants = bench::account_variants();
  std::vector<stripe::v1::Account> accounts;
  accounts.reserve(kAccounts);
  for (std::size_t i = 0; i < kAccounts; ++i) {
    accounts.push_back(stripe::decode_text<stripe::v1::Account>(variants[i % variants.size()]));
    accounts.back().raw = nullptr;  // the typed fields are what account_state reads; keeps memory modest
  }
  std::size_t complete = 0;
  for (auto _ : state) {
    for (const auto& account : accounts) {
      auto s = stripe::onboarding::account_state(account);
      complete += s == stripe::onboarding::AccountState::complete;
      benchmark::DoNotOptimize(s);
    }
  }
  state.counters["complete"] = static_cast<double>(complete);
}
BENCHMARK(BM_AccountState100k)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
