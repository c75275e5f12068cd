// Arbitrary bytes into every typed object: decoding either succeeds or raises DecodeError, and
// what decodes re-encodes without failing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "stripe/connect.hpp"

namespace {

template <class T>
void decode_as(const nlohmann::json& j) {
  try {
    T value = stripe::decode<T>(j);
    (void)stripe::encode(value).dump();
  } catch (const stripe::DecodeError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  decode_as<stripe::v1::Account>(j);
  decode_as<stripe::v1::AccountLink>(j);
  decode_as<stripe::v1::Capability>(j);
  decode_as<stripe::List<stripe::v1::Account>>(j);
  decode_as<stripe::List<stripe::v1::Capability>>(j);
  decode_as<stripe::v2::core::Account>(j);
  decode_as<stripe::v2::core::AccountLink>(j);
  decode_as<stripe::V2List<stripe::v2::core::Account>>(j);
  return 0;
}
