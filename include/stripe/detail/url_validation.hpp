#pragma once
// Checks on redirect URLs that Stripe would reject, made before anything is sent.
#include <string>
#include <string_view>

#include "stripe/errors.hpp"

namespace stripe::detail {

inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

inline bool is_test_key(std::string_view key) {
  return key.rfind("sk_test_", 0) == 0 || key.rfind("rk_test_", 0) == 0;
}

// `field` names the parameter in the error; the URL itself is never echoed (it may carry tokens).
inline void validate_redirect_url(std::string_view url, std::string_view field, bool https_required) {
  auto fail = [&](const std::string& why) {
    ErrorDetails d;
    d.param = std::string(field);
    d.message = std::string(field) + " " + why;
    throw InvalidParamsError(std::move(d));
  };
  const bool https = starts_with_ci(url, "https://");
  const bool http = starts_with_ci(url, "http://");
  if (!https && !http) fail("must be an absolute http(s) URL");
  std::string_view rest = url.substr(https ? 8 : 7);
  if (rest.empty() || rest[0] == '/' || rest.find_first_of(" \t\r\n") != std::string_view::npos)
    fail("must be an absolute URL with a host");
  if (https_required && !https) fail("must use HTTPS (HTTP is accepted only for v1 links in test mode)");
}

}  // namespace stripe::detail
