#pragma once
// stripe-connect-sim's HTTP side: a Simulator behind cpp-httplib. The API paths (/v1/..., /v2/...)
// go to the simulator as they came; /_sim/... to the control endpoints; the account link URLs it
// hands out point at this server, which shows the onboarding form a browser can submit. Events
// are POSTed, signed, to the webhook URL, with libcurl, and v2 event destinations' notifications
// to their webhook_endpoint.url, signed with their own secret.
#include <arpa/inet.h>
#include <dirent.h>
#include <sys/socket.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <httplib.h>

#include "control_api.hpp"
#include "httplib_bridge.hpp"
#include "stripe/http/curl_transport.hpp"
#include "stripe/testing/simulator.hpp"

namespace stripe_connect_sim {

/// What the server is started with (the command line).
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 12111;  ///< 0: any free port (see Server::port())
  std::string webhook_url;  ///< where events are delivered; empty: until a control call sets one
  /// Clock, webhook secret and id seed; the link host and scheme become this server's.
  stripe::testing::SimulatorOptions simulator;
};

/// POSTs each delivery to the current webhook URL as Stripe does, and answers with the endpoint's
/// status (a delivery that gets no answer throws: the simulator records a 500 with the reason).
/// Deliveries to a v2 event destination go to that destination's webhook_endpoint.url.
class WebhookForwarder {
 public:
  void set_url(std::string url) {
    std::lock_guard<std::mutex> lock(mutex_);
    url_ = std::move(url);
  }

  int operator()(const stripe::testing::WebhookDelivery& d) {
    std::string url;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      url = url_;
    }
    return post(url, d);
  }

  /// A destination delivery; one without an HTTP URL (Amazon EventBridge) is taken as accepted.
  int to_destination(const stripe::testing::WebhookDelivery& d) {
    if (d.url.rfind("http://", 0) != 0 && d.url.rfind("https://", 0) != 0) return 200;
    return post(d.url, d);
  }

 private:
  int post(const std::string& url, const stripe::testing::WebhookDelivery& d) {
    stripe::http::Request r;
    r.method = stripe::http::Method::post;
    r.url = url;
    r.headers.add("Content-Type", "application/json; charset=utf-8");
    r.headers.add("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    r.headers.add("Stripe-Signature", d.signature_header);
    r.body = d.payload;
    r.timeout = std::chrono::seconds(10);
    r.connect_timeout = std::chrono::seconds(5);
    return transport_.send(r).status;
  }

  std::mutex mutex_;
  std::string url_;
  stripe::http::CurlTransport transport_;
};

/// The server: bind() then run() (which returns after stop(), from any thread).
class Server {
 public:
  explicit Server(ServerOptions options) : options_(std::move(options)) {
    http_.set_tcp_nodelay(true);  // answers go out at once, not after a delayed ACK
    http_.set_keep_alive_max_count(100000);  // an SDK's pooled connection serves a whole test run
  }

  /// Binds the listening socket; false when the address is taken or invalid.
  bool bind() {
    port_ = options_.port == 0 ? http_.bind_to_any_port(options_.host)
                               : (http_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port_ <= 0) return false;
    stripe::testing::SimulatorOptions so = options_.simulator;
    so.link_scheme = "http";
    so.link_host = options_.host + ":" + std::to_string(port_);
    sim_ = std::make_unique<stripe::testing::Simulator>(so);
    control_ = std::make_unique<ControlApi>(*sim_, [this](const std::string& url) { listen_at(url); });
    if (!options_.webhook_url.empty()) listen_at(options_.webhook_url);
    sim_->on_destination_delivery(
        [forwarder = forwarder_](const stripe::testing::WebhookDelivery& d) { return forwarder->to_destination(d); });
    routes();
    return true;
  }
  int port() const { return port_; }
  std::string base_url() const { return "http://" + options_.host + ":" + std::to_string(port_); }

  /// Serves until stop(); false if the server could not run.
  bool run() { return http_.listen_after_bind(); }
  void stop() { http_.stop(); }

 private:
  void listen_at(const std::string& url) {
    forwarder_->set_url(url);
    std::call_once(listening_, [this] {
      sim_->on_webhook([forwarder = forwarder_](const stripe::testing::WebhookDelivery& d) { return (*forwarder)(d); });
    });
  }

