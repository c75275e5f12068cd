#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace test_support {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string fixture_text(const std::string& name) {
  return read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/fixtures/" + name);
}

inline nlohmann::json fixture(const std::string& name) { return nlohmann::json::parse(fixture_text(name)); }

}  // namespace test_support
