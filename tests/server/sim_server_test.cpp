// stripe-connect-sim as a platform's tests use it: the program started with --port 0, driven
// through the SDK over real HTTP and through its control endpoints, delivering signed webhooks
// to a receiver, and stopped with SIGTERM. STRIPE_CONNECT_SIM names the binary to run (the
// installed one in the package tests); the build tree's otherwise.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/http/curl_transport.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/testing/simulator.hpp"
#include "stripe/webhook.hpp"
#include "support/loopback_server.hpp"
#include "support/sim_process.hpp"
#include "support/sim_server_lifecycle.hpp"

namespace ob = stripe::onboarding;
namespace v1 = stripe::v1;
using nlohmann::json;
using test_support::client_for;
using test_support::hosted_lifecycle;
using test_support::SimProcess;

namespace {

std::string sim_binary() {
  const char* env = std::getenv("STRIPE_CONNECT_SIM");
  return env && *env ? env : STRIPE_CONNECT_SIM_BINARY;
}

// Receives webhook deliveries and verifies each with the SDK, as a platform's endpoint does.
struct WebhookReceiver {
  std::string secret;
  std::mutex mutex;
  std::vector<std::string> verified_types;
  int rejected = 0;
  test_support::LoopbackServer server;

  explicit WebhookReceiver(std::string s) : secret(std::move(s)) {
    server.server.Post("/webhooks", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      try {
        auto payload = json::parse(req.body);
        if (payload.value("object", "") == "v2.core.event") {
          verified_types.push_back(stripe::webhook::construct_event_notification(
                                       req.body, req.get_header_value("Stripe-Signature"), secret)
                                       .type);
        } else {
          verified_types.push_back(
              stripe::webhook::construct_event(req.body, req.get_header_value("Stripe-Signature"), secret).type);
        }
        res.status = 200;
      } catch (const std::exception&) {
        ++rejected;
        res.status = 400;
      }
    });
    server.start();
  }
  std::string url() const { return server.base_url() + "/webhooks"; }
  std::multiset<std::string> types() {
    std::lock_guard<std::mutex> lock(mutex);
    return {verified_types.begin(), verified_types.end()};
  }
};

}  // namespace

TEST_CASE("stripe-connect-sim: a v1 hosted onboarding through the SDK ends complete, with verified webhooks",
          "[sim_server]") {
  WebhookReceiver receiver("whsec_server_test_secret");
  SimProcess sim(sim_binary(), {"--webhook-secret", receiver.secret, "--webhook-url", receiver.url()});
  auto client = client_for(sim);

  CHECK(hosted_lifecycle(sim, client) == ob::AccountState::complete);

  auto types = receiver.types();
  CHECK(types.count("account.updated") >= 2);
  CHECK(types.count("capability.updated") >= 2);
  CHECK(receiver.rejected == 0);
  auto [status, deliveries] = sim.control("GET", "webhooks/deliveries");
  CHECK(status == 200);
  REQUIRE(deliveries.at("data").size() == types.size());
  for (const auto& d : deliveries.at("data")) CHECK(d.at("status") == 200);
  CHECK(sim.stop() == 0);
}

TEST_CASE("stripe-connect-sim: a v2 recipient onboards through a v2 account link", "[sim_server]") {
  WebhookReceiver receiver("whsec_server_test_secret");
  SimProcess sim(sim_binary(), {"--webhook-secret", receiver.secret});
  auto [set, answer] = sim.control("POST", "webhooks", {{"url", receiver.url()}});
  REQUIRE(set == 200);
  auto client = client_for(sim);

  stripe::v2::core::AccountCreateParams p;
  p.contact_email = "recipient@example.com";
  p.display_name = "Recipient";
  auto& identity = p.identity.emplace();
  identity.country = "US";
  identity.entity_type = "individual";
  p.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace().stripe_transfers.emplace().requested = true;
  p.include = std::vector<stripe::v2::core::AccountCreateParams::Include>{"configuration.recipient", "requirements"};
  auto account = client.v2().core().accounts().create(p).value();

  auto link = client.v2().core().account_links().create(ob::v2_link_params(
      account.id, {"https://platform.example/refresh", "https://platform.example/return", ob::Strategy::up_front},
      {"recipient"})).value();

  auto [status, visit] = sim.control("POST", "links/submit", {{"url", link.url}});
  REQUIRE(status == 200);
  CHECK(visit.at("outcome") == "form");
  CHECK(visit.at("redirect_url") == "https://platform.example/return");
  sim.control("POST", "clock/advance", {{"seconds", 60}});

  stripe::v2::core::AccountRetrieveParams rp;
  rp.include = std::vector<stripe::v2::core::AccountRetrieveParams::Include>{"configuration.recipient"};
  auto after = client.v2().core().accounts().retrieve(account.id, rp).value();
  auto& transfers = after.configuration->recipient->capabilities->stripe_balance->stripe_transfers;
  REQUIRE(transfers);
  CHECK(transfers->status.value() == "active");
  CHECK(receiver.types().count("v2.core.account_link.returned") == 1);
  CHECK(receiver.rejected == 0);
}

