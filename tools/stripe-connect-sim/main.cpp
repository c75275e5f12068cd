// stripe-connect-sim: the stateful Connect onboarding simulator as an HTTP server, for a
// platform's tests in any language. Point an SDK at http://127.0.0.1:PORT with any sk_test_ key.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "server.hpp"
#include "stripe/version.hpp"

namespace {

constexpr const char* usage =
    "usage: stripe-connect-sim [--host ADDR] [--port N] [--seed N] [--webhook-url URL]\n"
    "                          [--webhook-secret SECRET] [--start-time UNIX_SECONDS]\n"
    "\n"
    "Serves the Connect onboarding endpoints (v1 accounts, account links, capabilities; v2 core\n"
    "accounts, persons, person and account tokens, account links, events, event destinations)\n"
    "with their state, on http://ADDR:N (default 127.0.0.1:12111; --port 0 picks a free port).\n"
    "The first line printed names the address. Control endpoints live under /_sim/ (see\n"
    "docs/simulator.md). Events are POSTed, signed, to --webhook-url, and to the webhook URL of\n"
    "each v2 event destination that listens for them, signed with its own secret.\n"
    "The webhook secret can also come from STRIPE_CONNECT_SIM_WEBHOOK_SECRET. SIGTERM or SIGINT\n"
    "stops the server.\n";

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "stripe-connect-sim: " << message << "\n" << usage;
  std::exit(2);
}

template <class Int>
Int number(const std::string& flag, const std::string& text, Int low, Int high) {
  std::size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || value < static_cast<long long>(low) || value > static_cast<long long>(high))
    fail(flag + " takes a whole number from " + std::to_string(low) + " to " + std::to_string(high));
  return static_cast<Int>(value);
}

stripe_connect_sim::ServerOptions parse(int argc, char** argv) {
  stripe_connect_sim::ServerOptions o;
  if (const char* secret = std::getenv("STRIPE_CONNECT_SIM_WEBHOOK_SECRET")) o.simulator.webhook_secret = secret;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << usage;
      std::exit(0);
    }
    if (flag == "--version") {
      std::cout << "stripe-connect-sim " << stripe::sdk_version << " (API " << stripe::pinned_api_version << ")\n";
      std::exit(0);
    }
    if (i + 1 >= argc) fail(flag.rfind("--", 0) == 0 ? flag + " needs a value" : "unknown argument " + flag);
    const std::string value = argv[++i];
    if (flag == "--host") o.host = value;
    else if (flag == "--port") o.port = number<int>(flag, value, 0, 65535);
    else if (flag == "--seed") o.simulator.id_seed = number<std::uint64_t>(flag, value, 0, INT64_MAX);
    else if (flag == "--webhook-url") o.webhook_url = value;
    else if (flag == "--webhook-secret") o.simulator.webhook_secret = value;
    else if (flag == "--start-time") o.simulator.start_time = number<std::int64_t>(flag, value, 0, 253402300799);
    else fail("unknown argument " + flag);
  }
  if (o.simulator.webhook_secret.empty()) fail("the webhook secret must not be empty");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  stripe_connect_sim::ServerOptions options = parse(argc, argv);

  // SIGTERM and SIGINT are taken by one thread with sigwait, so no handler runs on a server
  // thread; every thread started from here on inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up mid-answer must not end the server

  stripe_connect_sim::Server server(options);
  if (!server.bind()) {
    std::cerr << "stripe-connect-sim: cannot listen on " << options.host << ":" << options.port << "\n";
    return 1;
  }
  std::atomic<bool> signalled{false};
  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    signalled = true;
    server.stop();
  });
  std::cout << "stripe-connect-sim listening on " << server.base_url() << std::endl;
  const bool served = server.run();
  if (!signalled) pthread_kill(signal_waiter.native_handle(), SIGTERM);  // run() ended by itself: wake the waiter
  signal_waiter.join();
  std::cout << "stripe-connect-sim stopped" << std::endl;
  return served ? 0 : 1;
}
