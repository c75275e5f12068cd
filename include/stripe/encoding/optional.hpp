#pragma once
/// \file
/// stripe::Optional: the type of an optional nested object in the typed models and params
/// (`account.requirements`, `params.company`, `params.individual->address`).
///
/// It does what code does with std::optional for such a field: test it, emplace(), `->`, `*`,
/// value(), value_or(), reset(), assign a value or std::nullopt (or `{}`), compare with
/// std::nullopt, and convert to and from std::optional<T>. It exists for build time: a
/// std::optional<T> costs g++ 12 several milliseconds per distinct T to instantiate (its
/// constrained constructors and its triviality traits are evaluated for the class alone), and
/// the onboarding surface has some three hundred nested object types, so every file including
/// `<stripe/connect.hpp>` paid more than a second for optionals it never used. This class is
/// plain and costs a small fraction of that. Scalars, strings, lists and enums stay
/// std::optional.
///
/// The value lives on the heap, so an absent object costs one pointer rather than its whole
/// size: a decoded v1 Account names dozens of nested objects and holds a few, and a list page
/// of a hundred of them would otherwise be mostly empty space. A moved-from Optional is empty.
#include <memory>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

namespace stripe {

template <class T>
class Optional;

namespace detail {
// Whether U may be the value of an Optional<T> by itself (not another optional, not nullopt).
template <class T, class U>
inline constexpr bool is_optional_value_v =
    std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, Optional<T>> &&
    !std::is_same_v<std::decay_t<U>, std::nullopt_t> && !std::is_same_v<std::decay_t<U>, std::optional<T>>;
}  // namespace detail

/// An optional nested object: empty, or holding a T. The std::optional interface, without
/// its compile cost (see the file comment).
template <class T>
class Optional {
 public:
  /// The type of the value held.
  using value_type = T;

  /// Empty.
  Optional() noexcept {}
  /// Empty: `field = std::nullopt` reads as with std::optional.
  Optional(std::nullopt_t) noexcept {}  // NOLINT(google-explicit-constructor)
  /// Holding a value made from `value`: implicit, so `params.company = Company{...}` works.
  template <class U = T, class = std::enable_if_t<detail::is_optional_value_v<T, U>>>
  Optional(U&& value) {  // NOLINT(google-explicit-constructor)
    construct(std::forward<U>(value));
  }
  /// From a std::optional, empty or not.
  Optional(const std::optional<T>& other) {  // NOLINT(google-explicit-constructor)
    if (other) construct(*other);
  }
  /// From a std::optional, moving its value.
  Optional(std::optional<T>&& other) {  // NOLINT(google-explicit-constructor)
    if (other) construct(std::move(*other));
  }
  /// A copy of `other`'s value, if any.
  Optional(const Optional& other) {
    if (other.value_) construct(*other.value_);
  }
  /// Takes `other`'s value, if any; `other` is left empty.
  Optional(Optional&& other) noexcept : value_(other.value_) { other.value_ = nullptr; }
  /// Destroys the value, if any.
  ~Optional() { reset(); }

  /// Copies `other`'s state.
  Optional& operator=(const Optional& other) {
    if (this != &other) {
      if (other.value_) assign(*other.value_);
      else reset();
    }
    return *this;
  }
  /// Takes `other`'s state; `other` is left empty.
  Optional& operator=(Optional&& other) noexcept {
    if (this != &other) {
      T* old = value_;  // deleted last: `other` may live inside it (l = std::move(l->next))
      value_ = other.value_;
      other.value_ = nullptr;
      delete old;
    }
    return *this;
  }
  /// Empties it.
  Optional& operator=(std::nullopt_t) noexcept {
    reset();
    return *this;
  }
  /// Holds `value` (assigned into the value already held, or constructed).
  template <class U = T, class = std::enable_if_t<detail::is_optional_value_v<T, U>>>
  Optional& operator=(U&& value) {
    assign(std::forward<U>(value));
    return *this;
  }

  /// Whether it holds a value.
  bool has_value() const noexcept { return value_ != nullptr; }
  /// Whether it holds a value.
  explicit operator bool() const noexcept { return value_ != nullptr; }

  /// The value; holding none is undefined behaviour, as with std::optional.
  T& operator*() & noexcept { return *value_; }
  /// The value; holding none is undefined behaviour, as with std::optional.
  const T& operator*() const& noexcept { return *value_; }
  /// The value, to move from.
  T&& operator*() && noexcept { return std::move(*value_); }
  /// The value's members; holding none is undefined behaviour, as with std::optional.
  T* operator->() noexcept { return value_; }
  /// The value's members; holding none is undefined behaviour, as with std::optional.
  const T* operator->() const noexcept { return value_; }

  /// The value; throws std::bad_optional_access when there is none.
  T& value() & {
    checked();
    return *value_;
  }
  /// The value; throws std::bad_optional_access when there is none.
  const T& value() const& {
    checked();
    return *value_;
  }
  /// The value, to move from; throws std::bad_optional_access when there is none.
  T&& value() && {
    checked();
    return std::move(*value_);
  }
  /// The value, or `fallback` converted to T.
  template <class U>
  T value_or(U&& fallback) const& {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }

  /// Replaces the value (if any) by one made from `args`, and returns it.
  template <class... Args>
  T& emplace(Args&&... args) {
    T* made = new T(std::forward<Args>(args)...);  // first: the arguments may refer to the old value
    delete value_;
    value_ = made;
    return *value_;
  }
  /// Empties it.
  void reset() noexcept {
    delete value_;
    value_ = nullptr;
  }

  /// The same state as a std::optional, for code written against std::optional.
  operator std::optional<T>() const& {  // NOLINT(google-explicit-constructor)
    return value_ ? std::optional<T>(*value_) : std::optional<T>();
  }
  /// The same state as a std::optional, moving the value.
  operator std::optional<T>() && {  // NOLINT(google-explicit-constructor)
    return value_ ? std::optional<T>(std::move(*value_)) : std::optional<T>();
  }

  /// Empty, as `opt == std::nullopt` reads with std::optional.
  friend bool operator==(const Optional& o, std::nullopt_t) noexcept { return !o.value_; }
  /// Empty, as `std::nullopt == opt` reads with std::optional.
  friend bool operator==(std::nullopt_t, const Optional& o) noexcept { return !o.value_; }
  /// Holding a value, as `opt != std::nullopt` reads with std::optional.
  friend bool operator!=(const Optional& o, std::nullopt_t) noexcept { return o.value_ != nullptr; }
  /// Holding a value, as `std::nullopt != opt` reads with std::optional.
  friend bool operator!=(std::nullopt_t, const Optional& o) noexcept { return o.value_ != nullptr; }

 private:
  void checked() const {
    if (!value_) throw std::bad_optional_access();
  }
  template <class... Args>
  void construct(Args&&... args) {
    value_ = new T(std::forward<Args>(args)...);
  }
  template <class U>
  void assign(U&& value) {
    if (value_) *value_ = std::forward<U>(value);
    else construct(std::forward<U>(value));
  }

  T* value_ = nullptr;  // owned
};

}  // namespace stripe
