// STRIPE_CONNECT_COMPILED: the request pipeline (stripe::Client), compiled once for the
// stripe_connect library. Header-only builds include client-inl.hpp from client.hpp instead.
#include "stripe/client-inl.hpp"
