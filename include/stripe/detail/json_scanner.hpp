#pragma once
// A single pass over JSON text for the typed decoder: tokens read where they stand, strings
// unescaped only when they hold escapes, values skipped without being built. It accepts exactly
// the texts nlohmann::json::parse accepts (RFC 8259, UTF-8 checked, a leading byte order mark
// skipped) and refuses nesting deeper than max_json_depth, as parse_untrusted does; the
// differential fuzzer (fuzz/fuzz_text_decode.cpp) holds the two to the same answers.
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "stripe/detail/json_depth.hpp"
#include "stripe/errors.hpp"

namespace stripe::detail {

// Something wrong with the text itself, not with what it says: never set aside while the rest
// of an object is read (see text_decode.hpp).
class JsonTextError : public DecodeError {
 public:
  using DecodeError::DecodeError;
};

// The text is not JSON (truncated, a proxy's page, a stray byte).
class JsonSyntaxError : public JsonTextError {
 public:
  using JsonTextError::JsonTextError;
};

// A JSON number as nlohmann::json would hold it.
struct JsonNumber {
  enum class Kind { unsigned_integer, integer, floating };
  Kind kind = Kind::unsigned_integer;
  std::uint64_t u = 0;
  std::int64_t i = 0;
  double d = 0;
};

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : begin_(text.data()), p_(text.data()), end_(p_ + text.size()) {
    if (text.size() >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;  // as nlohmann's lexer does
  }

  // The first byte of the next token, or '\0' at the end of the text.
  char peek() {
    skip_white_space();
    return p_ < end_ ? *p_ : '\0';
  }
  // After the document's value: only white space may follow. nlohmann's lexer also ends the
  // input at a NUL byte, whatever comes after it; so does this, and so the nesting limit is
  // then checked over the whole text, as parse_untrusted checks it.
  void expect_document_end() {
    skip_white_space();
    if (p_ == end_) return;
    if (*p_ != '\0') fail("more text after the JSON value");
    if (json_depth_exceeds(std::string_view(begin_, static_cast<std::size_t>(end_ - begin_)))) too_deep();
  }
  bool consume(char c) {
    if (peek() != c || p_ == end_) return false;
    ++p_;
    return true;
  }
  void expect(char c) {
    if (!consume(c)) fail(std::string("expected '") + c + "'");
  }

  const char* position() const noexcept { return p_; }
  std::size_t depth() const noexcept { return depth_; }
  // Back to a value's first byte, to read it again (skip it) after a decoding error inside it.
  void rewind(const char* position, std::size_t depth) noexcept {
    p_ = position;
    depth_ = depth;
  }

  // '{' or '[': one level deeper.
  void open(char bracket) {
    expect(bracket);
    if (++depth_ > max_json_depth) too_deep();
  }
  // After the matching '}' or ']'.
  void leave() noexcept { --depth_; }

  [[noreturn]] static void too_deep() {
    throw JsonTextError(message_only("the response nests JSON deeper than " + std::to_string(max_json_depth) +
                                     " levels; refusing to decode it"));
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw JsonSyntaxError(message_only("the text is not valid JSON at byte " +
                                       std::to_string(static_cast<std::size_t>(p_ - begin_)) + ": " + what));
  }

  // A string token. The view points into the text when the string has no escapes, else into
  // `scratch`, which holds it unescaped.
  std::string_view read_string(std::string& scratch) {
    expect('"');
    const char* start = p_;
    const char* stop = scan_plain(p_);
    if (*stop == '"') {
      p_ = stop + 1;
      return std::string_view(start, static_cast<std::size_t>(stop - start));
    }
    scratch.assign(start, stop);
    p_ = stop;
    read_escaped_rest(scratch);
    return scratch;
  }

  void read_string_into(std::string& out) {
    expect('"');
    const char* start = p_;
    const char* stop = scan_plain(p_);
    out.assign(start, stop);
    p_ = stop;
    if (*stop == '"') ++p_;
    else read_escaped_rest(out);
  }

  void read_literal(const char* word) {
    skip_white_space();
    const std::size_t n = std::strlen(word);
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0)
      fail(std::string("expected ") + word);
    p_ += n;
  }

  JsonNumber read_number();

  // Skips one value, checking it as it goes.
  void skip_value();

 private:
  static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

