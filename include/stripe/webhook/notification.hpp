#pragma once
// v2 event notifications ("thin events"): verify, then parse; they name the object that
// changed (see related_account.hpp to fetch it).
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_text.hpp"
#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/webhook/payload.hpp"
#include "stripe/webhook/signature.hpp"

namespace stripe::webhook {

/// A v2 thin event notification: says what changed; fetch the object for its current state.
struct EventNotification {
  /// The object the notification is about.
  struct RelatedObject {
    std::string id;  ///< ID of the object, e.g. acct_...
    std::string type;  ///< its type, e.g. v2.core.account
    std::string url;  ///< API path that fetches its current state
    /// Visits the fields for decoding (see encoding/model.hpp).
    STRIPE_FIELDS((id)(type)(url))
  };

  std::string id;  ///< evt_... ID; deduplicate deliveries on it
  std::string object;  ///< v2.core.event
  std::string type;    ///< e.g. v2.core.account[requirements].updated
  std::string created;  ///< RFC 3339 time when the event happened
  bool livemode = false;  ///< false for sandbox events
  std::optional<std::string> context;  ///< e.g. acct_123 or acct_a/acct_b
  std::optional<RelatedObject> related_object;  ///< the object it is about, if any
  nlohmann::json reason;  ///< why it happened (e.g. the request that caused it), kept raw
  stripe::RawJson raw;  ///< the whole payload, for fields the model does not know

  /// Visits the fields for decoding (see encoding/model.hpp).
  STRIPE_FIELDS((id)(object)(type)(created)(livemode)(context)(related_object)(reason))
};

inline EventNotification parse_event_notification(std::string_view payload) {
  auto j = detail::parse_payload(payload);
  if (stripe::detail::json_string(j, "object") != "v2.core.event")
    throw SignatureVerificationError(SignatureVerificationError::Reason::invalid_payload,
                                     "the webhook payload is not a v2 event notification");
  auto notification = decode<EventNotification>(std::move(j));
  if (notification.id.empty() || notification.type.empty())
    throw DecodeError(stripe::detail::message_only("the v2 event notification has no id or no type"));
  return notification;
}

inline EventNotification construct_event_notification(std::string_view payload, std::string_view signature_header,
                                                      std::string_view secret, const VerifyOptions& options = {}) {
  verify_signature(payload, signature_header, secret, options);
  return parse_event_notification(payload);
}

}  // namespace stripe::webhook
