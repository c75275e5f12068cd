#pragma once
// Serves a Simulator over real HTTP on 127.0.0.1, so programs using CurlTransport (the
// examples) can run against it with STRIPE_API_BASE.
#include <memory>

#include "stripe/testing/simulator.hpp"
#include "support/loopback_server.hpp"

namespace test_support {

class SimulatorHttpBridge {
 public:
  explicit SimulatorHttpBridge(std::shared_ptr<stripe::testing::Simulator> sim) : sim_(std::move(sim)) {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      stripe::http::Request r;
      r.method = req.method == "POST" ? stripe::http::Method::post
                 : req.method == "DELETE" ? stripe::http::Method::del
                                          : stripe::http::Method::get;
      r.url = "http://sim" + req.target;
      for (const auto& [k, v] : req.headers) r.headers.add(k, v);
      r.body = req.body;
      try {
        auto out = sim_->send(r);
        res.status = out.status;
        for (const auto& [k, v] : out.headers.entries)
          if (k != "Content-Type") res.set_header(k, v);
        res.set_content(out.body, "application/json");
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
