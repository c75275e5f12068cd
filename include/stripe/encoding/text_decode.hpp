#pragma once
/// \file
/// Decoding typed models straight from JSON text, with no nlohmann::json document in between:
/// one pass over the bytes, driven by the same `describe` lists as the document decoder in
/// model.hpp, and giving the same answers (fuzz/fuzz_text_decode.cpp checks that on every input
/// it is given). Unknown fields are skipped; `raw` points into the kept text and parses it on
/// first use. Typed client calls decode this way.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_scanner.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/encoding/raw_json.hpp"

namespace stripe {
namespace detail {

struct FieldNames {
  std::vector<std::string_view>& out;
  template <class F>
  void operator()(const char* name, const F&) {
    out.emplace_back(name);
  }
};

// A model's field names, looked up by the key as it stands in the text.
class FieldIndex {
 public:
  template <class T>
  static FieldIndex of() {
    FieldIndex index;
    FieldNames names{index.names_};
    static const T prototype{};
    T::describe(prototype, names);
    for (std::size_t i = 0; i < index.names_.size(); ++i) index.sorted_.emplace_back(index.names_[i], i);
    std::sort(index.sorted_.begin(), index.sorted_.end());
    return index;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // The field's position in describe order, or npos. Stripe sends fields in the order the
  // generated lists name them (alphabetical) more often than not: `next` is tried first.
  std::size_t find(std::string_view key, std::size_t& next) const {
    if (next < names_.size() && names_[next] == key) return next++;
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), key,
                               [](const auto& entry, std::string_view k) { return entry.first < k; });
    if (it == sorted_.end() || it->first != key) return npos;
    next = it->second + 1;
    return it->second;
  }

  std::string_view name(std::size_t i) const { return names_[i]; }

 private:
  std::vector<std::string_view> names_;
  std::vector<std::pair<std::string_view, std::size_t>> sorted_;
};

template <class T>
const FieldIndex& field_index() {
  static const FieldIndex index = FieldIndex::of<T>();
  return index;
}

// Errors inside one member of an object wait until the object ends: a later member of the same
// name replaces the value, and its error, as it does in a parsed document (the last one wins).
// At the end, the one thrown is the one the document decoder meets first: a model's fields in
// describe order (`order`), a map's members in key order.
class SetAsideErrors {
 public:
  void add(std::size_t order, std::string key, const DecodeError& error) {
    errors_.push_back(Entry{order, std::move(key), error});
  }
  void forget(std::string_view key) {
    if (errors_.empty()) return;
    errors_.erase(std::remove_if(errors_.begin(), errors_.end(), [&](const Entry& e) { return e.key == key; }),
                  errors_.end());
  }
  void throw_first() const {
    if (errors_.empty()) return;
    throw std::min_element(errors_.begin(), errors_.end(), [](const Entry& a, const Entry& b) {
             return a.order != b.order ? a.order < b.order : a.key < b.key;
           })->error;
  }

 private:
  struct Entry {
    std::size_t order;
    std::string key;
    DecodeError error;
  };
  std::vector<Entry> errors_;
};

struct TextDecoder {
  JsonScanner in;
  std::shared_ptr<const JsonDocumentSource> source;
  std::string scratch;  // a member name that holds escapes, unescaped

  RawJson raw_at(const JsonPath& path) const { return RawJson(source, pointer_of(path)); }

  // The value at the current position as a document (fields typed as plain JSON). The scanner
  // has checked it first, so nlohmann refuses nothing here; if it ever did, its message (which
  // quotes the text) is not passed on.
  nlohmann::json document_at_position() {
    const char* start = in.position();
    in.skip_value();
    nlohmann::json value = nlohmann::json::parse(start, in.position(), nullptr, false);
    if (value.is_discarded()) in.fail("a value the JSON parser refuses");
    return value;
  }

  // Decodes the value at the current position into `out` (for decode_text hooks).
  template <class T>
  void read(T& out, const JsonPath& path);

  // The string member `name` of the object at the current position (its last one, as in a
  // parsed document), or "" where it is absent or not a string; reads nothing.
  std::string peek_member_string(const char* name) {
    const char* start = in.position();
    const std::size_t depth = in.depth();
    std::string found;
    if (in.peek() == '{') {
      in.open('{');
      if (!in.consume('}')) {
        do {
          if (in.peek() != '"') in.fail("expected a member name");
          const bool wanted = in.read_string(scratch) == name;
          in.expect(':');
          if (wanted && in.peek() == '"') {
            in.read_string_into(found);
          } else {
            if (wanted) found.clear();
            in.skip_value();
          }
        } while (in.consume(','));
        in.expect('}');
      }
    }
    in.rewind(start, depth);
    return found;
  }

  static std::string pointer_of(const JsonPath& path) {
    if (!path.parent) return std::string();
    std::string pointer = pointer_of(*path.parent);
    if (path.name) append_pointer_token(pointer, path.name);
    else pointer += '/' + std::to_string(path.index);
    return pointer;
  }

