#pragma once
// A keep-alive HTTP/1.1 server on raw sockets, for fault soaks. Unlike cpp-httplib it can do
// what a network does to a client: reset the connection before any reply, cut a reply short,
// or stall past the client's timeout. The handler decides per request.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback_listener.hpp"

namespace test_support {

struct RawRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct RawReply {
  enum class Action {
    respond,   // a whole response
    truncate,  // the status line, headers and half the body, then close
    reset,     // close with RST before any byte of the reply
    stall,     // wait `stall_for` or until stop(), then respond (the client has usually given up)
    stream,    // `status` and `headers`, then `stream_bytes` of body until sent or the client hangs up
  };
  Action action = Action::respond;
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::milliseconds stall_for{0};
  std::size_t stream_bytes = 0;
  bool announce_length = true;  // stream: Content-Length up front, or chunked without one

  // A body of `bytes` 'x's, written as fast as the client reads it.
  static RawReply stream(std::size_t bytes, bool announce_length) {
    RawReply r;
    r.action = Action::stream;
    r.stream_bytes = bytes;
    r.announce_length = announce_length;
    return r;
  }

  static RawReply respond(int status, std::string body) {
    RawReply r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static RawReply reset() {
    RawReply r;
    r.action = Action::reset;
    return r;
  }
};

class FaultServer {
 public:
  using Handler = std::function<RawReply(const RawRequest&)>;

  explicit FaultServer(Handler handler) : handler_(std::move(handler)) {}
  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;
  ~FaultServer() { stop(); }

  void start() {
    listener_ = listen_on_loopback(port_, 128);
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  void stop() {
    if (!acceptor_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(stall_mutex_);
      stopping_ = true;
    }
    stall_wake_.notify_all();  // a stall ends with the server, so a long one never slows a test down
    acceptor_.join();
    std::vector<std::thread> connections;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      connections.swap(connections_);
    }
    for (auto& t : connections) t.join();
    ::close(listener_);
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int accepted() const { return accepted_.load(); }
  // Body bytes (chunk framing included) the stream action handed to the kernel, all connections.
  std::size_t streamed() const { return streamed_.load(); }

 private:
  // Waits until `fd` is readable or the server stops; false when stopping.
  bool wait_readable(int fd) const {
    while (!stopping_) {
      pollfd p{fd, POLLIN, 0};
      int n = ::poll(&p, 1, 50);
      if (n > 0) return true;
      if (n < 0) return false;
    }
    return false;
  }

  void accept_loop() {
    while (wait_readable(listener_)) {
      int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      ++accepted_;
      std::lock_guard<std::mutex> lock(mutex_);
      connections_.emplace_back([this, fd] { serve(fd); });
    }
  }

  // Reads one request; false when the peer closed or the server stops.
  bool read_request(int fd, std::string& buffer, RawRequest& req) const {
    std::size_t header_end;
    while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
      if (!read_more(fd, buffer)) return false;
    }
    std::string head = buffer.substr(0, header_end);
    std::size_t line_end = head.find("\r\n");
    std::string request_line = head.substr(0, line_end);
    std::size_t sp1 = request_line.find(' '), sp2 = request_line.rfind(' ');
    req = RawRequest{};
    req.method = request_line.substr(0, sp1);
    req.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
    for (std::size_t pos = line_end; pos != std::string::npos && pos < head.size();) {
      std::size_t next = head.find("\r\n", pos + 2);
      std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::size_t v = line.find_first_not_of(' ', colon + 1);
        req.headers[name] = v == std::string::npos ? std::string() : line.substr(v);
      }
      pos = next;
    }
    std::size_t length = req.headers.count("content-length") ? std::stoul(req.headers["content-length"]) : 0;
    buffer.erase(0, header_end + 4);
    while (buffer.size() < length) {
      if (!read_more(fd, buffer)) return false;
    }
    req.body = buffer.substr(0, length);
    buffer.erase(0, length);
    return true;
  }

  bool read_more(int fd, std::string& buffer) const {
    if (!wait_readable(fd)) return false;
    char chunk[4096];
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  static void send_all(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  // Sends a piece of a streamed body unless the peer is gone or the server stops; false then.
  bool send_chunk(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      pollfd p{fd, POLLOUT, 0};
      int ready = ::poll(&p, 1, 50);
      if (stopping_ || ready < 0) return false;
      if (ready == 0) continue;
      ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
      streamed_ += static_cast<std::size_t>(n);
    }
    return true;
  }

  void stream(int fd, const RawReply& reply) {
    std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Type: application/json\r\n";
    for (const auto& [name, value] : reply.headers) head += name + ": " + value + "\r\n";
    head += reply.announce_length ? "Content-Length: " + std::to_string(reply.stream_bytes) + "\r\n\r\n"
                                  : std::string("Transfer-Encoding: chunked\r\n\r\n");
    send_all(fd, head);
    const std::string block(64 * 1024, 'x');
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", block.size());
    const std::string chunk = reply.announce_length ? block : size_line + block + "\r\n";
    for (std::size_t left = reply.stream_bytes; left >= block.size(); left -= block.size())
      if (!send_chunk(fd, chunk)) return;
  }

  static std::string head_of(const RawReply& reply) {
    std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Type: application/json\r\n";
    for (const auto& [name, value] : reply.headers) out += name + ": " + value + "\r\n";
    return out + "Content-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n";
  }

  void serve(int fd) {
    std::string buffer;
    RawRequest req;
    bool open = true;
    while (open && read_request(fd, buffer, req)) {
      RawReply reply = handler_(req);
      switch (reply.action) {
        case RawReply::Action::respond:
          send_all(fd, head_of(reply) + reply.body);
          break;
        case RawReply::Action::truncate:
          send_all(fd, head_of(reply) + reply.body.substr(0, reply.body.size() / 2));
          open = false;
          break;
        case RawReply::Action::reset: {
          linger hard{1, 0};  // close() sends RST
          ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
          open = false;
          break;
        }
        case RawReply::Action::stream:
          stream(fd, reply);
          open = false;
          break;
        case RawReply::Action::stall: {
          std::unique_lock<std::mutex> lock(stall_mutex_);
          if (stall_wake_.wait_for(lock, reply.stall_for, [this] { return stopping_.load(); })) {
            open = false;
            break;
          }
          lock.unlock();
          send_all(fd, head_of(reply) + reply.body);
          open = false;  // the client has usually closed; start clean
          break;
        }
      }
    }
    ::close(fd);
  }

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::atomic<std::size_t> streamed_{0};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<std::thread> connections_;
  std::mutex stall_mutex_;
  std::condition_variable stall_wake_;
};

}  // namespace test_support
