// v2 event notifications: arbitrary payloads, correctly signed, either parse into an
// EventNotification with an id and a type, or raise DecodeError or an invalid_payload error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "stripe/webhook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string payload(reinterpret_cast<const char*>(data), size);
  constexpr std::int64_t now = 1767225600;
  stripe::webhook::VerifyOptions options;
  options.now = [] { return now; };
  std::string header = stripe::webhook::sign_payload(payload, "whsec_fuzz", now);
  try {
    auto n = stripe::webhook::construct_event_notification(payload, header, "whsec_fuzz", options);
    if (n.id.empty() || n.type.empty()) std::abort();  // a notification names itself
  } catch (const stripe::webhook::SignatureVerificationError& e) {
    if (e.reason() != stripe::webhook::SignatureVerificationError::Reason::invalid_payload) std::abort();
  } catch (const stripe::DecodeError&) {
  }
  return 0;
}
