// STRIPE_CONNECT_COMPILED: the libcurl transport and its registration as the default, compiled
// once for the stripe_connect_curl library (see stripe/http/curl_registration.hpp).
#include "stripe/http/curl_registration.hpp"

#include "stripe/http/curl_transport.hpp"

namespace stripe::http::detail {
bool link_curl_transport() noexcept {
  static const bool registered = set_default_transport("curl", &make_default_curl_transport);
  return registered && curl_transport_registered;
}
}  // namespace stripe::http::detail
