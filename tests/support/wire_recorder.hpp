#pragma once
// A loopback server that keeps every byte a client sends, for tests where the wire itself is
// the question (header injection, request splitting, rerouted paths). It answers each
// connection's first request with one fixed JSON reply and closes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/loopback_listener.hpp"

namespace test_support {

class WireRecorder {
 public:
  explicit WireRecorder(std::string reply_body = R"({"id":"acct_1","object":"account"})")
      : reply_body_(std::move(reply_body)) {
    listener_ = listen_on_loopback(port_, 16);
    thread_ = std::thread([this] { serve(); });
  }
  WireRecorder(const WireRecorder&) = delete;
  WireRecorder& operator=(const WireRecorder&) = delete;
  ~WireRecorder() {
    stopping_ = true;
    thread_.join();
    ::close(listener_);
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Everything received so far, all connections concatenated.
  std::string bytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
  }
  int connections() const { return connections_.load(); }

 private:
  bool readable(int fd, int timeout_ms) const {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, timeout_ms) > 0;
  }

  void serve() {
    while (!stopping_) {
      if (!readable(listener_, 20)) continue;
      int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      ++connections_;
      std::string got;
      // Read until the client is quiet for 100 ms: a split request shows up as extra bytes.
      char chunk[4096];
      while (readable(fd, 100)) {
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) break;
        got.append(chunk, static_cast<std::size_t>(n));
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        bytes_ += got;
      }
      std::string reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                          std::to_string(reply_body_.size()) + "\r\n\r\n" + reply_body_;
      ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
      ::close(fd);
    }
  }

  std::string reply_body_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  mutable std::mutex mutex_;
  std::string bytes_;
  std::thread thread_;
};

}  // namespace test_support
