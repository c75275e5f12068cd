#pragma once
/// \file
/// stripe::RawJson: the JSON a typed object was decoded from, for the fields the SDK has not
/// typed. A typed call decodes straight from the response bytes and keeps those bytes; the
/// document is parsed only when some `raw` is first read, once per response, however many
/// objects (a list page's items, expanded objects) point into it.
#include <cstddef>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace stripe {

namespace detail {

// One response body, shared by every object decoded from it; parsed on first use.
class JsonDocumentSource {
 public:
  /// The bytes of a document the typed decoder has already checked to be JSON.
  explicit JsonDocumentSource(std::string text) : text_(std::move(text)) {}
  /// A document already parsed (objects decoded from a nlohmann::json value).
  explicit JsonDocumentSource(nlohmann::json document) : document_(std::move(document)), parsed_(true) {}

  const std::string& text() const noexcept { return text_; }

  // Thread-safe: objects from one response may be read from several threads.
  const nlohmann::json& document() const {
    if (!parsed_) std::call_once(once_, [this] { document_ = nlohmann::json::parse(text_, nullptr, false); });
    return document_;
  }

 private:
  std::string text_;
  mutable std::once_flag once_;
  mutable nlohmann::json document_;
  const bool parsed_ = false;
};

// RFC 6901 escaping of one reference token.
inline void append_pointer_token(std::string& pointer, const char* token) {
  pointer += '/';
  for (const char* c = token; *c; ++c) {
    if (*c == '~') pointer += "~0";
    else if (*c == '/') pointer += "~1";
    else pointer += *c;
  }
}

}  // namespace detail

/// The JSON object a typed model was decoded from, unknown fields included. Read it like a
/// `const nlohmann::json&`: `account.raw->at("future_field")`, `account.raw.get().dump()`, or
/// pass it where a `const nlohmann::json&` is taken. Copies are cheap: they share the document.
class RawJson {
 public:
  /// Null, as an object that was not decoded from JSON.
  RawJson() = default;
  /// Holds `value` itself.
  RawJson(nlohmann::json value)  // NOLINT(google-explicit-constructor): reads as the JSON it holds
      : source_(std::make_shared<const detail::JsonDocumentSource>(std::move(value))) {}
  /// The value at `pointer` (RFC 6901) within a shared response document.
  RawJson(std::shared_ptr<const detail::JsonDocumentSource> source, std::string pointer)
      : source_(std::move(source)), pointer_(std::move(pointer)) {}

  /// Replaces what it holds by `value`.
  RawJson& operator=(nlohmann::json value) { return *this = RawJson(std::move(value)); }

  /// The JSON; the response it points into is parsed the first time any of its objects asks.
  const nlohmann::json& get() const {
    static const nlohmann::json null_value;
    if (!source_) return null_value;
    const nlohmann::json& document = source_->document();
    if (pointer_.empty()) return document;
    const nlohmann::json::json_pointer pointer(pointer_);
    return document.contains(pointer) ? document.at(pointer) : null_value;
  }
  /// Same as get().
  operator const nlohmann::json&() const { return get(); }  // NOLINT(google-explicit-constructor)
  /// Member access on the JSON: `raw->at("id")`.
  const nlohmann::json* operator->() const { return &get(); }
  /// Same as get().
  const nlohmann::json& operator*() const { return get(); }

  /// True when it holds JSON equal to `b`.
  friend bool operator==(const RawJson& a, const nlohmann::json& b) { return a.get() == b; }
  /// True when `a` equals the JSON `b` holds.
  friend bool operator==(const nlohmann::json& a, const RawJson& b) { return a == b.get(); }
  /// True when both hold equal JSON.
  friend bool operator==(const RawJson& a, const RawJson& b) { return a.get() == b.get(); }
  /// True when it holds JSON other than `b`.
  friend bool operator!=(const RawJson& a, const nlohmann::json& b) { return !(a == b); }
  /// True when `a` differs from the JSON `b` holds.
  friend bool operator!=(const nlohmann::json& a, const RawJson& b) { return !(a == b); }
  /// True when they hold different JSON.
  friend bool operator!=(const RawJson& a, const RawJson& b) { return !(a == b); }
  /// Writes the JSON, as `os << json` does.
  friend std::ostream& operator<<(std::ostream& os, const RawJson& raw) { return os << raw.get(); }

 private:
  std::shared_ptr<const detail::JsonDocumentSource> source_;
  std::string pointer_;
};

}  // namespace stripe
