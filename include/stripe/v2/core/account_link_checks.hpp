#pragma once
// Hand-written checks the generated v2 account link service (stripe/v2/core/account_links.hpp)
// makes before sending: what the API would reject, found without a round trip.
#include <optional>
#include <string>
#include <utility>

#include "stripe/detail/url_validation.hpp"
#include "stripe/errors.hpp"
#include "stripe/v2/core/account_link_params.hpp"

namespace stripe::v2::core {

/// A missing account or use case, and URLs that are not HTTPS (v2 requires HTTPS in test mode
/// too). Throws InvalidParamsError naming the param.
inline void validate_account_link_params(const AccountLinkCreateParams& params) {
  auto fail = [](const char* param, const std::string& message) {
    ErrorDetails d;
    d.param = param;
    d.message = message;
    throw InvalidParamsError(std::move(d));
  };
  auto check_urls = [](const std::string& refresh, const std::optional<std::string>& ret, const std::string& prefix) {
    stripe::detail::validate_redirect_url(refresh, prefix + ".refresh_url", true);
    if (ret) stripe::detail::validate_redirect_url(*ret, prefix + ".return_url", true);
  };
  if (params.account.empty()) fail("account", "account is required");
  const auto& uc = params.use_case;
  if (uc.type == AccountLinkCreateParams::UseCase::Type::account_onboarding) {
    if (!uc.account_onboarding)
      fail("use_case.account_onboarding", "use_case.account_onboarding is required for type account_onboarding");
    check_urls(uc.account_onboarding->refresh_url, uc.account_onboarding->return_url, "use_case.account_onboarding");
  } else if (uc.type == AccountLinkCreateParams::UseCase::Type::account_update) {
    if (!uc.account_update)
      fail("use_case.account_update", "use_case.account_update is required for type account_update");
    check_urls(uc.account_update->refresh_url, uc.account_update->return_url, "use_case.account_update");
  } else if (uc.type.empty()) {
    fail("use_case.type", "use_case.type is required");
  }
}

}  // namespace stripe::v2::core
