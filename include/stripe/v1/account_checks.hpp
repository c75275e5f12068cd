#pragma once
// Hand-written checks the generated v1 account service (stripe/v1/accounts.hpp) makes before
// sending.
#include "stripe/errors.hpp"
#include "stripe/v1/account_params.hpp"

namespace stripe::v1 {

/// reject: the API requires a reason (fraud, terms_of_service or other).
inline void check_reject_params(const AccountRejectParams& params) {
  if (params.reason.empty()) throw InvalidParamsError(stripe::detail::message_only("reject: reason is required"));
}

}  // namespace stripe::v1
