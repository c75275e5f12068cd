#pragma once
// POST /v1/tokens and GET /v1/tokens/{id}: single-use account (ct_), person (cpt_) and bank
// account (btok_) tokens. A token is spent by the request that uses it; a second use is the
// API's 400 token_already_used.
#include <string>

#include "stripe/testing/sim/bank_accounts.hpp"
#include "stripe/testing/sim/render_bank_account.hpp"
#include "stripe/v1/token_params.hpp"

namespace stripe::testing::sim {

inline json render_token(const TokenRecord& t) {
  json j = {{"id", t.id}, {"object", "token"}, {"type", t.type}, {"used", t.used},
            {"created", t.created}, {"livemode", false}, {"client_ip", nullptr}};
  if (t.type == "bank_account") {
    json ba = render_bank_account("", bank_account_of(t.data));
    ba.erase("account");
    j["bank_account"] = std::move(ba);
  }
  return j;
}

// The token `id` of `type`, still unused: found in `out`, or the API's answer why not. The
// caller marks it used once its request commits.
inline std::optional<http::Response> take_token(State& s, const std::string& id, const std::string& type,
                                                const std::string& at, TokenRecord*& out) {
  auto it = s.surface.tokens.find(id);
  if (it == s.surface.tokens.end())
    return error(s, 400, "invalid_request_error", "No such token: '" + id + "'", at, "resource_missing");
  if (it->second.type != type)
    return error(s, 400, "invalid_request_error",
                 "The token " + id + " is of type " + it->second.type + "; " + at + " takes a token of type " + type + ".", at);
  if (it->second.used)
    return error(s, 400, "invalid_request_error", "You cannot use a Stripe token more than once: " + id + ".", at,
                 "token_already_used");
  out = &it->second;
  return std::nullopt;
}

inline http::Response create_token(State& s, json& p) {
  if (auto problem = check_params<v1::TokenCreateParams>(p, true)) return bad(s, *problem);
  if (p.contains("card") || p.contains("cvc_update") || p.contains("pii") || p.contains("customer"))
    return refuse(s, 400, "The simulator makes account, person and bank_account tokens only.");
  TokenRecord t;
  t.created = s.clock;
  if (p.contains("account") && p["account"].is_object()) {
    t.type = "account";
    t.id = s.next_id("ct_");
    t.data = p["account"];
  } else if (p.contains("person") && p["person"].is_object()) {
    t.type = "person";
    t.id = s.next_id("cpt_");
    t.data = p["person"];
  } else if (p.contains("bank_account") && p["bank_account"].is_object()) {
    BankAccountRecord b;
    if (auto problem = bank_account_from_hash(s, p["bank_account"], "bank_account", b)) return *problem;
    t.type = "bank_account";
    t.id = s.next_id("btok_");
    b.id = s.next_id("ba_");
    t.data = bank_account_data(b);
  } else {
    return refuse(s, 400, "You must supply either an account, a person or a bank account to create a token.");
  }
  ++s.commits;
  return reply(s, 200, render_token(s.surface.tokens.emplace(t.id, t).first->second));
}

inline http::Response retrieve_token(State& s, const std::string& id, json& p) {
  if (auto problem = check_params<v1::TokenRetrieveParams>(p, true)) return bad(s, *problem);
  auto it = s.surface.tokens.find(id);
  if (it == s.surface.tokens.end()) return missing(s, "token", id);
  return reply(s, 200, render_token(it->second));
}

}  // namespace stripe::testing::sim
