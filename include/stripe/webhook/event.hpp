#pragma once
// v1 webhook events: verify, then parse into a typed Event whose data.object reads as an
// Account or a Capability.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_text.hpp"
#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/v1/account.hpp"
#include "stripe/v1/capability.hpp"
#include "stripe/webhook/payload.hpp"
#include "stripe/webhook/signature.hpp"

namespace stripe::webhook {

/// A v1 webhook event (snapshot payload), as sent to a Connect endpoint.
struct Event {
  /// The object the event is about, and what changed.
  struct Data {
    nlohmann::json object;  ///< the object as it is after the event (an Account, a Capability, ...)
    nlohmann::json previous_attributes;  ///< kept raw: its shape is whatever changed
    /// Visits the fields for decoding (see encoding/model.hpp).
    STRIPE_FIELDS((object)(previous_attributes))
  };
  /// The API request that caused the event, if any.
  struct Request {
    std::optional<std::string> id;  ///< req_... ID; null for events caused by Stripe, not a request
    std::optional<std::string> idempotency_key;  ///< idempotency key of that request, if it had one
    /// Visits the fields for decoding (see encoding/model.hpp).
    STRIPE_FIELDS((id)(idempotency_key))
  };

  std::string id;  ///< evt_... ID; deduplicate deliveries on it
  std::string object;  ///< always "event"
  std::string type;  ///< account.updated, capability.updated, account.application.deauthorized, ...
  std::optional<std::string> account;  ///< the connected account, for Connect events
  std::optional<std::string> api_version;  ///< API version the payload was rendered with
  std::optional<std::string> context;  ///< the account context for events of organizations, if any
  std::int64_t created = 0;  ///< Unix seconds when the event happened
  bool livemode = false;  ///< false for test-mode events
  std::int64_t pending_webhooks = 0;  ///< deliveries still outstanding across endpoints
  Data data;  ///< the object and what changed
  std::optional<Request> request;  ///< the request that caused it, if any
  stripe::RawJson raw;  ///< the whole payload, for fields the model does not know

  /// Visits the fields for decoding (see encoding/model.hpp).
  STRIPE_FIELDS((id)(object)(type)(account)(api_version)(context)(created)(livemode)(pending_webhooks)(data)(request))

  /// data.object as an Account (account.updated). Throws DecodeError for other event types.
  v1::Account account_object() const { return typed<v1::Account>("account"); }
  /// data.object as a Capability (capability.updated).
  v1::Capability capability_object() const { return typed<v1::Capability>("capability"); }

 private:
  template <class T>
  T typed(const char* object_name) const {
    if (!data.object.is_object() || stripe::detail::json_string(data.object, "object") != object_name)
      throw DecodeError(stripe::detail::message_only("event " + type + " does not carry a " + object_name));
    return decode<T>(data.object);
  }
};


// Parses a v1 event without verifying it (for payloads verified elsewhere).
inline Event parse_event(std::string_view payload) {
  auto j = detail::parse_payload(payload);
  if (stripe::detail::json_string(j, "object") != "event")  // json::value would throw on a non-string
    throw SignatureVerificationError(SignatureVerificationError::Reason::invalid_payload,
                                     "the webhook payload is not a v1 event");
  return decode<Event>(std::move(j));
}

// Verifies the signature, then parses the v1 event.
inline Event construct_event(std::string_view payload, std::string_view signature_header, std::string_view secret,
                             const VerifyOptions& options = {}) {
  verify_signature(payload, signature_header, secret, options);
  return parse_event(payload);
}

}  // namespace stripe::webhook
