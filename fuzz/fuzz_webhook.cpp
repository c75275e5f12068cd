// Webhook signature headers and payloads: the first line of the input is the
// Stripe-Signature header, the rest the payload. Verification either passes or raises a
// typed error that never contains the secret; a correctly signed payload always verifies and
// then parses into an Event or raises DecodeError.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "stripe/webhook.hpp"

namespace {
constexpr const char* kSecret = "whsec_fuzz_secret_0123456789";
constexpr std::int64_t kNow = 1767225600;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t nl = input.find('\n');
  std::string header = input.substr(0, nl);
  std::string payload = nl == std::string::npos ? std::string() : input.substr(nl + 1);
  stripe::webhook::VerifyOptions options;
  options.now = [] { return kNow; };

  try {
    auto parsed = stripe::webhook::parse_signature_header(header);
    (void)parsed;
  } catch (const stripe::webhook::SignatureVerificationError& e) {
    if (std::string(e.what()).find(kSecret) != std::string::npos) std::abort();
  }
  try {
    stripe::webhook::verify_signature(payload, header, kSecret, options);
  } catch (const stripe::webhook::SignatureVerificationError& e) {
    if (std::string(e.what()).find(kSecret) != std::string::npos) std::abort();
  }

  std::string good = stripe::webhook::sign_payload(payload, kSecret, kNow);
  try {
    stripe::webhook::verify_signature(payload, good, kSecret, options);
  } catch (const stripe::Error&) {
    std::abort();  // a correct signature must verify
  }
  try {
    auto event = stripe::webhook::construct_event(payload, good, kSecret, options);
    (void)event;
  } catch (const stripe::webhook::SignatureVerificationError& e) {
    // Signed correctly, so the only complaint allowed is about the payload itself.
    if (e.reason() != stripe::webhook::SignatureVerificationError::Reason::invalid_payload) std::abort();
  } catch (const stripe::DecodeError&) {
  }
  return 0;
}
