#pragma once
// A real HTTP server on 127.0.0.1 with an ephemeral port, for transport tests.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>

namespace test_support {

// httplib hands each accepted connection to its task queue once: counting enqueues counts
// connections.
class CountingPool : public httplib::ThreadPool {
 public:
  CountingPool(std::size_t n, std::atomic<int>& counter) : httplib::ThreadPool(n), counter_(counter) {}
  void enqueue(std::function<void()> fn) override {
    ++counter_;
    httplib::ThreadPool::enqueue(std::move(fn));
  }

 private:
  std::atomic<int>& counter_;
};

class CountingServer : public httplib::Server {
 public:
  std::atomic<int> connections{0};
  CountingServer() {
    new_task_queue = [this] { return new CountingPool(16, connections); };
    set_keep_alive_max_count(100000);
    set_tcp_nodelay(true);  // no Nagle/delayed-ACK stalls between headers and body
  }
};

class LoopbackServer {
 public:
  CountingServer server;

  LoopbackServer() = default;
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() { stop(); }

  void start() {
    port_ = server.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server.listen_after_bind(); });
    // stop() is a no-op on a server not yet running, so wait for it: a loaded machine may take a while.
    for (int i = 0; i < 30000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!server.is_running()) throw std::runtime_error("loopback server did not start in 30 s");
  }
  void stop() {
    if (thread_.joinable()) {
      server.stop();
      thread_.join();
    }
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

 private:
  int port_ = 0;
  std::thread thread_;
};

}  // namespace test_support
