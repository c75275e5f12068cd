#pragma once
// POST /v1/account_sessions: the client secret embedded components start from. It lasts 30
// minutes; at least one component must be enabled.
#include <string>

#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/object_events.hpp"
#include "stripe/v1/account_session_params.hpp"

namespace stripe::testing::sim {

inline constexpr std::int64_t account_session_ttl = 30 * 60;

inline http::Response create_account_session(State& s, json& p) {
  if (auto problem = check_params<v1::AccountSessionCreateParams>(p, true)) return bad(s, *problem);
  const std::string account = param(p, "account");
  if (account.empty()) return refuse(s, 400, "Missing required param: account.", "account", "parameter_missing");
  auto it = s.accounts.find(account);
  if (it == s.accounts.end() || it->second.deleted)
    return error(s, 400, "invalid_request_error", "No such account: '" + account + "'", "account", "resource_missing");
  const json asked = p.value("components", json::object());
  json components = json::object();
  for (const char* name : {"account_onboarding", "account_management", "notification_banner", "documents", "payouts"})
    components[name] = {{"enabled", false}, {"features", json::object()}};
  bool any = false;
  for (auto c = asked.begin(); c != asked.end(); ++c) {
    const bool enabled = truthy(c.value(), "enabled");
    json features = json::object();
    if (c.value().is_object() && c.value().contains("features") && c.value()["features"].is_object())
      for (auto f = c.value()["features"].begin(); f != c.value()["features"].end(); ++f)
        features[f.key()] = f.value() == "true" || f.value() == true;
    components[c.key()] = {{"enabled", enabled}, {"features", features}};
    any = any || enabled;
  }
  if (!any)
    return error(s, 400, "invalid_request_error",
                 "You must enable at least one component: components[<name>][enabled]=true.", "components");
  ++s.commits;
  std::string secret = s.next_id("accs_secret__");
  return reply(s, 200, {{"object", "account_session"}, {"account", account}, {"client_secret", secret},
                        {"expires_at", s.clock + account_session_ttl}, {"livemode", false}, {"components", components}});
}

}  // namespace stripe::testing::sim
