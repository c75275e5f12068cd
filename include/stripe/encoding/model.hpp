#pragma once
/// \file
/// Decoding and encoding of typed models. Each generated struct lists its fields once, in
/// `STRIPE_FIELDS((id)(object)...)` (stripe/encoding/fields.hpp), which defines
/// `template <class Self, class V> static void describe(Self& self, V& v) { v("id", self.id); ... }`;
/// the reader, the writer and the conformance tests all walk that one list.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/encoding/clearable.hpp"
#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/open_enum.hpp"
#include "stripe/encoding/optional.hpp"
#include "stripe/encoding/raw_json.hpp"
#include "stripe/errors.hpp"

namespace stripe {

/// A field that holds an id, or the whole object when the request expanded it (`expand[]`):
/// one type for both, so code reads the id the same way either way.
template <class T>
struct Expandable {
  std::string id;  ///< always set
  std::shared_ptr<const T> object;  ///< set only when expanded
  /// Whether the request expanded it, so `object` can be read.
  bool is_expanded() const noexcept { return object != nullptr; }
};

namespace detail {

struct NoopVisitor {
  template <class F>
  void operator()(const char*, F&) {}
};

template <class T, class = void>
struct is_model : std::false_type {};
template <class T>
struct is_model<T, std::void_t<decltype(T::describe(std::declval<T&>(), std::declval<NoopVisitor&>()))>>
    : std::true_type {};

template <class T>
using is_open_enum = std::is_base_of<OpenEnum<T>, T>;

template <class T>
struct is_clearable : std::false_type {};
template <class T>
struct is_clearable<Clearable<T>> : std::true_type {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_optional<Optional<T>> : std::true_type {};

template <class T>
struct is_variant : std::false_type {};
template <class... T>
struct is_variant<std::variant<T...>> : std::true_type {};

template <class T, class = void>
struct has_raw : std::false_type {};
template <class T>
struct has_raw<T, std::void_t<decltype(std::declval<T&>().raw)>> : std::true_type {};

// Where in the document a value sits; turned into text only when decoding fails.
struct JsonPath {
  const JsonPath* parent = nullptr;
  const char* name = nullptr;
  std::size_t index = 0;

