#pragma once
// Checks on text the client puts on the wire: header syntax (RFC 9110), UTF-8, digits.
#include <cstddef>
#include <string>
#include <string_view>

namespace stripe::detail {

// Non-empty and ASCII digits only (a bank account number, a ZIP code, a year).
inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// tchar of RFC 9110 section 5.6.2: what a header name may consist of.
inline bool is_token_char(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

inline bool is_header_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!is_token_char(static_cast<unsigned char>(c))) return false;
  return true;
}

// A field value may hold visible characters, spaces, tabs and obs-text; never CR, LF, NUL or
// another control character, which would end the header or split the request.
inline bool is_header_value(std::string_view value) {
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  }
  return true;
}

// Offset of the first byte that does not start a well-formed UTF-8 sequence, or npos.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
inline std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (cc < lo || cc > hi) : (cc < 0x80 || cc > 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

inline bool is_utf8(std::string_view s) { return invalid_utf8_at(s) == std::string_view::npos; }

// Why `value` cannot be sent as a header value (to follow the option's name), or null if it can.
inline const char* header_value_problem(std::string_view value) {
  if (!is_header_value(value)) return "contains a control character (CR, LF, NUL, ...) and cannot be sent in a header";
  if (!is_utf8(value)) return "is not valid UTF-8";
  return nullptr;
}

}  // namespace stripe::detail
