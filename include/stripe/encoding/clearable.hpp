#pragma once
/// \file
/// A request parameter that can be left unchanged (absent), unset (v1 `key=`, v2 null) or set.
/// Plain std::optional (stripe::Optional for nested objects) is used where the API cannot unset
/// a field.
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "stripe/encoding/optional.hpp"

namespace stripe {

/// The type of stripe::clear; not default-constructible, so `= {}` cannot unset by accident.
struct Clear {
  /// Private in spirit: use stripe::clear.
  explicit constexpr Clear(int) {}
};
/// Assign to a Clearable field to unset it: `params.business_profile->url = stripe::clear;`
inline constexpr Clear clear{0};

/// A parameter with three states, because "leave as is" and "remove the value" are different
/// requests: absent (not sent), cleared (sent empty) or set.
template <class T>
class Clearable {
 public:
  /// Absent: the parameter is not sent.
  Clearable() = default;
  /// Cleared: sent as `key=` (v1) or null (v2), so Stripe removes the value.
  Clearable(Clear) : cleared_(true) {}  // NOLINT
  /// Set: implicit, so `params.url = "https://..."` reads as plain assignment.
  template <class U = T, class = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                                  !std::is_same_v<std::decay_t<U>, Clearable> &&
                                                  !std::is_same_v<std::decay_t<U>, Clear>>>
  Clearable(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT

  /// Not sent.
  bool is_absent() const noexcept { return !cleared_ && !value_; }
  /// Sent empty, to unset.
  bool is_cleared() const noexcept { return cleared_; }
  /// Sent with a value.
  bool is_set() const noexcept { return value_.has_value(); }
  /// Whether it has a value, as with std::optional.
  explicit operator bool() const noexcept { return is_set(); }

  /// The value; throws std::logic_error when absent or cleared (a bug in the caller).
  const T& value() const {
    if (!value_) throw std::logic_error("Clearable has no value");
    return *value_;
  }
  /// The value, to change it in place; throws std::logic_error when there is none.
  T& value() {
    if (!value_) throw std::logic_error("Clearable has no value");
    return *value_;
  }
  /// Sets a default value if there is none and returns it, for filling nested params in place.
  T& emplace() {
    cleared_ = false;
    if (!value_) value_.emplace();
    return *value_;
  }
  /// Creates the value on first use, so `p.business_profile->url = ...` needs no emplace().
  T* operator->() { return &emplace(); }
  /// Reads the value; throws std::logic_error when there is none.
  const T* operator->() const { return &value(); }
  /// Back to absent: the parameter is not sent.
  void reset() noexcept {
    value_.reset();
    cleared_ = false;
  }

 private:
  Optional<T> value_;  // not std::optional: see stripe/encoding/optional.hpp
  bool cleared_ = false;
};

}  // namespace stripe
