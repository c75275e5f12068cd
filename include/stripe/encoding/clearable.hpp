#pragma once
// A request parameter that can be left unchanged (absent), unset (v1 `key=`, v2 null) or set.
// Plain std::optional is used where the API cannot unset a field.
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace stripe {

struct Clear {
  explicit constexpr Clear(int) {}
};
// Assign to a Clearable field to unset it: `params.business_profile->url = stripe::clear;`
inline constexpr Clear clear{0};

template <class T>
class Clearable {
 public:
  Clearable() = default;
  Clearable(Clear) : cleared_(true) {}  // NOLINT
  template <class U = T, class = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                                  !std::is_same_v<std::decay_t<U>, Clearable> &&
                                                  !std::is_same_v<std::decay_t<U>, Clear>>>
  Clearable(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT

  bool is_absent() const noexcept { return !cleared_ && !value_; }
  bool is_cleared() const noexcept { return cleared_; }
  bool is_set() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return is_set(); }

  const T& value() const {
    if (!value_) throw std::logic_error("Clearable has no value");
    return *value_;
  }
  T& value() {
    if (!value_) throw std::logic_error("Clearable has no value");
    return *value_;
  }
  // Sets a default value if there is none and returns it, for filling nested params in place.
  T& emplace() {
    cleared_ = false;
    if (!value_) value_.emplace();
    return *value_;
  }
  T* operator->() { return &emplace(); }
  const T* operator->() const { return &value(); }
  void reset() noexcept {
    value_.reset();
    cleared_ = false;
  }

 private:
  std::optional<T> value_;
  bool cleared_ = false;
};

}  // namespace stripe
