#pragma once
// Webhook signature verification: the standard library and OpenSSL's HMAC, nothing else, so a
// receiver that only checks signatures compiles fast. Link stripe_connect::webhook (OpenSSL).
//   Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>][,v0=...]
//   signed payload:   "<t>." + raw body, HMAC-SHA256 keyed with the whole endpoint secret.
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "stripe/errors.hpp"

namespace stripe::webhook {


/// Every way a delivery can fail verification. reason() says which, without echoing secrets.
class SignatureVerificationError : public Error {
 public:
  /// Which check failed: header missing or malformed, no v1 signature, blank secret, too old, signature mismatch, or bad JSON.
  enum class Reason {
    missing_header,               ///< no Stripe-Signature header was given
    malformed_header,             ///< the header is not t=...,v1=... as Stripe sends it
    no_v1_signature,              ///< the header carries no v1 signature
    blank_secret,                 ///< the endpoint secret passed in is empty
    timestamp_outside_tolerance,  ///< signed longer ago than VerifyOptions::tolerance: a possible replay
    signature_mismatch,           ///< no v1 signature matches: wrong secret or altered payload
    invalid_payload               ///< the signature holds but the payload is not a valid event
  };
  /// Carries the reason and a message that never contains the secret or payload.
  SignatureVerificationError(Reason r, std::string message)
      : Error(stripe::detail::message_only(std::move(message))), reason_(r) {}
  /// Which check failed; branch on this, not on what().
  Reason reason() const noexcept { return reason_; }

 private:
  Reason reason_;
};

/// The current Unix time in seconds: a copyable holder of any callable returning it (a lambda,
/// a std::function), or empty for the system clock. What std::function<std::int64_t()> did,
/// without `<functional>`, which alone was a third of the compile time of a file that only
/// verifies signatures.
class NowFunction {
 public:
  NowFunction() noexcept = default;
  /// An empty holder: the system clock.
  NowFunction(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, NowFunction> &&
                                              std::is_invocable_r_v<std::int64_t, std::decay_t<F>&>>>
  /// Holds any callable returning Unix seconds, e.g. a fixed clock in tests.
  NowFunction(F&& f) : impl_(new Impl<std::decay_t<F>>(std::forward<F>(f))) {}  // NOLINT(google-explicit-constructor)
  /// Copies the held callable.
  NowFunction(const NowFunction& other) : impl_(other.impl_ ? other.impl_->clone() : nullptr) {}
  /// Takes the held callable; the source becomes empty.
  NowFunction(NowFunction&& other) noexcept : impl_(std::exchange(other.impl_, nullptr)) {}
  /// Copy-and-swap assignment.
  NowFunction& operator=(NowFunction other) noexcept {
    std::swap(impl_, other.impl_);
    return *this;
  }
  ~NowFunction() { delete impl_; }

  /// True when a clock was set; an empty one reads the system clock.
  explicit operator bool() const noexcept { return impl_ != nullptr; }
  /// Current Unix time in seconds, from the held callable or the system clock.
  std::int64_t operator()() const {
    if (impl_) return impl_->call();
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  }

 private:
  struct Base {
    virtual ~Base() = default;
    virtual std::int64_t call() = 0;
    virtual Base* clone() const = 0;
  };
  template <class F>
  struct Impl final : Base {
    explicit Impl(F fn) : f(std::move(fn)) {}
    std::int64_t call() override { return static_cast<std::int64_t>(f()); }
    Base* clone() const override { return new Impl(f); }
    F f;
  };
  Base* impl_ = nullptr;
};

/// How deliveries are checked, beyond the secret.
struct VerifyOptions {
  /// Reject deliveries signed longer ago than this. Zero disables the age check.
  std::chrono::seconds tolerance{300};
  /// Current Unix time in seconds; tests inject a fixed clock. Empty: the system clock.
  NowFunction now;
};

/// The parsed Stripe-Signature header: t= and every v1= value.
struct SignatureHeader {
  std::int64_t timestamp = 0;  ///< the t= value: Unix seconds when Stripe signed the delivery
  std::vector<std::string> v1_signatures;  ///< every v1= signature (hex); one matches per valid secret
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

}  // namespace stripe::webhook
