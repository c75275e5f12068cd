#pragma once
// Params shapes shared across resources that the schema lists only by name.
#include <cstdint>
#include <optional>
#include <string>

#include "stripe/encoding/clearable.hpp"

namespace stripe {

struct AddressParams {
  std::optional<std::string> city;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2
  std::optional<std::string> line1;
  std::optional<std::string> line2;
  std::optional<std::string> postal_code;
  std::optional<std::string> state;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("city", self.city);
    v("country", self.country);
    v("line1", self.line1);
    v("line2", self.line2);
    v("postal_code", self.postal_code);
    v("state", self.state);
  }
};

// Kana or Kanji variation of an address (Japan only).
struct JapanAddressParams {
  std::optional<std::string> city;
  std::optional<std::string> country;
  std::optional<std::string> line1;
  std::optional<std::string> line2;
  std::optional<std::string> postal_code;
  std::optional<std::string> state;
  std::optional<std::string> town;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("city", self.city);
    v("country", self.country);
    v("line1", self.line1);
    v("line2", self.line2);
    v("postal_code", self.postal_code);
    v("state", self.state);
    v("town", self.town);
  }
};

struct DateOfBirthParams {
  std::int64_t day = 0;
  std::int64_t month = 0;
  std::int64_t year = 0;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("day", self.day);
    v("month", self.month);
    v("year", self.year);
  }
};

// A created-at filter for list calls: set one or more bounds (Unix seconds). For an exact
// match set gte and lte to the same value.
struct TimestampFilter {
  std::optional<std::int64_t> gt;
  std::optional<std::int64_t> gte;
  std::optional<std::int64_t> lt;
  std::optional<std::int64_t> lte;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("gt", self.gt);
    v("gte", self.gte);
    v("lt", self.lt);
    v("lte", self.lte);
  }
};

}  // namespace stripe
