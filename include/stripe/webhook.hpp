#pragma once
// Webhook signature verification and event parsing. Link stripe_connect::webhook (OpenSSL).
//   Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>][,v0=...]
//   signed payload:   "<t>." + raw body, HMAC-SHA256 keyed with the whole endpoint secret.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "stripe/client.hpp"
#include "stripe/v1/account.hpp"
#include "stripe/v1/capability.hpp"
#include "stripe/v2/core/account.hpp"

namespace stripe::webhook {

// Every way a delivery can fail verification. reason() says which, without echoing secrets.
class SignatureVerificationError : public Error {
 public:
  enum class Reason { missing_header, malformed_header, no_v1_signature, blank_secret, timestamp_outside_tolerance,
                      signature_mismatch, invalid_payload };
  SignatureVerificationError(Reason r, std::string message)
      : Error(stripe::detail::message_only(std::move(message))), reason_(r) {}
  Reason reason() const noexcept { return reason_; }

 private:
  Reason reason_;
};

struct VerifyOptions {
  // Reject deliveries signed longer ago than this. Zero disables the age check.
  std::chrono::seconds tolerance{300};
  // Current Unix time in seconds; tests inject a fixed clock.
  std::function<std::int64_t()> now = [] {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  };
};

struct SignatureHeader {
  std::int64_t timestamp = 0;
  std::vector<std::string> v1_signatures;
};

// Parses the Stripe-Signature header. Schemes other than v1 (v0 and future ones) are ignored.
inline SignatureHeader parse_signature_header(std::string_view header) {
  using R = SignatureVerificationError::Reason;
  if (header.empty()) throw SignatureVerificationError(R::missing_header, "missing Stripe-Signature header");
  SignatureHeader out;
  bool have_t = false;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0)
      throw SignatureVerificationError(R::malformed_header, "malformed Stripe-Signature header: expected key=value items");
    std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "t") {
      if (have_t || value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string_view::npos)
        throw SignatureVerificationError(R::malformed_header, "malformed Stripe-Signature header: bad timestamp");
      out.timestamp = std::stoll(std::string(value));
      have_t = true;
    } else if (key == "v1") {
      if (value.size() != 64 || value.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos)
        throw SignatureVerificationError(R::malformed_header, "malformed Stripe-Signature header: bad v1 signature");
      out.v1_signatures.emplace_back(value);
    }
    start = end + 1;
  }
  if (!have_t) throw SignatureVerificationError(R::malformed_header, "malformed Stripe-Signature header: no timestamp");
  if (out.v1_signatures.empty())
    throw SignatureVerificationError(R::no_v1_signature, "no v1 signature in Stripe-Signature header");
  return out;
}

// Lowercase hex HMAC-SHA256 of "<timestamp>.<payload>" keyed with the whole secret.
inline std::string compute_signature(std::string_view secret, std::int64_t timestamp, std::string_view payload) {
  std::string signed_payload = std::to_string(timestamp) + "." + std::string(payload);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(signed_payload.data()), signed_payload.size(), mac, &len))
    throw Error(stripe::detail::message_only("HMAC-SHA256 failed"));
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(hex[mac[i] >> 4]);
    out.push_back(hex[mac[i] & 0x0F]);
  }
  return out;
}

// A Stripe-Signature header for `payload`, for users' own tests and the simulator.
inline std::string sign_payload(std::string_view payload, std::string_view secret, std::int64_t timestamp) {
  return "t=" + std::to_string(timestamp) + ",v1=" + compute_signature(secret, timestamp, payload);
}