  std::string str() const {
    std::string s = text();
    return s.empty() ? "(root)" : s;
  }
  std::string text() const {
    std::string s = parent ? parent->text() : std::string();
    if (name) s += (s.empty() ? "" : ".") + std::string(name);
    else if (parent) s += "[" + std::to_string(index) + "]";
    return s;
  }
};

// A model that picks its shape from the document (an external account is a bank account or a
// card, by `object`) decodes itself: static void decode_json(const json&, T&, const JsonPath&).
// Declare it as a template over the document type: an ordinary inline function is compiled in
// every file that includes it, with every model decoder it reaches.
template <class T, class = void>
struct has_decode_json : std::false_type {};
template <class T>
struct has_decode_json<T, std::void_t<decltype(T::decode_json(std::declval<const nlohmann::json&>(), std::declval<T&>(),
                                                             std::declval<const JsonPath&>()))>>
    : std::true_type {};

[[noreturn]] inline void decode_fail(const JsonPath& path, const char* expected, const char* got_type) {
  throw DecodeError(message_only("cannot decode " + path.str() + ": expected " + expected + ", got " + got_type));
}
[[noreturn]] inline void decode_fail(const JsonPath& path, const char* expected, const nlohmann::json& got) {
  decode_fail(path, expected, got.type_name());
}

// A JSON number held as a double, for an int64 field: what it fails to be, or nullptr with `out`
// set. Range first: converting an out-of-range double is undefined (found by fuzz_decode).
inline const char* int64_from_double(double d, std::int64_t& out) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return "a 64-bit integer";
  const auto i = static_cast<std::int64_t>(d);
  if (static_cast<double>(i) != d) return "an integer";
  out = i;
  return nullptr;
}

template <class T>
void read_value(const nlohmann::json& j, T& out, const JsonPath& path);
template <class T>
void read_container(const nlohmann::json& j, std::vector<T>& out, const JsonPath& path);
template <class T>
void read_container(const nlohmann::json& j, std::map<std::string, T>& out, const JsonPath& path);
template <class T>
void read_container(const nlohmann::json& j, Expandable<T>& out, const JsonPath& path);

struct JsonReader {
  const nlohmann::json& object;
  const JsonPath& path;
  template <class F>
  void operator()(const char* name, F& field) {
    auto it = object.find(name);
    if (it == object.end()) return;
    JsonPath child{&path, name, 0};
    read_value(*it, field, child);
    // A field holding a whole top-level model (a token's bank_account) keeps its raw JSON, as
    // list items and expanded objects do.
    if constexpr (is_optional<F>::value) {
      if constexpr (has_raw<typename F::value_type>::value)
        if (field) field->raw = *it;
    } else if constexpr (has_raw<F>::value) {
      field.raw = *it;
    }
  }
};

template <class T>
void read_value(const nlohmann::json& j, T& out, const JsonPath& path) {
  using nlohmann::json;
  if constexpr (is_optional<T>::value) {
    if (j.is_null()) { out.reset(); return; }
    if (!out) out.emplace();
    read_value(j, *out, path);
  } else if (j.is_null()) {
    return;  // null where the schema promises a value: keep the default rather than fail
  } else if constexpr (std::is_same_v<T, json>) {
    out = j;
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) decode_fail(path, "a string", j);
    out = j.get_ref<const std::string&>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) decode_fail(path, "a boolean", j);
    out = j.get<bool>();
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    if (j.is_number_unsigned()) {
      auto u = j.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(INT64_MAX)) decode_fail(path, "a 64-bit integer", j);
      out = static_cast<std::int64_t>(u);
    } else if (j.is_number_integer()) {
      out = j.get<std::int64_t>();
    } else if (j.is_number_float()) {
      if (const char* not_a = int64_from_double(j.get<double>(), out)) decode_fail(path, not_a, j);
    } else {
      decode_fail(path, "an integer", j);
    }
  } else if constexpr (std::is_same_v<T, double>) {
    if (!j.is_number()) decode_fail(path, "a number", j);
    out = j.get<double>();
  } else if constexpr (is_open_enum<T>::value) {
    if (!j.is_string()) decode_fail(path, "an enum string", j);
    out = T(std::string(j.get_ref<const std::string&>()));
  } else if constexpr (has_decode_json<T>::value) {
    if (!j.is_object()) decode_fail(path, "an object", j);
    T::decode_json(j, out, path);
  } else if constexpr (is_model<T>::value) {
    if (!j.is_object()) decode_fail(path, "an object", j);
    JsonReader reader{j, path};
    T::describe(out, reader);
  } else {
    read_container(j, out, path);
  }
}

template <class T>
void read_container(const nlohmann::json& j, std::vector<T>& out, const JsonPath& path) {
  if (!j.is_array()) decode_fail(path, "an array", j);
  out.clear();
  out.resize(j.size());
  std::size_t i = 0;
  for (const auto& item : j) {
    JsonPath child{&path, nullptr, i};
    read_value(item, out[i], child);
    if constexpr (has_raw<T>::value) out[i].raw = item;  // list items keep their own raw JSON
    ++i;
  }
}

template <class T>
void read_container(const nlohmann::json& j, std::map<std::string, T>& out, const JsonPath& path) {
  if (!j.is_object()) decode_fail(path, "an object", j);
  out.clear();
  for (auto it = j.begin(); it != j.end(); ++it) {
    JsonPath child{&path, it.key().c_str(), 0};
    read_value(it.value(), out[it.key()], child);
  }
}

template <class T>
void read_container(const nlohmann::json& j, Expandable<T>& out, const JsonPath& path) {
  if (j.is_string()) {
    out.id = j.get<std::string>();
    out.object.reset();
  } else if (j.is_object()) {
    auto obj = std::make_shared<T>();
    read_value(j, *obj, path);
    if constexpr (has_raw<T>::value) obj->raw = j;
    auto id = j.find("id");
    out.id = (id != j.end() && id->is_string()) ? id->template get<std::string>() : std::string();
    out.object = std::move(obj);
  } else {
    decode_fail(path, "an id or an object", j);
  }
}

// ---- encoding ----