  void skip_white_space() noexcept {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // From `p` inside a string, past every byte that stands for itself: printable ASCII other
  // than '"' and '\\', and well-formed UTF-8. Returns where '"' or '\\' stands; fails on a
  // control byte, malformed UTF-8 or the end of the text. Eight bytes at a time while they are
  // plain ASCII, which is nearly all of a Stripe object.
  const char* scan_plain(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (;;) {
      while (end_ - p >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        const std::uint64_t quote = v ^ (ones * '"'), backslash = v ^ (ones * '\\');
        const std::uint64_t stops = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                                    (v - ones * 0x20) | v;
        if (stops & highs) break;
        p += 8;
      }
      for (;;) {
        if (p == end_) {
          p_ = p;
          fail("the text ends inside a string");
        }
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\') return p;
        if (c < 0x20) {
          p_ = p;
          fail("a control character inside a string");
        }
        if (c < 0x80) {
          ++p;
          continue;
        }
        p = skip_utf8(p);
        break;  // back to the fast loop
      }
    }
  }

  // One multi-byte UTF-8 sequence at `p`, checked as RFC 3629 (and nlohmann's lexer) define it.
  const char* skip_utf8(const char* p) {
    const auto c = static_cast<unsigned char>(*p);
    unsigned char lo = 0x80, hi = 0xBF;
    int continuation = 0;
    if (c >= 0xC2 && c <= 0xDF) continuation = 1;
    else if (c == 0xE0) continuation = 2, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) continuation = 2;
    else if (c == 0xED) continuation = 2, hi = 0x9F;
    else if (c == 0xF0) continuation = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) continuation = 3;
    else if (c == 0xF4) continuation = 3, hi = 0x8F;
    else {
      p_ = p;
      fail("malformed UTF-8 inside a string");
    }
    ++p;
    for (int k = 0; k < continuation; ++k, ++p) {
      const auto b = p < end_ ? static_cast<unsigned char>(*p) : 0;
      if (b < lo || b > hi) {
        p_ = p;
        fail("malformed UTF-8 inside a string");
      }
      lo = 0x80, hi = 0xBF;  // only the first continuation byte has narrower bounds
    }
    return p;
  }

  unsigned read_hex4() {
    if (end_ - p_ < 4) fail("a \\u escape cut short");
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = *p_++;
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
      else fail("a \\u escape with a byte that is not hexadecimal");
    }
    return value;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // p_ at a backslash inside a string whose plain start is already in `out`: the rest of it.
  void read_escaped_rest(std::string& out) {
    for (;;) {
      if (*p_ == '"') {
        ++p_;
        return;
      }
      ++p_;  // the backslash
      if (p_ == end_) fail("the text ends inside a string");
      const char e = *p_++;
      static constexpr char escapes[] = "\"\\/bfnrt";
      static constexpr char meanings[] = "\"\\/\b\f\n\r\t";
      if (const char* at = e ? std::strchr(escapes, e) : nullptr) {
        out += meanings[at - escapes];
      } else if (e == 'u') {
        unsigned cp = read_hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a lone low surrogate in a \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') fail("a high surrogate without its low half");
          p_ += 2;
          const unsigned low = read_hex4();
          if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low half");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
      } else {
        --p_;
        fail("an unknown escape in a string");
      }
      const char* stop = scan_plain(p_);
      out.append(p_, stop);
      p_ = stop;
    }
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  std::size_t depth_ = 0;
};

inline JsonNumber JsonScanner::read_number() {
  skip_white_space();
  const char* start = p_;
  const bool negative = p_ < end_ && *p_ == '-';
  if (negative) ++p_;
  if (p_ == end_ || !is_digit(*p_)) fail("expected a value");
  if (*p_ == '0') ++p_;
  else
    while (p_ < end_ && is_digit(*p_)) ++p_;
  const char* integer_end = p_;
  bool floating = false;
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    if (p_ == end_ || !is_digit(*p_)) fail("a number with no digit after its decimal point");
    while (p_ < end_ && is_digit(*p_)) ++p_;
    floating = true;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !is_digit(*p_)) fail("a number with no digit in its exponent");
    while (p_ < end_ && is_digit(*p_)) ++p_;
    floating = true;
  }
  JsonNumber n;
  if (!floating) {
    // Integers as nlohmann::json holds them: unsigned when not negative, signed when negative,
    // a double when they do not fit 64 bits.
    std::uint64_t magnitude = 0;
    bool fits = true;
    for (const char* d = start + (negative ? 1 : 0); d < integer_end && fits; ++d) {
      const auto digit = static_cast<std::uint64_t>(*d - '0');
      if (magnitude > (UINT64_MAX - digit) / 10) fits = false;
      else magnitude = magnitude * 10 + digit;
    }
    if (fits && !negative) {
      n.kind = JsonNumber::Kind::unsigned_integer;
      n.u = magnitude;
      return n;
    }
    if (fits && magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
      n.kind = JsonNumber::Kind::integer;
      n.i = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<std::int64_t>(magnitude);
      return n;
    }
  }
  // strtod, as nlohmann's lexer calls it: the decimal point the C locale in force expects.
  std::string token(start, p_);
  const char point = *std::localeconv()->decimal_point;
  if (point != '.')
    for (char& c : token)
      if (c == '.') c = point;
  n.kind = JsonNumber::Kind::floating;
  n.d = std::strtod(token.c_str(), nullptr);
  if (!std::isfinite(n.d)) fail("a number too large for a double");
  return n;
}

inline void JsonScanner::skip_value() {
  std::string scratch;
  switch (peek()) {
    case '{':
      open('{');
      if (!consume('}')) {
        do {
          if (peek() != '"') fail("expected a member name");
          read_string(scratch);
          expect(':');
          skip_value();
        } while (consume(','));
        expect('}');
      }
      leave();
      return;
    case '[':
      open('[');
      if (!consume(']')) {
        do skip_value();
        while (consume(','));
        expect(']');
      }
      leave();
      return;
    case '"':
      read_string(scratch);
      return;
    case 't': read_literal("true"); return;
    case 'f': read_literal("false"); return;
    case 'n': read_literal("null"); return;
    default: read_number(); return;
  }
}

}  // namespace stripe::detail
