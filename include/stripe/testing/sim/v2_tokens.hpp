#pragma once
// v2 account tokens (POST and GET /v2/core/account_tokens) and person tokens (POST and GET
// /v2/core/accounts/{id}/person_tokens): details held for one account or person create or update
// (`account_token`, `person_token`), refused once used or expired.
#include <optional>
#include <string>

#include "stripe/encoding/model.hpp"
#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/v2/core/account_token_params.hpp"
#include "stripe/v2/core/person_params.hpp"

namespace stripe::testing::sim {

inline json render_v2_token(const SingleUseToken& t) {
  const bool person = !t.account.empty();
  return {{"id", t.id}, {"object", person ? "v2.core.account_person_token" : "v2.core.account_token"},
          {"created", rfc3339(t.created)}, {"expires_at", rfc3339(t.expires_at)}, {"livemode", false},
          {"used", t.used}};
}

// A token holding `fields`; `account` for a person token of that account.
inline http::Response issue_v2_token(State& s, const char* prefix, const std::string& account, const json& fields) {
  SingleUseToken t;
  t.id = s.next_id(prefix);
  t.account = account;
  t.created = s.clock;
  t.expires_at = s.clock + s.options.token_ttl;
  t.fields = fields;
  const std::string id = t.id;
  s.v2core.tokens.emplace(id, std::move(t));
  ++s.commits;
  return reply(s, 200, render_v2_token(s.v2core.tokens.at(id)));
}

// The token `id` if it exists and is of this kind (a person token of `account`, or an account
// token when `account` is empty).
inline SingleUseToken* find_v2_token(State& s, const std::string& id, const std::string& account) {
  auto it = s.v2core.tokens.find(id);
  if (it == s.v2core.tokens.end() || it->second.account != account) return nullptr;
  return &it->second;
}

inline http::Response create_v2_account_token(State& s, json& p) {
  if (auto problem = check_params<v2::core::AccountTokenCreateParams>(p, false)) return bad(s, *problem);
  return issue_v2_token(s, "accttok_", "", p);
}

inline http::Response retrieve_v2_account_token(State& s, const std::string& id, json& p) {
  if (auto problem = check_params<v2::core::AccountTokenRetrieveParams>(p, true)) return bad(s, *problem);
  SingleUseToken* t = find_v2_token(s, id, "");
  return t ? reply(s, 200, render_v2_token(*t)) : missing(s, "account token", id);
}

inline http::Response create_v2_person_token(State& s, const Account& a, json& p) {
  if (auto problem = check_params<v2::core::PersonTokenCreateParams>(p, false)) return bad(s, *problem);
  return issue_v2_token(s, "perstok_", a.id, p);
}

inline http::Response retrieve_v2_person_token(State& s, const Account& a, const std::string& id, json& p) {
  if (auto problem = check_params<v2::core::PersonTokenRetrieveParams>(p, true)) return bad(s, *problem);
  SingleUseToken* t = find_v2_token(s, id, a.id);
  return t ? reply(s, 200, render_v2_token(*t)) : missing(s, "person token", id);
}

// Uses the token the param `key` names (account_token, or person_token of `account`): its fields
// go under the params, which win, and the token cannot be used again. An error answer when it is
// unknown, used or expired.
inline std::optional<http::Response> redeem_v2_token(State& s, json& p, const char* key, const std::string& account = "") {
  if (!p.contains(key) || p[key].is_null()) return std::nullopt;
  const std::string id = param(p, key);
  SingleUseToken* t = find_v2_token(s, id, account);
  if (!t) return error(s, 400, "invalid_request_error", "No such token: '" + id + "'", key, "resource_missing");
  if (t->used)
    return error(s, 400, "invalid_request_error", "This token was already used; a token can be used only once.", key,
                 "token_already_used");
  if (s.clock >= t->expires_at)
    return error(s, 400, "invalid_request_error", "This token has expired; create a new one.", key, "token_expired");
  t->used = true;
  json merged = t->fields;
  p.erase(key);
  stripe::detail::merge_into(merged, p);
  p = std::move(merged);
  return std::nullopt;
}

}  // namespace stripe::testing::sim
