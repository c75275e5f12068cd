// form_encode on arbitrary JSON objects: the output, split back into pairs and percent-decoded,
// gives exactly the key/value pairs the wire contract prescribes, in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "stripe/encoding/form.hpp"

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// The expected pairs, written from the rules rather than from the encoder.
void flatten(const std::string& key, const nlohmann::json& v, Pairs& out) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) flatten(key.empty() ? it.key() : key + "[" + it.key() + "]", it.value(), out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) flatten(key + "[" + std::to_string(i) + "]", v[i], out);
  } else if (v.is_null()) {
    out.emplace_back(key, "");
  } else if (v.is_string()) {
    out.emplace_back(key, v.get<std::string>());
  } else if (v.is_boolean()) {
    out.emplace_back(key, v.get<bool>() ? "true" : "false");
  } else {
    out.emplace_back(key, v.dump());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return 0;
  Pairs expected;
  flatten("", j, expected);
  std::string body = stripe::form_encode(j);
  Pairs got = stripe::form_pairs(body);
  if (got != expected) std::abort();
  // Only unreserved characters, brackets, '%', '=' and '&' reach the wire.
  for (char c : body) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || std::string("-._~[]%=&").find(c) != std::string::npos;
    if (!ok) std::abort();
  }
  return 0;
}