TEST_CASE("stripe-connect-sim: an event destination's webhook endpoint gets its notifications over HTTP, signed with its secret",
          "[sim_server]") {
  // The platform's endpoint: what it was sent, verified later with the destination's secret.
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> received;  // body, Stripe-Signature
  test_support::LoopbackServer endpoint;
  endpoint.server.Post("/destination", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    received.emplace_back(req.body, req.get_header_value("Stripe-Signature"));
    res.status = 200;
  });
  endpoint.start();
  SimProcess sim(sim_binary());  // no --webhook-url: only the destination receives
  auto client = client_for(sim);

  stripe::v2::core::EventDestinationCreateParams dp;
  dp.name = "platform";
  dp.type = "webhook_endpoint";
  dp.event_payload = "thin";
  dp.enabled_events = {"v2.core.account[requirements].updated"};
  dp.webhook_endpoint.emplace().url = endpoint.base_url() + "/destination";
  dp.include = std::vector<stripe::v2::core::EventDestinationCreateParams::Include>{"webhook_endpoint.signing_secret"};
  auto destination = client.v2().core().event_destinations().create(dp).value();
  const std::string secret = destination.webhook_endpoint.value().signing_secret.value();

  stripe::v2::core::AccountCreateParams p;
  p.display_name = "Recipient";
  auto& identity = p.identity.emplace();
  identity.country = "US";
  identity.entity_type = "individual";
  p.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace().stripe_transfers.emplace().requested = true;
  auto account = client.v2().core().accounts().create(p).value();
  stripe::v2::core::AccountUpdateParams up;  // the name meets two requirements: they update
  auto& individual = up.identity.emplace().individual.emplace();
  individual.given_name = "Jenny";
  individual.surname = "Rosen";
  client.v2().core().accounts().update(account.id, up);

  std::lock_guard<std::mutex> lock(mutex);  // delivered before the update was answered
  REQUIRE(received.size() == 1);
  auto notification = stripe::webhook::construct_event_notification(received[0].first, received[0].second, secret);
  CHECK(notification.type == "v2.core.account[requirements].updated");
  CHECK(notification.related_object.value().id == account.id);
  const std::string server_secret = stripe::testing::SimulatorOptions().webhook_secret;  // not the destination's
  CHECK_THROWS(stripe::webhook::construct_event_notification(received[0].first, received[0].second, server_secret));

  auto [status, deliveries] = sim.control("GET", "event_destinations/" + destination.id + "/deliveries");
  CHECK(status == 200);
  REQUIRE(deliveries.at("data").size() == 1);
  CHECK(deliveries.at("data")[0].at("status") == 200);
  CHECK(deliveries.at("data")[0].at("type") == "v2.core.account[requirements].updated");
  CHECK(deliveries.at("data")[0].at("url") == endpoint.base_url() + "/destination");
  CHECK(sim.control("GET", "event_destinations/ed_unknown/deliveries").second.at("data").empty());
}

TEST_CASE("stripe-connect-sim: the link pages play the browser: the form, its submission, then refresh_url",
          "[sim_server]") {
  SimProcess sim(sim_binary());
  auto client = client_for(sim);
  auto id = client.v1().accounts().create(test_support::express_us_individual()).value().id;
  auto url = client.v1().account_links().create(
      ob::link_params(id, {"https://platform.example/refresh", "https://platform.example/return", ob::Strategy::up_front}))
                 .value().url;
  REQUIRE(url.rfind(sim.base_url() + "/setup/e/", 0) == 0);  // the link is served by this server

  auto form = sim.raw(stripe::http::Method::get, url);
  CHECK(form.status == 200);
  CHECK(form.body.find("<form method=\"post\">") != std::string::npos);
  auto submitted = sim.raw(stripe::http::Method::post, url);
  CHECK(submitted.status == 303);
  CHECK(submitted.headers.get("Location").value_or("") == "https://platform.example/return");
  auto again = sim.raw(stripe::http::Method::get, url);
  CHECK(again.status == 303);
  CHECK(again.headers.get("Location").value_or("") == "https://platform.example/refresh");
  CHECK(client.v1().accounts().retrieve(id).value().details_submitted);
}

