// Differential: the bytes-to-model decoder typed calls use (stripe::decode_text) against the
// document decoder (json::parse, then stripe::decode). On every input both refuse it, or both
// give the same typed value and the same raw JSON; anything else aborts with the input kept.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "stripe/connect.hpp"
#include "support/decode_both_ways.hpp"

namespace {

template <class T>
void check(const std::string& text, const char* type) {
  auto via_document = test_support::decode_via_document<T>(text);
  auto via_text = test_support::decode_via_text<T>(text);
  if (via_document.has_value() != via_text.has_value()) {
    std::fprintf(stderr, "%s: the document decoder %s the input, the text decoder %s it\n", type,
                 via_document ? "accepts" : "refuses", via_text ? "accepts" : "refuses");
    std::abort();
  }
  if (via_document && !(*via_document == *via_text)) {
    std::fprintf(stderr, "%s: the decoders disagree\n  document: %s %s\n  text:     %s %s\n", type,
                 via_document->typed.dump().c_str(), via_document->raw.dump().c_str(), via_text->typed.dump().c_str(),
                 via_text->raw.dump().c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  check<stripe::v1::Account>(text, "v1::Account");
  check<stripe::List<stripe::v1::Account>>(text, "List<v1::Account>");
  check<stripe::v1::Person>(text, "v1::Person");
  check<stripe::v1::Capability>(text, "v1::Capability");
  check<stripe::v1::BankAccount>(text, "v1::BankAccount");
  check<stripe::v1::File>(text, "v1::File");
  check<stripe::v1::AccountSession>(text, "v1::AccountSession");
  check<stripe::v2::core::Account>(text, "v2::core::Account");
  check<stripe::V2List<stripe::v2::core::Event>>(text, "V2List<v2::core::Event>");
  check<stripe::v2::core::AccountPerson>(text, "v2::core::AccountPerson");
  return 0;
}
