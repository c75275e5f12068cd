// A keep-alive HTTP server on 127.0.0.1 that answers GET /v1/accounts/<id> with the benchmark
// account, for scripts/callgrind.py: it runs in its own process, so callgrind counts the client
// alone. Prints the port on the first line of stdout, then serves until stdin closes.
#include <iostream>
#include <string>
#include <thread>

#include <httplib.h>

#include "bench_support.hpp"

int main() {
  const std::string account = bench::account_json();
  httplib::Server server;
  server.set_keep_alive_max_count(1000000);
  server.set_tcp_nodelay(true);  // no Nagle/delayed-ACK stalls between headers and body
  server.Get(R"(/v1/accounts/[^/]+)", [&](const httplib::Request&, httplib::Response& res) {
    // With a charset parameter httplib does not compress the body for a client that accepts
    // gzip or brotli (the SDK does): every contender reads the same bytes.
    res.set_content(account, "application/json; charset=utf-8");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) return 1;
  std::thread listener([&] { server.listen_after_bind(); });
  std::cout << port << std::endl;
  std::string ignored;
  while (std::getline(std::cin, ignored)) {
  }
  server.stop();
  listener.join();
  return 0;
}
