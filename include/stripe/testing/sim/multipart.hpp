#pragma once
// A strict, small multipart/form-data parser for file uploads (POST /v1/files). It takes the
// layout RFC 7578 describes and stripe-node (and this SDK) send: "--boundary" CRLF, headers,
// CRLF, the value, CRLF, ..., "--boundary--". Anything else is a MultipartFailure, whose reason
// names what is wrong and never quotes the body (it may be someone's passport).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stripe::testing::sim {

struct MultipartField {
  std::string name;
  std::optional<std::string> filename;  // set for a file part
  std::string content_type;             // of a file part; "" when not given
  std::string value;                    // the text, or the file's bytes
};

struct MultipartFailure {
  std::string reason;
};

using MultipartResult = std::variant<std::vector<MultipartField>, MultipartFailure>;

// The boundary of a Content-Type header, or nothing when it is not multipart/form-data with one.
inline std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const std::string_view type = "multipart/form-data";
  if (content_type.substr(0, type.size()) != type) return std::nullopt;
  auto at = content_type.find("boundary=");
  if (at == std::string_view::npos) return std::string();
  std::string_view b = content_type.substr(at + 9);
  b = b.substr(0, b.find(';'));
  if (b.size() >= 2 && b.front() == '"' && b.back() == '"') b = b.substr(1, b.size() - 2);
  return std::string(b);
}

// The body with its boundary replaced by a fixed text: an upload sent again with the same
// idempotency key is the same request whatever boundary the client drew for it.
inline std::string without_boundary(std::string body, const std::string& boundary) {
  if (boundary.empty()) return body;
  for (auto pos = body.find(boundary); pos != std::string::npos; pos = body.find(boundary, pos + 8))
    body.replace(pos, boundary.size(), "BOUNDARY");
  return body;
}

namespace multipart_detail {

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A quoted parameter of Content-Disposition (name="..."); the SDK and stripe-node send '"' in it
// as %22.
inline std::optional<std::string> disposition_param(std::string_view header, std::string_view key) {
  const std::string needle = "; " + std::string(key) + "=\"";
  auto at = header.find(needle);
  if (at == std::string_view::npos) return std::nullopt;
  auto start = at + needle.size();
  auto end = header.find('"', start);
  if (end == std::string_view::npos) return std::nullopt;
  std::string out(header.substr(start, end - start));
  for (auto pos = out.find("%22"); pos != std::string::npos; pos = out.find("%22", pos + 1)) out.replace(pos, 3, "\"");
  return out;
}

}  // namespace multipart_detail

inline MultipartResult parse_multipart(std::string_view body, const std::string& boundary, std::size_t max_parts = 64) {
  using namespace multipart_detail;
  if (boundary.empty() || boundary.size() > 70) return MultipartFailure{"the Content-Type has no usable boundary"};
  const std::string delimiter = "--" + boundary;
  if (body.substr(0, delimiter.size() + 2) != delimiter + "\r\n")
    return MultipartFailure{"the body does not start with the boundary the Content-Type names"};
  std::size_t pos = delimiter.size() + 2;
  std::vector<MultipartField> fields;
  for (;;) {
    if (fields.size() == max_parts) return MultipartFailure{"the body has more than " + std::to_string(max_parts) + " parts"};
    MultipartField field;
    bool disposition = false;
    for (;;) {  // the part's headers, up to an empty line
      auto eol = body.find("\r\n", pos);
      if (eol == std::string_view::npos) return MultipartFailure{"a part's headers do not end"};
      std::string_view line = body.substr(pos, eol - pos);
      pos = eol + 2;
      if (line.empty()) break;
      auto colon = line.find(':');
      if (colon == std::string_view::npos) return MultipartFailure{"a part has a header line without a colon"};
      std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
      if (iequals(name, "Content-Disposition")) {
        if (value.substr(0, 9) != "form-data") return MultipartFailure{"a part's Content-Disposition is not form-data"};
        auto field_name = disposition_param(value, "name");
        if (!field_name || field_name->empty()) return MultipartFailure{"a part's Content-Disposition has no name"};
        field.name = *field_name;
        field.filename = disposition_param(value, "filename");
        disposition = true;
      } else if (iequals(name, "Content-Type")) {
        field.content_type = std::string(value);
      }
    }
    if (!disposition) return MultipartFailure{"a part has no Content-Disposition header"};
    auto end = body.find("\r\n" + delimiter, pos);
    if (end == std::string_view::npos) return MultipartFailure{"the part \"" + field.name + "\" does not end with the boundary"};
    field.value = std::string(body.substr(pos, end - pos));
    fields.push_back(std::move(field));
    pos = end + 2 + delimiter.size();
    std::string_view rest = body.substr(pos);
    if (rest.substr(0, 2) == "--") {
      rest.remove_prefix(2);
      if (!rest.empty() && rest != "\r\n") return MultipartFailure{"there is data after the closing boundary"};
      return fields;
    }
    if (rest.substr(0, 2) != "\r\n") return MultipartFailure{"a boundary is not followed by a line end"};
    pos += 2;
  }
}

}  // namespace stripe::testing::sim
