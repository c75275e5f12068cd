#pragma once
// Hand-written checks the generated v1 account link service (stripe/v1/account_links.hpp) makes
// before sending: what the API would reject, found without a round trip.
#include <string>
#include <utility>

#include "stripe/detail/url_validation.hpp"
#include "stripe/errors.hpp"
#include "stripe/v1/account_link_params.hpp"

namespace stripe::v1 {

/// A missing account, type or URL, a non-HTTPS URL in live mode (decided by the secret key),
/// and collect together with collection_options. Throws InvalidParamsError naming the param.
inline void validate_account_link_params(const AccountLinkCreateParams& params, const std::string& secret_key) {
  auto fail = [](const char* param, const std::string& message) {
    ErrorDetails d;
    d.param = param;
    d.message = message;
    throw InvalidParamsError(std::move(d));
  };
  if (params.account.empty()) fail("account", "account is required");
  if (params.type.empty()) fail("type", "type is required (account_onboarding or account_update)");
  if (!params.refresh_url) fail("refresh_url", "refresh_url is required");
  if (!params.return_url) fail("return_url", "return_url is required");
  if (params.collect && params.collection_options)
    fail("collect", "collect is deprecated and cannot be combined with collection_options");
  const bool live = !stripe::detail::is_test_key(secret_key);
  stripe::detail::validate_redirect_url(*params.refresh_url, "refresh_url", live);
  stripe::detail::validate_redirect_url(*params.return_url, "return_url", live);
}

}  // namespace stripe::v1
