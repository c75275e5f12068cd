#pragma once
// Request paths that go where they say: ids become one percent-encoded segment, and no segment
// may be "." or "..", which HTTP stacks resolve away (accounts/. would become a create).
#include <string>
#include <string_view>

#include "stripe/encoding/form.hpp"
#include "stripe/errors.hpp"

namespace stripe::detail {

// True when `segment`, percent-decoded, is "." or "..".
inline bool is_dot_segment(std::string_view segment) {
  std::string decoded;
  for (std::size_t i = 0; i < segment.size() && decoded.size() < 3; ++i) {
    if (segment[i] == '%' && i + 2 < segment.size() && hex_value(segment[i + 1]) >= 0 && hex_value(segment[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(hex_value(segment[i + 1]) * 16 + hex_value(segment[i + 2])));
      i += 2;
    } else {
      decoded.push_back(segment[i]);
    }
  }
  return decoded == "." || decoded == "..";
}

// True when any segment of the path (the part before '?') is a dot segment.
inline bool has_dot_segment(std::string_view path) {
  path = path.substr(0, path.find('?'));
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (is_dot_segment(path.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

// `id` as one path segment. Refuses an empty id and ids that are, or decode to, "." or "..".
inline std::string path_segment(std::string_view id, const char* param) {
  if (id.empty() || is_dot_segment(id)) {
    ErrorDetails d;
    d.param = param;
    d.message = std::string(param) + (id.empty() ? " must not be empty" : " must not be \".\" or \"..\"");
    throw InvalidParamsError(std::move(d));
  }
  return percent_encode(id);
}

}  // namespace stripe::detail
