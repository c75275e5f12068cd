#pragma once
// The platform's side of accounts: GET /v1/account (the platform's own account, fixed: it is
// not simulated, only shown) and POST /v1/accounts/{id}/unreject (undoes the platform's own
// reject; a rejection by Stripe stays).
#include <string>

#include "stripe/testing/sim/events.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/v1/account_params.hpp"

namespace stripe::testing::sim {

inline constexpr const char* platform_account_id = "acct_1SimPlatform00000";

inline http::Response retrieve_platform_account(State& s, json& p) {
  if (auto problem = check_params<v1::AccountRetrieveCurrentParams>(p, true)) return bad(s, *problem);
  const json none = json::array();
  return reply(s, 200,
               {{"id", platform_account_id},
                {"object", "account"},
                {"type", "standard"},
                {"business_type", "company"},
                {"country", "US"},
                {"default_currency", "usd"},
                {"email", "platform@simulator.invalid"},
                {"created", s.options.start_time},
                {"charges_enabled", true},
                {"payouts_enabled", true},
                {"details_submitted", true},
                {"business_profile", {{"name", "Simulated platform"}, {"url", "https://platform.simulator.invalid"}}},
                {"capabilities", {{"card_payments", "active"}, {"transfers", "active"}}},
                {"controller", {{"type", "account"}, {"is_controller", false}}},
                {"requirements", {{"alternatives", none}, {"currently_due", none}, {"eventually_due", none},
                                  {"past_due", none}, {"pending_verification", none}, {"errors", none},
                                  {"current_deadline", nullptr}, {"disabled_reason", nullptr}}},
                {"metadata", json::object()},
                {"settings", {{"dashboard", {{"display_name", "Simulated platform"}}}}}});
}

inline http::Response unreject_v1(State& s, Account& a, json& p) {
  if (auto problem = check_params<v1::AccountUnrejectParams>(p, true)) return bad(s, *problem);
  if (a.rejected.empty())
    return error(s, 400, "invalid_request_error", "The account " + a.id + " is not rejected.", "account");
  if (a.rejected.rfind("rejected.platform_", 0) != 0)
    return error(s, 400, "invalid_request_error",
                 "Stripe rejected the account " + a.id + " (" + a.rejected +
                     "); only a rejection by your platform can be undone.",
                 "account");
  a.rejected.clear();
  ++s.commits;
  touch(s, a);
  return reply(s, 200, render_v1(a));
}

}  // namespace stripe::testing::sim
