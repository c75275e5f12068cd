// Every field and enum value of connect-schema.json is typed, or is on the generated allow-list
// of fields left to raw JSON (tests/data/raw_json_fields.json).
#include <catch2/catch.hpp>

#include <set>

#include "stripe/connect.hpp"
#include "support/fixtures.hpp"

namespace {

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type { using type = T; };
template <class T> struct is_map : std::false_type {};
template <class T> struct is_map<std::map<std::string, T>> : std::true_type { using type = T; };
template <class T> struct is_expandable : std::false_type {};
template <class T> struct is_expandable<stripe::Expandable<T>> : std::true_type {};
template <class T> struct unwrap { using type = T; };
template <class T> struct unwrap<std::optional<T>> { using type = T; };
template <class T> struct unwrap<stripe::Optional<T>> { using type = T; };
template <class T> struct unwrap<stripe::Clearable<T>> { using type = T; };

// What the C++ side types at each path: "object", "array", "map", "enum", "raw", "scalar".
struct Typed {
  std::map<std::string, std::string> kind;
  std::map<std::string, std::set<std::string>> enum_values;
};

struct Walker {
  Typed& out;
  std::string prefix;

  template <class F>
  void operator()(const char* name, F&) {
    visit<typename unwrap<F>::type>(prefix + name);
  }

