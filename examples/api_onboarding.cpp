// v1 API onboarding: the platform collects requirements itself (controller properties),
// requests capabilities, then provides the information and the terms of service acceptance.
#include <ctime>
#include <iostream>

#include "example_env.hpp"
#include "stripe/onboarding.hpp"

int main() {
  auto client = client_from_env("api_onboarding");
  if (!client) return 2;
  try {
    stripe::v1::AccountCreateParams create;
    auto& controller = create.controller.emplace();
    controller.fees.emplace().payer = "application";
    controller.losses.emplace().payments = "application";
    controller.requirement_collection = "application";
    controller.stripe_dashboard.emplace().type = "none";
    create.country = "US";
    create.capabilities.emplace().transfers.emplace().requested = true;
    auto account = client->v1().accounts().create(create);
    std::cout << "created " << account->id << "; currently due: "
              << (account->requirements && account->requirements->currently_due
                      ? account->requirements->currently_due->size()
                      : 0u)
              << " requirements\n";

    stripe::v1::AccountUpdateParams update;
    update.business_type = "individual";
    auto& person = update.individual.emplace();
    person.first_name = "Jenny";
    person.last_name = "Rosen";
    person.email = "jenny.rosen@example.com";
    person.phone = "+14155550100";
    person.ssn_last_4 = "0000";
    person.dob = stripe::DateOfBirthParams{1, 1, 1990};
    auto& address = person.address.emplace();
    address.line1 = "510 Townsend St";
    address.city = "San Francisco";
    address.state = "CA";
    address.postal_code = "94103";
    update.external_account = "btok_us_verified";
    auto& tos = update.tos_acceptance.emplace();
    tos.date = static_cast<std::int64_t>(std::time(nullptr));
    tos.ip = "203.0.113.9";  // the IP the user accepted from
    account = client->v1().accounts().update(account->id, update);

    auto summary = stripe::onboarding::summarize(*account);
    std::cout << "after update: " << summary.label() << ", details_submitted=" << summary.details_submitted
              << ", currently due " << summary.currently_due.size() << ", pending verification "
              << summary.pending_verification.size() << "\n";
    std::cout << "account_update links allowed: "
              << (stripe::onboarding::can_use_account_update(*account) ? "yes" : "no") << "\n";
    return 0;
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
