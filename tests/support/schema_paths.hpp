#pragma once
// Checks that every key of a JSON document is a field of a schema type in spec/connect-schema.json.
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/fixtures.hpp"

namespace test_support {

inline const nlohmann::json& connect_schema() {
  static const nlohmann::json s =
      nlohmann::json::parse(read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/../../spec/connect-schema.json"));
  return s;
}

// Returns the key paths of `doc` that the schema type does not declare ("" when all are known).
inline std::string unknown_fields(const nlohmann::json& doc, const std::string& type_name) {
  std::string unknown;
  std::function<void(const nlohmann::json&, const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json& value, const nlohmann::json& node, const std::string& path) {
        const std::string kind = node.value("kind", "");
        if (node.value("truncated", false) || kind == "unknown" || kind == "union" || kind == "expandable") return;
        if (kind == "object" && value.is_object()) {
          for (auto it = value.begin(); it != value.end(); ++it) {
            const nlohmann::json* child = nullptr;
            for (const auto& p : node.at("properties"))
              if (p.at("name") == it.key()) child = &p;
            if (!child) unknown += path + it.key() + " ";
            else walk(it.value(), *child, path + it.key() + ".");
          }
        } else if (kind == "array" && value.is_array()) {
          for (const auto& item : value) walk(item, node.at("items"), path);
        } else if (kind == "map" && value.is_object()) {
          for (auto it = value.begin(); it != value.end(); ++it) walk(it.value(), node.at("valueType"), path);
        }
      };
  nlohmann::json root = connect_schema().at("types").at(type_name);
  root["kind"] = "object";
  walk(doc, root, "");
  return unknown;
}

}  // namespace test_support
