#pragma once
// The v1 endpoints: accounts (create, update, reject, list), capabilities and account links.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "stripe/encoding/model.hpp"
#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/account_extras.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/links.hpp"
#include "stripe/v1/account_link_params.hpp"
#include "stripe/v1/account_params.hpp"
#include "stripe/v1/capability_params.hpp"

namespace stripe::testing::sim {

inline bool known_capability(const std::string& name) {
  const auto& caps = param_schema<v1::AccountCreateParams>().children.at("capabilities")->children;
  return caps.count(name) > 0;
}

// What v1 create and update share: the account takes the params and its requirements follow.
inline void apply_common_v1(State& s, Account& a, const json& p) {
  if (p.contains("email")) a.email = param(p, "email");
  if (p.contains("business_profile")) stripe::detail::merge_into(a.business_profile, p["business_profile"]);
  if (p.contains("individual")) stripe::detail::merge_into(a.individual, p["individual"]);
  if (p.contains("company")) stripe::detail::merge_into(a.company, p["company"]);
  if (p.contains("metadata") && p["metadata"].is_object())
    for (auto it = p["metadata"].begin(); it != p["metadata"].end(); ++it) {
      if (it.value().is_string() && !it.value().get<std::string>().empty()) a.metadata[it.key()] = it.value();
      else a.metadata.erase(it.key());
    }
  if (p.contains("tos_acceptance") && p["tos_acceptance"].is_object()) {
    const auto& t = p["tos_acceptance"];
    if (t.contains("date")) {  // validated as an integer; "" unsets it
      std::string date = param(t, "date");
      if (date.empty()) a.tos_date.reset();
      else a.tos_date = std::stoll(date);
    }
    if (t.contains("ip")) a.tos_ip = param(t, "ip");
    if (a.tos_date && a.tos_ip) a.details_submitted = true;
  }
  if (p.contains("capabilities") && p["capabilities"].is_object())
    for (auto it = p["capabilities"].begin(); it != p["capabilities"].end(); ++it)
      if (param(it.value(), "requested") == "true") request_capability(s, a, it.key());
  if (p.contains("business_type")) a.business_type = param(p, "business_type", a.business_type);
  rebuild_items(s, a);
  apply_prefill(s, a, p);
}

inline http::Response create_v1(State& s, json& p) {
  if (auto problem = check_params<v1::AccountCreateParams>(p, true)) return bad(s, *problem);
  Account a = new_account(s);
  a.country = param(p, "country", "US");
  a.type = param(p, "type");
  if (p.contains("tos_acceptance")) a.service_agreement = param(p["tos_acceptance"], "service_agreement", "full");
  if (p.contains("controller") && p["controller"].is_object()) {
    const json& c = p["controller"];
    a.controller = {{"fees", {{"payer", param(c.value("fees", json::object()), "payer", "application")}}},
                    {"is_controller", true},
                    {"losses", {{"payments", param(c.value("losses", json::object()), "payments", "application")}}},
                    {"requirement_collection", param(c, "requirement_collection", "stripe")},
                    {"stripe_dashboard", {{"type", param(c.value("stripe_dashboard", json::object()), "type", "full")}}},
                    {"type", "application"}};
  } else {
    std::string t = a.type.empty() ? "standard" : a.type;
    if (a.type.empty()) a.type = "standard";
    if (t == "express")
      a.controller = {{"fees", {{"payer", "application_express"}}}, {"is_controller", true},
                      {"losses", {{"payments", "application"}}}, {"requirement_collection", "stripe"},
                      {"stripe_dashboard", {{"type", "express"}}}, {"type", "application"}};
    else if (t == "custom")
      a.controller = {{"fees", {{"payer", "application_custom"}}}, {"is_controller", true},
                      {"losses", {{"payments", "application"}}}, {"requirement_collection", "application"},
                      {"stripe_dashboard", {{"type", "none"}}}, {"type", "application"}};
    else
      a.controller = {{"fees", {{"payer", "account"}}}, {"is_controller", false}, {"losses", {{"payments", "stripe"}}},
                      {"requirement_collection", "stripe"}, {"stripe_dashboard", {{"type", "full"}}}, {"type", "account"}};
  }
  // Custom accounts must request capabilities (the platform's own flow collects for them);
  // Express and Standard accounts get them from onboarding.
  if (a.type == "custom" && !p.contains("capabilities"))
    return refuse(s, 400, "You must request capabilities when creating custom accounts.", "capabilities",
                  "parameter_missing");
  AccountExtras extras;  // account_token, external_account
  if (auto problem = prepare_account_extras(s, a, p, extras)) return *problem;
  apply_common_v1(s, a, p);
  apply_account_extras(s, a, extras);
  return reply(s, 200, render_v1(add_account(s, std::move(a))));
}

inline http::Response update_v1(State& s, Account& a, json& p) {
  if (auto problem = check_params<v1::AccountUpdateParams>(p, true)) return bad(s, *problem);
  if (p.contains("country") || p.contains("type"))
    return refuse(s, 400, "You cannot change `country` or `type` of an account after creating it.",
                  p.contains("country") ? "country" : "type");
  // The API-onboarding guide: "Country and service agreement type are immutable".
  if (p.contains("tos_acceptance") && p["tos_acceptance"].contains("service_agreement") &&
      param(p["tos_acceptance"], "service_agreement") != a.service_agreement)
    return refuse(s, 400, "You cannot change `tos_acceptance[service_agreement]` of an account after creating it.",
                  "tos_acceptance[service_agreement]");
  if (a.kyc_locked && (p.contains("individual") || p.contains("company") || p.contains("business_type")))
    return error(s, 400, "invalid_request_error",
                 "This account's identity information is collected by Stripe after onboarding started; the "
                 "platform can no longer update it.",
                 p.contains("individual") ? "individual" : p.contains("company") ? "company" : "business_type");
  AccountExtras extras;  // account_token, external_account
  if (auto problem = prepare_account_extras(s, a, p, extras)) return *problem;
  const json individual_before = a.individual, company_before = a.company;
  const bool terms_accepted = a.tos_date.has_value();
  apply_common_v1(s, a, p);
  apply_account_extras(s, a, extras);
  if (terms_accepted && a.individual != individual_before) reverify(s, a, {"individual."});
  if (terms_accepted && a.company != company_before) reverify(s, a, {"company.", "representative."});
  ++s.commits;
  touch(s, a);
  return reply(s, 200, render_v1(a));
}

inline http::Response reject_v1(State& s, Account& a, json& p) {
  if (auto problem = check_params<v1::AccountRejectParams>(p, true)) return bad(s, *problem);
  std::string reason = param(p, "reason");
  if (reason.empty()) return refuse(s, 400, "Missing required param: reason.", "reason", "parameter_missing");
  a.rejected = reason.rfind("fraud", 0) == 0    ? "rejected.platform_fraud"
               : reason == "terms_of_service" ? "rejected.platform_terms_of_service"
                                              : "rejected.platform_other";
  ++s.commits;
  touch(s, a);
  return reply(s, 200, render_v1(a));
}

inline http::Response update_capability(State& s, Account& a, const std::string& cap, json& p) {
  if (auto problem = check_params<v1::CapabilityUpdateParams>(p, true)) return bad(s, *problem);
  std::string requested = param(p, "requested");
  if (requested == "true") {
    request_capability(s, a, cap);
  } else if (requested == "false") {
    a.capabilities.erase(std::remove(a.capabilities.begin(), a.capabilities.end(), cap), a.capabilities.end());
    a.last_caps.erase(cap);
  }
  rebuild_items(s, a);
  ++s.commits;
  touch(s, a);
  return reply(s, 200, render_capability(a, cap));
}

inline http::Response list_v1(State& s, json& p) {
  if (auto problem = check_params<v1::AccountListParams>(p, true)) return bad(s, *problem);
  std::vector<std::string> ids;
  for (auto it = s.order.rbegin(); it != s.order.rend(); ++it)
    if (!s.accounts.at(*it).deleted) ids.push_back(*it);  // newest first, like the API
  std::size_t limit = std::clamp<std::size_t>(static_cast<std::size_t>(std::stoll(param(p, "limit", "10"))), 1, 100);
  auto pos = [&](const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  std::size_t begin = 0, end = ids.size();
  bool backwards = p.contains("ending_before");
  if (p.contains("starting_after")) begin = std::min(ids.size(), pos(param(p, "starting_after")) + 1);
  if (backwards) {
    end = pos(param(p, "ending_before"));
    begin = end > limit ? end - limit : 0;
  }
  std::size_t stop = std::min(end, begin + limit);
  json data = json::array();
  for (std::size_t i = begin; i < stop; ++i) data.push_back(render_v1(s.accounts.at(ids[i])));
  bool has_more = backwards ? begin > 0 : stop < ids.size();
  return reply(s, 200, {{"object", "list"}, {"data", data}, {"has_more", has_more}, {"url", "/v1/accounts"}});
}

inline http::Response create_v1_link(State& s, json& p) {
  if (auto problem = check_params<v1::AccountLinkCreateParams>(p, true)) return bad(s, *problem);
  for (const char* required : {"account", "type", "refresh_url", "return_url"})
    if (param(p, required).empty())
      return refuse(s, 400, std::string("Missing required param: ") + required + ".", required, "parameter_missing");
  auto it = s.accounts.find(param(p, "account"));
  if (it == s.accounts.end() || it->second.deleted) return missing(s, "account", param(p, "account"));
  Account& a = it->second;
  for (const char* u : {"refresh_url", "return_url"}) {
    std::string url = param(p, u);
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
      return refuse(s, 400, "Not a valid URL", u, "url_invalid");
    if (s.live && url.rfind("https://", 0) != 0)
      return refuse(s, 400, "Livemode requests must always be redirected via HTTPS.", u);
  }
  if (p.contains("collect") && p.contains("collection_options"))
    return refuse(s, 400, "You cannot specify both `collect` and `collection_options`.", "collect");
  if (param(p, "type") == "account_update" && (dashboard_hosted(a) || stripe_collects(a)))
    return error(s, 400, "invalid_request_error",
                 "You cannot create `account_update` type Account Links for accounts with access to a Stripe-hosted "
                 "Dashboard or where Stripe collects requirements.",
                 "type");
  Link link;
  link.type = param(p, "type");
  link.refresh_url = param(p, "refresh_url");
  link.return_url = param(p, "return_url");
  link.fields = param(p, "collect", "currently_due");
  if (p.contains("collection_options")) {
    link.fields = param(p["collection_options"], "fields", "currently_due");
    link.future = param(p["collection_options"], "future_requirements", "omit");
  }
  const std::int64_t created = s.clock, expires_at = s.clock + s.options.link_ttl;
  std::string url = issue_link(s, a, std::move(link));
  return reply(s, 200, {{"object", "account_link"}, {"created", created}, {"expires_at", expires_at}, {"url", url}});
}

}  // namespace stripe::testing::sim