TEST_CASE("stripe-connect-sim: --seed makes ids repeatable across runs and distinct across seeds", "[sim_server]") {
  auto first_id = [](const std::string& seed) {
    SimProcess sim(sim_binary(), {"--seed", seed});
    auto client = client_for(sim);
    return client.v1().accounts().create(test_support::express_us_individual()).value().id;
  };
  const auto a = first_id("7"), b = first_id("7"), c = first_id("8");
  CHECK(a.rfind("acct_", 0) == 0);
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("stripe-connect-sim: control calls play Stripe, and wrong ones get a clear error", "[sim_server]") {
  SimProcess sim(sim_binary());
  auto client = client_for(sim);
  auto id = client.v1().accounts().create(test_support::express_us_individual()).value().id;

  CHECK(sim.control("POST", "accounts/" + id + "/reject", {{"reason", "fraud"}}).first == 200);
  CHECK(client.v1().accounts().retrieve(id).value().requirements->disabled_reason.value() == "rejected.fraud");

  auto [unknown_status, unknown] = sim.control("POST", "accounts/acct_missing/pass_deadline");
  CHECK(unknown_status == 404);
  CHECK(unknown.at("error").at("message") == "no such simulated account");
  auto [bad_status, bad] = sim.control("POST", "clock/advance", {{"seconds", "soon"}});
  CHECK(bad_status == 400);
  CHECK(bad.at("error").at("message") == "seconds must be an integer");
  auto [kind_status, kind] = sim.control("POST", "faults", {{"kind", "explode"}});
  CHECK(kind_status == 400);
  CHECK(kind.at("error").at("message").get<std::string>().find("http_500") != std::string::npos);
  CHECK(sim.control("GET", "nothing/here").first == 404);

  auto [clock_status, clock] = sim.control("POST", "clock/advance", {{"seconds", 3600}});
  CHECK(clock_status == 200);
  CHECK(clock.at("now") == stripe::testing::SimulatorOptions().start_time + 3600);
}

TEST_CASE("stripe-connect-sim: injected faults reach the SDK over HTTP; a dropped answer is resent with its key and applied once",
          "[sim_server]") {
  SimProcess sim(sim_binary());
  auto client = client_for(sim);

  REQUIRE(sim.control("POST", "faults", {{"kind", "http_500"}, {"path_prefix", "/v1/accounts"}, {"count", 1}}).first == 200);
  auto created = client.v1().accounts().create(test_support::express_us_individual());
  CHECK(created.attempts() == 2);

  auto commits_before = sim.control("GET", "stats").second.at("commits").get<int>();
  REQUIRE(sim.control("POST", "faults", {{"kind", "drop_after_commit"}, {"path_prefix", "/v1/accounts"}}).first == 200);
  // The connection ends with no answer; the request goes again with its idempotency key (libcurl
  // resends it itself on a reused connection, else the client retries) and the replay answers.
  auto again = client.v1().accounts().create(test_support::express_us_individual());
  CHECK(again.value().id != created.value().id);
  CHECK(client.v1().accounts().retrieve(again.value().id).value().id == again.value().id);
  CHECK(sim.control("GET", "stats").second.at("commits").get<int>() == commits_before + 1);  // one account, not two
}

TEST_CASE("stripe-connect-sim: bad command lines are refused with the reason; --version names the API",
          "[sim_server]") {
  CHECK_THROWS_WITH(SimProcess(sim_binary(), {"--port", "70000"}), Catch::Contains("did not start"));
  CHECK_THROWS_WITH(SimProcess(sim_binary(), {"--colour", "blue"}), Catch::Contains("did not start"));
  std::string version;
  {
    FILE* p = popen((sim_binary() + " --version").c_str(), "r");
    REQUIRE(p);
    char buf[256] = {};
    while (fgets(buf, sizeof buf, p)) version += buf;
    CHECK(pclose(p) == 0);
  }
  CHECK(version.find(stripe::pinned_api_version) != std::string::npos);
}

TEST_CASE("stripe-connect-sim: SIGTERM stops it cleanly", "[sim_server]") {
  SimProcess sim(sim_binary());
  CHECK(sim.control("GET", "health").first == 200);
  CHECK(sim.stop() == 0);
  CHECK(sim.read_line() == "stripe-connect-sim stopped");
}

// 1,000 lifecycles through one server: every one ends complete, and the server exits 0 (under
// AddressSanitizer a leak would make it exit non-zero). Throughput is the benchmark's business
// (bench_sim_server); this checks that nothing breaks or leaks as the state grows.
TEST_CASE("stripe-connect-sim: a soak of 1,000 lifecycles completes every one and exits cleanly", "[sim_server][soak]") {
  SimProcess sim(sim_binary());
  auto client = client_for(sim);
  int complete = 0;
  for (int i = 0; i < 1000; ++i) complete += hosted_lifecycle(sim, client) == ob::AccountState::complete;
  CHECK(complete == 1000);
  CHECK(sim.stop() == 0);
}
