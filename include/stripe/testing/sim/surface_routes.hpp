#pragma once
// Routing for the rest of the v1 onboarding surface: persons, external accounts, login links
// and unreject under /v1/accounts/{id}; /v1/account; files, file links, tokens, account
// sessions and country specs. routes.hpp asks here first; nothing here means not ours.
#include <optional>
#include <string>
#include <vector>

#include "stripe/testing/sim/account_sessions.hpp"
#include "stripe/testing/sim/country_specs.hpp"
#include "stripe/testing/sim/external_accounts.hpp"
#include "stripe/testing/sim/files.hpp"
#include "stripe/testing/sim/login_links.hpp"
#include "stripe/testing/sim/persons.hpp"
#include "stripe/testing/sim/platform_account.hpp"
#include "stripe/testing/sim/tokens.hpp"

namespace stripe::testing::sim {

inline std::optional<http::Response> route_surface(State& s, http::Method m, const std::vector<std::string>& seg,
                                                   json& params) {
  using M = http::Method;
  if (seg.size() < 2 || seg[0] != "v1") return std::nullopt;
  const std::string& what = seg[1];
  if (what == "accounts" && seg.size() >= 4) {
    static const std::vector<std::string> ours = {"persons", "external_accounts", "login_links", "unreject"};
    if (std::find(ours.begin(), ours.end(), seg[3]) == ours.end()) return std::nullopt;
    auto it = s.accounts.find(seg[2]);
    if (it == s.accounts.end() || it->second.deleted) return missing(s, "account", seg[2]);
    Account& a = it->second;
    if (seg[3] == "persons" && seg.size() == 4 && m == M::post) return create_person(s, a, params);
    if (seg[3] == "persons" && seg.size() == 4 && m == M::get) return list_persons(s, a, params);
    if (seg[3] == "persons" && seg.size() == 5) return person_endpoint(s, a, m, seg[4], params);
    if (seg[3] == "external_accounts" && seg.size() == 4 && m == M::post) return create_external_account(s, a, params);
    if (seg[3] == "external_accounts" && seg.size() == 4 && m == M::get) return list_external_accounts(s, a, params);
    if (seg[3] == "external_accounts" && seg.size() == 5) return external_account_endpoint(s, a, m, seg[4], params);
    if (seg[3] == "login_links" && seg.size() == 4 && m == M::post) return create_login_link(s, a, params);
    if (seg[3] == "unreject" && seg.size() == 4 && m == M::post) return unreject_v1(s, a, params);
    return std::nullopt;
  }
  if (what == "account" && seg.size() == 2 && m == M::get) return retrieve_platform_account(s, params);
  if (what == "files" && seg.size() == 2 && m == M::post) return create_file(s, params);
  if (what == "files" && seg.size() == 2 && m == M::get) return list_files(s, params);
  if (what == "files" && seg.size() == 3 && m == M::get) return retrieve_file(s, seg[2], params);
  if (what == "file_links" && seg.size() == 2 && m == M::post) return create_file_link(s, params);
  if (what == "file_links" && seg.size() == 2 && m == M::get) return list_file_links(s, params);
  if (what == "file_links" && seg.size() == 3 && m == M::get) return retrieve_file_link(s, seg[2], params);
  if (what == "file_links" && seg.size() == 3 && m == M::post) return update_file_link(s, seg[2], params);
  if (what == "tokens" && seg.size() == 2 && m == M::post) return create_token(s, params);
  if (what == "tokens" && seg.size() == 3 && m == M::get) return retrieve_token(s, seg[2], params);
  if (what == "account_sessions" && seg.size() == 2 && m == M::post) return create_account_session(s, params);
  if (what == "country_specs" && seg.size() == 2 && m == M::get) return list_country_specs(s, params);
  if (what == "country_specs" && seg.size() == 3 && m == M::get) return retrieve_country_spec(s, seg[2], params);
  return std::nullopt;
}

}  // namespace stripe::testing::sim
