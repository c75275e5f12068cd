#pragma once
// Reading JSON text the SDK did not write: bounded nesting, typed errors, no library exceptions.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_depth.hpp"
#include "stripe/errors.hpp"

namespace stripe::detail {

// The string at `key`, or "" when it is absent or not a string (json::value would throw).
inline std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// Parses `text`, or returns a discarded value when it is not JSON. Throws DecodeError (naming
// `what`) when it nests deeper than max_json_depth. Never throws a JSON library exception.
inline nlohmann::json parse_untrusted(std::string_view text, const char* what = "the response") {
  if (json_depth_exceeds(text))
    throw DecodeError(message_only(std::string(what) + " nests JSON deeper than " + std::to_string(max_json_depth) +
                                   " levels; refusing to decode it"));
  return nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
}

// The first `n` bytes of `body`, control and non-ASCII bytes shown as '?', for error messages.
inline std::string printable_prefix(std::string_view body, std::size_t n) {
  std::string out;
  for (char c : body.substr(0, n)) out.push_back((c >= 0x20 && c < 0x7f) ? c : '?');
  return out;
}

}  // namespace stripe::detail
