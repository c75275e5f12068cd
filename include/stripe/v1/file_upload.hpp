#pragma once
/// \file
/// A file upload's params as the multipart/form-data parts the Files API takes: the file as a
/// file part, every other field flattened as the form body flattens it (a[b]=..., expand[0]=...).
#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "stripe/encoding/form.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/encoding/multipart.hpp"
#include "stripe/v1/file_params.hpp"

namespace stripe::v1 {

namespace detail {

// Visits the params' fields: the file becomes a file part, the others go through the JSON
// writer (never the file's bytes: they are moved into the body once, by the form).
struct FileUploadWriter {
  MultipartForm& form;
  nlohmann::ordered_json& fields;
  template <class F>
  void operator()(const char* name, const F& field) {
    if constexpr (std::is_same_v<F, FileCreateParams::File>) {
      form.add_file(name, field.data, field.name.value_or("blob"), field.type.value_or("application/octet-stream"));
    } else {
      stripe::detail::JsonWriter<nlohmann::ordered_json> writer{fields};
      writer(name, field);
    }
  }
};

}  // namespace detail

/// The multipart form of a file upload, with `extra_params` merged like any other params.
inline MultipartForm encode_file_upload(const FileCreateParams& params) {
  MultipartForm form;
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  detail::FileUploadWriter writer{form, fields};
  FileCreateParams::describe(params, writer);
  stripe::detail::merge_into(fields, params.extra_params);
  auto add = [&form](const std::string& key, std::string_view text) { form.add_field(key, std::string(text)); };
  stripe::detail::form_flatten(std::string(), fields, add);
  return form;
}

}  // namespace stripe::v1
