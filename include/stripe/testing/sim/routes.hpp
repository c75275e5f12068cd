#pragma once
// Routing: a request from the transport, through faults, authentication, idempotency and
// parameter parsing, to its endpoint.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "stripe/detail/redact.hpp"
#include "stripe/testing/sim/files.hpp"
#include "stripe/testing/sim/surface_routes.hpp"
#include "stripe/testing/sim/utf8.hpp"
#include "stripe/testing/sim/v1_endpoints.hpp"
#include "stripe/testing/sim/v2_endpoints.hpp"
#include "stripe/testing/sim/v2_surface_routes.hpp"

namespace stripe::testing::sim {

// The endpoint for a method and path.
inline http::Response route(State& s, http::Method m, const std::string& path, json& params) {
  auto seg = split_path(path);
  using M = http::Method;
  auto unrecognized = [&] {
    return refuse(s, 404, std::string("Unrecognized request URL (") + http::method_name(m) + ": " + path + ").");
  };
  if (std::find(seg.begin(), seg.end(), std::string()) != seg.end()) return unrecognized();  // "//", trailing "/"
  if (auto answer = route_v2_core_surface(s, m, seg, params)) return *answer;
  if (auto answer = route_surface(s, m, seg, params)) return std::move(*answer);  // surface_routes.hpp
  if (seg.size() >= 2 && seg[0] == "v1" && seg[1] == "accounts") {
    if (seg.size() == 2 && m == M::post) return create_v1(s, params);
    if (seg.size() == 2 && m == M::get) return list_v1(s, params);
    if (seg.size() < 3) return unrecognized();
    auto it = s.accounts.find(seg[2]);
    if (it == s.accounts.end() || it->second.deleted) return missing(s, "account", seg[2]);
    Account& a = it->second;
    if (seg.size() == 3 && m == M::get) {
      if (auto p = check_params<v1::AccountRetrieveParams>(params, true)) return bad(s, *p);
      return reply(s, 200, render_v1(a));
    }
    if (seg.size() == 3 && m == M::post) return update_v1(s, a, params);
    if (seg.size() == 3 && m == M::del) {
      a.deleted = true;
      ++s.commits;
      return reply(s, 200, {{"id", a.id}, {"object", "account"}, {"deleted", true}});
    }
    if (seg.size() == 4 && seg[3] == "reject" && m == M::post) return reject_v1(s, a, params);
    if (seg.size() == 4 && seg[3] == "capabilities" && m == M::get) {
      json data = json::array();
      for (const auto& cap : a.capabilities) data.push_back(render_capability(a, cap));
      return reply(s, 200, {{"object", "list"}, {"data", data}, {"has_more", false},
                          {"url", "/v1/accounts/" + a.id + "/capabilities"}});
    }
    if (seg.size() == 5 && seg[3] == "capabilities") {
      if (!known_capability(seg[4])) return missing(s, "capability", seg[4]);
      if (m == M::get) return reply(s, 200, render_capability(a, seg[4]));
      if (m == M::post) return update_capability(s, a, seg[4], params);
    }
    return unrecognized();
  }
  if (path == "/v1/account_links" && m == M::post) return create_v1_link(s, params);
  if (seg.size() >= 3 && seg[0] == "v2" && seg[1] == "core" && seg[2] == "accounts") {
    if (seg.size() == 3 && m == M::post) return create_v2(s, params);
    if (seg.size() == 3 && m == M::get) return list_v2(s, params);
    auto it = seg.size() >= 4 ? s.accounts.find(seg[3]) : s.accounts.end();
    if (it == s.accounts.end() || !it->second.v2) return missing(s, "account", seg.size() >= 4 ? seg[3] : "");
    Account& a = it->second;
    if (seg.size() == 4 && m == M::get) return retrieve_v2(s, a, params);
    if (seg.size() == 4 && m == M::post) return update_v2(s, a, params);
    if (seg.size() == 5 && seg[4] == "close" && m == M::post) {
      a.closed = true;
      ++s.commits;
      touch(s, a);
      return reply(s, 200, render_v2(a, {}));
    }
    return unrecognized();
  }
  if (path == "/v2/core/account_links" && m == M::post) return create_v2_link(s, params);
  if (seg.size() == 4 && seg[0] == "v2" && seg[1] == "core" && seg[2] == "events" && m == M::get)
    return retrieve_event(s, seg[3]);
  return unrecognized();
}

// One request, start to end: faults, the key, idempotency, params, then the endpoint. Sets
// `drop` when the answer is to be lost after the request committed (drop_after_commit).
inline http::Response dispatch(State& s, const http::Request& req, bool& drop, bool key_in_use) {
  s.refused = false;
  // Split the URL into path and query; the path without dot segments, as production sees it.
  std::string url = req.url;
  auto scheme = url.find("://");
  std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
  auto slash = rest.find('/');
  std::string path_query = slash == std::string::npos ? "/" : rest.substr(slash);
  auto q = path_query.find('?');
  std::string path = remove_dot_segments(path_query.substr(0, q));
  std::string query = q == std::string::npos ? "" : path_query.substr(q + 1);
  path_query = q == std::string::npos ? path : path + "?" + query;

  for (auto it = s.faults.begin(); it != s.faults.end(); ++it) {
    if (path.rfind(it->path_prefix, 0) != 0 || it->count <= 0) continue;
    FaultKind kind = it->kind;
    if (--it->count == 0) s.faults.erase(it);
    switch (kind) {
      case FaultKind::http_500: return error(s, 500, "api_error", "Simulated server error.");
      case FaultKind::http_409: return error(s, 409, "invalid_request_error", "Simulated lock timeout.", "", "lock_timeout");
      case FaultKind::http_429: return error(s, 429, "invalid_request_error", "Simulated rate limit.", "", "rate_limit");
      case FaultKind::drop_before_commit:
        throw http::NoResponseError(http::NoResponseError::Kind::reset, "simulated connection reset");
      case FaultKind::drop_after_commit: drop = true; break;
    }
    break;
  }

  auto auth = req.headers.get("Authorization").value_or("");
  std::string key = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "";
  if (key.rfind("sk_test_", 0) != 0 && key.rfind("sk_live_", 0) != 0 && key.rfind("rk_test_", 0) != 0)
    return error(s, 401, "invalid_request_error",
                 key.empty() ? "You did not provide an API key." : "Invalid API Key provided: " + stripe::detail::redact(key));
  s.live = key.rfind("sk_live_", 0) == 0;

  const bool v2 = path.rfind("/v2/", 0) == 0;
  const bool mutating = req.method != http::Method::get;
  std::string idem = req.headers.get("Idempotency-Key").value_or("");
  const auto boundary = multipart_boundary(req.headers.get("Content-Type").value_or(""));
  std::string fingerprint = std::string(http::method_name(req.method)) + " " + path_query + "\n" +
                            (boundary ? without_boundary(req.body, *boundary) : req.body);
  if (mutating && key_in_use)  // another request with this key is executing: nothing is saved
    return error(s, 409, "idempotency_error",
                 "There is currently another in-progress request using this Idempotent Key (that probably means "
                 "you submitted twice, and the other request is still going through): " + idem +
                     ". Please try again later.",
                 "", "idempotency_key_in_use");
  if (mutating && !idem.empty()) {
    auto stored = s.idempotency.find(idem);
    if (stored != s.idempotency.end()) {
      if (stored->second.fingerprint != fingerprint)
        return error(s, 400, "idempotency_error",
                     "Keys for idempotent requests can only be used with the same parameters they were first used "
                     "with. Try using a key other than '" + idem + "' if you meant to execute a different request.");
      http::Response replay = stored->second.response;
      replay.headers.set("Idempotent-Replayed", "true");
      return replay;
    }
  }

  json params;
  s.surface.upload.reset();
  const bool multipart = boundary.has_value();
  try {
    if (req.method == http::Method::post && multipart) {  // a file upload (files.hpp)
      if (auto problem = multipart_params(s, req, params)) return *problem;
    } else if (req.method == http::Method::post && v2) {
      params = req.body.empty() ? json::object() : json::parse(req.body);
      if (!params.is_object()) throw std::invalid_argument("not an object");
    } else if (req.method == http::Method::post) {
      params = json(form_decode(req.body));
    } else {
      params = json(form_decode(query));
    }
  } catch (const std::exception&) {
    if (req.method == http::Method::post && v2)
      if (auto name = json_non_utf8_param(req.body)) return not_utf8(s, *name);
    return refuse(s, 400, "The request body could not be parsed.");
  }
  if (auto name = non_utf8_param(params)) return not_utf8(s, *name);

  std::size_t commits_before = s.commits;
  http::Response resp;
  // The events this request causes name it as their reason: its Request-Id is the next one.
  s.v2core.request = CurrentRequest{"req_sim_" + std::to_string(s.request_counter + 1), idem};
  try {
    resp = route(s, req.method, path, params);
  } catch (const std::exception&) {  // e.g. a number that does not fit: the API says 400 too
    resp = refuse(s, 400, "Invalid request parameters.");
  }
  s.v2core.request.reset();
  s.surface.upload.reset();  // an upload's bytes live no longer than its request
  // Stripe saves a result only once the endpoint started executing: not for refused params or
  // an unknown URL, so the corrected retry with the same key runs. Errors after that replay.
  if (mutating && !idem.empty() && !s.refused && resp.status < 500 &&
      (s.commits > commits_before || resp.status >= 400))
    s.idempotency[idem] = StoredResponse{fingerprint, resp};
  if (drop && s.commits == commits_before) drop = false;  // nothing committed: a plain answer
  return resp;
}

}  // namespace stripe::testing::sim
