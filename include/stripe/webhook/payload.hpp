#pragma once
// Reading a webhook body as JSON: bounded nesting, a typed error for anything else.
#include <string_view>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_text.hpp"
#include "stripe/webhook/signature.hpp"

namespace stripe::webhook {

namespace detail {
inline nlohmann::json parse_payload(std::string_view payload) {
  nlohmann::json j = stripe::detail::parse_untrusted(payload, "the webhook payload");
  if (j.is_discarded() || !j.is_object())
    throw SignatureVerificationError(SignatureVerificationError::Reason::invalid_payload,
                                     "the webhook payload is not a JSON object");
  return j;
}
}  // namespace detail

}  // namespace stripe::webhook
