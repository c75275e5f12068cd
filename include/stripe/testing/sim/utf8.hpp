#pragma once
// Text that is not UTF-8: found in params (a form or a JSON body) and named the way the API
// names a param, so the simulator refuses it as Stripe does.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/errors.hpp"
#include "stripe/testing/param_schema.hpp"

namespace stripe::testing::sim {

using json = nlohmann::json;

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), 0 if there is none.
inline std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto tail = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
  const unsigned c = byte(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return byte(1) >= lo && byte(1) <= hi && tail(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return byte(1) >= lo && byte(1) <= hi && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0, n; i < s.size(); i += n)
    if ((n = utf8_length(s, i)) == 0) return false;
  return true;
}
// The text with each byte that is not part of a UTF-8 sequence written as %XX, to name it.
inline std::string printable(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0, n; i < s.size(); i += n) {
    if ((n = utf8_length(s, i)) > 0) {
      out.append(s.substr(i, n));
    } else {
      const auto b = static_cast<unsigned char>(s[i]);
      out += {'%', hex[b >> 4], hex[b & 15]};
      n = 1;
    }
  }
  return out;
}
inline void require_utf8(const char* what, const std::string& text) {
  if (!valid_utf8(text)) throw InvalidParamsError(stripe::detail::message_only(std::string(what) + " is not valid UTF-8"));
}
// The first param (bracket form) whose name or text value is not UTF-8.
inline std::optional<std::string> non_utf8_param(const json& j, const std::string& path = "") {
  if (j.is_string()) {
    if (!valid_utf8(j.get_ref<const std::string&>())) return path;
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      std::string name = testing::detail::bracket(path, printable(it.key()));
      if (!valid_utf8(it.key())) return name;
      if (auto found = non_utf8_param(it.value(), name)) return found;
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      if (auto found = non_utf8_param(j[i], path + "[" + std::to_string(i) + "]")) return found;
  }
  return std::nullopt;
}
// For a JSON body the parser refused: the param whose string is not UTF-8 (a raw byte or a
// lone surrogate escape), if that is why. A name is given as far as it could be read.
inline std::optional<std::string> json_non_utf8_param(const std::string& body) {
  struct Finder : nlohmann::json_sax<json> {
    struct Frame {
      bool array;
      std::size_t index;
      std::string key;
      bool want_key;
    };
    std::vector<Frame> frames;
    std::optional<std::string> found;

    bool value() {
      if (!frames.empty()) {
        if (frames.back().array) ++frames.back().index;
        else frames.back().want_key = true;
      }
      return true;
    }
    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override {
      frames.push_back({false, 0, "", true});
      return true;
    }
    bool key(string_t& k) override {
      frames.back().key = k;
      frames.back().want_key = false;
      return true;
    }
    bool end_object() override {
      frames.pop_back();
      return value();
    }
    bool start_array(std::size_t) override {
      frames.push_back({true, 0, "", false});
      return true;
    }
    bool end_array() override { return end_object(); }
    bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& e) override {
      std::string what = e.what();
      if (what.find("UTF-8") == std::string::npos && what.find("surrogate") == std::string::npos) return false;
      std::string name;
      for (const auto& f : frames) {
        if (f.array) name += "[" + std::to_string(f.index) + "]";
        else if (&f != &frames.back() || !f.want_key) name = testing::detail::bracket(name, f.key);
      }
      if (!frames.empty() && !frames.back().array && frames.back().want_key)  // the key itself
        name = testing::detail::bracket(name, printable(std::string_view(token).substr(token.empty() ? 0 : 1)));
      found = name.empty() ? "(body)" : name;
      return false;
    }
  } finder;
  json::sax_parse(body, &finder, json::input_format_t::json, true);
  return finder.found;
}

}  // namespace stripe::testing::sim
