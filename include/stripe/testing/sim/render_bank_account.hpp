#pragma once
// A bank account as the API shows it: the last four digits only, never the number.
#include <string>

#include "stripe/testing/sim/state.hpp"

namespace stripe::testing::sim {

inline json render_bank_account(const std::string& account, const BankAccountRecord& b) {
  return {{"id", b.id},
          {"object", "bank_account"},
          {"account", account},
          {"account_holder_name", b.holder_name.empty() ? json(nullptr) : json(b.holder_name)},
          {"account_holder_type", b.holder_type.empty() ? json(nullptr) : json(b.holder_type)},
          {"account_type", nullptr},
          {"available_payout_methods", {"standard"}},
          {"bank_name", "STRIPE TEST BANK"},
          {"country", b.country},
          {"currency", b.currency},
          {"default_for_currency", b.default_for_currency},
          {"fingerprint", b.fingerprint},
          {"last4", b.last4},
          {"metadata", b.metadata},
          {"routing_number", b.routing_number.empty() ? json(nullptr) : json(b.routing_number)},
          {"status", "new"}};
}

// The account's external_accounts list, as the Account object embeds it.
inline json external_accounts_list(const Account& a) {
  json data = json::array();
  for (auto it = a.surface.bank_accounts.rbegin(); it != a.surface.bank_accounts.rend(); ++it)
    data.push_back(render_bank_account(a.id, *it));
  return {{"object", "list"}, {"data", data}, {"has_more", false}, {"url", "/v1/accounts/" + a.id + "/external_accounts"}};
}

}  // namespace stripe::testing::sim
