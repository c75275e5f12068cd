// A consumer of the installed package: uses each component it was built with.
#include <iostream>

#include <stripe/connect.hpp>
#include <stripe/onboarding.hpp>
#include <stripe/testing/recording_transport.hpp>
#if defined(WITH_WEBHOOK) || defined(WITH_TESTING)
#include <stripe/webhook.hpp>
#endif
#if defined(WITH_TESTING)
#include <stripe/testing/simulator.hpp>
#endif

int main() {
  namespace ob = stripe::onboarding;
  auto params = ob::link_params("acct_1", {"https://example.com/r", "https://example.com/x", ob::Strategy::up_front});
  std::string body = stripe::form_encode(stripe::encode_params(params));
  if (body.find("collection_options[fields]=eventually_due") == std::string::npos) return 1;
  if (std::string(STRIPE_CONNECT_VERSION) != stripe::sdk_version) return 1;

  stripe::ClientOptions o;
  o.secret_key = "sk_test_consumer";
#if defined(WITH_CURL)
  stripe::Client with_curl(o);  // the default transport exists only with the curl component
  (void)with_curl;
#endif
#if defined(WITH_WEBHOOK)
  auto header = stripe::webhook::sign_payload("{}", "whsec_x", 1);
  stripe::webhook::VerifyOptions vo;
  vo.now = [] { return std::int64_t{1}; };
  stripe::webhook::verify_signature("{}", header, "whsec_x", vo);
#endif
#if defined(WITH_TESTING)
  // The simulator's deliveries verify with default options, as a real endpoint checks them.
  auto sim = std::make_shared<stripe::testing::Simulator>();
  sim->on_webhook([&](const stripe::testing::WebhookDelivery& d) {
    stripe::webhook::construct_event(d.payload, d.signature_header, sim->webhook_secret());
  });
  o.transport = sim;
  stripe::Client client(o);
  stripe::v1::AccountCreateParams create;
  create.type = "express";
  create.capabilities.emplace().transfers.emplace().requested = true;
  auto account = client.v1().accounts().create(create);
  auto link = client.v1().account_links().create(ob::link_params(account->id, {"https://example.com/r", "https://example.com/x"}));
  sim->submit_onboarding(link->url);
  auto deliveries = sim->webhook_deliveries();
  if (deliveries.empty()) return 1;
  for (const auto& d : deliveries)
    if (d.status != 200) return 1;
  std::cout << "simulated " << account->id << ", " << deliveries.size() << " deliveries verified\n";
#else
  // Core only: a scripted transport, no network and no OpenSSL.
  auto t = std::make_shared<stripe::testing::RecordingTransport>();
  t->then_respond(200, R"({"object":"account_link","created":1,"expires_at":2,"url":"https://x"})");
  o.transport = t;
  auto link = stripe::Client(o).v1().account_links().create(params);
  if (link->expires_at != 2) return 1;
#endif
  std::cout << "consumer ok " << stripe::sdk_version << "\n";
  return 0;
}
