#pragma once
// The v2 core endpoints: accounts (create, retrieve, update, list; an account_token's details
// taken as params), account links and events.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "stripe/encoding/model.hpp"
#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/links.hpp"
#include "stripe/testing/sim/v2_persons.hpp"
#include "stripe/testing/sim/v2_tokens.hpp"
#include "stripe/v2/core/account_link_params.hpp"
#include "stripe/v2/core/account_params.hpp"

namespace stripe::testing::sim {

// defaults.profile as the v1 business_profile requirements it meets.
inline void copy_profile(const json& profile, json& v1_like) {
  if (!profile.is_object()) return;
  for (const auto& [from, to] : {std::pair<const char*, const char*>{"business_url", "url"},
                                 {"doing_business_as", "name"},
                                 {"product_description", "product_description"}})
    if (profile.contains(from) && !profile[from].is_null()) v1_like["business_profile"][to] = profile[from];
}

// What v2 create and update share: the account takes the params and its requirements follow.
inline void apply_v2(State& s, Account& a, const json& p) {
  if (p.contains("display_name")) a.display_name = param(p, "display_name");
  if (p.contains("contact_email")) a.email = param(p, "contact_email");
  if (p.contains("dashboard")) a.dashboard = param(p, "dashboard", "none");
  if (p.contains("metadata") && p["metadata"].is_object())
    for (auto it = p["metadata"].begin(); it != p["metadata"].end(); ++it) {
      if (it.value().is_string()) a.metadata[it.key()] = it.value();
      else a.metadata.erase(it.key());
    }
  if (p.contains("defaults") && p["defaults"].is_object()) stripe::detail::merge_into(a.defaults, p["defaults"]);
  // The platform collects requirements only where it is liable for the losses of an account
  // without a Stripe Dashboard (as v1 allows requirement_collection=application).
  const json responsibilities = a.defaults.is_object() ? a.defaults.value("responsibilities", json::object()) : json::object();
  a.requirements_collector =
      a.dashboard == "none" && param(responsibilities, "losses_collector") == "application" ? "application" : "stripe";
  json v1_like = json::object();  // v2 identity fields in the v1 requirement names
  if (p.contains("identity") && p["identity"].is_object()) {
    const json& id = p["identity"];
    stripe::detail::merge_into(a.identity, id);
    a.identity.erase("country");
    a.identity.erase("entity_type");
    if (id.contains("country")) a.country = param(id, "country", a.country);
    if (id.contains("entity_type")) {
      a.business_type = param(id, "entity_type", a.business_type);
      v1_like["business_type"] = a.business_type;
    }
    if (id.contains("individual") && id["individual"].is_object()) v1_like["individual"] = v2_person_as_v1(id["individual"]);
    const json business = id.value("business_details", json::object());
    auto copy = [&](const json& from, const char* key, json& to, const char* as) {
      if (from.is_object() && from.contains(key) && !from[key].is_null()) to[as] = from[key];
    };
    copy(business, "registered_name", v1_like["company"], "name");
    copy(business, "phone", v1_like["company"], "phone");
    copy(business, "address", v1_like["company"], "address");
    copy(business, "structure", v1_like["company"], "structure");
    if (business.is_object() && business.contains("id_numbers")) v1_like["company"]["tax_id"] = "provided";
    const json attestations = id.value("attestations", json::object());
    if (attestations.is_object()) {
      const json provided = attestations.value("persons_provided", json::object());
      copy(provided, "owners", v1_like["company"], "owners_provided");
      copy(provided, "directors", v1_like["company"], "directors_provided");
      copy(provided, "executives", v1_like["company"], "executives_provided");
      copy(attestations, "ownership_declaration", v1_like["company"], "ownership_declaration");
      const json tos = attestations.value("terms_of_service", json::object());
      if (tos.is_object()) copy(tos, "account", v1_like, "tos_acceptance");
    }
  }
  if (p.contains("defaults") && p["defaults"].is_object()) {  // the business profile, in v2's words
    const json profile = p["defaults"].value("profile", json::object());
    copy_profile(profile, v1_like);
  }
  if (p.contains("configuration") && p["configuration"].is_object()) {
    const json& c = p["configuration"];
    auto add_config = [&](const std::string& name) {
      if (std::find(a.configurations.begin(), a.configurations.end(), name) == a.configurations.end())
        a.configurations.push_back(name);
    };
    if (c.contains("recipient")) {
      add_config("recipient");
      request_capability(s, a, "transfers");
    }
    if (c.contains("merchant")) {
      add_config("merchant");
      request_capability(s, a, "card_payments");
    }
    if (c.contains("customer")) add_config("customer");
  }
  if (a.dashboard == "express" || a.dashboard == "full")
    a.controller = {{"requirement_collection", "stripe"}, {"stripe_dashboard", {{"type", a.dashboard}}}};
  else
    a.controller = {{"requirement_collection", a.requirements_collector}, {"stripe_dashboard", {{"type", "none"}}}};
  rebuild_items(s, a);
  apply_prefill(s, a, v1_like);
}

inline http::Response create_v2(State& s, json& p) {
  if (auto problem = check_params<v2::core::AccountCreateParams>(p, false)) return bad(s, *problem);
  if (auto refused = redeem_v2_token(s, p, "account_token")) return *refused;
  Account a = new_account(s);
  a.v2 = true;
  apply_v2(s, a, p);
  return reply(s, 200, render_v2(add_account(s, std::move(a)), includes(p)));
}

inline http::Response update_v2(State& s, Account& a, json& p) {
  if (auto problem = check_params<v2::core::AccountUpdateParams>(p, false)) return bad(s, *problem);
  if (auto refused = redeem_v2_token(s, p, "account_token")) return *refused;
  if (a.kyc_locked && p.contains("identity"))
    return error(s, 400, "invalid_request_error",
                 "Stripe collects this account's identity after onboarding started; the platform can no longer "
                 "update it.",
                 "identity");
  if (p.contains("identity") && p["identity"].contains("country") && param(p["identity"], "country") != a.country)
    return refuse(s, 400, "You cannot change `identity.country` of an account after creating it.", "identity.country");
  apply_v2(s, a, p);
  ++s.commits;
  touch(s, a);
  return reply(s, 200, render_v2(a, includes(p)));
}

inline http::Response retrieve_v2(State& s, Account& a, json& p) {
  if (auto problem = check_params<v2::core::AccountRetrieveParams>(p, true)) return bad(s, *problem);
  return reply(s, 200, render_v2(a, includes(p)));
}

inline http::Response list_v2(State& s, json& p) {
  std::size_t offset = 0;
  if (p.contains("page")) {
    offset = static_cast<std::size_t>(std::stoll(param(p, "page", "0")));
    p.erase("page");
  }
  if (auto problem = check_params<v2::core::AccountListParams>(p, true)) return bad(s, *problem);
  std::size_t limit = std::clamp<std::size_t>(static_cast<std::size_t>(std::stoll(param(p, "limit", "10"))), 1, 100);
  std::vector<std::string> ids;
  for (auto it = s.order.rbegin(); it != s.order.rend(); ++it)
    if (s.accounts.at(*it).v2) ids.push_back(*it);
  json data = json::array();
  for (std::size_t i = offset; i < ids.size() && i < offset + limit; ++i) data.push_back(render_v2(s.accounts.at(ids[i]), {}));
  json next = nullptr;
  if (offset + limit < ids.size())
    next = "/v2/core/accounts?limit=" + std::to_string(limit) + "&page=" + std::to_string(offset + limit);
  return reply(s, 200, {{"data", data}, {"next_page_url", next}, {"previous_page_url", nullptr}});
}

// GET /v2/core/events/{id}: the event a thin notification announced, with its data.
inline http::Response retrieve_event(State& s, const std::string& id) {
  auto it = s.v2_events.find(id);
  if (it == s.v2_events.end()) return missing(s, "event", id);
  return reply(s, 200, it->second);
}

inline http::Response create_v2_link(State& s, json& p) {
  if (auto problem = check_params<v2::core::AccountLinkCreateParams>(p, false)) return bad(s, *problem);
  std::string account = param(p, "account");
  if (account.empty()) return refuse(s, 400, "Missing required param: account.", "account", "parameter_missing");
  auto it = s.accounts.find(account);
  if (it == s.accounts.end() || !it->second.v2) return missing(s, "account", account);
  Account& a = it->second;
  const json uc = p.value("use_case", json::object());
  std::string type = param(uc, "type");
  if (type != "account_onboarding" && type != "account_update")
    return refuse(s, 400, "Missing required param: use_case.type.", "use_case.type", "parameter_missing");
  const json body = uc.value(type, json::object());
  for (const char* u : {"refresh_url", "return_url"}) {
    std::string url = param(body, u);
    if (url.empty() && std::string(u) == "return_url") continue;
    if (url.rfind("https://", 0) != 0)
      return refuse(s, 400, std::string("use_case.") + type + "." + u + " must use HTTPS.",
                    std::string("use_case.") + type + "." + u, "url_invalid");
  }
  // Create an account link: "You can create Account Links of type account_update only for
  // connected accounts where your platform is responsible for collecting requirements".
  if (type == "account_update" && (dashboard_hosted(a) || stripe_collects(a)))
    return error(s, 400, "invalid_request_error",
                 "You cannot create account_update links for accounts with a Stripe-hosted Dashboard or where "
                 "Stripe collects requirements.",
                 "use_case.type");
  Link link;
  link.v2 = true;
  link.type = type;
  link.refresh_url = param(body, "refresh_url");
  link.return_url = param(body, "return_url");
  if (body.contains("collection_options")) {
    link.fields = param(body["collection_options"], "fields", "currently_due");
    link.future = param(body["collection_options"], "future_requirements", "omit");
  }
  if (body.contains("configurations") && body["configurations"].is_array())
    for (const auto& c : body["configurations"])
      if (c.is_string()) link.configurations.push_back(c.get<std::string>());
  const std::int64_t created = s.clock, expires_at = s.clock + s.options.link_ttl;
  std::string url = issue_link(s, a, std::move(link));
  json use_case = {{"type", type}, {type, body}};
  return reply(s, 200, {{"object", "v2.core.account_link"}, {"account", a.id}, {"created", rfc3339(created)},
                        {"expires_at", rfc3339(expires_at)}, {"livemode", false}, {"url", url}, {"use_case", use_case}});
}

}  // namespace stripe::testing::sim
