#include <iostream>
#include <memory>

#include <stripe/connect.hpp>
#include <stripe/onboarding.hpp>
#include <stripe/testing/recording_transport.hpp>
#if defined(TEST_PACKAGE_WEBHOOK)
#include <stripe/webhook.hpp>
#endif
#if defined(TEST_PACKAGE_TESTING)
#include <stripe/testing/simulator.hpp>
#endif

int main() {
  namespace ob = stripe::onboarding;
  auto params = ob::link_params("acct_1", {"https://example.com/r", "https://example.com/x", ob::Strategy::incremental});
  auto body = stripe::form_encode(stripe::encode_params(params));
  if (body.find("collection_options[fields]=currently_due") == std::string::npos) return 1;

  stripe::ClientOptions options;
  options.secret_key = "sk_test_package";
#if defined(TEST_PACKAGE_CURL)
  stripe::Client with_curl(options);  // the default libcurl transport
#endif
#if defined(TEST_PACKAGE_WEBHOOK)
  auto header = stripe::webhook::sign_payload("{}", "whsec_test_package", 1700000000);
  if (header.rfind("t=1700000000,v1=", 0) != 0) return 1;
#endif
#if defined(TEST_PACKAGE_TESTING)
  options.transport = std::make_shared<stripe::testing::Simulator>();
#else
  auto recording = std::make_shared<stripe::testing::RecordingTransport>();
  recording->then_respond(200, R"({"id":"acct_1","object":"account"})");
  options.transport = recording;
#endif
  stripe::Client client(options);
  stripe::v1::AccountCreateParams create;
  create.type = "express";
  create.capabilities.emplace().transfers.emplace().requested = true;
  auto account = client.v1().accounts().create(create);
  std::cout << "stripe_connect " << stripe::sdk_version << ": " << account->id << "\n";
  return account->id.empty();
}
