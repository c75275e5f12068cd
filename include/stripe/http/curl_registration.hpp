#pragma once
// STRIPE_CONNECT_COMPILED with stripe_connect::curl: what client.hpp includes instead of
// <stripe/http/curl_transport.hpp>, so that a program's translation units do not compile libcurl's
// headers and the transport. The reference below makes the linker keep the stripe_connect_curl
// library's object that registers libcurl as the default transport (an object of a static library
// that nothing references is left out, and its registration with it).

namespace stripe::http::detail {
/// Registers libcurl as the default transport and returns true. Defined in the
/// stripe_connect_curl library.
bool link_curl_transport() noexcept;
inline const bool curl_transport_linked = link_curl_transport();
}  // namespace stripe::http::detail
