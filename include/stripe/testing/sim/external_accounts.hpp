#pragma once
// /v1/accounts/{id}/external_accounts: the bank accounts an account is paid out to. The first
// one in a currency is its default; the default cannot be deleted (make another the default
// first), as the API answers. Adding one provides the external_account requirement, here or
// as account create/update's `external_account`.
#include <algorithm>
#include <string>

#include "stripe/testing/sim/listing.hpp"
#include "stripe/testing/sim/object_events.hpp"
#include "stripe/testing/sim/tokens.hpp"
#include "stripe/v1/external_account_params.hpp"

namespace stripe::testing::sim {

// `value` (a token or a hash) as the bank account it stands for, in `out`; `token` is set when
// a token of /v1/tokens was used (spend it once the request commits). Checks only.
inline std::optional<http::Response> resolve_external_account(State& s, const Account& a, const json& value,
                                                              BankAccountRecord& out, TokenRecord*& token) {
  const std::string at = "external_account";
  if (value.is_string()) {
    const std::string id = value.get<std::string>();
    if (id.rfind("btok_", 0) == 0) {
      if (s.surface.tokens.count(id) || id.rfind("btok_1Sim", 0) == 0) {
        if (auto problem = take_token(s, id, "bank_account", at, token)) return problem;
        out = bank_account_of(token->data);
      } else {
        out = test_bank_token(id, a.country);
      }
      return std::nullopt;
    }
    return error(s, 400, "invalid_request_error",
                 "The simulator pays out to bank accounts only: give a btok_ token or an external_account[object]=bank_account hash.",
                 at);
  }
  const std::string object = param(value, "object");
  if (object.empty()) return refuse(s, 400, "Missing required param: external_account[object].", "external_account[object]", "parameter_missing");
  if (object != "bank_account")
    return error(s, 400, "invalid_request_error", "The simulator pays out to bank accounts only, not to a " + object + ".",
                 "external_account[object]");
  return bank_account_from_hash(s, value, at, out);
}

inline void make_default(Account& a, const std::string& id) {
  const auto it = std::find_if(a.surface.bank_accounts.begin(), a.surface.bank_accounts.end(),
                               [&](const BankAccountRecord& b) { return b.id == id; });
  for (auto& b : a.surface.bank_accounts)
    if (b.currency == it->currency) b.default_for_currency = b.id == id;
}

// Keeps a resolved bank account: the first in its currency (or one asked to be) is the
// default, and the external_account requirement is provided.
inline const BankAccountRecord& attach_bank_account(State& s, Account& a, BankAccountRecord b, bool make_it_default,
                                                    TokenRecord* token) {
  if (token) token->used = true;
  if (b.id.empty() || std::any_of(a.surface.bank_accounts.begin(), a.surface.bank_accounts.end(),
                                  [&](const BankAccountRecord& o) { return o.id == b.id; }))
    b.id = s.next_id("ba_");
  const bool first = std::none_of(a.surface.bank_accounts.begin(), a.surface.bank_accounts.end(),
                                  [&](const BankAccountRecord& o) { return o.currency == b.currency; });
  a.surface.bank_accounts.push_back(std::move(b));
  const std::string id = a.surface.bank_accounts.back().id;
  if (first || make_it_default) make_default(a, id);
  for (auto& item : a.items)
    if (item.spec->name == "external_account" && item.state == Item::State::due) provide(s, item);
  const BankAccountRecord& kept = *std::find_if(a.surface.bank_accounts.begin(), a.surface.bank_accounts.end(),
                                                [&](const BankAccountRecord& o) { return o.id == id; });
  queue_object_event(s, a.id, "account.external_account.created", render_bank_account(a.id, kept));
  return kept;
}

inline BankAccountRecord* find_bank_account(Account& a, const std::string& id) {
  for (auto& b : a.surface.bank_accounts)
    if (b.id == id) return &b;
  return nullptr;
}

inline http::Response create_external_account(State& s, Account& a, json& p) {
  if (auto problem = check_params<v1::ExternalAccountCreateParams>(p, true)) return bad(s, *problem);
  if (!p.contains("external_account") || (param(p, "external_account").empty() && !p["external_account"].is_object()))
    return refuse(s, 400, "Missing required param: external_account.", "external_account", "parameter_missing");
  BankAccountRecord b;
  TokenRecord* token = nullptr;
  if (auto problem = resolve_external_account(s, a, p["external_account"], b, token)) return *problem;
  if (p.contains("metadata") && p["metadata"].is_object()) b.metadata = p["metadata"];
  const json shown = render_bank_account(a.id, attach_bank_account(s, a, std::move(b), truthy(p, "default_for_currency"), token));
  ++s.commits;
  touch(s, a);
  return reply(s, 200, shown);
}

inline http::Response external_account_endpoint(State& s, Account& a, http::Method m, const std::string& id, json& p) {
  BankAccountRecord* b = find_bank_account(a, id);
  if (!b) return missing(s, "external account", id);
  if (m == http::Method::get) {
    if (auto problem = check_params<v1::ExternalAccountRetrieveParams>(p, true)) return bad(s, *problem);
    return reply(s, 200, render_bank_account(a.id, *b));
  }
  if (m == http::Method::post) {
    if (auto problem = check_params<v1::ExternalAccountUpdateParams>(p, true)) return bad(s, *problem);
    const json before = render_bank_account(a.id, *b);
    if (p.contains("account_holder_name")) b->holder_name = param(p, "account_holder_name");
    if (p.contains("account_holder_type")) b->holder_type = param(p, "account_holder_type");
    merge_v1_metadata(b->metadata, p);
    if (truthy(p, "default_for_currency")) make_default(a, id);
    b = find_bank_account(a, id);
    const json after = render_bank_account(a.id, *b);
    json previous = json::object();
    for (auto it = after.begin(); it != after.end(); ++it)
      if (before[it.key()] != it.value()) previous[it.key()] = before[it.key()];
    queue_object_event(s, a.id, "account.external_account.updated", after, previous);
    ++s.commits;
    touch(s, a);
    return reply(s, 200, after);
  }
  // DELETE. The API keeps a default for each currency that has bank accounts.
  if (b->default_for_currency)
    return error(s, 400, "invalid_request_error",
                 "You cannot delete the default bank account for the " + b->currency +
                     " currency. Make another bank account the default with `default_for_currency`, then delete this one.",
                 "", "");
  const json shown = render_bank_account(a.id, *b);
  const json deleted = {{"id", b->id}, {"object", "bank_account"}, {"currency", b->currency}, {"deleted", true}};
  a.surface.bank_accounts.erase(a.surface.bank_accounts.begin() + (b - a.surface.bank_accounts.data()));
  queue_object_event(s, a.id, "account.external_account.deleted", shown);
  ++s.commits;
  touch(s, a);
  return reply(s, 200, deleted);
}

inline http::Response list_external_accounts(State& s, const Account& a, json& p) {
  if (auto problem = check_params<v1::ExternalAccountListParams>(p, true)) return bad(s, *problem);
  std::vector<json> newest_first;
  if (param(p, "object", "bank_account") == "bank_account")
    for (auto it = a.surface.bank_accounts.rbegin(); it != a.surface.bank_accounts.rend(); ++it)
      newest_first.push_back(render_bank_account(a.id, *it));
  return reply(s, 200, list_page(newest_first, p, "/v1/accounts/" + a.id + "/external_accounts"));
}

}  // namespace stripe::testing::sim
