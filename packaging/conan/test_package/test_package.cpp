#include <iostream>

#include <stripe/connect.hpp>
#include <stripe/onboarding.hpp>

int main() {
  namespace ob = stripe::onboarding;
  auto params = ob::link_params("acct_1", {"https://example.com/r", "https://example.com/x", ob::Strategy::incremental});
  auto body = stripe::form_encode(stripe::encode_params(params));
  stripe::ClientOptions options;
  options.secret_key = "sk_test_package";
  stripe::Client client(options);  // the libcurl transport from the curl component
  std::cout << "stripe_connect " << stripe::sdk_version << ": " << body.size() << " bytes\n";
  return body.find("collection_options[fields]=currently_due") == std::string::npos;
}
