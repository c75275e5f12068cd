#pragma once
/// \file
/// Postal addresses, in models and params alike. The generator uses these types wherever a
/// schema address is the same C++ (every field an optional string), so there is one of each.
#include <optional>
#include <string>

#include "stripe/encoding/fields.hpp"

namespace stripe {

/// A postal address: in params, only what is set is sent; in models, what the API returned.
struct Address {
  std::optional<std::string> city;  ///< city, district, suburb, town or village
  std::optional<std::string> country;  ///< ISO 3166-1 alpha-2
  std::optional<std::string> line1;  ///< street, PO box or company name
  std::optional<std::string> line2;  ///< apartment, suite, unit or building
  std::optional<std::string> postal_code;  ///< ZIP or postal code
  std::optional<std::string> state;  ///< state, county, province or region

  /// The field list the encoder, the decoder and the conformance tests all walk.
  STRIPE_FIELDS((city)(country)(line1)(line2)(postal_code)(state))
};

/// An address with a town: v2 addresses, and the Kana and Kanji variations of a v1 address
/// (Japan only), which Japanese requirements ask for both of.
struct AddressWithTown {
  std::optional<std::string> city;  ///< city, district or ward
  std::optional<std::string> country;  ///< ISO 3166-1 alpha-2
  std::optional<std::string> line1;  ///< street, block or building number
  std::optional<std::string> line2;  ///< apartment, unit or building details
  std::optional<std::string> postal_code;  ///< ZIP or postal code
  std::optional<std::string> state;  ///< state, province or prefecture
  std::optional<std::string> town;  ///< town, district or cho-me

  /// The field list the encoder, the decoder and the conformance tests all walk.
  STRIPE_FIELDS((city)(country)(line1)(line2)(postal_code)(state)(town))
};

}  // namespace stripe
