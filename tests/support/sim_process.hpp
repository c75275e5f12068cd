#pragma once
// Runs stripe-connect-sim as a child process, as a platform's test suite would: starts it on a
// free port, reads the address from its first line, calls its control endpoints, and stops it
// with SIGTERM, reporting how it exited.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/http/curl_transport.hpp"

extern char** environ;

namespace test_support {

class SimProcess {
 public:
  /// Starts `binary --port 0` plus `args` and waits for its "listening on" line.
  explicit SimProcess(const std::string& binary, std::vector<std::string> args = {}) {
    args.insert(args.begin(), {binary, "--port", "0"});
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
      close(out[0]);
      throw std::runtime_error("cannot start " + binary);
    }
    stdout_ = fdopen(out[0], "r");
    const std::string first = read_line();
    const std::string marker = "listening on ";
    auto at = first.find(marker);
    if (at == std::string::npos) {
      stop();
      throw std::runtime_error("stripe-connect-sim did not start: " + first);
    }
    base_url_ = first.substr(at + marker.size());
  }
  ~SimProcess() {
    if (pid_ > 0) stop();
    if (stdout_) fclose(stdout_);
  }
  SimProcess(const SimProcess&) = delete;
  SimProcess& operator=(const SimProcess&) = delete;

  const std::string& base_url() const { return base_url_; }

  /// The next line the server printed ("" at its end).
  std::string read_line() {
    std::string line;
    for (int c = fgetc(stdout_); c != EOF && c != '\n'; c = fgetc(stdout_)) line.push_back(static_cast<char>(c));
    return line;
  }

  /// Sends SIGTERM and waits up to 20 s: the exit status (128 + signal when a signal ended it,
  /// -1 when it had to be killed).
  int stop() {
    if (pid_ <= 0) return exit_status_;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 2000; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_status_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    exit_status_ = -1;
    return exit_status_;
  }

  /// A control call: status and parsed body.
  std::pair<int, nlohmann::json> control(const std::string& method, const std::string& path,
                                         const nlohmann::json& body = nullptr) {
    stripe::http::Request r;
    r.method = method == "POST" ? stripe::http::Method::post : stripe::http::Method::get;
    r.url = base_url_ + "/_sim/" + path;
    if (!body.is_null()) {
      r.body = body.dump();
      r.headers.add("Content-Type", "application/json");
    }
    auto resp = transport_.send(r);
    return {resp.status, nlohmann::json::parse(resp.body)};
  }

  /// A plain HTTP call to the server (link pages), redirects not followed.
  stripe::http::Response raw(stripe::http::Method method, const std::string& url) {
    stripe::http::Request r;
    r.method = method;
    r.url = url;
    return transport_.send(r);
  }

 private:
  pid_t pid_ = -1;
  int exit_status_ = -1;
  FILE* stdout_ = nullptr;
  std::string base_url_;
  stripe::http::CurlTransport transport_;
};

}  // namespace test_support