  template <class T>
  void visit(const std::string& path) {
    using U = typename unwrap<T>::type;
    if constexpr (is_vector<U>::value) {
      out.kind[path] = "array";
      visit<typename is_vector<U>::type>(path + "[]");
    } else if constexpr (is_map<U>::value) {
      out.kind[path] = "map";
      visit<typename is_map<U>::type>(path + "{}");
    } else if constexpr (std::is_same_v<U, nlohmann::json>) {
      out.kind[path] = "raw";
    } else if constexpr (is_expandable<U>::value) {
      out.kind[path] = "expandable";
    } else if constexpr (stripe::detail::is_open_enum<U>::value) {
      out.kind[path] = "enum";
      for (auto v : U::known_values) out.enum_values[path].insert(std::string(v));
    } else if constexpr (stripe::detail::is_model<U>::value) {
      out.kind[path] = "object";
      U instance{};
      Walker child{out, path.empty() ? std::string() : path + "."};
      U::describe(instance, child);
    } else {
      out.kind[path] = "scalar";
    }
  }
};

template <class T>
Typed typed_paths() {
  Typed t;
  Walker w{t, ""};
  w.visit<T>("");
  return t;
}

struct SchemaNode {
  std::string path;
  nlohmann::json node;
};

void schema_paths(const nlohmann::json& props, const std::string& prefix, std::vector<SchemaNode>& out) {
  for (const auto& p : props) {
    std::string path = prefix + p.at("name").get<std::string>();
    if (p.at("kind") == "function") continue;
    out.push_back({path, p});
    auto walk_node = [&](const nlohmann::json& n, const std::string& at) {
      if (n.value("kind", "") == "object" && n.contains("properties")) schema_paths(n["properties"], at + ".", out);
    };
    if (p.at("kind") == "object" && p.contains("properties")) schema_paths(p["properties"], path + ".", out);
    if (p.at("kind") == "array" && p.contains("items")) {
      out.push_back({path + "[]", p["items"]});
      walk_node(p["items"], path + "[]");
    }
    if (p.at("kind") == "map" && p.contains("valueType")) {
      out.push_back({path + "{}", p["valueType"]});
      walk_node(p["valueType"], path + "{}");
    }
  }
}

const nlohmann::json& schema() {
  static const nlohmann::json s =
      nlohmann::json::parse(test_support::read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/../../spec/connect-schema.json"));
  return s;
}

const nlohmann::json& allow_list() {
  static const nlohmann::json a =
      nlohmann::json::parse(test_support::read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/raw_json_fields.json"));
  return a;
}

template <class T>
void check_conformance(const std::string& type_name) {
  INFO("schema type " << type_name);
  Typed typed = typed_paths<T>();
  std::set<std::string> allowed;
  for (const auto& p : allow_list().at(type_name)) {
    std::string s = p.get<std::string>();
    if (s.find("(object forms)") == std::string::npos) allowed.insert(s);
  }
  // The allow-list is exactly what the types leave raw.
  std::set<std::string> raw_typed;
  for (const auto& [path, kind] : typed.kind)
    if (kind == "raw") raw_typed.insert(path);
  CHECK(raw_typed == allowed);

  std::vector<SchemaNode> nodes;
  schema_paths(schema().at("types").at(type_name).at("properties"), "", nodes);
  std::size_t checked = 0, raw_covered = 0;
  for (const auto& n : nodes) {
    // Covered by a raw ancestor on the allow-list?
    bool under_raw = false;
    for (const auto& a : allowed)
      if (n.path.size() > a.size() && n.path.compare(0, a.size(), a) == 0 &&
          (n.path[a.size()] == '.' || n.path[a.size()] == '['))
        under_raw = true;
    if (under_raw) {
      ++raw_covered;
      continue;
    }
    std::string path = n.path;
    auto it = typed.kind.find(path);
    if (it == typed.kind.end()) {
      // A fixed set of named children typed as a map (v1 Account.capabilities).
      auto dot = path.rfind('.');
      if (dot != std::string::npos && typed.kind.count(path.substr(0, dot)) &&
          typed.kind.at(path.substr(0, dot)) == "map") {
        path = path.substr(0, dot) + "{}";
        it = typed.kind.find(path);
      }
    }
    INFO("schema path " << n.path);
    REQUIRE(it != typed.kind.end());
    ++checked;
    if (n.node.value("kind", "") == "enum") {
      REQUIRE(it->second == "enum");
      for (const auto& v : n.node.at("values")) CHECK(typed.enum_values[path].count(v.get<std::string>()) == 1);
    }
  }
  CHECK(checked + raw_covered == nodes.size());
}

}  // namespace

TEST_CASE("schema conformance: v1 objects") {
  check_conformance<stripe::v1::Account>("Stripe.Account");
  check_conformance<stripe::v1::DeletedAccount>("Stripe.DeletedAccount");
  check_conformance<stripe::v1::AccountLink>("Stripe.AccountLink");
  check_conformance<stripe::v1::Capability>("Stripe.Capability");
}

TEST_CASE("schema conformance: v1 params") {
  check_conformance<stripe::v1::AccountCreateParams>("Stripe.AccountCreateParams");
  check_conformance<stripe::v1::AccountUpdateParams>("Stripe.AccountUpdateParams");
  check_conformance<stripe::v1::AccountRetrieveParams>("Stripe.AccountRetrieveParams");
  check_conformance<stripe::v1::AccountListParams>("Stripe.AccountListParams");
  check_conformance<stripe::v1::AccountDeleteParams>("Stripe.AccountDeleteParams");
  check_conformance<stripe::v1::AccountRejectParams>("Stripe.AccountRejectParams");
  check_conformance<stripe::v1::AccountLinkCreateParams>("Stripe.AccountLinkCreateParams");
  check_conformance<stripe::v1::CapabilityUpdateParams>("Stripe.AccountUpdateCapabilityParams");
  check_conformance<stripe::v1::CapabilityRetrieveParams>("Stripe.AccountRetrieveCapabilityParams");
  check_conformance<stripe::v1::CapabilityListParams>("Stripe.AccountListCapabilitiesParams");
}

TEST_CASE("schema conformance: v2 core objects and params") {
  check_conformance<stripe::v2::core::Account>("Stripe.V2.Core.Account");
  check_conformance<stripe::v2::core::AccountLink>("Stripe.V2.Core.AccountLink");
  check_conformance<stripe::v2::core::AccountCreateParams>("Stripe.V2.Core.AccountCreateParams");
  check_conformance<stripe::v2::core::AccountUpdateParams>("Stripe.V2.Core.AccountUpdateParams");
  check_conformance<stripe::v2::core::AccountRetrieveParams>("Stripe.V2.Core.AccountRetrieveParams");
  check_conformance<stripe::v2::core::AccountListParams>("Stripe.V2.Core.AccountListParams");
  check_conformance<stripe::v2::core::AccountCloseParams>("Stripe.V2.Core.AccountCloseParams");
  check_conformance<stripe::v2::core::AccountLinkCreateParams>("Stripe.V2.Core.AccountLinkCreateParams");
}
