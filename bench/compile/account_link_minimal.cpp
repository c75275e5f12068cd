// Compile-cost probe: a program that creates a v1 account link, including only what it needs.
#include <stripe/v1/account_links.hpp>

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
