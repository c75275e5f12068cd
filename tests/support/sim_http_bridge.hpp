#pragma once
// Serves a Simulator over real HTTP on 127.0.0.1, so programs using CurlTransport (the
// examples) can run against it with STRIPE_API_BASE.
#include <memory>

#include "stripe/testing/simulator.hpp"
#include "support/loopback_server.hpp"
#include "../../tools/stripe-connect-sim/httplib_bridge.hpp"

namespace test_support {

class SimulatorHttpBridge {
 public:
  explicit SimulatorHttpBridge(std::shared_ptr<stripe::testing::Simulator> sim) : sim_(std::move(sim)) {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      try {
        stripe_connect_sim::write_answer(sim_->send(stripe_connect_sim::transport_request(req, "http://sim")), res);
      } catch (const stripe::http::NoResponseError&) {
        res.status = 500;
      }
    };
    server_.server.Get(".*", handler);
    server_.server.Post(".*", handler);
    server_.server.Delete(".*", handler);
    server_.start();
  }
  std::string base_url() const { return server_.base_url(); }

 private:
  std::shared_ptr<stripe::testing::Simulator> sim_;
  LoopbackServer server_;
};

}  // namespace test_support
