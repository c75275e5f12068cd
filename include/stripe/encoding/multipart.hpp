#pragma once
/// \file
/// multipart/form-data bodies (file uploads), laid out byte for byte as stripe-node lays them
/// out: each part's lines end in CRLF, file parts carry a filename and a Content-Type.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stripe {

/// One part of a multipart/form-data body: a field, or a file when `filename` is set.
struct MultipartPart {
  std::string name;  ///< the form field name, e.g. "purpose" or "file_link_data[create]"
  std::string value;  ///< the field's text, or the file's bytes (any bytes, NUL included)
  std::optional<std::string> filename;  ///< set for a file part ("blob" when the caller gave none)
  std::string content_type = "application/octet-stream";  ///< of a file part
};

/// The parts of a multipart/form-data request, in the order they are sent.
struct MultipartForm {
  std::vector<MultipartPart> parts;  ///< fields and files, in order

  /// Adds a text field.
  void add_field(std::string name, std::string value) {
    parts.push_back(MultipartPart{std::move(name), std::move(value), std::nullopt, {}});
  }
  /// Adds a file.
  void add_file(std::string name, std::string bytes, std::string filename, std::string content_type) {
    parts.push_back(MultipartPart{std::move(name), std::move(bytes), std::move(filename), std::move(content_type)});
  }
};

namespace detail {

// A header value must stay on its line: CR/LF become a space, as stripe-node does, so a file
// name cannot add headers to its part.
inline std::string strip_crlf(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
    out.push_back(in[i] == '\r' || in[i] == '\n' ? ' ' : in[i]);
  }
  return out;
}

// A quoted name or filename: '"' is percent-encoded so it cannot end the quotes.
inline std::string quote_header_param(std::string_view in) {
  std::string escaped;
  for (char c : in) {
    if (c == '"') escaped += "%22";
    else escaped.push_back(c);
  }
  return "\"" + strip_crlf(escaped) + "\"";
}

}  // namespace detail

/// The Content-Type header of a body encoded with `boundary`.
inline std::string multipart_content_type(std::string_view boundary) {
  return "multipart/form-data; boundary=" + std::string(boundary);
}

/// Encodes the form with `boundary` (which must not occur in any part; a random UUID does not).
inline std::string encode_multipart(const MultipartForm& form, std::string_view boundary) {
  std::string out;
  auto line = [&out](std::string_view text) {
    out.append(text.data(), text.size());
    out += "\r\n";
  };
  const std::string delimiter = "--" + std::string(boundary);
  for (const auto& part : form.parts) {
    line(delimiter);
    if (part.filename) {
      line("Content-Disposition: form-data; name=" + detail::quote_header_param(part.name) +
           "; filename=" + detail::quote_header_param(*part.filename));
      line("Content-Type: " + detail::strip_crlf(part.content_type));
    } else {
      line("Content-Disposition: form-data; name=" + detail::quote_header_param(part.name));
    }
    line("");
    line(part.value);
  }
  line(delimiter + "--");
  return out;
}

}  // namespace stripe
