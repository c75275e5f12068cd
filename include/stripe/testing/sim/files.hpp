#pragma once
// POST /v1/files (multipart/form-data, on the files host), GET /v1/files[/{id}], and file links
// (POST and GET /v1/file_links, GET and POST /v1/file_links/{id}). An upload is kept as its size
// and type only.
// Identity documents must be PDF, JPEG or PNG, told by their first bytes as Stripe checks the
// content, not the name. A file id used as a verification document provides that requirement.
#include <cstddef>
#include <string>
#include <vector>

#include "stripe/encoding/form.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/listing.hpp"
#include "stripe/testing/sim/multipart.hpp"
#include "stripe/testing/sim/object_events.hpp"
#include "stripe/v1/file_params.hpp"

namespace stripe::testing::sim {

inline constexpr std::size_t max_upload_bytes = 10u * 1024u * 1024u;

// "pdf", "jpg" or "png" by the file's first bytes; "" for anything else.
inline std::string sniff_document_type(const std::string& bytes) {
  if (bytes.compare(0, 5, "%PDF-") == 0) return "pdf";
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return "jpg";
  if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0) return "png";
  return "";
}

inline bool is_document_purpose(const std::string& purpose) {
  return purpose == "identity_document" || purpose == "additional_verification" || purpose == "account_requirement";
}

// A multipart request's params, as a form body's would be: its text parts by name, the file
// part as {"name", "type"} under "file". The file's bytes go to State::surface.upload.
inline std::optional<http::Response> multipart_params(State& s, const http::Request& req, json& params) {
  auto boundary = multipart_boundary(req.headers.get("Content-Type").value_or(""));
  auto parsed = parse_multipart(req.body, boundary.value_or(""));
  if (auto* failure = std::get_if<MultipartFailure>(&parsed))
    return refuse(s, 400, "The multipart/form-data body could not be parsed: " + failure->reason + ".");
  std::string form;
  for (auto& field : std::get<std::vector<MultipartField>>(parsed)) {
    if (!field.filename) {
      form += (form.empty() ? "" : "&") + percent_encode(field.name) + "=" + percent_encode(field.value);
      continue;
    }
    if (field.name != "file")
      return refuse(s, 400, "Received a file in the part \"" + field.name + "\"; only `file` takes one.", field.name,
                    "parameter_unknown");
    if (s.surface.upload) return refuse(s, 400, "Received more than one file; an upload takes one.", "file");
    params["file"] = {{"name", *field.filename}, {"type", field.content_type}};
    s.surface.upload = std::move(field.value);
  }
  json text = json(form_decode(form));
  for (auto it = text.begin(); it != text.end(); ++it) params[it.key()] = it.value();
  return std::nullopt;
}

inline json render_file_link(const State& s, const FileLinkRecord& l) {
  return {{"id", l.id}, {"object", "file_link"}, {"created", l.created},
          {"expired", l.expires_at && *l.expires_at <= s.clock},
          {"expires_at", l.expires_at ? json(*l.expires_at) : json(nullptr)}, {"file", l.file}, {"livemode", false},
          {"metadata", l.metadata}, {"url", l.url}};
}

inline json render_file(const State& s, const FileRecord& f) {
  json links = json::array();
  for (auto it = f.links.rbegin(); it != f.links.rend(); ++it) links.push_back(render_file_link(s, s.surface.file_links.at(*it)));
  return {{"id", f.id}, {"object", "file"}, {"created", f.created}, {"expires_at", nullptr},
          {"filename", f.filename.empty() ? json(nullptr) : json(f.filename)},
          {"links", {{"object", "list"}, {"data", links}, {"has_more", false}, {"url", "/v1/file_links?file=" + f.id}}},
          {"purpose", f.purpose}, {"size", f.size}, {"title", nullptr},
          {"type", f.type.empty() ? json(nullptr) : json(f.type)},
          {"url", "https://files.simulator.invalid/v1/files/" + f.id + "/contents"}};
}

