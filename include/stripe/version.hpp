#pragma once
// The single source of the SDK version: CMake, pkg-config and conan read it from here, the
// User-Agent carries it, and a package test keeps the vcpkg port's copy equal.
#define STRIPE_CONNECT_VERSION_MAJOR 0
#define STRIPE_CONNECT_VERSION_MINOR 1
#define STRIPE_CONNECT_VERSION_PATCH 0
#define STRIPE_CONNECT_VERSION "0.1.0"

namespace stripe {
inline constexpr const char* sdk_version = STRIPE_CONNECT_VERSION;
// The API version this release is written against; override per client or per request.
inline constexpr const char* pinned_api_version = "2026-10-28.endive";
}  // namespace stripe
