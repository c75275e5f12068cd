#pragma once
/// \file
/// Header-only or compiled. By default every function is defined in the headers. Configured with
/// `-DSTRIPE_CONNECT_COMPILED=ON`, the request path, the default transport's registration and the
/// typed services are compiled once into the stripe_connect libraries, and a program's own
/// translation units see declarations only (spdlog's `-inl.hpp` pattern). The CMake targets set
/// STRIPE_CONNECT_COMPILED for every consumer, so all translation units of a program agree.

#if defined(STRIPE_CONNECT_COMPILED)
/// Marks a function defined in an `-inl.hpp` header: `inline` when header-only, nothing when
/// the library compiles it once.
#define STRIPE_CONNECT_INLINE
#else
/// Marks a function defined in an `-inl.hpp` header: `inline` here, where the headers define
/// everything.
#define STRIPE_CONNECT_INLINE inline
#endif
