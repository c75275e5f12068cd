#pragma once
// One v1 hosted onboarding against stripe-connect-sim, as a platform's test runs it through the
// SDK: create, link, the user submits the form (a control call), verification finishes a minute
// later (a control call), the platform reads the state. Shared by the server tests and its benchmark.
#include <chrono>
#include <string>

#include "stripe/connect.hpp"
#include "stripe/onboarding.hpp"
#include "support/api_onboarding.hpp"
#include "support/sim_process.hpp"

namespace test_support {

inline stripe::Client client_for(const SimProcess& sim) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_sim_server";
  o.base_url = sim.base_url();
  o.files_base_url = sim.base_url();  // uploads go to the same server
  o.sleep = [](std::chrono::milliseconds) {};  // injected faults are retried at once
  return stripe::Client(o);
}

inline stripe::onboarding::AccountState hosted_lifecycle(SimProcess& sim, stripe::Client& client) {
  namespace ob = stripe::onboarding;
  auto id = client.v1().accounts().create(express_us_individual()).value().id;
  auto link = client.v1().account_links().create(
      ob::link_params(id, {"https://platform.example/refresh", "https://platform.example/return", ob::Strategy::up_front}));
  auto [status, visit] = sim.control("POST", "links/submit", {{"url", link.value().url}});
  if (status != 200 || visit.at("outcome") != "form") return ob::AccountState::restricted;  // the form was refused
  sim.control("POST", "clock/advance", {{"seconds", 60}});
  return ob::account_state(client.v1().accounts().retrieve(id).value());
}

}  // namespace test_support
