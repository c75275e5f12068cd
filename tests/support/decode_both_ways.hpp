#pragma once
// Decodes one text into T both ways: parsed into a nlohmann::json document and decoded from it
// (stripe::decode, the path webhooks take), and decoded straight from the bytes
// (stripe::decode_text, the path typed calls take). The unit tests and fuzz_text_decode hold
// the two to the same answer: both refuse the text, or both give the same typed value and raw.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_text.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/encoding/text_decode.hpp"

namespace test_support {

// What a decoder made of a text: the typed value re-encoded, and its raw JSON.
struct Decoded {
  nlohmann::json typed;
  nlohmann::json raw;
  bool operator==(const Decoded& o) const { return typed == o.typed && raw == o.raw; }
};

template <class T>
Decoded summary(const T& value) {
  return Decoded{stripe::encode(value), value.raw.get()};
}

template <class T>
std::optional<Decoded> decode_via_document(const std::string& text) {
  try {
    nlohmann::json document = stripe::detail::parse_untrusted(text);
    if (document.is_discarded()) return std::nullopt;
    return summary(stripe::decode<T>(document));
  } catch (const stripe::DecodeError&) {
    return std::nullopt;
  }
}

template <class T>
std::optional<Decoded> decode_via_text(const std::string& text) {
  try {
    return summary(stripe::decode_text<T>(text));
  } catch (const stripe::DecodeError&) {
    return std::nullopt;
  }
}

// Whether both ways agree on `text` as T.
template <class T>
bool decoders_agree(const std::string& text) {
  return decode_via_document<T>(text) == decode_via_text<T>(text);
}

}  // namespace test_support
