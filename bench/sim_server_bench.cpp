// Lifecycles per second through stripe-connect-sim, over loopback HTTP with the SDK's libcurl
// transport: 1,000 v1 hosted onboardings (5 requests each, two of them control calls) against one
// server, reported per window of 100, and the last window's rate as a ratio of the first: the
// server must hold its throughput as the accounts it holds grow.
//   bench_sim_server [path to stripe-connect-sim] [lifecycles]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "support/sim_server_lifecycle.hpp"

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : STRIPE_CONNECT_SIM_BINARY;
  const int lifecycles = argc > 2 ? std::atoi(argv[2]) : 1000;
  constexpr int window = 100;
  test_support::SimProcess sim(binary);
  auto client = test_support::client_for(sim);
  std::vector<double> rates;
  int incomplete = 0;
  for (int start = 0; start + window <= lifecycles; start += window) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < window; ++i)
      incomplete += test_support::hosted_lifecycle(sim, client) != stripe::onboarding::AccountState::complete;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    rates.push_back(window / took.count());
    std::printf("lifecycles %4d-%4d: %7.1f per second\n", start + 1, start + window, rates.back());
  }
  if (rates.empty()) return 2;
  std::vector<double> sorted = rates;
  std::sort(sorted.begin(), sorted.end());
  std::printf("median %.1f lifecycles/s; last window / first window: %.2fx; incomplete: %d\n",
              sorted[sorted.size() / 2], rates.back() / rates.front(), incomplete);
  return incomplete == 0 && sim.stop() == 0 ? 0 : 1;
}
