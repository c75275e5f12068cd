#pragma once
// GET /v1/country_specs[/{country}]: what the simulator asks of accounts in each country it has a
// requirement table for, from that table (card_payments and transfers requested): `minimum` is
// what is due up front, `additional` what is eventually or in future due.
#include <string>
#include <vector>

#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/listing.hpp"
#include "stripe/testing/sim/render_v1.hpp"
#include "stripe/v1/country_spec_params.hpp"

namespace stripe::testing::sim {

inline json verification_fields(const std::string& country, const char* business_type) {
  json minimum = json::array(), additional = json::array();
  for (const auto& spec : requirements_for(country, business_type, {"card_payments", "transfers"}))
    (spec.eventually || spec.future ? additional : minimum).push_back(spec.name);
  return {{"minimum", minimum}, {"additional", additional}};
}

inline json render_country_spec(const std::string& country) {
  json transfer_countries = json::array();
  for (const auto& c : simulated_countries()) transfer_countries.push_back(c);
  const std::string currency = default_currency(country);
  return {{"id", country},
          {"object", "country_spec"},
          {"default_currency", currency},
          {"supported_bank_account_currencies", {{currency, {country}}}},
          {"supported_payment_currencies", {"eur", "gbp", "jpy", "sgd", "usd"}},
          {"supported_payment_methods", {"card"}},
          {"supported_transfer_countries", transfer_countries},
          {"verification_fields", {{"individual", verification_fields(country, "individual")},
                                   {"company", verification_fields(country, "company")}}}};
}

inline http::Response retrieve_country_spec(State& s, const std::string& country, json& p) {
  if (auto problem = check_params<v1::CountrySpecRetrieveParams>(p, true)) return bad(s, *problem);
  if (!simulated_countries().count(country)) return missing(s, "country_spec", country);
  return reply(s, 200, render_country_spec(country));
}

// In country order, as the API lists them.
inline http::Response list_country_specs(State& s, json& p) {
  if (auto problem = check_params<v1::CountrySpecListParams>(p, true)) return bad(s, *problem);
  std::vector<json> specs;
  for (const auto& c : simulated_countries()) specs.push_back(render_country_spec(c));
  return reply(s, 200, list_page(specs, p, "/v1/country_specs"));
}

}  // namespace stripe::testing::sim