inline const FileLinkRecord& add_file_link(State& s, FileRecord& f, const json& p) {
  FileLinkRecord l;
  l.id = s.next_id("link_");
  l.file = f.id;
  l.created = s.clock;
  if (!param(p, "expires_at").empty()) l.expires_at = std::stoll(param(p, "expires_at"));
  if (p.contains("metadata") && p["metadata"].is_object()) l.metadata = p["metadata"];
  l.url = "https://files.simulator.invalid/links/" + l.id;
  f.links.push_back(l.id);
  s.surface.file_link_order.push_back(l.id);
  return s.surface.file_links.emplace(l.id, std::move(l)).first->second;
}

inline http::Response create_file(State& s, json& p) {
  if (auto problem = check_params<v1::FileCreateParams>(p, true)) return bad(s, *problem);
  const std::string purpose = param(p, "purpose");
  if (purpose.empty()) return refuse(s, 400, "Missing required param: purpose.", "purpose", "parameter_missing");
  if (!s.surface.upload)
    return refuse(s, 400, "Missing required param: file. Send it as a multipart/form-data file part.", "file",
                  "parameter_missing");
  const std::string& bytes = *s.surface.upload;
  if (bytes.empty()) return error(s, 400, "invalid_request_error", "The file is empty.", "file");
  if (bytes.size() > max_upload_bytes)
    return error(s, 400, "invalid_request_error",
                 "The file is " + std::to_string(bytes.size()) + " bytes; the largest upload is 10 MB (" +
                     std::to_string(max_upload_bytes) + " bytes).",
                 "file");
  std::string type = sniff_document_type(bytes);
  const std::string declared = param(p["file"], "type");
  if (is_document_purpose(purpose) && type.empty())
    return error(s, 400, "invalid_request_error",
                 "A file with purpose " + purpose + " must be a PDF, JPEG or PNG: this file's content is none of them (" +
                     (declared.empty() ? std::string("no Content-Type was given") : "sent as " + declared) + ").",
                 "file");
  const std::string filename = param(p["file"], "name");
  if (type.empty() && filename.find('.') != std::string::npos) type = filename.substr(filename.rfind('.') + 1);
  FileRecord f;
  f.id = s.next_id("file_");
  f.purpose = purpose;
  f.filename = filename;
  f.type = type;
  f.size = bytes.size();
  f.created = s.clock;
  FileRecord& kept = s.surface.files.emplace(f.id, std::move(f)).first->second;
  s.surface.file_order.push_back(kept.id);
  if (p.contains("file_link_data") && truthy(p["file_link_data"], "create")) add_file_link(s, kept, p["file_link_data"]);
  s.surface.upload.reset();
  ++s.commits;
  return reply(s, 200, render_file(s, kept));
}

inline http::Response retrieve_file(State& s, const std::string& id, json& p) {
  if (auto problem = check_params<v1::FileRetrieveParams>(p, true)) return bad(s, *problem);
  auto it = s.surface.files.find(id);
  if (it == s.surface.files.end()) return missing(s, "file", id);
  return reply(s, 200, render_file(s, it->second));
}

inline http::Response list_files(State& s, json& p) {
  if (auto problem = check_params<v1::FileListParams>(p, true)) return bad(s, *problem);
  const std::string purpose = param(p, "purpose");
  std::vector<json> newest_first;
  for (auto it = s.surface.file_order.rbegin(); it != s.surface.file_order.rend(); ++it) {
    const FileRecord& f = s.surface.files.at(*it);
    if (purpose.empty() || f.purpose == purpose) newest_first.push_back(render_file(s, f));
  }
  return reply(s, 200, list_page(newest_first, p, "/v1/files"));
}

