// v2: a marketplace recipient account and its onboarding link.
#include <iostream>

#include "example_env.hpp"
#include "stripe/onboarding.hpp"

int main() {
  auto client = client_from_env("v2_recipient");
  if (!client) return 2;
  try {
    namespace v2 = stripe::v2::core;
    v2::AccountCreateParams create;
    create.contact_email = "furever@example.com";
    create.display_name = "FurEver";
    create.dashboard = "express";
    auto& identity = create.identity.emplace();
    identity.country = "US";
    identity.entity_type = "company";
    identity.business_details.emplace().registered_name = "FurEver LLC";
    create.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace()
        .stripe_transfers.emplace().requested = true;
    create.defaults.emplace().responsibilities.emplace().fees_collector = "application";
    create.defaults->responsibilities->losses_collector = "application";
    create.include = std::vector<v2::AccountCreateParams::Include>{"configuration.recipient", "requirements"};
    auto account = client->v2().core().accounts().create(create);
    auto summary = stripe::onboarding::summarize(*account);
    std::cout << "created " << account->id << ": " << summary.label() << "\n";

    namespace ob = stripe::onboarding;
    auto link = client->v2().core().account_links().create(ob::v2_link_params(
        account->id, {"https://example.com/reauth", "https://example.com/return", ob::Strategy::up_front},
        {"recipient"}));
    // Redirect the signed-in user to link->url; never print, log or email it.
    std::cout << "onboarding link created, expires at " << link->expires_at << "\n";
    return 0;
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