// Throws SignatureVerificationError unless some v1 signature matches and the timestamp is
// within tolerance. Comparison is constant-time.
inline void verify_signature(std::string_view payload, std::string_view header, std::string_view secret,
                             const VerifyOptions& options = {}) {
  using R = SignatureVerificationError::Reason;
  if (secret.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw SignatureVerificationError(R::blank_secret, "the webhook endpoint secret is blank");
  SignatureHeader h = parse_signature_header(header);
  std::string expected = compute_signature(secret, h.timestamp, payload);
  bool match = false;
  for (auto sig : h.v1_signatures) {
    for (auto& c : sig) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (sig.size() == expected.size() && CRYPTO_memcmp(sig.data(), expected.data(), expected.size()) == 0) match = true;
  }
  if (!match) throw SignatureVerificationError(R::signature_mismatch, "no signature matches the payload and secret");
  if (options.tolerance.count() > 0 && options.now() - h.timestamp > options.tolerance.count())
    throw SignatureVerificationError(R::timestamp_outside_tolerance,
                                     "the signature timestamp is older than the tolerance of " +
                                         std::to_string(options.tolerance.count()) + " s");
}

// ---------------------------------------------------------------------------------------------
// v1 events

struct Event {
  struct Data {
    nlohmann::json object;
    nlohmann::json previous_attributes;  // kept raw: its shape is whatever changed
    template <class Self, class V>
    static void describe(Self& self, V& v) {
      v("object", self.object);
      v("previous_attributes", self.previous_attributes);
    }
  };
  struct Request {
    std::optional<std::string> id;
    std::optional<std::string> idempotency_key;
    template <class Self, class V>
    static void describe(Self& self, V& v) {
      v("id", self.id);
      v("idempotency_key", self.idempotency_key);
    }
  };

  std::string id;
  std::string object;
  std::string type;  // account.updated, capability.updated, account.application.deauthorized, ...
  std::optional<std::string> account;  // the connected account, for Connect events
  std::optional<std::string> api_version;
  std::optional<std::string> context;
  std::int64_t created = 0;
  bool livemode = false;
  std::int64_t pending_webhooks = 0;
  Data data;
  std::optional<Request> request;
  nlohmann::json raw;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("id", self.id);
    v("object", self.object);
    v("type", self.type);
    v("account", self.account);
    v("api_version", self.api_version);
    v("context", self.context);
    v("created", self.created);
    v("livemode", self.livemode);
    v("pending_webhooks", self.pending_webhooks);
    v("data", self.data);
    v("request", self.request);
  }

  // data.object as an Account (account.updated). Throws DecodeError for other event types.
  v1::Account account_object() const { return typed<v1::Account>("account"); }
  // data.object as a Capability (capability.updated).
  v1::Capability capability_object() const { return typed<v1::Capability>("capability"); }

 private:
  template <class T>
  T typed(const char* object_name) const {
    if (!data.object.is_object() || stripe::detail::json_string(data.object, "object") != object_name)
      throw DecodeError(stripe::detail::message_only("event " + type + " does not carry a " + object_name));
    return decode<T>(data.object);
  }
};

namespace detail {
inline nlohmann::json parse_payload(std::string_view payload) {
  nlohmann::json j = stripe::detail::parse_untrusted(payload, "the webhook payload");
  if (j.is_discarded() || !j.is_object())
    throw SignatureVerificationError(SignatureVerificationError::Reason::invalid_payload,
                                     "the webhook payload is not a JSON object");
  return j;
}
}  // namespace detail

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

// ---------------------------------------------------------------------------------------------
// v2 event notifications ("thin events"): they name the object that changed; fetch it.

struct EventNotification {
  struct RelatedObject {
    std::string id;
    std::string type;
    std::string url;
    template <class Self, class V>
    static void describe(Self& self, V& v) {
      v("id", self.id);
      v("type", self.type);
      v("url", self.url);
    }
  };

  std::string id;
  std::string object;  // v2.core.event
  std::string type;    // e.g. v2.core.account[requirements].updated
  std::string created;
  bool livemode = false;
  std::optional<std::string> context;  // e.g. acct_123 or acct_a/acct_b
  std::optional<RelatedObject> related_object;
  nlohmann::json reason;
  nlohmann::json raw;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("id", self.id);
    v("object", self.object);
    v("type", self.type);
    v("created", self.created);
    v("livemode", self.livemode);
    v("context", self.context);
    v("related_object", self.related_object);
    v("reason", self.reason);
  }
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

// Fetches the v2 account a notification points at, with Stripe-Context set from the
// notification. The related_object url must be a path on the API host (Client::get_path).
// `include` names the parts to return (requirements, configuration.recipient, ...).
inline Result<v2::core::Account> fetch_related_account(const Client& client, const EventNotification& n,
                                                       const std::vector<std::string>& include = {},
                                                       RequestOptions ro = {}) {
  if (!n.related_object || n.related_object->type != "v2.core.account")
    throw InvalidParamsError(stripe::detail::message_only("event " + n.type + " is not about a v2 account"));
  if (n.context) ro.stripe_context = n.context;
  std::string url = n.related_object->url;
  if (!include.empty()) {
    nlohmann::ordered_json q = {{"include", include}};
    url += (url.find('?') == std::string::npos ? "?" : "&") + form_encode(q);
  }
  return decode_result<v2::core::Account>(client.get_path(url, ro));
}

}  // namespace stripe::webhook