  // Reads one member's value; a decoding error (not a text error) is set aside under `key` and
  // the value skipped, so that the rest of the object is still read.
  template <class Read>
  void member(std::size_t order, std::string_view key, SetAsideErrors& errors, Read&& read) {
    const char* start = in.position();
    const std::size_t depth = in.depth();
    try {
      read();
      errors.forget(key);
    } catch (const JsonTextError&) {
      throw;
    } catch (const DecodeError& e) {
      errors.add(order, std::string(key), e);
      in.rewind(start, depth);
      in.skip_value();
    }
  }
};

[[noreturn]] inline void text_decode_fail(const JsonPath& path, const char* expected, char first) {
  const char* got = first == '"'   ? "string"
                    : first == '{' ? "object"
                    : first == '[' ? "array"
                    : first == 't' || first == 'f' ? "boolean"
                    : first == 'n' ? "null"
                                   : "number";
  decode_fail(path, expected, got);
}

template <class T>
void text_read_value(TextDecoder& d, T& out, const JsonPath& path);

template <class T>
void TextDecoder::read(T& out, const JsonPath& path) {
  text_read_value(*this, out, path);
}

// A model that picks its shape from its members and reads it from the text itself.
template <class T, class = void>
struct has_decode_text : std::false_type {};
template <class T>
struct has_decode_text<T, std::void_t<decltype(T::decode_text(std::declval<TextDecoder&>(), std::declval<T&>(),
                                                              std::declval<const JsonPath&>()))>> : std::true_type {};

template <class T>
void text_keep_raw(TextDecoder& d, T& field, const JsonPath& path) {
  if constexpr (is_optional<T>::value) {
    if constexpr (has_raw<typename T::value_type>::value)
      if (field) field->raw = d.raw_at(path);
  } else if constexpr (has_raw<T>::value) {
    field.raw = d.raw_at(path);
  }
}

// Decodes the one field of a model that a member names.
struct TextFieldReader {
  TextDecoder& d;
  const JsonPath& path;
  std::size_t target;
  std::size_t at = 0;
  template <class F>
  void operator()(const char* name, F& field) {
    if (at++ != target) return;
    field = F{};  // a repeated member decodes afresh
    JsonPath child{&path, name, 0};
    text_read_value(d, field, child);
    text_keep_raw(d, field, child);  // a field holding a whole top-level model keeps its raw JSON
  }
};

template <class T>
void text_read_model(TextDecoder& d, T& out, const JsonPath& path) {
  const FieldIndex& index = field_index<T>();
  SetAsideErrors errors;
  std::size_t next = 0;
  d.in.open('{');
  if (!d.in.consume('}')) {
    do {
      if (d.in.peek() != '"') d.in.fail("expected a member name");
      const std::size_t field = index.find(d.in.read_string(d.scratch), next);
      d.in.expect(':');
      if (field == FieldIndex::npos) {
        d.in.skip_value();
        continue;
      }
      d.member(field, index.name(field), errors, [&] {
        TextFieldReader reader{d, path, field};
        T::describe(out, reader);
      });
    } while (d.in.consume(','));
    d.in.expect('}');
  }
  d.in.leave();
  errors.throw_first();
}

template <class T>
void text_read_container(TextDecoder& d, std::vector<T>& out, const JsonPath& path) {
  if (d.in.peek() != '[') text_decode_fail(path, "an array", d.in.peek());
  out.clear();
  d.in.open('[');
  if (!d.in.consume(']')) {
    do {
      JsonPath child{&path, nullptr, out.size()};
      out.emplace_back();
      text_read_value(d, out.back(), child);
      if constexpr (has_raw<T>::value) out.back().raw = d.raw_at(child);  // list items keep their own raw JSON
    } while (d.in.consume(','));
    d.in.expect(']');
  }
  d.in.leave();
  // Lists of strings and enums (requirements) keep no spare room: a page holds hundreds. A
  // list of objects is left as it grew, as moving them would cost more than the room saves.
  if constexpr (!is_model<T>::value)
    if (out.capacity() > out.size()) out.shrink_to_fit();
}

template <class T>
void text_read_container(TextDecoder& d, std::map<std::string, T>& out, const JsonPath& path) {
  if (d.in.peek() != '{') text_decode_fail(path, "an object", d.in.peek());
  out.clear();
  SetAsideErrors errors;
  d.in.open('{');
  if (!d.in.consume('}')) {
    do {
      if (d.in.peek() != '"') d.in.fail("expected a member name");
      std::string key(d.in.read_string(d.scratch));
      d.in.expect(':');
      T& slot = out[key];
      d.member(0, key, errors, [&] {
        slot = T{};
        JsonPath child{&path, key.c_str(), 0};
        text_read_value(d, slot, child);
      });
    } while (d.in.consume(','));
    d.in.expect('}');
  }
  d.in.leave();
  errors.throw_first();
}

template <class T>
void text_read_container(TextDecoder& d, Expandable<T>& out, const JsonPath& path) {
  const char first = d.in.peek();
  if (first == '"') {
    d.in.read_string_into(out.id);
    out.object.reset();
  } else if (first == '{') {
    auto object = std::make_shared<T>();
    text_read_value(d, *object, path);
    if constexpr (has_raw<T>::value) object->raw = d.raw_at(path);
    static_assert(std::is_same_v<decltype(object->id), std::string>, "an expandable object has a string id");
    out.id = object->id;
    out.object = std::move(object);
  } else {
    text_decode_fail(path, "an id or an object", first);
  }
}

template <class T>
void text_read_value(TextDecoder& d, T& out, const JsonPath& path) {
  const char first = d.in.peek();
  if constexpr (is_optional<T>::value) {
    if (first == 'n') {
      d.in.read_literal("null");
      out.reset();
      return;
    }
    if (!out) out.emplace();
    text_read_value(d, *out, path);
  } else if (first == 'n') {
    d.in.read_literal("null");  // null where the schema promises a value: keep the default
  } else if constexpr (std::is_same_v<T, nlohmann::json>) {
    out = d.document_at_position();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (first != '"') text_decode_fail(path, "a string", first);
    d.in.read_string_into(out);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (first == 't') d.in.read_literal("true"), out = true;
    else if (first == 'f') d.in.read_literal("false"), out = false;
    else text_decode_fail(path, "a boolean", first);
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    if (first != '-' && (first < '0' || first > '9')) text_decode_fail(path, "an integer", first);
    const JsonNumber n = d.in.read_number();
    if (n.kind == JsonNumber::Kind::unsigned_integer) {
      if (n.u > static_cast<std::uint64_t>(INT64_MAX)) text_decode_fail(path, "a 64-bit integer", first);
      out = static_cast<std::int64_t>(n.u);
    } else if (n.kind == JsonNumber::Kind::integer) {
      out = n.i;
    } else {
      if (const char* not_a = int64_from_double(n.d, out)) text_decode_fail(path, not_a, first);
    }
  } else if constexpr (std::is_same_v<T, double>) {
    if (first != '-' && (first < '0' || first > '9')) text_decode_fail(path, "a number", first);
    const JsonNumber n = d.in.read_number();
    out = n.kind == JsonNumber::Kind::unsigned_integer ? static_cast<double>(n.u)
          : n.kind == JsonNumber::Kind::integer        ? static_cast<double>(n.i)
                                                       : n.d;
  } else if constexpr (is_open_enum<T>::value) {
    if (first != '"') text_decode_fail(path, "an enum string", first);
    std::string value;
    d.in.read_string_into(value);
    out = T(std::move(value));
  } else if constexpr (has_decode_text<T>::value) {
    if (first != '{') text_decode_fail(path, "an object", first);
    T::decode_text(d, out, path);
  } else if constexpr (has_decode_json<T>::value) {
    // A model that picks its shape from its members, without a reader of its own, decodes
    // from its document.
    if (first != '{') text_decode_fail(path, "an object", first);
    T::decode_json(d.document_at_position(), out, path);
  } else if constexpr (is_model<T>::value) {
    if (first != '{') text_decode_fail(path, "an object", first);
    text_read_model(d, out, path);
  } else {
    text_read_container(d, out, path);
  }
}

// Decodes `source`'s text into `out` (a default-constructed T).
// Which fault of a bad text is reported, as parse_untrusted then stripe::decode report it: too
// deep (checked over the whole text first), else not JSON, else the first wrong type.
inline void check_whole_text(const std::string& text) {
  if (json_depth_exceeds(text)) JsonScanner::too_deep();
  JsonScanner check(text);
  check.skip_value();
  check.expect_document_end();
}

template <class T>
void decode_text_into(T& out, std::shared_ptr<const JsonDocumentSource> source) {
  TextDecoder d{JsonScanner(source->text()), source, {}};
  const JsonPath root;
  try {
    text_read_value(d, out, root);
    d.in.expect_document_end();
  } catch (const DecodeError&) {
    check_whole_text(source->text());  // throws the text's own fault, if it has one
    throw;
  }
  if constexpr (has_raw<T>::value) out.raw = RawJson(std::move(source), std::string());
}

}  // namespace detail

/// Decodes JSON text into a typed model in one pass, keeping the text for `raw`. Throws
/// DecodeError naming the JSON path for a value of the wrong type, and for text that is not JSON
/// or nests deeper than 128 levels.
template <class T>
T decode_text(std::string text) {
  T out{};
  detail::decode_text_into(out, std::make_shared<const detail::JsonDocumentSource>(std::move(text)));
  return out;
}

}  // namespace stripe