template <class Json, class T>
Json write_value(const T& value);
template <class Json, class T>
Json write_container(const T& value);
template <class Json, class T>
Json write_container(const std::vector<T>& value);
template <class Json, class T>
Json write_container(const std::map<std::string, T>& value);
template <class Json, class T>
Json write_container(const Expandable<T>& value);

template <class Json>
struct JsonWriter {
  Json& out;
  template <class F>
  void operator()(const char* name, const F& field) {
    if constexpr (is_optional<F>::value) {
      if (field) out[name] = write_value<Json>(*field);
    } else if constexpr (is_clearable<F>::value) {
      if (field.is_cleared()) out[name] = nullptr;
      else if (field.is_set()) out[name] = write_value<Json>(field.value());
    } else {
      out[name] = write_value<Json>(field);
    }
  }
};

template <class Json, class T>
Json write_value(const T& value) {
  if constexpr (std::is_same_v<T, nlohmann::json> || std::is_same_v<T, nlohmann::ordered_json>) {
    return Json(value);
  } else if constexpr (is_open_enum<T>::value) {
    return Json(value.value());
  } else if constexpr (is_model<T>::value) {
    Json out = Json::object();
    JsonWriter<Json> writer{out};
    T::describe(value, writer);
    return out;
  } else if constexpr (is_optional<T>::value) {
    return value ? write_value<Json>(*value) : Json(nullptr);
  } else if constexpr (is_variant<T>::value) {
    // A params union (a token or a hash): the form that is set, encoded as itself.
    return std::visit([](const auto& form) { return write_value<Json>(form); }, value);
  } else {
    return write_container<Json>(value);
  }
}

template <class Json, class T>
Json write_container(const T& value) {
  return Json(value);  // string, bool, numbers
}
template <class Json, class T>
Json write_container(const std::vector<T>& value) {
  Json out = Json::array();
  for (const auto& item : value) out.push_back(write_value<Json>(item));
  return out;
}
template <class Json, class T>
Json write_container(const std::map<std::string, T>& value) {
  Json out = Json::object();
  for (const auto& [k, v] : value) {
    if constexpr (is_optional<T>::value) out[k] = v ? write_value<Json>(*v) : Json(nullptr);
    else out[k] = write_value<Json>(v);
  }
  return out;
}
template <class Json, class T>
Json write_container(const Expandable<T>& value) {
  return value.object ? write_value<Json>(*value.object) : Json(value.id);
}

// Deep merge: objects merge key by key, anything else in `extra` replaces what is there.
template <class Json, class Other>
void merge_into(Json& target, const Other& extra) {
  if (!extra.is_object()) return;
  if (!target.is_object()) target = Json::object();
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (it.value().is_object() && target.contains(it.key()) && target[it.key()].is_object())
      merge_into(target[it.key()], it.value());
    else
      target[it.key()] = Json(it.value());
  }
}

}  // namespace detail

/// Decodes a JSON document into a typed model. Unknown fields are ignored (and kept in `raw`
/// where the model has one); a value of the wrong JSON type raises DecodeError naming its path.
template <class T>
T decode(const nlohmann::json& j) {
  T out{};
  detail::JsonPath root;
  detail::read_value(j, out, root);
  if constexpr (detail::has_raw<T>::value) out.raw = j;
  return out;
}

/// Same, but moves the document into `raw` instead of copying it.
template <class T>
T decode(nlohmann::json&& j) {
  T out{};
  detail::JsonPath root;
  detail::read_value(j, out, root);
  if constexpr (detail::has_raw<T>::value) out.raw = std::move(j);
  return out;
}

/// Encodes a typed model (or params struct) to JSON. Absent optionals are omitted, cleared
/// Clearables become null. Use nlohmann::ordered_json to keep declaration order.
template <class Json = nlohmann::json, class T>
Json encode(const T& value) {
  return detail::write_value<Json>(value);
}

/// Encodes a params struct and merges its `extra_params` (fields the SDK has not typed yet).
template <class P>
nlohmann::ordered_json encode_params(const P& params) {
  auto out = encode<nlohmann::ordered_json>(params);
  detail::merge_into(out, params.extra_params);
  return out;
}

}  // namespace stripe
