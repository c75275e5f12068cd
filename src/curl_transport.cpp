// STRIPE_CONNECT_COMPILED: the libcurl transport and its registration as the default, compiled
// once for the stripe_connect_curl library (see stripe/http/curl_registration.hpp).
#include "stripe/http/curl_registration.hpp"

#include "stripe/http/curl_transport.hpp"

namespace stripe::http::detail {
// Called once, by the initialiser of the inline curl_transport_linked, possibly before this file's
// own initialisers have run: so it registers itself rather than read curl_transport_registered.
bool link_curl_transport() noexcept { return set_default_transport("curl", &make_default_curl_transport); }
}  // namespace stripe::http::detail