  void routes() {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind(control_prefix, 0) == 0) return control(req, res);
      if (req.path.rfind("/setup/e/", 0) == 0 || req.path.rfind("/v2/onboard/", 0) == 0) return link_page(req, res);
      api(req, res);
    };
    http_.Get(".*", handler);
    http_.Post(".*", handler);
    http_.Delete(".*", handler);
  }

  void control(const httplib::Request& req, httplib::Response& res) {
    ControlReply reply = control_->handle(req.method, req.target.substr(0, req.target.find('?')), req.body);
    res.status = reply.status;
    res.set_content(reply.body.dump(), "application/json");
  }

  // The simulator answers as the API does; a simulated drop ends the connection unanswered.
  void api(const httplib::Request& req, httplib::Response& res) {
    try {
      write_answer(sim_->send(transport_request(req, base_url())), res);
    } catch (const stripe::http::NoResponseError&) {
      hang_up(req);
    }
  }

  // A simulated drop: the connection ends before any answer, as when a network path fails, so
  // the client sees no response at all and retries (an SDK does not retry a response whose body
  // breaks off). httplib does not hand handlers their socket: it is found by the request's two
  // addresses. shutdown() leaves the descriptor to httplib, whose answer then goes nowhere.
  static void hang_up(const httplib::Request& req) {
    DIR* fds = opendir("/proc/self/fd");
    if (!fds) return;
    while (dirent* entry = readdir(fds)) {
      const int fd = std::atoi(entry->d_name);
      if (fd <= 2) continue;
      sockaddr_storage peer{}, local{};
      socklen_t peer_len = sizeof peer, local_len = sizeof local;
      if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
      if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) continue;
      if (endpoint(peer) == std::make_pair(req.remote_addr, req.remote_port) &&
          endpoint(local) == std::make_pair(req.local_addr, req.local_port)) {
        shutdown(fd, SHUT_RDWR);
        break;
      }
    }
    closedir(fds);
  }

  static std::pair<std::string, int> endpoint(const sockaddr_storage& a) {
    char text[INET6_ADDRSTRLEN] = {};
    if (a.ss_family == AF_INET) {
      const auto& v4 = reinterpret_cast<const sockaddr_in&>(a);
      inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
      return {text, ntohs(v4.sin_port)};
    }
    if (a.ss_family == AF_INET6) {
      const auto& v6 = reinterpret_cast<const sockaddr_in6&>(a);
      inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
      return {text, ntohs(v6.sin6_port)};
    }
    return {"", -1};
  }

  // What a browser sees at an account link: the form (GET) and its submission (POST), or a
  // redirect to refresh_url when the link cannot be used.
  void link_page(const httplib::Request& req, httplib::Response& res) {
    const std::string url = base_url() + req.path;
    stripe::testing::LinkVisit visit =
        req.method == "POST" ? sim_->submit_onboarding(url) : sim_->open_link(url);
    if (visit.outcome == stripe::testing::LinkVisit::Outcome::form && req.method != "POST") {
      res.set_content(
          "<!doctype html><html><head><meta charset=\"utf-8\"><title>Connect onboarding (simulated)</title></head>"
          "<body><h1>Connect onboarding (simulated)</h1><p>Submitting provides every detail this link collects.</p>"
          "<form method=\"post\"><button type=\"submit\">Submit</button></form></body></html>",
          "text/html; charset=utf-8");
      return;
    }
    if (visit.redirect_url.empty()) {
      res.status = 404;
      res.set_content("unknown or unusable link (" + visit.reason + ")", "text/plain");
      return;
    }
    res.set_redirect(visit.redirect_url, 303);
  }

  ServerOptions options_;
  httplib::Server http_;
  int port_ = -1;
  std::unique_ptr<stripe::testing::Simulator> sim_;
  std::unique_ptr<ControlApi> control_;
  std::shared_ptr<WebhookForwarder> forwarder_ = std::make_shared<WebhookForwarder>();
  std::once_flag listening_;
};

}  // namespace stripe_connect_sim
