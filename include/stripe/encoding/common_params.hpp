#pragma once
/// \file
/// Params shapes shared across resources that the schema lists only by name.
#include <cstdint>
#include <optional>
#include <string>

#include "stripe/encoding/address.hpp"
#include "stripe/encoding/clearable.hpp"
#include "stripe/encoding/fields.hpp"

namespace stripe {

/// A postal address in params (individual, company, representative): only what is set is sent.
/// The same type as the models' addresses.
using AddressParams = Address;

/// Kana or Kanji variation of an address (Japan only): Japanese requirements ask for both.
using JapanAddressParams = AddressWithTown;

/// A date of birth: the API takes it as three numbers, all required together.
struct DateOfBirthParams {
  std::int64_t day = 0;  ///< 1-31
  std::int64_t month = 0;  ///< 1-12
  std::int64_t year = 0;  ///< four digits

  /// The field list the encoder, the decoder and the conformance tests all walk.
  STRIPE_FIELDS((day)(month)(year))
};

/// A created-at filter for list calls: set one or more bounds (Unix seconds). For an exact
/// match set gte and lte to the same value.
struct TimestampFilter {
  std::optional<std::int64_t> gt;  ///< after
  std::optional<std::int64_t> gte;  ///< at or after
  std::optional<std::int64_t> lt;  ///< before
  std::optional<std::int64_t> lte;  ///< at or before

  /// The field list the encoder, the decoder and the conformance tests all walk.
  STRIPE_FIELDS((gt)(gte)(lt)(lte))
};

}  // namespace stripe
