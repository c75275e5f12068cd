#pragma once
// What account create and update take beyond the account's own fields: an account token
// (account_token, whose details apply as if sent), a bank account (external_account, kept as
// an external account), and verification documents that must name files this simulator has.
// Checked before anything changes; applied once the account is.
#include <string>

#include "stripe/testing/sim/external_accounts.hpp"
#include "stripe/testing/sim/files.hpp"

namespace stripe::testing::sim {

struct AccountExtras {
  TokenRecord* account_token = nullptr;
  std::optional<BankAccountRecord> bank;
  TokenRecord* bank_token = nullptr;
};

inline std::optional<http::Response> prepare_account_extras(State& s, const Account& a, json& p, AccountExtras& x) {
  if (!param(p, "account_token").empty()) {
    if (auto problem = take_token(s, param(p, "account_token"), "account", "account_token", x.account_token)) return problem;
    json from_token = x.account_token->data;
    if (truthy(from_token, "tos_shown_and_accepted"))  // the user accepted where the token was made
      from_token["tos_acceptance"] = {{"date", std::to_string(s.clock)}, {"ip", "0.0.0.0"}};
    from_token.erase("tos_shown_and_accepted");
    stripe::detail::merge_into(from_token, p);
    from_token.erase("account_token");
    p = std::move(from_token);
  }
  if (p.contains("individual") && p["individual"].is_object())
    if (auto problem = unknown_document(s, p["individual"].value("verification", json::object()), "individual")) return problem;
  if (p.contains("external_account") && (p["external_account"].is_object() || !param(p, "external_account").empty())) {
    BankAccountRecord b;
    if (auto problem = resolve_external_account(s, a, p["external_account"], b, x.bank_token)) return problem;
    x.bank = std::move(b);
  }
  return std::nullopt;
}

inline void apply_account_extras(State& s, Account& a, AccountExtras& x) {
  if (x.account_token) x.account_token->used = true;
  if (x.bank) attach_bank_account(s, a, std::move(*x.bank), false, x.bank_token);
}

}  // namespace stripe::testing::sim
