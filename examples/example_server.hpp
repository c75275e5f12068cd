#pragma once
// Shared by the examples that serve HTTP (webhook_receiver, embedded_onboarding,
// api_onboarding_web): the flags --port (0 picks a free one) and --max-requests (stop after that
// many requests; the tests use it), and serving on 127.0.0.1.
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>

class ExampleServer {
 public:
  ExampleServer(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; i += 2) {
      std::string flag = argv[i];
      if (flag == "--port") port_ = std::atoi(argv[i + 1]);
      else if (flag == "--max-requests") max_requests_ = std::atol(argv[i + 1]);
    }
  }

  httplib::Server& http() { return server_; }

  // Call once a request is answered: the server stops after --max-requests of them.
  void handled() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (max_requests_ > 0 && ++handled_ >= max_requests_) server_.stop();
  }

  // Binds, says where (`path` is what to open there) and serves until stopped; the exit code.
  int run(const char* example, const std::string& path) {
    int bound = port_ == 0 ? server_.bind_to_any_port("127.0.0.1")
                           : (server_.bind_to_port("127.0.0.1", port_) ? port_ : -1);
    if (bound < 0) {
      std::cerr << example << ": cannot listen on port " << port_ << "\n";
      return 1;
    }
    std::cout << "listening on http://127.0.0.1:" << bound << path << std::endl;
    server_.listen_after_bind();
    return 0;
  }

 private:
  httplib::Server server_;
  int port_ = 4242;
  long max_requests_ = -1;
  std::mutex mutex_;
  long handled_ = 0;
};
