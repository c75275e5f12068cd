#pragma once
// Between cpp-httplib's types and the SDK's transport types: how a request that reached an
// httplib server is handed to a Simulator, and its answer back. stripe-connect-sim and the
// tests' in-process bridge (tests/support/sim_http_bridge.hpp) both use it.
#include <string>

#include <httplib.h>

#include "stripe/encoding/multipart.hpp"
#include "stripe/http/transport.hpp"

namespace stripe_connect_sim {

/// The body of a multipart/form-data request, rebuilt from the parts httplib parsed it into (it
/// keeps no raw body for them), with the boundary its Content-Type names: the simulator reads
/// the upload as it was sent, and a retry with the same parts makes the same body, so an
/// idempotent replay matches.
inline std::string multipart_body(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  auto at = type.find("boundary=");
  std::string boundary = at == std::string::npos ? std::string() : type.substr(at + 9);
  boundary = boundary.substr(0, boundary.find(';'));
  if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"') boundary = boundary.substr(1, boundary.size() - 2);
  stripe::MultipartForm form;
  for (const auto& [name, part] : req.files) {
    if (part.filename.empty()) form.add_field(name, part.content);
    else form.add_file(name, part.content, part.filename, part.content_type);
  }
  return stripe::encode_multipart(form, boundary);
}

/// The request as the simulator's Transport side sees it; `base_url` is scheme and host.
inline stripe::http::Request transport_request(const httplib::Request& req, const std::string& base_url) {
  stripe::http::Request r;
  r.method = req.method == "POST" ? stripe::http::Method::post
             : req.method == "DELETE" ? stripe::http::Method::del
                                      : stripe::http::Method::get;
  r.url = base_url + req.target;
  for (const auto& [name, value] : req.headers) r.headers.add(name, value);
  r.body = req.is_multipart_form_data() && req.body.empty() ? multipart_body(req) : req.body;
  return r;
}

/// Writes the simulator's answer: status, headers and body with its Content-Type.
inline void write_answer(const stripe::http::Response& out, httplib::Response& res) {
  res.status = out.status;
  std::string content_type = "application/json";
  for (const auto& [name, value] : out.headers.entries) {
    if (name == "Content-Type") content_type = value;
    else res.set_header(name, value);
  }
  res.set_content(out.body, content_type);
}

}  // namespace stripe_connect_sim
