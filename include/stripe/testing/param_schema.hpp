#pragma once
// The shape of a params struct as a tree of known keys and enum values, built from its
// `describe`, so the simulator rejects unknown parameters and invalid enum values the way the
// API does without a second copy of the schema.
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

#include "stripe/encoding/model.hpp"

namespace stripe::testing {

/// Shape of one request parameter, as the simulator checks it against the API spec.
struct ParamNode {
  /// The kinds of parameter the spec describes.
  enum class Kind {
    scalar,       ///< a string or any other single value
    boolean,      ///< true or false
    integer,      ///< a whole number
    enumeration,  ///< one of enum_values
    object,       ///< a params struct: keys in children
    array,        ///< a list: items shaped like element
    map,          ///< free-form keys (metadata): values shaped like element
    raw,          ///< raw JSON, not checked
    one_of        ///< any of alternatives (a token or a hash, a timestamp or "now")
  } kind = Kind::scalar;  ///< what values the parameter takes
  std::set<std::string> enum_values;  ///< allowed values when kind is enumeration
  std::map<std::string, std::shared_ptr<ParamNode>> children;  ///< object members
  std::shared_ptr<ParamNode> element;                          ///< array items, map values
  std::vector<std::shared_ptr<ParamNode>> alternatives;        ///< the forms a one_of takes
};

namespace detail {

template <class T> struct param_unwrap { using type = T; };
template <class T> struct param_unwrap<std::optional<T>> { using type = T; };
template <class T> struct param_unwrap<Optional<T>> { using type = T; };
template <class T> struct param_unwrap<Clearable<T>> { using type = T; };
template <class T> struct param_vector : std::false_type {};
template <class T> struct param_vector<std::vector<T>> : std::true_type { using type = T; };
template <class T> struct param_map : std::false_type {};
template <class T> struct param_map<std::map<std::string, T>> : std::true_type { using type = T; };
template <class T> struct param_variant : std::false_type {};
template <class... T> struct param_variant<std::variant<T...>> : std::true_type {};

template <class T>
std::shared_ptr<ParamNode> param_node();

template <class... T>
void add_alternatives(ParamNode& n, std::variant<T...>*) {
  (n.alternatives.push_back(param_node<T>()), ...);
}

struct ParamTreeBuilder {
  ParamNode& node;
  template <class F>
  void operator()(const char* name, F&) {
    node.children[name] = param_node<typename param_unwrap<F>::type>();
  }
};

template <class T>
std::shared_ptr<ParamNode> param_node() {
  using U = typename param_unwrap<T>::type;
  auto n = std::make_shared<ParamNode>();
  if constexpr (param_vector<U>::value) {
    n->kind = ParamNode::Kind::array;
    n->element = param_node<typename param_vector<U>::type>();
  } else if constexpr (param_variant<U>::value) {
    n->kind = ParamNode::Kind::one_of;
    add_alternatives(*n, static_cast<U*>(nullptr));
  } else if constexpr (param_map<U>::value) {
    n->kind = ParamNode::Kind::map;
    n->element = param_node<typename param_map<U>::type>();
  } else if constexpr (stripe::detail::is_open_enum<U>::value) {
    n->kind = ParamNode::Kind::enumeration;
    for (auto v : U::known_values) n->enum_values.insert(std::string(v));
  } else if constexpr (stripe::detail::is_model<U>::value) {
    n->kind = ParamNode::Kind::object;
    U instance{};
    ParamTreeBuilder b{*n};
    U::describe(instance, b);
  } else if constexpr (std::is_same_v<U, bool>) {
    n->kind = ParamNode::Kind::boolean;
  } else if constexpr (std::is_same_v<U, std::int64_t>) {
    n->kind = ParamNode::Kind::integer;
  } else if constexpr (std::is_same_v<U, nlohmann::json>) {
    n->kind = ParamNode::Kind::raw;
  }
  return n;
}

}  // namespace detail

template <class Params>
const ParamNode& param_schema() {
  static const std::shared_ptr<ParamNode> root = detail::param_node<Params>();
  return *root;
}

/// What is wrong with a request's params, in the API's words.
struct ParamProblem {
  std::string code;     ///< parameter_unknown, parameter_invalid_..., or "" for enum errors
  std::string param;    ///< bracket form: individual[dob][day]
  std::string message;  ///< human-readable text, as the API words it
};

namespace detail {

inline std::string bracket(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "[" + key + "]";
}

// `form` says the values arrived as form strings (v1), so booleans and numbers are text.
template <class Json>
std::optional<ParamProblem> check_params(const ParamNode& node, const Json& value, const std::string& path, bool form) {
  using K = ParamNode::Kind;
  if (value.is_null() || (form && value.is_string() && value.template get<std::string>().empty()))
    return std::nullopt;  // unset
  switch (node.kind) {
    case K::object:
      if (!value.is_object())
        return ParamProblem{"parameter_invalid_string", path, "Invalid object: " + path + " must be an object"};
      for (auto it = value.begin(); it != value.end(); ++it) {
        auto child = node.children.find(it.key());
        std::string p = bracket(path, it.key());
        if (child == node.children.end())
          return ParamProblem{"parameter_unknown", p, "Received unknown parameter: " + p};
        if (auto problem = check_params(*child->second, it.value(), p, form)) return problem;
      }
      return std::nullopt;
    case K::array: {
      if (!value.is_array())
        return ParamProblem{"parameter_invalid_array", path, "Invalid array: " + path + " must be an array"};
      std::size_t i = 0;
      for (const auto& item : value)
        if (auto problem = check_params(*node.element, item, path + "[" + std::to_string(i++) + "]", form)) return problem;
      return std::nullopt;
    }
    case K::map:
      if (!value.is_object()) return ParamProblem{"parameter_invalid_string", path, "Invalid hash: " + path};
      return std::nullopt;
    case K::enumeration: {
      if (!value.is_string()) return ParamProblem{"", path, "Invalid " + path + ": must be a string"};
      std::string v = value.template get<std::string>();
      if (node.enum_values.count(v)) return std::nullopt;
      std::string allowed;
      for (const auto& e : node.enum_values) allowed += (allowed.empty() ? "" : ", ") + e;
      return ParamProblem{"", path, "Invalid " + path + ": must be one of " + allowed};
    }
    case K::boolean:
      if (value.is_boolean()) return std::nullopt;
      if (form && value.is_string() && (value == "true" || value == "false")) return std::nullopt;
      return ParamProblem{"parameter_invalid_boolean", path, "Invalid boolean: " + path};
    case K::integer:
      // A 64-bit integer, nothing else: the simulator converts what passes here without a check.
      if (value.is_number_unsigned())
        return value.template get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)
                   ? std::nullopt
                   : std::optional<ParamProblem>(ParamProblem{"parameter_invalid_integer", path, "Invalid integer: " + path});
      if (value.is_number_integer()) return std::nullopt;
      if (form && value.is_string()) {
        const std::string& s = value.template get_ref<const std::string&>();
        std::int64_t parsed = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
        if (ec == std::errc() && end == s.data() + s.size()) return std::nullopt;
      }
      return ParamProblem{"parameter_invalid_integer", path, "Invalid integer: " + path};
    case K::scalar:
      if (value.is_object() || value.is_array())
        return ParamProblem{"parameter_invalid_string", path, "Invalid string: " + path + " must be a string"};
      return std::nullopt;
    case K::raw: return std::nullopt;
    case K::one_of: {
      // Accepted by any form; otherwise the problem the form of the same JSON shape reports.
      std::optional<ParamProblem> first;
      for (const auto& alt : node.alternatives) {
        auto problem = check_params(*alt, value, path, form);
        if (!problem) return std::nullopt;
        bool same_shape = (alt->kind == K::object) == value.is_object();
        if (!first || same_shape) first = problem;
      }
      return first;
    }
  }
  return std::nullopt;
}

}  // namespace detail

template <class Params, class Json>
std::optional<ParamProblem> check_params(const Json& params, bool form) {
  return detail::check_params(param_schema<Params>(), params, "", form);
}

}  // namespace stripe::testing
