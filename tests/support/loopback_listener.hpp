#pragma once
// A listening TCP socket on 127.0.0.1 with a port the kernel picks, for the raw test servers.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace test_support {

// A socket bound to 127.0.0.1 on a port the kernel picks; sets `port`.
inline int bind_on_loopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("bind failed");
  }
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port = ntohs(addr.sin_port);
  return fd;
}

// Returns the listening descriptor and sets `port`.
inline int listen_on_loopback(int& port, int backlog) {
  int fd = bind_on_loopback(port);
  if (::listen(fd, backlog) != 0) {
    ::close(fd);
    throw std::runtime_error("listen failed");
  }
  return fd;
}

// A port that refuses connections for as long as this lives: bound, never listening, so no
// other process (ctest runs several at once) can be given it, as it could a closed server's.
class RefusingPort {
 public:
  RefusingPort() : fd_(bind_on_loopback(port_)) {}
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  ~RefusingPort() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int port_ = 0;
  int fd_;
};

}  // namespace test_support