inline http::Response create_file_link(State& s, json& p) {
  if (auto problem = check_params<v1::FileLinkCreateParams>(p, true)) return bad(s, *problem);
  const std::string file = param(p, "file");
  if (file.empty()) return refuse(s, 400, "Missing required param: file.", "file", "parameter_missing");
  auto it = s.surface.files.find(file);
  if (it == s.surface.files.end())
    return error(s, 400, "invalid_request_error", "No such file upload: '" + file + "'", "file", "resource_missing");
  // Stripe does not hand out public links to what it holds for verification.
  if (is_document_purpose(it->second.purpose))
    return error(s, 400, "invalid_request_error",
                 "You cannot create a file link for a file with purpose `" + it->second.purpose + "`.", "file");
  if (!param(p, "expires_at").empty() && std::stoll(param(p, "expires_at")) <= s.clock)
    return error(s, 400, "invalid_request_error", "`expires_at` must be in the future.", "expires_at");
  const json shown = render_file_link(s, add_file_link(s, it->second, p));
  ++s.commits;
  return reply(s, 200, shown);
}

inline http::Response retrieve_file_link(State& s, const std::string& id, json& p) {
  if (auto problem = check_params<v1::FileLinkRetrieveParams>(p, true)) return bad(s, *problem);
  auto it = s.surface.file_links.find(id);
  if (it == s.surface.file_links.end()) return missing(s, "file link", id);
  return reply(s, 200, render_file_link(s, it->second));
}

// POST /v1/file_links/{id}: `expires_at` as a time, "now" or empty (never), and metadata. An
// expired link stays expired.
inline http::Response update_file_link(State& s, const std::string& id, json& p) {
  if (auto problem = check_params<v1::FileLinkUpdateParams>(p, true)) return bad(s, *problem);
  auto it = s.surface.file_links.find(id);
  if (it == s.surface.file_links.end()) return missing(s, "file link", id);
  FileLinkRecord& l = it->second;
  if (l.expires_at && *l.expires_at <= s.clock)
    return error(s, 400, "invalid_request_error", "The file link " + id + " has expired and cannot be updated.");
  if (p.contains("expires_at")) {
    const std::string when = param(p, "expires_at");
    if (when.empty()) {
      l.expires_at.reset();
    } else if (when == "now") {
      l.expires_at = s.clock;
    } else {
      if (when.find_first_not_of("0123456789") != std::string::npos || std::stoll(when) <= s.clock)
        return error(s, 400, "invalid_request_error", "`expires_at` must be \"now\" or a time in the future.",
                     "expires_at");
      l.expires_at = std::stoll(when);
    }
  }
  merge_v1_metadata(l.metadata, p);
  ++s.commits;
  return reply(s, 200, render_file_link(s, l));
}

// GET /v1/file_links: newest first, by `file` and `expired` when given.
inline http::Response list_file_links(State& s, json& p) {
  if (auto problem = check_params<v1::FileLinkListParams>(p, true)) return bad(s, *problem);
  const std::string file = param(p, "file");
  const std::string expired = param(p, "expired");
  std::vector<json> newest_first;
  for (auto it = s.surface.file_link_order.rbegin(); it != s.surface.file_link_order.rend(); ++it) {
    json link = render_file_link(s, s.surface.file_links.at(*it));
    if (!file.empty() && link["file"] != file) continue;
    if (!expired.empty() && link["expired"].get<bool>() != (expired == "true")) continue;
    newest_first.push_back(std::move(link));
  }
  return reply(s, 200, list_page(newest_first, p, "/v1/file_links"));
}

// A verification hash (`at`[verification], or a person's own verification when `at` is empty)
// that names a file this simulator never handed out: the API's 400. Stripe's test files
// (file_identity_document_success, ...) are accepted as they are in test mode.
inline std::optional<http::Response> unknown_document(State& s, const json& verification, const std::string& at) {
  if (!verification.is_object()) return std::nullopt;
  for (const char* doc : {"document", "additional_document"})
    for (const char* side : {"front", "back"}) {
      if (!verification.contains(doc)) continue;
      const std::string id = param(verification[doc], side);
      if (id.rfind("file_1Sim", 0) == 0 && !s.surface.files.count(id))
        return error(s, 400, "invalid_request_error", "No such file upload: '" + id + "'",
                     (at.empty() ? "verification" : at + "[verification]") + "[" + doc + "][" + side + "]",
                     "resource_missing");
    }
  return std::nullopt;
}

}  // namespace stripe::testing::sim
