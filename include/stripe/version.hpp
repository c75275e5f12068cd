#pragma once
/// \file
/// The single source of the SDK version: CMake, pkg-config and conan read it from here, the
/// User-Agent carries it, and a package test keeps the vcpkg port's copy equal.

/// Major version: changes when a release breaks source compatibility.
#define STRIPE_CONNECT_VERSION_MAJOR 0
/// Minor version: changes when a release adds to the API.
#define STRIPE_CONNECT_VERSION_MINOR 1
/// Patch version: fixes only.
#define STRIPE_CONNECT_VERSION_PATCH 0
/// The whole version, for preprocessor checks and build scripts (scripts/release.sh writes it).
#define STRIPE_CONNECT_VERSION "0.1.0"

namespace stripe {
/// The version of the headers a program was compiled with, e.g. for its own diagnostics.
inline constexpr const char* sdk_version = STRIPE_CONNECT_VERSION;
/// The API version this release is written against; override per client or per request.
inline constexpr const char* pinned_api_version = "2026-10-28.endive";
}  // namespace stripe
