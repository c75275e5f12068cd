#pragma once
// A nesting limit checked before any JSON text is parsed: a hostile body of 100,000 nested
// arrays would otherwise reach code that recurses once per level (copies, decoders).
#include <cstddef>
#include <string_view>

namespace stripe::detail {

// Stripe objects nest well under 20 levels, expanded objects included.
inline constexpr std::size_t max_json_depth = 128;

// True when `text`, read as JSON, opens more than `limit` arrays and objects at once. Brackets
// inside strings do not count. Malformed text is left for the parser to reject.
inline bool json_depth_exceeds(std::string_view text, std::size_t limit = max_json_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace stripe::detail
