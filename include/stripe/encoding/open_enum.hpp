#pragma once
/// \file
/// Open enums: Stripe adds enum values without notice, so an enum is a string value type with
/// named constants for the values known when the SDK was generated. An unknown value decodes,
/// compares and re-encodes unchanged, and is_known() tells it apart.
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace stripe {

/// The base of every generated enum (CRTP: Derived lists `known_values`). A string, so a value
/// newer than the SDK is kept instead of failing the whole response.
template <class Derived>
class OpenEnum {
 public:
  /// Empty: the field was absent.
  OpenEnum() = default;
  /// Implicit, so `s = Status::active` and `s == "active"` read well.
  OpenEnum(std::string_view value) : value_(value) {}  // NOLINT
  /// From a literal, without an intermediate string_view.
  template <std::size_t N>
  OpenEnum(const char (&value)[N]) : value_(value, N - 1) {}  // NOLINT
  /// From a string, copied.
  OpenEnum(const std::string& value) : value_(value) {}       // NOLINT
  /// From a string, moved.
  OpenEnum(std::string&& value) : value_(std::move(value)) {}  // NOLINT

  /// The wire value, known or not.
  const std::string& value() const noexcept { return value_; }
  /// The wire value as a view.
  std::string_view str() const noexcept { return value_; }
  /// Whether there is no value (the field was absent or empty).
  bool empty() const noexcept { return value_.empty(); }
  /// Whether the value was known when the SDK was generated: handle the others generically.
  bool is_known() const noexcept {
    for (std::string_view known : Derived::known_values)
      if (known == value_) return true;
    return false;
  }

  // Comparisons are by wire value, with enums and with strings alike.
  friend bool operator==(const OpenEnum& a, const OpenEnum& b) { return a.value_ == b.value_; }  ///< by wire value
  friend bool operator!=(const OpenEnum& a, const OpenEnum& b) { return a.value_ != b.value_; }  ///< by wire value
  friend bool operator==(const OpenEnum& a, std::string_view b) { return a.value_ == b; }  ///< by wire value
  friend bool operator!=(const OpenEnum& a, std::string_view b) { return a.value_ != b; }  ///< by wire value
  friend bool operator==(std::string_view a, const OpenEnum& b) { return a == b.value_; }  ///< by wire value
  friend bool operator!=(std::string_view a, const OpenEnum& b) { return a != b.value_; }  ///< by wire value
  friend bool operator==(const OpenEnum& a, const char* b) { return a.value_ == b; }  ///< by wire value
  friend bool operator!=(const OpenEnum& a, const char* b) { return a.value_ != b; }  ///< by wire value
  friend bool operator==(const OpenEnum& a, const std::string& b) { return a.value_ == b; }  ///< by wire value
  friend bool operator!=(const OpenEnum& a, const std::string& b) { return a.value_ != b; }  ///< by wire value
  friend bool operator==(const std::string& a, const OpenEnum& b) { return a == b.value_; }  ///< by wire value
  friend bool operator!=(const std::string& a, const OpenEnum& b) { return a != b.value_; }  ///< by wire value
  /// By wire value, so enums can be map keys and sorted.
  friend bool operator<(const OpenEnum& a, const OpenEnum& b) { return a.value_ < b.value_; }
  /// Prints the wire value, known or not, so logs and messages show what Stripe sent.
  friend std::ostream& operator<<(std::ostream& os, const OpenEnum& e) { return os << e.value_; }

 private:
  std::string value_;
};

}  // namespace stripe
