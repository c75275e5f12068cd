#pragma once
// A nesting limit checked before any JSON text is parsed: a hostile body of 100,000 nested
// arrays would otherwise reach code that recurses once per level (copies, decoders).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace stripe::detail {

// Stripe objects nest well under 20 levels, expanded objects included.
inline constexpr std::size_t max_json_depth = 128;

// Whether the text holds at most `limit` opening brackets, strings included: it then cannot nest
// deeper than `limit`. A Stripe object of a few kilobytes holds a few dozen, so most bodies are
// cleared here, eight bytes at a time, without the scan below.
inline bool few_opening_brackets(std::string_view text, std::size_t limit) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
  std::size_t count = 0, i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, text.data() + i, 8);
    const std::uint64_t t = (v | (ones * 0x20)) ^ (ones * '{');  // zero where '{' or '[' ('[' | 0x20 is '{')
    const std::uint64_t zero = ~(((t & low7) + low7) | t | low7);  // the high bit of each zero byte
    count += static_cast<std::size_t>(((zero >> 7) * ones) >> 56);  // how many: the bytes summed
    if (count > limit) return false;
  }
  for (; i < text.size(); ++i) count += (text[i] == '{' || text[i] == '[') ? 1u : 0u;
  return count <= limit;
}

// True when `text`, read as JSON, opens more than `limit` arrays and objects at once. Brackets
// inside strings do not count. Malformed text is left for the parser to reject. Every response
// body passes through here before it is parsed, so strings (most of a Stripe object's bytes)
// are skipped with memchr from quote to quote rather than byte by byte.
inline bool json_depth_exceeds(std::string_view text, std::size_t limit = max_json_depth) {
  if (few_opening_brackets(text, limit)) return false;
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
