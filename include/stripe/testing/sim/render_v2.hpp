#pragma once
// v2 rendering: an account as the v2 core API shows it (configurations, capability statuses,
// requirements entries), with only the parts a request includes.
#include <algorithm>
#include <set>
#include <string>

#include "stripe/encoding/model.hpp"
#include "stripe/testing/sim/render_v1.hpp"
#include "stripe/v2/core/account.hpp"

namespace stripe::testing::sim {

// v2 capability status for one v1-style capability name.
inline v2::core::Account::CapabilityStatus v2_capability(const Account& a, const std::string& cap) {
  v2::core::Account::CapabilityStatus s;
  v2::core::Account::StatusDetail d;
  if (!a.rejected.empty()) {
    s.status = "restricted";
    d.code = "rejected_other";
    d.resolution = "contact_stripe";
    s.status_details.push_back(d);
  } else {
    std::string v1status = capability_status(a, cap);
    if (v1status == "active") {
      s.status = "active";
    } else if (v1status == "pending") {
      s.status = "pending";
      d.code = "requirements_pending_verification";
      d.resolution = "no_resolution";
      s.status_details.push_back(d);
    } else {
      s.status = "restricted";
      d.code = "requirements_past_due";
      d.resolution = "provide_info";
      s.status_details.push_back(d);
    }
  }
  return s;
}

// requirements.entries[], each requirement not yet verified.
inline json render_v2_requirements(const Account& a) {
  json entries = json::array();
  const bool recipient = std::find(a.configurations.begin(), a.configurations.end(), "recipient") != a.configurations.end();
  for (const auto& i : a.items) {
    if (is_future(i) || i.state == Item::State::verified) continue;
    std::string deadline = i.spec->eventually && !i.escalated ? "eventually_due"
                           : a.past_deadline                 ? "past_due"
                                                             : "currently_due";
    json impact = json::array();
    if (deadline != "eventually_due" && !i.spec->eventually)
      impact.push_back({{"capability", recipient ? "stripe_transfers" : "card_payments"},
                        {"configuration", recipient ? "recipient" : "merchant"},
                        {"deadline", {{"status", deadline}}}});
    json errors = json::array();
    if (!i.error_code.empty()) errors.push_back({{"code", i.error_code}, {"description", i.error_reason}});
    entries.push_back({{"awaiting_action_from", i.state == Item::State::pending ? "stripe" : "user"},
                       {"description", i.spec->name},
                       {"errors", errors},
                       {"impact", {{"restricts_capabilities", impact}}},
                       {"minimum_deadline", {{"status", deadline}}},
                       {"reference", nullptr},
                       {"requested_reasons",
                        json::array({{{"code", i.state == Item::State::pending ? "routine_verification" : "routine_onboarding"}}})}});
  }
  return {{"entries", entries}};
}

// The v2 Account object with the parts `include` names (the others are absent, as in the API).
inline json render_v2(const Account& a, const std::set<std::string>& include) {
  v2::core::Account out;
  out.id = a.id;
  out.object = "v2.core.account";
  out.created = rfc3339(a.created);
  out.closed = a.closed;
  out.livemode = false;
  out.display_name = a.display_name;
  if (a.email) out.contact_email = a.email;
  out.dashboard = v2::core::Account::Dashboard(std::string(a.dashboard));
  for (const auto& c : a.configurations) out.applied_configurations.emplace_back(std::string(c));
  for (auto it = a.metadata.begin(); it != a.metadata.end(); ++it)
    if (it.value().is_string()) out.metadata[it.key()] = it.value().get<std::string>();
  json j = encode(out);
  auto has = [&](const char* c) {
    return std::find(a.configurations.begin(), a.configurations.end(), c) != a.configurations.end();
  };
  if (include.count("configuration.recipient") && has("recipient")) {
    json caps = {{"stripe_balance",
                  {{"stripe_transfers", encode(v2_capability(a, "transfers"))},
                   {"payouts", encode(v2_capability(a, "transfers"))}}}};
    j["configuration"]["recipient"] = {{"applied", true}, {"capabilities", caps}};
  }
  if (include.count("configuration.merchant") && has("merchant"))
    j["configuration"]["merchant"] = {{"applied", true},
                                      {"capabilities", {{"card_payments", encode(v2_capability(a, "card_payments"))}}}};
  if (include.count("requirements")) j["requirements"] = render_v2_requirements(a);
  if (include.count("future_requirements")) {
    json entries = json::array();
    for (const auto& name : future_due(a))
      entries.push_back({{"awaiting_action_from", "user"}, {"description", name}, {"errors", json::array()},
                         {"impact", {{"restricts_capabilities", json::array()}}},
                         {"minimum_deadline", {{"status", "eventually_due"}}},
                         {"requested_reasons", json::array({{{"code", "future_requirements"}}})}});
    j["future_requirements"] = {{"entries", entries}};
  }
  if (include.count("identity")) {
    json id = a.identity.is_object() ? a.identity : json::object();
    id["country"] = a.country;
    id["entity_type"] = a.business_type;
    j["identity"] = id;
  }
  if (include.count("defaults")) {
    json d = a.defaults.is_object() ? a.defaults : json::object();
    d["responsibilities"]["requirements_collector"] = a.requirements_collector;
    if (!d.contains("currency")) d["currency"] = default_currency(a.country);
    j["defaults"] = d;
  }
  return j;
}

// The include[] of a request.
inline std::set<std::string> includes(const json& p) {
  std::set<std::string> out;
  if (p.contains("include") && p["include"].is_array())
    for (const auto& i : p["include"]) out.insert(i.get<std::string>());
  return out;
}

}  // namespace stripe::testing::sim
