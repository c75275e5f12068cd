#pragma once
// Bank accounts as they arrive (a hash with the full number, a btok_ token, or one of Stripe's
// test tokens such as btok_us_verified) turned into what is kept: the last four digits and a
// fingerprint, never the number.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include "stripe/detail/text_checks.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/render_v1.hpp"

namespace stripe::testing::sim {

inline std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The same bank account gives the same fingerprint; the number cannot be read back from it.
inline std::string fingerprint_of(const std::string& country, const std::string& routing, const std::string& number) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(country + "|" + routing + "|" + number));
  return std::string("Sim") + hex;
}

// A bank account hash (external_account[...] or bank_account[...]): checked as the API checks
// it, then reduced to what is kept. `at` names the hash in error messages.
inline std::optional<http::Response> bank_account_from_hash(State& s, const json& h, const std::string& at,
                                                            BankAccountRecord& out) {
  auto name = [&](const char* key) { return at + "[" + key + "]"; };
  const std::string country = upper(param(h, "country"));
  if (country.empty()) return refuse(s, 400, "Missing required param: " + name("country") + ".", name("country"), "parameter_missing");
  std::string number = param(h, "account_number");
  if (number.empty())
    return refuse(s, 400, "Missing required param: " + name("account_number") + ".", name("account_number"), "parameter_missing");
  if (!stripe::detail::all_digits(number) || number.size() < 4 || number.size() > 17 || (country == "GB" && number.size() != 8))
    return error(s, 400, "invalid_request_error", "The account number is invalid for a " + country + " bank account.",
                 name("account_number"), "account_number_invalid");
  std::string routing = param(h, "routing_number");
  routing.erase(std::remove(routing.begin(), routing.end(), '-'), routing.end());  // sort codes come as 10-88-00 too
  const std::size_t routing_size = country == "US" ? 9 : country == "GB" ? 6 : 0;
  if (routing_size && (!stripe::detail::all_digits(routing) || routing.size() != routing_size))
    return error(s, 400, "invalid_request_error",
                 std::string("The routing number is invalid: a ") + country + " bank account needs " +
                     std::to_string(routing_size) + " digits" + (country == "GB" ? " (the sort code)." : "."),
                 name("routing_number"), "routing_number_invalid");
  out.country = country;
  out.currency = param(h, "currency", default_currency(country));
  out.last4 = number.substr(number.size() - 4);
  out.routing_number = routing;
  out.holder_name = param(h, "account_holder_name");
  out.holder_type = param(h, "account_holder_type");
  out.fingerprint = fingerprint_of(country, routing, number);
  return std::nullopt;
}

// Stripe's test-mode bank tokens (btok_us_verified, btok_gb, ...): a working account of the
// country the token names, or of the account's country.
inline BankAccountRecord test_bank_token(const std::string& token, const std::string& account_country) {
  BankAccountRecord b;
  std::string country = token.size() >= 7 && (token.size() == 7 || token[7] == '_') ? upper(token.substr(5, 2)) : "";
  b.country = country.empty() || !simulated_countries().count(country) ? account_country : country;
  b.currency = default_currency(b.country);
  b.last4 = "6789";
  b.routing_number = b.country == "US" ? "110000000" : b.country == "GB" ? "108800" : "";
  b.fingerprint = fingerprint_of(b.country, b.routing_number, token);
  return b;
}

// What a token keeps of its bank account, and the account back from it.
inline json bank_account_data(const BankAccountRecord& b) {
  return {{"id", b.id}, {"country", b.country}, {"currency", b.currency}, {"last4", b.last4},
          {"routing_number", b.routing_number}, {"holder_name", b.holder_name}, {"holder_type", b.holder_type},
          {"fingerprint", b.fingerprint}};
}
inline BankAccountRecord bank_account_of(const json& d) {
  BankAccountRecord b;
  b.id = param(d, "id");
  b.country = param(d, "country");
  b.currency = param(d, "currency");
  b.last4 = param(d, "last4");
  b.routing_number = param(d, "routing_number");
  b.holder_name = param(d, "holder_name");
  b.holder_type = param(d, "holder_type");
  b.fingerprint = param(d, "fingerprint");
  return b;
}

}  // namespace stripe::testing::sim
