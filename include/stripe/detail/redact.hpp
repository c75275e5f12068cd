#pragma once
// Keeps secrets out of messages: anything that looks like a Stripe secret is cut to its prefix.
#include <string>
#include <string_view>

namespace stripe::detail {

inline bool is_secret_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Replaces the body of sk_live_/sk_test_/rk_live_/rk_test_/whsec_ tokens with "***" (the prefix
// stays, to tell test from live), then any occurrence of `exact`, the key in use whatever its shape.
inline std::string redact(std::string text, std::string_view exact = {}) {
  static constexpr std::string_view prefixes[] = {"sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"};
  for (std::string_view prefix : prefixes) {
    for (std::size_t pos = text.find(prefix); pos != std::string::npos; pos = text.find(prefix, pos)) {
      std::size_t start = pos + prefix.size();
      std::size_t end = start;
      while (end < text.size() && is_secret_char(text[end])) ++end;
      if (end == start) {  // nothing secret follows (e.g. Stripe's own "sk_test_****1234")
        pos = start;
        continue;
      }
      text.replace(start, end - start, "***");
      pos = start + 3;
    }
  }
  if (exact.size() >= 8) {  // shorter strings are not keys and would mangle the text
    for (std::size_t pos = text.find(exact); pos != std::string::npos; pos = text.find(exact, pos))
      text.replace(pos, exact.size(), "***");
  }
  return text;
}

}  // namespace stripe::detail
