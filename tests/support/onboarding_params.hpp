#pragma once
// The individual a custom account needs to finish onboarding through the API (everything the US
// requirements ask for), shared by the simulator tests.
#include <cstdint>

#include "stripe/v1/account_params.hpp"

namespace test_support {

inline stripe::v1::AccountUpdateParams individual_onboarding_update(std::int64_t tos_date) {
  stripe::v1::AccountUpdateParams u;
  u.business_type = "individual";
  auto& ind = u.individual.emplace();
  ind.first_name = "Jenny";
  ind.last_name = "Rosen";
  ind.dob = stripe::DateOfBirthParams{1, 2, 1990};
  ind.email = "jenny@example.com";
  ind.phone = "+14155550100";
  ind.ssn_last_4 = "0000";
  auto& addr = ind.address.emplace();
  addr.line1 = "1 Main St";
  addr.city = "San Francisco";
  addr.postal_code = "94103";
  addr.state = "CA";
  u.external_account = "btok_us_verified";
  u.tos_acceptance.emplace().date = tos_date;
  u.tos_acceptance->ip = "203.0.113.9";
  return u;
}

}  // namespace test_support
