#pragma once
// RFC 4122 version 4 UUIDs from the operating system's cryptographic generator.
#include <array>
#include <cstdint>
#include <random>
#include <string>
#if defined(__linux__)
#include <sys/random.h>
#endif

namespace stripe::detail {

inline void fill_random(std::array<unsigned char, 16>& bytes) {
#if defined(__linux__)
  std::size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n > 0) got += static_cast<std::size_t>(n);
    else break;  // fall through to random_device below
  }
  if (got == bytes.size()) return;
#endif
  std::random_device rd;  // the OS entropy source on the platforms we support
  for (auto& b : bytes) b = static_cast<unsigned char>(rd() & 0xFFu);
}

inline std::string uuid_v4() {
  std::array<unsigned char, 16> b{};
  fill_random(b);
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(hex[b[i] >> 4]);
    out.push_back(hex[b[i] & 0x0F]);
  }
  return out;
}

}  // namespace stripe::detail
