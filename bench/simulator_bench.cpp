// Onboarding lifecycles through the in-process simulator, on a fresh simulator and on one that
// already holds 10,000 accounts: a test suite keeps adding accounts to the simulator it shares,
// so a lifecycle must cost the same however many it holds. Each runs with nobody listening to
// webhooks and with a receiver; main prints each "held vs fresh" rate as a ratio (medians of
// the repetitions: --benchmark_repetitions=5).
//
// Instruction counts (steadier than time on a shared machine), one lifecycle on average:
//   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*timed_lifecycles*'
//            bench_simulator --benchmark_filter='BM_Lifecycle/fresh/quiet'
// then divide the Ir total by the iteration count the benchmark reports.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "stripe/connect.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/testing/simulator.hpp"
#include "support/api_onboarding.hpp"

namespace {

namespace ob = stripe::onboarding;
constexpr int kHeld = 10000;
constexpr int kIterations = 400;  // fixed, so fresh and held run the same number of lifecycles

struct Platform {
  std::shared_ptr<stripe::testing::Simulator> sim = std::make_shared<stripe::testing::Simulator>();
  stripe::Client client = [this] {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_bench";
    o.transport = sim;
    return stripe::Client(o);
  }();
  std::size_t deliveries = 0;

  explicit Platform(bool listening) {
    if (listening) sim->on_webhook([this](const stripe::testing::WebhookDelivery&) { ++deliveries; });
  }

  std::string onboard_without_waiting() {
    auto id = client.v1().accounts().create(test_support::express_us_individual())->id;
    auto link = client.v1().account_links().create(
        ob::link_params(id, {"https://p.example/refresh", "https://p.example/return", ob::Strategy::up_front}));
    sim->submit_onboarding(link->url);
    return id;
  }

  // One Express onboarding as a platform's test runs it: create, link, the user submits, time
  // passes until verification finishes, the platform reads the state.
  ob::AccountState lifecycle() {
    auto id = onboard_without_waiting();
    sim->advance_clock(60);
    return ob::account_state(client.v1().accounts().retrieve(id).value());
  }

  // Accounts a suite left behind: most onboarded, some never started.
  void hold(int accounts) {
    for (int i = 0; i < accounts; ++i) {
      if (i % 4 == 3) {
        stripe::v1::AccountCreateParams p;
        p.type = "express";
        client.v1().accounts().create(p);
      } else {
        sim->complete_verifications(onboard_without_waiting());
      }
    }
  }
};

// Out of line so that callgrind can count exactly the timed lifecycles (--toggle-collect).
__attribute__((noinline)) void timed_lifecycles(benchmark::State& state, Platform& platform) {
  for (auto _ : state) {
    auto s = platform.lifecycle();
    if (s != ob::AccountState::complete) state.SkipWithError("a lifecycle did not end complete");
    benchmark::DoNotOptimize(s);
  }
}

void BM_Lifecycle(benchmark::State& state, int held, bool listening) {
  Platform platform(listening);
  platform.hold(held);
  timed_lifecycles(state, platform);
  state.SetItemsProcessed(state.iterations());
  state.counters["accounts_held"] = held;
}

BENCHMARK_CAPTURE(BM_Lifecycle, fresh/quiet, 0, false)->Iterations(kIterations)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Lifecycle, held/quiet, kHeld, false)->Iterations(kIterations)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Lifecycle, fresh/listening, 0, true)->Iterations(kIterations)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Lifecycle, held/listening, kHeld, true)->Iterations(kIterations)->Unit(benchmark::kMicrosecond);

// Reports as the console does, and keeps the CPU time per lifecycle of each repetition for the
// ratios (other load on a shared machine stretches wall-clock time far more).
class TimeKeeper : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, std::vector<double>> cpu_per_lifecycle;
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& r : runs)
      if (r.run_type == Run::RT_Iteration) cpu_per_lifecycle[r.benchmark_name()].push_back(r.GetAdjustedCPUTime());
  }
  double median(const std::string& name) const {
    auto it = cpu_per_lifecycle.find(name);
    if (it == cpu_per_lifecycle.end()) return 0;
    auto times = it->second;
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  TimeKeeper reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const char* mode : {"quiet", "listening"}) {
    auto name = [&](const char* kind) {
      return "BM_Lifecycle/" + std::string(kind) + "/" + mode + "/iterations:" + std::to_string(kIterations);
    };
    const double fresh = reporter.median(name("fresh")), held = reporter.median(name("held"));
    if (fresh <= 0 || held <= 0) continue;
    std::printf("lifecycles per second holding %d accounts vs fresh, %s: %.3fx (goal >= 0.8x; %.0f us vs %.0f us)\n",
                kHeld, mode, fresh / held, held, fresh);
  }
  benchmark::Shutdown();
  return 0;
}
