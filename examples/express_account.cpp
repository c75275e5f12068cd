// v1: create an Express account, prefilled, and an onboarding link for it.
#include <iostream>

#include "example_env.hpp"
#include "stripe/onboarding.hpp"

int main() {
  auto client = client_from_env("express_account");
  if (!client) return 2;
  try {
    stripe::v1::AccountCreateParams create;
    create.type = stripe::v1::AccountCreateParams::Type::express;
    create.country = "US";
    create.email = "jenny.rosen@example.com";
    create.business_type = "individual";
    create.business_profile.emplace().url = "https://jenny-rosen.example";
    create.capabilities.emplace().card_payments.emplace().requested = true;
    create.capabilities->transfers.emplace().requested = true;
    auto account = client->v1().accounts().create(create);
    std::cout << "created Express account " << account->id << " (" << account.request_id() << ")\n";

    namespace ob = stripe::onboarding;
    auto link = client->v1().account_links().create(ob::link_params(
        account->id, {"https://example.com/reauth", "https://example.com/return", ob::Strategy::incremental}));
    // Redirect the signed-in user to link->url. It works once and grants access to the account's
    // onboarding: never print, log or email it.
    std::cout << "onboarding link created, expires at " << link->expires_at << "\n";
    std::cout << "state: " << ob::to_string(ob::account_state(*account)) << "\n";
    return 0;
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
