#pragma once
// What a platform doing API onboarding sends, as the API-onboarding guide shows: the account
// (the platform collects requirements, no Stripe Dashboard, transfers), then for a US individual
// every requirement the simulator asks of it and the terms of service accepted at `accepted_at`.
#include <cstdint>

#include "stripe/v1/account_params.hpp"

namespace test_support {

inline stripe::v1::AccountCreateParams api_onboarding_account() {
  stripe::v1::AccountCreateParams p;
  auto& c = p.controller.emplace();
  c.fees.emplace().payer = "application";
  c.losses.emplace().payments = "application";
  c.requirement_collection = "application";
  c.stripe_dashboard.emplace().type = "none";
  p.country = "US";
  p.capabilities.emplace().transfers.emplace().requested = true;
  return p;
}

// A hosted (Express) onboarding's account: a US individual with card payments and transfers.
inline stripe::v1::AccountCreateParams express_us_individual() {
  stripe::v1::AccountCreateParams p;
  p.type = "express";
  p.country = "US";
  p.business_type = "individual";
  p.capabilities.emplace().card_payments.emplace().requested = true;
  p.capabilities->transfers.emplace().requested = true;
  return p;
}

inline stripe::v1::AccountUpdateParams us_individual_onboarding(std::int64_t accepted_at) {
  stripe::v1::AccountUpdateParams u;
  u.business_type = "individual";
  auto& ind = u.individual.emplace();
  ind.first_name = "Jenny";
  ind.last_name = "Rosen";
  ind.dob = stripe::DateOfBirthParams{1, 2, 1990};
  ind.email = "jenny@example.com";
  ind.phone = "+14155550100";
  ind.ssn_last_4 = "0000";
  ind.id_number = "000000000";
  auto& addr = ind.address.emplace();
  addr.line1 = "1 Main St";
  addr.city = "San Francisco";
  addr.postal_code = "94103";
  addr.state = "CA";
  u.external_account = "btok_us_verified";
  u.tos_acceptance.emplace().date = accepted_at;
  u.tos_acceptance->ip = "203.0.113.9";
  return u;
}

}  // namespace test_support
