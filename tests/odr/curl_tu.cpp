// Built against stripe_connect::curl: includes the libcurl transport and so registers it.
#include <string>

#include "stripe/connect.hpp"

#if !defined(STRIPE_CONNECT_HAS_CURL)
#error "this translation unit must be built with stripe_connect::curl"
#endif

std::string retrieve_from_curl_tu(const std::string& base_url) {
  stripe::ClientOptions o;
  o.secret_key = "sk_test_odr";
  o.base_url = base_url;
  stripe::Client client(o);
  return client.raw_request(stripe::http::Method::get, "/v1/accounts/acct_1")->at("id").get<std::string>();
}
