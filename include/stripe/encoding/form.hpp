#pragma once
/// \file
/// v1 wire encoding: application/x-www-form-urlencoded with bracketed keys, and its inverse.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/detail/hex.hpp"
#include "stripe/errors.hpp"

namespace stripe {

namespace detail {

inline bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

inline void append_percent_encoded(std::string& out, std::string_view in, bool keep_brackets) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : in) {
    auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c) || (keep_brackets && (c == '[' || c == ']'))) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0x0F]);
    }
  }
}

// Walks params as the v1 wire flattens them: nested objects as a[b][c], arrays indexed a[0],
// null as "" (unset), booleans true/false, numbers in decimal. emit(key, text) per leaf.
template <class Json, class Emit>
void form_flatten(const std::string& key, const Json& value, Emit& emit) {
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      for (auto it = value.begin(); it != value.end(); ++it) {
        std::string child = key.empty() ? it.key() : key + "[" + it.key() + "]";
        form_flatten(child, it.value(), emit);
      }
      break;
    case nlohmann::json::value_t::array: {
      std::size_t i = 0;
      for (const auto& item : value) form_flatten(key + "[" + std::to_string(i++) + "]", item, emit);
      break;
    }
    case nlohmann::json::value_t::null: emit(key, std::string_view()); break;  // "key=" unsets the field
    case nlohmann::json::value_t::string: emit(key, std::string_view(value.template get_ref<const std::string&>())); break;
    case nlohmann::json::value_t::boolean: emit(key, std::string_view(value.template get<bool>() ? "true" : "false")); break;
    default: emit(key, std::string_view(value.dump())); break;  // numbers in decimal
  }
}

template <class Json>
void form_encode_into(std::string& out, const std::string& key, const Json& value) {
  auto emit = [&out](const std::string& name, std::string_view text) {
    if (!out.empty()) out.push_back('&');
    append_percent_encoded(out, name, true);
    out.push_back('=');
    append_percent_encoded(out, text, true);  // stripe-node leaves brackets literal in values too
  };
  form_flatten(key, value, emit);
}

}  // namespace detail

/// Percent-encodes one path segment or query value (RFC 3986 unreserved characters stay
/// literal), so ids and values cannot change the URL's structure.
inline std::string percent_encode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  detail::append_percent_encoded(out, in, false);
  return out;
}

/// Decodes %XX escapes and '+' as a space. Throws InvalidParamsError on a malformed escape.
inline std::string percent_decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out.push_back(' ');
    } else if (in[i] == '%') {
      int hi = i + 2 < in.size() ? detail::hex_value(in[i + 1]) : -1;
      int lo = i + 2 < in.size() ? detail::hex_value(in[i + 2]) : -1;
      if (hi < 0 || lo < 0) throw InvalidParamsError(detail::message_only("malformed percent escape in form data"));
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

/// Encodes a JSON object as Stripe's v1 form body: nested objects as a[b][c]=v, arrays indexed
/// a[0]=x, null and "" as key= (unset), booleans true/false. Keys keep the object's own order, so
/// pass an nlohmann::ordered_json to keep declaration order.
template <class Json>
std::string form_encode(const Json& params) {
  std::string out;
  if (params.is_null()) return out;
  if (!params.is_object()) throw InvalidParamsError(detail::message_only("form parameters must be a JSON object"));
  detail::form_encode_into(out, std::string(), params);
  return out;
}

/// Splits a form body into decoded (key, value) pairs in wire order.
inline std::vector<std::pair<std::string, std::string>> form_pairs(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t start = 0;
  while (start <= body.size() && !body.empty()) {
    std::size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view part = body.substr(start, end - start);
    if (!part.empty()) {
      std::size_t eq = part.find('=');
      std::string_view k = part.substr(0, eq);
      std::string_view v = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
      pairs.emplace_back(percent_decode(k), percent_decode(v));
    }
    start = end + 1;
  }
  return pairs;
}

/// Inverse of form_encode: rebuilds nested objects from bracketed keys. Objects whose keys are
/// exactly 0..n-1 become arrays. Values stay strings ("key=" becomes ""): the form has no types.
inline nlohmann::ordered_json form_decode(std::string_view body) {
  nlohmann::ordered_json root = nlohmann::ordered_json::object();
  for (auto& [key, value] : form_pairs(body)) {
    std::vector<std::string> path;
    std::size_t open = key.find('[');
    path.push_back(key.substr(0, open));
    while (open != std::string::npos) {
      std::size_t close = key.find(']', open);
      if (close == std::string::npos) throw InvalidParamsError(detail::message_only("unbalanced brackets in form key"));
      path.push_back(key.substr(open + 1, close - open - 1));
      open = key.find('[', close);
      if (open != std::string::npos && open != close + 1)
        throw InvalidParamsError(detail::message_only("unexpected characters between brackets in form key"));
    }
    nlohmann::ordered_json* node = &root;
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (!node->is_object()) throw InvalidParamsError(detail::message_only("form key used both as a value and as an object"));
      nlohmann::ordered_json& child = (*node)[path[i]];
      if (i + 1 == path.size()) {
        if (!child.is_null()) throw InvalidParamsError(detail::message_only("form key given twice"));
        child = value;
      } else {
        if (child.is_null()) child = nlohmann::ordered_json::object();
        node = &child;
      }
    }
  }
  // Turn objects keyed 0..n-1 into arrays, bottom up.
  struct Fix {
    static void run(nlohmann::ordered_json& j) {
      if (!j.is_object()) return;
      for (auto& item : j.items()) run(item.value());
      if (j.empty()) return;
      std::size_t i = 0;
      for (auto it = j.begin(); it != j.end(); ++it, ++i)
        if (it.key() != std::to_string(i)) return;
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (auto& item : j.items()) arr.push_back(std::move(item.value()));
      j = std::move(arr);
    }
  };
  Fix::run(root);
  return root;
}

}  // namespace stripe
