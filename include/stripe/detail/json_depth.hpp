#pragma once
// A nesting limit checked before any JSON text is parsed: a hostile body of 100,000 nested
// arrays would otherwise reach code that recurses once per level (copies, decoders).
#include <cstddef>
#include <cstring>
#include <string_view>

namespace stripe::detail {

// Stripe objects nest well under 20 levels, expanded objects included.
inline constexpr std::size_t max_json_depth = 128;

// True when `text`, read as JSON, opens more than `limit` arrays and objects at once. Brackets
// inside strings do not count. Malformed text is left for the parser to reject. Every response
// body passes through here before it is parsed, so strings (most of a Stripe object's bytes)
// are skipped with memchr from quote to quote rather than byte by byte.
inline bool json_depth_exceeds(std::string_view text, std::size_t limit = max_json_depth) {
  std::size_t depth = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char c = *p++;
    if (c == '"') {
      for (;;) {  // to the closing quote: one after an odd run of backslashes is escaped
        const char* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (!quote) return false;  // unterminated string: the parser rejects it
        const char* run = quote;
        while (run > p && run[-1] == '\\') --run;
        p = quote + 1;
        if ((quote - run) % 2 == 0) break;
      }
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace stripe::detail
