#pragma once
// Shared start-up for the examples: a client from STRIPE_SECRET_KEY, STRIPE_API_BASE and
// STRIPE_FILES_BASE.
#include <cstdlib>
#include <iostream>
#include <optional>

#include "stripe/connect.hpp"

inline std::optional<stripe::Client> client_from_env(const char* example) {
  const char* key = std::getenv("STRIPE_SECRET_KEY");
  if (!key || !*key) {
    std::cerr << example << ": set STRIPE_SECRET_KEY to a test secret key (sk_test_...) and run again.\n"
              << "Optionally set STRIPE_API_BASE to another API host (a proxy or a mock server), and\n"
              << "STRIPE_FILES_BASE to another files host (uploads go to https://files.stripe.com).\n";
    return std::nullopt;
  }
  stripe::ClientOptions o;
  o.secret_key = key;
  if (const char* base = std::getenv("STRIPE_API_BASE"); base && *base) o.base_url = base;
  if (const char* files = std::getenv("STRIPE_FILES_BASE"); files && *files) o.files_base_url = files;
  o.app_info = stripe::AppInfo{example, stripe::sdk_version, "", ""};
  return stripe::Client(o);
}
