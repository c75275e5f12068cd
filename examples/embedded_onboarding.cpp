// The server side of embedded onboarding: the page loads Stripe's Connect.js and asks this
// server for an Account Session; the server creates one for the signed-in seller's account,
// with the onboarding components enabled, and hands back only its client secret. The secret
// grants access to the account's onboarding: it goes to that page alone and is never logged.
//
//   STRIPE_PUBLISHABLE_KEY=pk_test_... embedded_onboarding [--port 4242] [--max-requests N]
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "example_env.hpp"
#include "example_server.hpp"
#include "stripe/v1/account_sessions.hpp"

namespace {

// Stripe is responsible for negative balances and the account has no Stripe-hosted Dashboard:
// the seeds say such an account must use embedded components.
std::string create_seller_account(stripe::Client& client) {
  stripe::v1::AccountCreateParams create;
  auto& controller = create.controller.emplace();
  controller.fees.emplace().payer = "application";
  controller.losses.emplace().payments = "stripe";
  controller.stripe_dashboard.emplace().type = "none";
  create.country = "US";
  create.capabilities.emplace().card_payments.emplace().requested = true;
  create.capabilities->transfers.emplace().requested = true;
  return client.v1().accounts().create(create)->id;
}

// POST /account_session: what the page's fetchClientSecret calls.
nlohmann::json account_session(stripe::Client& client, const std::string& account) {
  stripe::v1::AccountSessionCreateParams params;
  params.account = account;
  auto& components = params.components;
  components.account_onboarding.emplace().enabled = true;
  components.account_onboarding->features.emplace().external_account_collection = true;
  components.notification_banner.emplace().enabled = true;
  auto session = client.v1().account_sessions().create(params);
  std::cout << "account session for " << account << ", expires at " << session->expires_at << std::endl;
  return {{"client_secret", session->client_secret}};
}

std::string page(const std::string& publishable_key) {
  return R"(<!doctype html>
<html><head><title>Set up payouts</title><script src="https://connect-js.stripe.com/v1.0/connect.js"></script></head>
<body><div id="onboarding"></div>
<script>
window.StripeConnect = window.StripeConnect || {};
StripeConnect.onLoad = () => {
  const instance = StripeConnect.init({
    publishableKey: ")" + publishable_key + R"(",
    fetchClientSecret: async () => (await (await fetch("/account_session", {method: "POST"})).json()).client_secret,
  });
  const onboarding = instance.create("account-onboarding");
  onboarding.setOnExit(() => { window.location = "/done"; });
  document.getElementById("onboarding").append(onboarding);
};
</script></body></html>
)";
}

}  // namespace

int main(int argc, char** argv) {
  ExampleServer server(argc, argv);
  auto client = client_from_env("embedded_onboarding");
  if (!client) return 2;
  const char* pk = std::getenv("STRIPE_PUBLISHABLE_KEY");
  const std::string publishable_key = pk && *pk ? pk : "pk_test_replace_me";
  std::string account;
  try {
    account = create_seller_account(*client);  // in a real platform: the signed-in seller's account
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
  std::cout << "seller account " << account << std::endl;

  server.http().Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(page(publishable_key), "text/html; charset=utf-8");
    server.handled();
  });
  server.http().Post("/account_session", [&](const httplib::Request&, httplib::Response& res) {
    try {
      res.set_content(account_session(*client, account).dump(), "application/json");
    } catch (const stripe::Error& e) {
      std::cout << "could not create an account session: " << e.what() << std::endl;
      res.status = 500;
      res.set_content(R"({"error":"could not create an account session"})", "application/json");
    }
    server.handled();
  });
  return server.run("embedded_onboarding", "/");
}
