// Compile-cost probe: the umbrella header <stripe/connect.hpp> and one typed call.
#include <stripe/connect.hpp>

int main() {
  stripe::ClientOptions options;
  options.secret_key = "sk_test_compile";
  stripe::Client client(options);
  stripe::v1::AccountLinkCreateParams params;
  params.account = "acct_1";
  params.type = stripe::v1::AccountLinkCreateParams::Type::account_onboarding;
  params.refresh_url = "https://example.com/refresh";
  params.return_url = "https://example.com/return";
  try {
    return client.v1().account_links().create(params)->url.empty() ? 1 : 0;
  } catch (const stripe::Error&) {
    return 2;
  }
}
