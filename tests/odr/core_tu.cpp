// Built against stripe_connect::stripe_connect only: no STRIPE_CONNECT_HAS_CURL here.
#include <string>

#include "stripe/client.hpp"

#if defined(STRIPE_CONNECT_HAS_CURL)
#error "this translation unit must be built without stripe_connect::curl"
#endif

std::string retrieve_from_core_tu(const std::string& base_url) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_odr";
  o.base_url = base_url;
  stripe::Client client(o);  // no transport given: the program's default
  return client.raw_request(stripe::http::Method::get, "/v1/accounts/acct_1")->at("id").get<std::string>();
}
