#pragma once
// Keeps secrets out of every outward channel (what(), error details, hooks, logs): Stripe keys
// and webhook secrets are cut to their prefix, client secrets and onboarding link URLs lose
// their token, and the key in use is masked in any form a server could echo it in.
#include <cstddef>
#include <string>
#include <string_view>

#include "stripe/detail/hex.hpp"

namespace stripe::detail {

inline bool is_secret_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

namespace redaction {

inline constexpr std::string_view key_prefixes[] = {"sk_live_", "sk_test_", "rk_live_", "rk_test_"};

// Reads one character of `text` at `pos` as a server might have escaped it: literally, as %XX,
// or as a JSON \u00XX escape. Returns the number of bytes used (0 at the end).
inline std::size_t read_unit(std::string_view text, std::size_t pos, char& out) {
  if (pos >= text.size()) return 0;
  if (text[pos] == '%' && pos + 2 < text.size()) {
    int hi = hex_value(text[pos + 1]), lo = hex_value(text[pos + 2]);
    if (hi >= 0 && lo >= 0) {
      out = static_cast<char>(hi * 16 + lo);
      return 3;
    }
  }
  if (text[pos] == '\\' && pos + 5 < text.size() && text[pos + 1] == 'u') {
    int v = 0;
    for (std::size_t i = 2; i < 6; ++i) {
      int h = hex_value(text[pos + i]);
      if (h < 0) { v = -1; break; }
      v = v * 16 + h;
    }
    if (v >= 0 && v < 0x80) {
      out = static_cast<char>(v);
      return 6;
    }
  }
  out = text[pos];
  return 1;
}

// Masks every occurrence of `needle`, literal or escaped character by character.
inline void mask_encoded(std::string& text, std::string_view needle) {
  if (needle.empty()) return;
  for (std::size_t start = 0; start < text.size();) {
    const char first = text[start];
    if (first != needle[0] && first != '%' && first != '\\') {  // no match starts here, escaped or not
      ++start;
      continue;
    }
    std::size_t pos = start, matched = 0;
    char c = 0;
    while (matched < needle.size()) {
      std::size_t used = read_unit(text, pos, c);
      if (used == 0 || c != needle[matched]) break;
      pos += used;
      ++matched;
    }
    if (matched == needle.size()) {
      text.replace(start, pos - start, "***");
      start += 3;
    } else {
      ++start;
    }
  }
}

// Replaces the run of secret characters after each `marker` with "***"; `marker` stays.
inline void mask_after(std::string& text, std::string_view marker) {
  for (std::size_t pos = text.find(marker); pos != std::string::npos; pos = text.find(marker, pos)) {
    std::size_t start = pos + marker.size(), end = start;
    while (end < text.size() && is_secret_char(text[end])) ++end;
    if (end == start) {  // nothing secret follows (e.g. Stripe's own masked "sk_test_****1234")
      pos = start;
      continue;
    }
    text.replace(start, end - start, "***");
    pos = start + 3;
  }
}

// Onboarding and login link URLs are bearer credentials: keep the host, drop the path.
inline void mask_link_urls(std::string& text) {
  static constexpr std::string_view schemes[] = {"https://connect.", "http://connect."};
  for (std::string_view scheme : schemes) {
    for (std::size_t pos = text.find(scheme); pos != std::string::npos; pos = text.find(scheme, pos + 1)) {
      std::size_t path = text.find('/', pos + scheme.size());
      std::size_t end = pos + scheme.size();
      while (end < text.size() && text[end] != '"' && text[end] != '\'' && text[end] != ' ' && text[end] != '<' &&
             text[end] != '>' && text[end] != '\\' && static_cast<unsigned char>(text[end]) > 0x20)
        ++end;
      if (path == std::string::npos || path >= end || path + 1 == end) continue;
      text.replace(path + 1, end - path - 1, "***");
    }
  }
}

}  // namespace redaction

// The part of a key that is secret: what follows its sk_/rk_ prefix, else the whole key.
inline std::string_view secret_part(std::string_view key) {
  for (std::string_view prefix : redaction::key_prefixes)
    if (key.substr(0, prefix.size()) == prefix) return key.substr(prefix.size());
  return key;
}

// Masks Stripe secrets by shape (keys, webhook secrets, client secrets, link URLs), then `exact`,
// the key in use whatever its shape: its secret part is masked wherever it appears, behind any
// prefix, literal or %XX- or \u00XX-escaped.
inline std::string redact(std::string text, std::string_view exact = {}) {
  for (std::string_view prefix : redaction::key_prefixes) redaction::mask_after(text, prefix);
  redaction::mask_after(text, "whsec_");
  redaction::mask_after(text, "_secret_");  // accs_secret__..., pi_..._secret_...
  redaction::mask_link_urls(text);
  std::string_view secret = secret_part(exact);
  if (secret.size() >= 8) redaction::mask_encoded(text, secret);  // shorter strings are not keys
  return text;
}

}  // namespace stripe::detail
