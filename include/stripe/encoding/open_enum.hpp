#pragma once
// Open enums: Stripe adds enum values without notice, so an enum is a string value type with
// named constants for the values known when the SDK was generated. An unknown value decodes,
// compares and re-encodes unchanged, and is_known() tells it apart.
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace stripe {

template <class Derived>
class OpenEnum {
 public:
  OpenEnum() = default;
  OpenEnum(std::string_view value) : value_(value) {}  // NOLINT: implicit, so `s = Status::active` reads well
  template <std::size_t N>
  OpenEnum(const char (&value)[N]) : value_(value, N - 1) {}  // NOLINT
  OpenEnum(const std::string& value) : value_(value) {}       // NOLINT
  OpenEnum(std::string&& value) : value_(std::move(value)) {}  // NOLINT

  const std::string& value() const noexcept { return value_; }
  std::string_view str() const noexcept { return value_; }
  bool empty() const noexcept { return value_.empty(); }
  bool is_known() const noexcept {
    for (std::string_view known : Derived::known_values)
      if (known == value_) return true;
    return false;
  }

  friend bool operator==(const OpenEnum& a, const OpenEnum& b) { return a.value_ == b.value_; }
  friend bool operator!=(const OpenEnum& a, const OpenEnum& b) { return a.value_ != b.value_; }
  friend bool operator==(const OpenEnum& a, std::string_view b) { return a.value_ == b; }
  friend bool operator!=(const OpenEnum& a, std::string_view b) { return a.value_ != b; }
  friend bool operator==(std::string_view a, const OpenEnum& b) { return a == b.value_; }
  friend bool operator!=(std::string_view a, const OpenEnum& b) { return a != b.value_; }
  friend bool operator==(const OpenEnum& a, const char* b) { return a.value_ == b; }
  friend bool operator!=(const OpenEnum& a, const char* b) { return a.value_ != b; }
  friend bool operator==(const OpenEnum& a, const std::string& b) { return a.value_ == b; }
  friend bool operator!=(const OpenEnum& a, const std::string& b) { return a.value_ != b; }
  friend bool operator==(const std::string& a, const OpenEnum& b) { return a == b.value_; }
  friend bool operator!=(const std::string& a, const OpenEnum& b) { return a != b.value_; }
  friend bool operator<(const OpenEnum& a, const OpenEnum& b) { return a.value_ < b.value_; }
  /// Prints the wire value, known or not, so logs and messages show what Stripe sent.
  friend std::ostream& operator<<(std::ostream& os, const OpenEnum& e) { return os << e.value_; }

 private:
  std::string value_;
};

}  // namespace stripe
